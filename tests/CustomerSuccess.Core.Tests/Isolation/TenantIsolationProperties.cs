using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CustomerSuccess.Core.Access;
using CustomerSuccess.Core.Crm;
using CustomerSuccess.Core.Records;
using CustomerSuccess.Core.Scores;
using CustomerSuccess.Core.Stores.InMemory;
using CustomerSuccess.Core.Views;
using CustomerSuccess.Core.Workspaces;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using NodaTime.Testing;

namespace CustomerSuccess.Core.Tests.Isolation;

/// <summary>
/// Tenant isolation by construction: for any two portals and any sequence of operations on both, whatever one portal can
/// observe through the services and ports (lists, counts, totals, versions, errors) is exactly what it would observe if
/// the other portal did not exist; and a key of the other portal is answered like one that does not exist.
/// </summary>
public sealed class TenantIsolationProperties
{
    private static readonly AccountContext A = new(PortalId.From(1), ServiceHubTier.Enterprise);
    private static readonly AccountContext B = new(PortalId.From(2), ServiceHubTier.Enterprise);
    private static readonly Actor Manager = Actor.SuperAdmin(UserId.From(1), hasServiceSeat: true);
    private static readonly CrmObjectSchema Companies = new(CrmObjectType.Companies, [new CrmProperty("tier", CrmPropertyType.Text)]);
    private static readonly CrmSchema Schema = new([new CrmObjectSchema(CrmObjectType.Companies, [new CrmProperty("company_csm", CrmPropertyType.User), new CrmProperty("tier", CrmPropertyType.Text)])]);

    public enum Kind
    {
        CreateWorkspace,
        RenameWorkspace,
        DeleteWorkspace,
        ConfigureCustomers,
        CreateView,
        SetDefaultView,
        AddRecord,
        CreateScore,
        ProbeOtherPortal,
    }

    public sealed record Operation(bool OnA, Kind Kind, int Number, int Other)
    {
        public override string ToString() => $"{(OnA ? "A" : "B")}:{Kind}({Number},{Other})";
    }

    private sealed class World
    {
        public InMemoryWorkspaceDirectoryStore Directories { get; } = new();

        public InMemoryWorkspaceConfigurationStore Configurations { get; } = new();

        public InMemoryViewCatalogStore Views { get; } = new();

        public InMemoryHealthScoreCatalogStore Scores { get; } = new();

        public InMemoryRecordQuery Records { get; } = new();

        public ServiceContext Context { get; } = new(AccessPolicy.Default, new FakeClock(Instant.FromUtc(2026, 1, 1, 0, 0)));

        public WorkspaceService Workspaces => new(Directories, Context);

        public WorkspaceSettingsService Settings => new(Configurations, Directories, Context);

        public ViewService ViewsService => new(Views, Records, Directories, Context);

        public HealthScoreCatalogService ScoresService => new(Scores, Configurations, Context);
    }

    private static Arbitrary<Operation[]> Sequences() =>
        (from count in Gen.Choose(1, 25)
         from ops in Gen.ArrayOf(
             from onA in Gen.Elements(true, false)
             from kind in Gen.Elements(Enum.GetValues<Kind>())
             from number in Gen.Choose(1, 7)
             from other in Gen.Choose(1, 4)
             select new Operation(onA, kind, number, other),
             count)
         select ops).ToArbitrary();

    [Property(MaxTest = 500)]
    [Trait("Rule", "28")]
    public Property AnyOperationsOnTwoPortals_NothingOfOneIsObservableFromTheOther() =>
        Prop.ForAll(Sequences(), ops =>
        {
            var both = new World();
            var alone = new World();
            foreach (var op in ops)
            {
                var probe = Apply(both, op).GetAwaiter().GetResult();
                if (op.Kind == Kind.ProbeOtherPortal)
                {
                    Assert.Equal(WorkspaceErrors.NotFoundCode, probe);
                }

                if (!op.OnA)
                {
                    Apply(alone, op).GetAwaiter().GetResult();
                }
            }

            Assert.Equal(Observe(alone, B).GetAwaiter().GetResult(), Observe(both, B).GetAwaiter().GetResult());
            return true;
        });

    private static async Task<string?> Apply(World world, Operation op)
    {
        var account = op.OnA ? A : B;
        var workspaceId = WorkspaceId.From(op.Number);
        var catalog = ViewCatalogKey.Create(account.PortalId, workspaceId, ViewTab.Customers);
        Result result = op.Kind switch
        {
            Kind.CreateWorkspace => (await world.Workspaces.CreateTeamWorkspaceAsync(Manager, account, $"W{op.Number}", null, [TeamId.From(op.Other)])).ToResult(),
            Kind.RenameWorkspace => (await world.Workspaces.RenameAsync(Manager, account, workspaceId, $"Renamed {op.Other}")).ToResult(),
            Kind.DeleteWorkspace => (await world.Workspaces.DeleteAsync(Manager, account, workspaceId, WorkspaceDirectory.DeleteConfirmationPhrase)).ToResult(),
            Kind.ConfigureCustomers => (await world.Settings.ConfigureCustomersAsync(Manager, account, workspaceId, "company_csm", null, Schema)).ToResult(),
            Kind.CreateView => (await world.ViewsService.CreateViewAsync(Manager, account, catalog, new ViewDefinition($"V{op.Other}", op.Other % 2 == 0 ? ViewSharing.Everyone : ViewSharing.Private, [RecordFilterTarget.CsmOwner]), RecordFilterTarget.For(Companies))).ToResult(),
            Kind.SetDefaultView => (await world.ViewsService.SetDefaultViewAsync(Manager, account, catalog, ViewId.From(op.Other), "card")).ToResult(),
            Kind.AddRecord => AddRecord(world, account, op),
            Kind.CreateScore => (await world.ScoresService.CreateFromScratchAsync(Manager, account, $"S{op.Other}")).ToResult(),
            _ => (await world.ViewsService.GetViewsAsync(Manager, account, ViewCatalogKey.Create(op.OnA ? B.PortalId : A.PortalId, workspaceId, ViewTab.Customers))).ToResult(),
        };
        return result.Error?.Code;
    }

    private static Result AddRecord(World world, AccountContext account, Operation op)
    {
        world.Records.Upsert(new CrmRecord
        {
            PortalId = account.PortalId,
            ObjectType = CrmObjectType.Companies,
            Id = RecordId.From(op.Number),
            CsmOwnerId = Manager.UserId,
            CreatedAt = Instant.FromUtc(2025, 1, op.Other, 0, 0),
        });
        return Result.Success();
    }

    /// <summary>Everything a portal can see through the services: states, versions, lists, totals and the errors of
    /// every id it might try.</summary>
    private static async Task<string> Observe(World world, AccountContext account)
    {
        var lines = new List<string>();
        var directory = await world.Workspaces.GetDirectoryAsync(Manager, account);
        lines.Add($"directory {directory.Value.Version} {string.Join(",", directory.Value.State.Workspaces.Values.Select(w => $"{w.Id}:{w.Name}:{string.Join("+", w.Teams)}"))}");
        var configuration = await world.Settings.GetConfigurationAsync(Manager, account);
        lines.Add($"configuration {configuration.Value.Version} {string.Join(",", configuration.Value.State.Settings.Select(s => $"{s.Key}:{s.Value.Customers.CsmOwnerProperty}"))}");
        var scores = await world.ScoresService.GetCatalogAsync(Manager, account);
        lines.Add($"scores {scores.Value.Version} {string.Join(",", scores.Value.State.Scores.Select(s => $"{s.Id}:{s.Name}"))}");
        for (var n = 1; n <= 7; n++)
        {
            var key = ViewCatalogKey.Create(account.PortalId, WorkspaceId.From(n), ViewTab.Customers);
            var views = await world.ViewsService.GetViewsAsync(Manager, account, key);
            lines.Add(views.IsSuccess
                ? $"views {n} {views.Value.Version} {string.Join(",", views.Value.State.Views.Select(v => $"{v.Id}:{v.Name}"))} defaults {string.Join(",", views.Value.State.DefaultViews.Select(v => v.Id))}"
                : $"views {n} {views.Error.Code}");
            var records = await world.ViewsService.ListRecordsAsync(Manager, account, new RecordListRequest(key, ViewId.From(1), Companies, DateTimeZone.Utc, PageRequest.First(50)));
            lines.Add(records.IsSuccess
                ? $"records {n} total {records.Value.TotalCount} {string.Join(",", records.Value.Items.Select(r => r.Id))}"
                : $"records {n} {records.Error.Code}");
            var rename = await world.Workspaces.RenameAsync(Actor.Csm(UserId.From(9)), account, WorkspaceId.From(n), "x");
            lines.Add($"rename {n} {rename.Error?.Code}");
        }

        var version = await world.ScoresService.GetVersionAsync(Manager, account, CustomerSuccess.Core.HealthScores.HealthScoreId.From(1), 1);
        lines.Add($"version {version.Error?.Code}");
        return string.Join("\n", lines);
    }
}
