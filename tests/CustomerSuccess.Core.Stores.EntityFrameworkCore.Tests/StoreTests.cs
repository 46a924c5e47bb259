using System;
using System.Linq;
using System.Threading.Tasks;
using CustomerSuccess.Core.Access;
using CustomerSuccess.Core.Crm;
using CustomerSuccess.Core.HealthScores;
using CustomerSuccess.Core.HealthScores.Snapshots;
using CustomerSuccess.Core.Records;
using CustomerSuccess.Core.Specification;
using CustomerSuccess.Core.Workspaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace CustomerSuccess.Core.Stores.EntityFrameworkCore.Tests;

/// <summary>What the EF Core store guarantees beyond the kit, on SQLite and (when configured) PostgreSQL.</summary>
public abstract class StoreTests : IAsyncLifetime
{
    private readonly TestDatabaseScope _scope = new();

    protected abstract bool OnPostgreSql { get; }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _scope.DisposeAsync().AsTask();

    private Task<EntityFrameworkCoreStores> OpenAsync() => OnPostgreSql ? _scope.PostgreSqlAsync() : _scope.SqliteAsync();

    [SkippableFact]
    public async Task Migrations_CreateTheWholeModel_NothingPending()
    {
        var stores = await OpenAsync();
        await using var context = stores.CreateDbContext();

        Assert.Single(await context.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
        Assert.False(context.Database.HasPendingModelChanges(), "the model has changes no shipped migration contains: add a migration per provider");
        Assert.Equal(0, await context.Records.CountAsync());
    }

    [SkippableFact]
    public async Task RecordQuery_UntranslatableFilter_ThrowsInsteadOfScanningInMemory()
    {
        var stores = await OpenAsync();
        await stores.RecordStore.UpsertAsync([new CrmRecord { PortalId = PortalId.From(1), ObjectType = CrmObjectType.Companies, Id = RecordId.From(1), PipelineId = "a" }]);
        var clientOnly = new Specification<CrmRecord>();
        clientOnly.Query.Where(r => Reverse(r.PipelineId) == "a");
        var objectMethod = new Specification<CrmRecord>();
        objectMethod.Query.Where(r => r.ToString() == "a");
        var sample = new CrmRecord();
        var recordValue = new Specification<CrmRecord>();
        recordValue.Query.Where(r => r == sample);

        await Assert.ThrowsAsync<InvalidOperationException>(() => stores.Records.QueryAsync(new RecordQuery(PortalId.From(1), CrmObjectType.Companies, clientOnly, PageRequest.First(10))));
        await Assert.ThrowsAsync<InvalidOperationException>(() => stores.Records.QueryAsync(new RecordQuery(PortalId.From(1), CrmObjectType.Companies, objectMethod, PageRequest.First(10))));
        await Assert.ThrowsAsync<NotSupportedException>(() => stores.Records.QueryAsync(new RecordQuery(PortalId.From(1), CrmObjectType.Companies, recordValue, PageRequest.First(10))));
    }

    [SkippableFact]
    public async Task RecordStore_UpsertReplacesTheWholeRecord_DeleteCountsAndKeepsOtherPortals()
    {
        var stores = await OpenAsync();
        var first = new CrmRecord { PortalId = PortalId.From(1), ObjectType = CrmObjectType.Companies, Id = RecordId.From(1), Properties = [CrmPropertyValue.Text("tier", "gold"), CrmPropertyValue.Number("arr", 5)] };
        var other = first with { PortalId = PortalId.From(2) };
        await stores.RecordStore.UpsertAsync([first, other]);
        await stores.RecordStore.UpsertAsync([first with { Properties = [CrmPropertyValue.Number("arr", 7)] }]);

        var all = new Specification<CrmRecord>();
        var page = await stores.Records.QueryAsync(new RecordQuery(PortalId.From(1), CrmObjectType.Companies, all, PageRequest.First(10)));
        Assert.Equal([CrmPropertyValue.Number("arr", 7)], page.Items.Single().Properties);

        Assert.Equal(1, await stores.RecordStore.DeleteAsync(PortalId.From(1), CrmObjectType.Companies, [RecordId.From(1), RecordId.From(99)]));
        Assert.Equal(0, (await stores.Records.QueryAsync(new RecordQuery(PortalId.From(1), CrmObjectType.Companies, all, PageRequest.First(10)))).TotalCount);
        Assert.Equal(1, (await stores.Records.QueryAsync(new RecordQuery(PortalId.From(2), CrmObjectType.Companies, all, PageRequest.First(10)))).TotalCount);
        await Assert.ThrowsAsync<ArgumentException>(() => stores.RecordStore.UpsertAsync([first, first]));
        await Assert.ThrowsAsync<ArgumentException>(() => stores.RecordStore.UpsertAsync([first with { Properties = [CrmPropertyValue.Text("a", "x"), CrmPropertyValue.Text("a", "y")] }]));
    }

    [SkippableFact]
    public async Task Outbox_AcknowledgedEventsAreGone_OthersStayInOrder()
    {
        var stores = await OpenAsync();
        var service = new WorkspaceService(stores.WorkspaceDirectories, new ServiceContext(AccessPolicy.Default, new FakeClock(Instant.FromUtc(2026, 1, 1, 0, 0))));
        var admin = Actor.SuperAdmin(UserId.From(1), hasServiceSeat: true);
        var account = new AccountContext(PortalId.From(1), ServiceHubTier.Enterprise);
        for (var i = 0; i < 3; i++)
        {
            Assert.True((await service.CreateTeamWorkspaceAsync(admin, account, $"W{i}", null, [])).IsSuccess);
        }

        var batch = await stores.Outbox.ReadAsync(2);
        Assert.Equal(2, batch.Count);
        Assert.True(batch[0].Position < batch[1].Position);
        Assert.All(batch, m => Assert.Equal("workspace.created", m.TypeName));
        Assert.Equal(2, await stores.Outbox.AcknowledgeAsync([.. batch.Select(m => m.Position)]));
        var rest = await stores.Outbox.ReadAsync(10);
        Assert.Single(rest);
        Assert.True(rest[0].Position > batch[1].Position);
    }

    [SkippableFact]
    public async Task Portfolio_StreamsSignalsIntoTheSnapshotInIdOrder()
    {
        var stores = await OpenAsync();
        var day = Instant.FromUtc(2026, 5, 1, 23, 30);
        await stores.RecordStore.UpsertAsync(
        [
            Record(3, CrmPropertyValue.Number("nps", 9.5m), CrmPropertyValue.Text("sentiment", "happy"), CrmPropertyValue.Date("renewal", day), CrmPropertyValue.Boolean("strategic", true)),
            Record(1, CrmPropertyValue.Number("nps", null), CrmPropertyValue.Text("nps_note", "x")),
            Record(2, CrmPropertyValue.Text("nps", "10"), CrmPropertyValue.Text("sentiment", "sad it's 'quoted'")),
            Record(4) with { PortalId = PortalId.From(2) },
        ]);
        var schema = new PortfolioSchema([new("nps", SignalType.Number), new("sentiment", SignalType.Text), new("renewal", SignalType.Date), new("strategic", SignalType.Boolean)]);

        var read = await stores.Portfolios.ReadAsync(PortalId.From(1), CrmObjectType.Companies, schema, DateTimeZoneProviders.Tzdb["Europe/Berlin"]);

        Assert.Equal([1L, 2L, 3L], read.RecordIds.Select(i => i.Value));
        var s = read.Snapshot;
        Assert.Equal(3, s.AccountCount);
        Assert.Equal([null, null, null, null], Enumerable.Range(0, 4).Select(c => s.GetValue(c, 0)));
        Assert.Equal([null, "sad it's 'quoted'", null, null], Enumerable.Range(0, 4).Select(c => s.GetValue(c, 1)));
        Assert.Equal([9.5, "happy", new LocalDate(2026, 5, 2), true], Enumerable.Range(0, 4).Select(c => s.GetValue(c, 2)));
    }

    private static CrmRecord Record(long id, params CrmPropertyValue[] properties) =>
        new() { PortalId = PortalId.From(1), ObjectType = CrmObjectType.Companies, Id = RecordId.From(id), Properties = properties };

    private static string? Reverse(string? text) => text is null ? null : new string([.. text.Reverse()]);
}

public sealed class SqliteStoreTests : StoreTests
{
    protected override bool OnPostgreSql => false;

    [Fact]
    public void Create_WithoutSqliteOrNpgsql_Throws()
    {
        Assert.Throws<ArgumentException>(() => EntityFrameworkCoreStores.Create(_ => { }));
    }

    [Fact]
    public async Task AddEntityFrameworkCoreStores_RegistersEveryPort_AndASecondProcessSeesTheData()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "customersuccess-di-" + Guid.NewGuid().ToString("N") + ".db");
        try
        {
            var admin = Actor.SuperAdmin(UserId.From(1), hasServiceSeat: true);
            var account = new AccountContext(PortalId.From(5), ServiceHubTier.Enterprise);
            foreach (var run in new[] { 1, 2 })
            {
                var services = new ServiceCollection();
                // Tasks and meetings are not kept by the EF Core store: the in-memory stores fill in those ports only.
                services.AddCustomerSuccess().AddEntityFrameworkCoreStores(o => o.UseSqlite($"Data Source={path};Pooling=False")).AddInMemoryStores();
                await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
                await provider.GetRequiredService<EntityFrameworkCoreStores>().MigrateAsync();
                Assert.IsType<EntityFrameworkCoreWorkspaceDirectoryStore>(provider.GetRequiredService<IWorkspaceDirectoryStore>());
                Assert.IsType<EntityFrameworkCoreRecordStore>(provider.GetRequiredService<IRecordQuery>());
                Assert.IsType<EntityFrameworkCoreRecordStore>(provider.GetRequiredService<IRecordStore>());

                using var scope = provider.CreateScope();
                var workspaces = scope.ServiceProvider.GetRequiredService<WorkspaceService>();
                if (run == 1)
                {
                    Assert.True((await workspaces.CreateTeamWorkspaceAsync(admin, account, "EMEA", null, [])).IsSuccess);
                }
                else
                {
                    var directory = (await workspaces.GetDirectoryAsync(admin, account)).Value.State;
                    Assert.Contains(directory.Workspaces.Values, w => w.Name == "EMEA");
                }
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            TestDatabases.DeleteSqlite(path);
        }
    }
}

public sealed class PostgreSqlStoreTests : StoreTests
{
    protected override bool OnPostgreSql => true;
}
