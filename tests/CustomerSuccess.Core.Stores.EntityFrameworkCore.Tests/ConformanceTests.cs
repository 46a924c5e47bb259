using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CustomerSuccess.Core.Alerts;
using CustomerSuccess.Core.Records;
using CustomerSuccess.Core.Scores;
using CustomerSuccess.Core.Tasks;
using CustomerSuccess.Core.Testing;
using CustomerSuccess.Core.Views;
using CustomerSuccess.Core.Workspaces;

namespace CustomerSuccess.Core.Stores.EntityFrameworkCore.Tests;

// The whole conformance kit, on SQLite (a temporary file per case) and on PostgreSQL (a database per case, copied from a
// migrated template). The PostgreSQL classes skip with a reason when CUSTOMERSUCCESS_POSTGRES is not set, and fail on CI.

/// <summary>What every EF Core kit class shares: fresh databases per case (released when xUnit disposes the class
/// instance) and the outbox of the database a port belongs to.</summary>
internal sealed class EfKitHost(bool onPostgreSql) : IAsyncDisposable
{
    private readonly TestDatabaseScope _scope = new();
    private readonly ConcurrentDictionary<object, EntityFrameworkCoreStores> _stores = new();

    public async Task<T> OpenAsync<T>(Func<EntityFrameworkCoreStores, T> port)
        where T : class
    {
        var stores = onPostgreSql ? await _scope.PostgreSqlAsync() : await _scope.SqliteAsync();
        var opened = port(stores);
        _stores[opened] = stores;
        return opened;
    }

    public async Task<IReadOnlyList<IDomainEvent>> OutboxAsync(object port) =>
        [.. (await _stores[port].Outbox.ReadAsync(10_000)).Select(m => m.Event)];

    public ValueTask DisposeAsync() => _scope.DisposeAsync();
}

public abstract class EfWorkspaceDirectoryConformance(bool onPostgreSql) : WorkspaceDirectoryStoreConformance, IAsyncLifetime
{
    private readonly EfKitHost _host = new(onPostgreSql);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    protected override async Task<IAggregateStore<PortalId, WorkspaceDirectoryState>> CreateStoreAsync() => await _host.OpenAsync(s => s.WorkspaceDirectories);

    protected override Task<IReadOnlyList<IDomainEvent>> ReadOutboxAsync(IAggregateStore<PortalId, WorkspaceDirectoryState> store) => _host.OutboxAsync(store);
}

public abstract class EfWorkspaceConfigurationConformance(bool onPostgreSql) : WorkspaceConfigurationStoreConformance, IAsyncLifetime
{
    private readonly EfKitHost _host = new(onPostgreSql);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    protected override async Task<IAggregateStore<PortalId, WorkspaceConfigurationState>> CreateStoreAsync() => await _host.OpenAsync(s => s.WorkspaceConfigurations);

    protected override Task<IReadOnlyList<IDomainEvent>> ReadOutboxAsync(IAggregateStore<PortalId, WorkspaceConfigurationState> store) => _host.OutboxAsync(store);
}

public abstract class EfViewCatalogConformance(bool onPostgreSql) : ViewCatalogStoreConformance, IAsyncLifetime
{
    private readonly EfKitHost _host = new(onPostgreSql);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    protected override async Task<IAggregateStore<ViewCatalogKey, ViewCatalogState>> CreateStoreAsync() => await _host.OpenAsync(s => s.ViewCatalogs);

    protected override Task<IReadOnlyList<IDomainEvent>> ReadOutboxAsync(IAggregateStore<ViewCatalogKey, ViewCatalogState> store) => _host.OutboxAsync(store);
}

public abstract class EfHealthScoreCatalogConformance(bool onPostgreSql) : HealthScoreCatalogStoreConformance, IAsyncLifetime
{
    private readonly EfKitHost _host = new(onPostgreSql);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    protected override async Task<IAggregateStore<PortalId, HealthScoreCatalogState>> CreateStoreAsync() => await _host.OpenAsync(s => s.HealthScoreCatalogs);

    protected override Task<IReadOnlyList<IDomainEvent>> ReadOutboxAsync(IAggregateStore<PortalId, HealthScoreCatalogState> store) => _host.OutboxAsync(store);
}

public abstract class EfAlertBookConformance(bool onPostgreSql) : AlertBookStoreConformance, IAsyncLifetime
{
    private readonly EfKitHost _host = new(onPostgreSql);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    protected override async Task<IAggregateStore<PortalId, AlertBookState>> CreateStoreAsync() => await _host.OpenAsync(s => s.AlertBooks);

    protected override Task<IReadOnlyList<IDomainEvent>> ReadOutboxAsync(IAggregateStore<PortalId, AlertBookState> store) => _host.OutboxAsync(store);
}

public abstract class EfScoreOverrideConformance(bool onPostgreSql) : ScoreOverrideStoreConformance, IAsyncLifetime
{
    private readonly EfKitHost _host = new(onPostgreSql);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    protected override async Task<IAggregateStore<PortalId, ScoreOverrideBookState>> CreateStoreAsync() => await _host.OpenAsync(s => s.ScoreOverrides);

    protected override Task<IReadOnlyList<IDomainEvent>> ReadOutboxAsync(IAggregateStore<PortalId, ScoreOverrideBookState> store) => _host.OutboxAsync(store);
}

public abstract class EfServiceInvariantConformance(bool onPostgreSql) : ServiceInvariantConformance, IAsyncLifetime
{
    private readonly EfKitHost _host = new(onPostgreSql);
    private EntityFrameworkCoreStores? _stores;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    protected override async Task<IWorkspaceDirectoryStore> CreateWorkspaceDirectoryStoreAsync() => (await Stores()).WorkspaceDirectories;

    protected override async Task<IViewCatalogStore> CreateViewCatalogStoreAsync() => (await Stores()).ViewCatalogs;

    private async Task<EntityFrameworkCoreStores> Stores() => _stores ??= await _host.OpenAsync(s => s);
}

public abstract class EfRecordQueryConformance(bool onPostgreSql) : RecordQueryConformance, IAsyncLifetime
{
    private readonly EfKitHost _host = new(onPostgreSql);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    protected override async Task<IRecordQuery> CreateQueryAsync(IReadOnlyList<CrmRecord> records)
    {
        var stores = await _host.OpenAsync(s => s);
        await stores.RecordStore.UpsertAsync([.. records]);
        return stores.Records;
    }
}

/// <summary>Tenant isolation on the EF Core store. Each generated sequence runs on two fresh, migrated databases, so
/// fewer sequences run here than on the in-memory store (500): the property's operations are the same on every store, and
/// what this derivation checks is the store's own scoping of keys, rows and queries by portal.</summary>
public abstract class EfTenantIsolationConformance(bool onPostgreSql, int cases) : TenantIsolationConformance, IAsyncLifetime
{
    private readonly EfKitHost _host = new(onPostgreSql);

    protected override int Cases => cases;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    protected override async Task<IsolationStores> CreateStoresAsync()
    {
        var stores = await _host.OpenAsync(s => s);
        return new IsolationStores(
            stores.WorkspaceDirectories,
            stores.WorkspaceConfigurations,
            stores.ViewCatalogs,
            stores.HealthScoreCatalogs,
            stores.Records,
            (record, cancellationToken) => stores.RecordStore.UpsertAsync([record], cancellationToken));
    }
}

public abstract class EfTaskStoreConformance(bool onPostgreSql) : TaskStoreConformance, IAsyncLifetime
{
    private readonly EfKitHost _host = new(onPostgreSql);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    protected override async Task<TaskStorePorts> CreateTaskStoreAsync()
    {
        var store = await _host.OpenAsync(s => s.TaskStore);
        return new TaskStorePorts(store, (ITaskQuery)store);
    }

    protected override Task<IReadOnlyList<IDomainEvent>> ReadOutboxAsync(IAggregateStore<TaskKey, TaskState> store) => _host.OutboxAsync(store);
}

public sealed class SqliteWorkspaceDirectoryConformanceTests() : EfWorkspaceDirectoryConformance(onPostgreSql: false);

public sealed class SqliteWorkspaceConfigurationConformanceTests() : EfWorkspaceConfigurationConformance(onPostgreSql: false);

public sealed class SqliteViewCatalogConformanceTests() : EfViewCatalogConformance(onPostgreSql: false);

public sealed class SqliteHealthScoreCatalogConformanceTests() : EfHealthScoreCatalogConformance(onPostgreSql: false);

public sealed class SqliteAlertBookConformanceTests() : EfAlertBookConformance(onPostgreSql: false);

public sealed class SqliteScoreOverrideConformanceTests() : EfScoreOverrideConformance(onPostgreSql: false);

public sealed class PostgreSqlAlertBookConformanceTests() : EfAlertBookConformance(onPostgreSql: true);

public sealed class PostgreSqlScoreOverrideConformanceTests() : EfScoreOverrideConformance(onPostgreSql: true);

public sealed class SqliteServiceInvariantConformanceTests() : EfServiceInvariantConformance(onPostgreSql: false);

public sealed class SqliteRecordQueryConformanceTests() : EfRecordQueryConformance(onPostgreSql: false);

public sealed class SqliteTaskStoreConformanceTests() : EfTaskStoreConformance(onPostgreSql: false);

public sealed class PostgreSqlWorkspaceDirectoryConformanceTests() : EfWorkspaceDirectoryConformance(onPostgreSql: true);

public sealed class PostgreSqlWorkspaceConfigurationConformanceTests() : EfWorkspaceConfigurationConformance(onPostgreSql: true);

public sealed class PostgreSqlViewCatalogConformanceTests() : EfViewCatalogConformance(onPostgreSql: true);

public sealed class PostgreSqlHealthScoreCatalogConformanceTests() : EfHealthScoreCatalogConformance(onPostgreSql: true);

public sealed class PostgreSqlServiceInvariantConformanceTests() : EfServiceInvariantConformance(onPostgreSql: true);

public sealed class PostgreSqlRecordQueryConformanceTests() : EfRecordQueryConformance(onPostgreSql: true);

public sealed class SqliteTenantIsolationConformanceTests() : EfTenantIsolationConformance(onPostgreSql: false, cases: 60);

public sealed class PostgreSqlTenantIsolationConformanceTests() : EfTenantIsolationConformance(onPostgreSql: true, cases: 30);

public sealed class PostgreSqlTaskStoreConformanceTests() : EfTaskStoreConformance(onPostgreSql: true);
