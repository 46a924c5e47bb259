using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CustomerSuccess.Core.Records;
using CustomerSuccess.Core.Scores;
using CustomerSuccess.Core.Testing;
using CustomerSuccess.Core.Views;
using CustomerSuccess.Core.Workspaces;

namespace CustomerSuccess.Core.Stores.EntityFrameworkCore.Tests;

// The whole conformance kit, on SQLite (a temporary file per case) and on PostgreSQL (a database per case, copied from a
// migrated template). The PostgreSQL classes skip with a reason when CUSTOMERSUCCESS_POSTGRES is not set, and fail on CI.

internal static class StoreFactory
{
    internal static async Task<IReadOnlyList<IDomainEvent>> OutboxOf(EntityFrameworkCoreStores stores) =>
        [.. (await stores.Outbox.ReadAsync(10_000)).Select(m => m.Event)];
}

public abstract class EfWorkspaceDirectoryConformance : WorkspaceDirectoryStoreConformance, IAsyncLifetime
{
    private readonly Dictionary<object, EntityFrameworkCoreStores> _stores = [];
    private readonly TestDatabaseScope _scope = new();

    protected abstract bool OnPostgreSql { get; }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _scope.DisposeAsync().AsTask();

    protected override async Task<IAggregateStore<PortalId, WorkspaceDirectoryState>> CreateStoreAsync()
    {
        var stores = OnPostgreSql ? await _scope.PostgreSqlAsync() : await _scope.SqliteAsync();
        _stores[stores.WorkspaceDirectories] = stores;
        return stores.WorkspaceDirectories;
    }

    protected override Task<IReadOnlyList<IDomainEvent>> ReadOutboxAsync(IAggregateStore<PortalId, WorkspaceDirectoryState> store) => StoreFactory.OutboxOf(_stores[store]);
}

public abstract class EfWorkspaceConfigurationConformance : WorkspaceConfigurationStoreConformance, IAsyncLifetime
{
    private readonly Dictionary<object, EntityFrameworkCoreStores> _stores = [];
    private readonly TestDatabaseScope _scope = new();

    protected abstract bool OnPostgreSql { get; }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _scope.DisposeAsync().AsTask();

    protected override async Task<IAggregateStore<PortalId, WorkspaceConfigurationState>> CreateStoreAsync()
    {
        var stores = OnPostgreSql ? await _scope.PostgreSqlAsync() : await _scope.SqliteAsync();
        _stores[stores.WorkspaceConfigurations] = stores;
        return stores.WorkspaceConfigurations;
    }

    protected override Task<IReadOnlyList<IDomainEvent>> ReadOutboxAsync(IAggregateStore<PortalId, WorkspaceConfigurationState> store) => StoreFactory.OutboxOf(_stores[store]);
}

public abstract class EfViewCatalogConformance : ViewCatalogStoreConformance, IAsyncLifetime
{
    private readonly Dictionary<object, EntityFrameworkCoreStores> _stores = [];
    private readonly TestDatabaseScope _scope = new();

    protected abstract bool OnPostgreSql { get; }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _scope.DisposeAsync().AsTask();

    protected override async Task<IAggregateStore<ViewCatalogKey, ViewCatalogState>> CreateStoreAsync()
    {
        var stores = OnPostgreSql ? await _scope.PostgreSqlAsync() : await _scope.SqliteAsync();
        _stores[stores.ViewCatalogs] = stores;
        return stores.ViewCatalogs;
    }

    protected override Task<IReadOnlyList<IDomainEvent>> ReadOutboxAsync(IAggregateStore<ViewCatalogKey, ViewCatalogState> store) => StoreFactory.OutboxOf(_stores[store]);
}

public abstract class EfHealthScoreCatalogConformance : HealthScoreCatalogStoreConformance, IAsyncLifetime
{
    private readonly Dictionary<object, EntityFrameworkCoreStores> _stores = [];
    private readonly TestDatabaseScope _scope = new();

    protected abstract bool OnPostgreSql { get; }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _scope.DisposeAsync().AsTask();

    protected override async Task<IAggregateStore<PortalId, HealthScoreCatalogState>> CreateStoreAsync()
    {
        var stores = OnPostgreSql ? await _scope.PostgreSqlAsync() : await _scope.SqliteAsync();
        _stores[stores.HealthScoreCatalogs] = stores;
        return stores.HealthScoreCatalogs;
    }

    protected override Task<IReadOnlyList<IDomainEvent>> ReadOutboxAsync(IAggregateStore<PortalId, HealthScoreCatalogState> store) => StoreFactory.OutboxOf(_stores[store]);
}

public abstract class EfServiceInvariantConformance : ServiceInvariantConformance, IAsyncLifetime
{
    private readonly TestDatabaseScope _scope = new();
    private EntityFrameworkCoreStores? _stores;

    protected abstract bool OnPostgreSql { get; }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _scope.DisposeAsync().AsTask();

    protected override async Task<IWorkspaceDirectoryStore> CreateWorkspaceDirectoryStoreAsync() => (await Stores()).WorkspaceDirectories;

    protected override async Task<IViewCatalogStore> CreateViewCatalogStoreAsync() => (await Stores()).ViewCatalogs;

    private async Task<EntityFrameworkCoreStores> Stores() => _stores ??= OnPostgreSql ? await _scope.PostgreSqlAsync() : await _scope.SqliteAsync();
}

public abstract class EfRecordQueryConformance : RecordQueryConformance, IAsyncLifetime
{
    private readonly TestDatabaseScope _scope = new();

    protected abstract bool OnPostgreSql { get; }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _scope.DisposeAsync().AsTask();

    protected override async Task<IRecordQuery> CreateQueryAsync(IReadOnlyList<CrmRecord> records)
    {
        var stores = OnPostgreSql ? await _scope.PostgreSqlAsync() : await _scope.SqliteAsync();
        await stores.RecordStore.UpsertAsync([.. records]);
        return stores.Records;
    }
}

public sealed class SqliteWorkspaceDirectoryConformanceTests : EfWorkspaceDirectoryConformance { protected override bool OnPostgreSql => false; }

public sealed class SqliteWorkspaceConfigurationConformanceTests : EfWorkspaceConfigurationConformance { protected override bool OnPostgreSql => false; }

public sealed class SqliteViewCatalogConformanceTests : EfViewCatalogConformance { protected override bool OnPostgreSql => false; }

public sealed class SqliteHealthScoreCatalogConformanceTests : EfHealthScoreCatalogConformance { protected override bool OnPostgreSql => false; }

public sealed class SqliteServiceInvariantConformanceTests : EfServiceInvariantConformance { protected override bool OnPostgreSql => false; }

public sealed class SqliteRecordQueryConformanceTests : EfRecordQueryConformance { protected override bool OnPostgreSql => false; }

public sealed class PostgreSqlWorkspaceDirectoryConformanceTests : EfWorkspaceDirectoryConformance { protected override bool OnPostgreSql => true; }

public sealed class PostgreSqlWorkspaceConfigurationConformanceTests : EfWorkspaceConfigurationConformance { protected override bool OnPostgreSql => true; }

public sealed class PostgreSqlViewCatalogConformanceTests : EfViewCatalogConformance { protected override bool OnPostgreSql => true; }

public sealed class PostgreSqlHealthScoreCatalogConformanceTests : EfHealthScoreCatalogConformance { protected override bool OnPostgreSql => true; }

public sealed class PostgreSqlServiceInvariantConformanceTests : EfServiceInvariantConformance { protected override bool OnPostgreSql => true; }

public sealed class PostgreSqlRecordQueryConformanceTests : EfRecordQueryConformance { protected override bool OnPostgreSql => true; }
