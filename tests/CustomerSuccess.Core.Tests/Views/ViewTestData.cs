using System.Collections.Immutable;
using CustomerSuccess.Core.Access;
using CustomerSuccess.Core.Crm;
using CustomerSuccess.Core.Filters;
using CustomerSuccess.Core.Records;
using CustomerSuccess.Core.Views;
using CustomerSuccess.Core.Workspaces;
using NodaTime;

namespace CustomerSuccess.Core.Tests.Views;

internal static class ViewTestData
{
    public static readonly PortalId Portal = PortalId.From(100);
    public static readonly AccountContext Account = new(Portal, ServiceHubTier.Professional);
    public static readonly AccountContext Enterprise = new(Portal, ServiceHubTier.Enterprise);
    public static readonly ViewCatalogKey Customers = ViewCatalogKey.Create(Portal, WorkspaceId.From(1), ViewTab.Customers);
    public static readonly Instant Now = Instant.FromUtc(2025, 3, 30, 10, 0);

    public static readonly Actor Csm1 = Actor.Csm(UserId.From(1));
    public static readonly Actor Csm2 = Actor.Csm(UserId.From(2));
    public static readonly Actor Manager = Actor.Manager(UserId.From(3));
    public static readonly Actor SuperAdmin = Actor.SuperAdmin(UserId.From(4), hasServiceSeat: true);
    public static readonly Actor SeatlessSuperAdmin = Actor.SuperAdmin(UserId.From(5), hasServiceSeat: false);

    public static readonly CrmObjectSchema Schema = new(
        CrmObjectType.Companies,
        [
            new CrmProperty("renewal_date", CrmPropertyType.Date),
            new CrmProperty("arr", CrmPropertyType.Number),
            new CrmProperty("tier", CrmPropertyType.Text),
            new CrmProperty("is_strategic", CrmPropertyType.Boolean),
        ]);

    public static readonly FilterTarget<CrmRecord> Target = RecordFilterTarget.For(Schema);

    public static ViewCatalogKey Key(ViewTab tab) => ViewCatalogKey.Create(Portal, WorkspaceId.From(1), tab);

    public static ViewCatalog NewCatalog(ViewTab tab = ViewTab.Customers) => new(ViewCatalog.CreateInitialState(Key(tab)), AccessPolicy.Default);

    public static ViewDefinition Definition(string name, ViewSharing sharing, ViewFilter? filter = null) =>
        new(name, sharing, ImmutableArray.Create(RecordFilterTarget.CsmOwner, "arr"), filter);

    public static View CreateView(this ViewCatalog catalog, Actor actor, string name, ViewSharing sharing)
    {
        var result = catalog.Create(actor, Account, Definition(name, sharing), Target, Now);
        Assert.True(result.IsSuccess, result.ToString());
        return result.Value;
    }
}
