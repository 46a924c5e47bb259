using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.Core.Access;
using CustomerSuccess.Core.Crm;
using CustomerSuccess.Core.Records;
using CustomerSuccess.Core.Scores;
using CustomerSuccess.Core.Views;
using CustomerSuccess.Core.Workspaces;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Xunit;

namespace CustomerSuccess.Core.Testing;

/// <summary>
/// Tenant isolation by construction, on any store: for any two portals and any sequence of operations on both, whatever one portal can
/// observe through the services and ports (lists, counts, totals, versions, errors) is exactly what it would observe if
/// the other portal did not exist; and a key of the other portal is answered like one that does not exist.
/// </summary>
public abstract class TenantIsolationConformance
{
    private static readonly AccountContext A = new(PortalId.From(1), ServiceHubTier.Enterprise);
    private static readonly AccountContext B = new(PortalId.From(2), ServiceHubTier.Enterprise);
    private static readonly Actor Manager = Actor.SuperAdmin(UserId.From(1), hasServiceSeat: true);
    private static readonly CrmObjectSchema Companies = new(CrmObjectType.Companies, [new CrmProperty("tier", CrmPropertyType.Text)]);
    private static readonly CrmSchema Schema = new([new CrmObjectSchema(CrmObjectType.Companies, [new CrmProperty("company_csm", CrmPropertyType.User), new CrmProperty("tier", CrmPropertyType.Text)])]);

    private enum Kind
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

    private sealed record Operation(bool OnA, Kind Kind, int Number, int Other)
    {
        public override string ToString() => $"{(OnA ? "A" : "B")}:{Kind}({Number},{Other})";
    }

    /// <summary>Gets the number of generated operation sequences (each runs on two fresh sets of stores).</summary>
    protected virtual int Cases => 500;

    /// <summary>Creates a fresh, empty set of stores.</summary>
    /// <returns>The stores.</returns>
    protected abstract Task<IsolationStores> CreateStoresAsync();

    /// <summary>For any two portals and any sequence of operations on both, whatever one portal observes through the
    /// services (lists, counts, totals, versions, errors) is what it would observe if the other did not exist, and a key
    /// of the other portal is answered like a missing one (rule 28's isolation of tenants).</summary>
    [SkippableFact]
    [Trait("Rule", "28")]
    public virtual void Any_operations_on_two_portals_nothing_of_one_is_observable_from_the_other()
    {
        // A store whose server is not configured skips here (Xunit.SkipException), before the property runs.
        _ = CreateStoresAsync().GetAwaiter().GetResult();
        Prop.ForAll(Sequences(), ops =>
        {
            var both = new World(CreateStoresAsync().GetAwaiter().GetResult());
            var alone = new World(CreateStoresAsync().GetAwaiter().GetResult());
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
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(Cases));
    }

    private sealed class World(IsolationStores stores)
    {
        public IsolationStores Stores { get; } = stores;

        public ServiceContext Context { get; } = new(AccessPolicy.Default, new FixedClock(Instant.FromUtc(2026, 1, 1, 0, 0)));

        public WorkspaceService Workspaces => new(Stores.WorkspaceDirectories, Context);

        public WorkspaceSettingsService Settings => new(Stores.WorkspaceConfigurations, Stores.WorkspaceDirectories, Context);

        public ViewService ViewsService => new(Stores.ViewCatalogs, Stores.Records, Stores.WorkspaceDirectories, Context);

        public HealthScoreCatalogService ScoresService => new(Stores.HealthScoreCatalogs, Stores.WorkspaceConfigurations, Context);
    }

    private sealed class FixedClock(Instant now) : IClock
    {
        public Instant GetCurrentInstant() => now;
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
            Kind.AddRecord => await AddRecord(world, account, op),
            Kind.CreateScore => (await world.ScoresService.CreateFromScratchAsync(Manager, account, $"S{op.Other}")).ToResult(),
            _ => (await world.ViewsService.GetViewsAsync(Manager, account, ViewCatalogKey.Create(op.OnA ? B.PortalId : A.PortalId, workspaceId, ViewTab.Customers))).ToResult(),
        };
        return result.Error?.Code;
    }

    private static async Task<Result> AddRecord(World world, AccountContext account, Operation op)
    {
        await world.Stores.UpsertRecordAsync(new CrmRecord
        {
            PortalId = account.PortalId,
            ObjectType = CrmObjectType.Companies,
            Id = RecordId.From(op.Number),
            CsmOwnerId = Manager.UserId,
            CreatedAt = Instant.FromUtc(2025, 1, op.Other, 0, 0),
        }, CancellationToken.None);
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
