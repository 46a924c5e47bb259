using System.Collections.Generic;
using System.Threading.Tasks;
using CustomerSuccess.Core.Alerts;
using CustomerSuccess.Core.Records;
using CustomerSuccess.Core.Scores;
using CustomerSuccess.Core.Stores.InMemory;
using CustomerSuccess.Core.Testing;
using CustomerSuccess.Core.Views;
using CustomerSuccess.Core.Workspaces;

namespace CustomerSuccess.Core.Tests.Stores;

// The in-memory stores run the whole conformance kit, as any integrator's store would.
public sealed class InMemoryWorkspaceDirectoryStoreConformanceTests : WorkspaceDirectoryStoreConformance
{
    protected override Task<IAggregateStore<PortalId, WorkspaceDirectoryState>> CreateStoreAsync() =>
        Task.FromResult<IAggregateStore<PortalId, WorkspaceDirectoryState>>(new InMemoryWorkspaceDirectoryStore());

    protected override Task<IReadOnlyList<IDomainEvent>> ReadOutboxAsync(IAggregateStore<PortalId, WorkspaceDirectoryState> store) =>
        Task.FromResult(((InMemoryWorkspaceDirectoryStore)store).Outbox);
}

public sealed class InMemoryWorkspaceConfigurationStoreConformanceTests : WorkspaceConfigurationStoreConformance
{
    protected override Task<IAggregateStore<PortalId, WorkspaceConfigurationState>> CreateStoreAsync() =>
        Task.FromResult<IAggregateStore<PortalId, WorkspaceConfigurationState>>(new InMemoryWorkspaceConfigurationStore());

    protected override Task<IReadOnlyList<IDomainEvent>> ReadOutboxAsync(IAggregateStore<PortalId, WorkspaceConfigurationState> store) =>
        Task.FromResult(((InMemoryWorkspaceConfigurationStore)store).Outbox);
}

public sealed class InMemoryViewCatalogStoreConformanceTests : ViewCatalogStoreConformance
{
    protected override Task<IAggregateStore<ViewCatalogKey, ViewCatalogState>> CreateStoreAsync() =>
        Task.FromResult<IAggregateStore<ViewCatalogKey, ViewCatalogState>>(new InMemoryViewCatalogStore());

    protected override Task<IReadOnlyList<IDomainEvent>> ReadOutboxAsync(IAggregateStore<ViewCatalogKey, ViewCatalogState> store) =>
        Task.FromResult(((InMemoryViewCatalogStore)store).Outbox);
}

public sealed class InMemoryHealthScoreCatalogStoreConformanceTests : HealthScoreCatalogStoreConformance
{
    protected override Task<IAggregateStore<PortalId, HealthScoreCatalogState>> CreateStoreAsync() =>
        Task.FromResult<IAggregateStore<PortalId, HealthScoreCatalogState>>(new InMemoryHealthScoreCatalogStore());

    protected override Task<IReadOnlyList<IDomainEvent>> ReadOutboxAsync(IAggregateStore<PortalId, HealthScoreCatalogState> store) =>
        Task.FromResult(((InMemoryHealthScoreCatalogStore)store).Outbox);
}

public sealed class InMemoryAlertBookStoreConformanceTests : AlertBookStoreConformance
{
    protected override Task<IAggregateStore<PortalId, AlertBookState>> CreateStoreAsync() =>
        Task.FromResult<IAggregateStore<PortalId, AlertBookState>>(new InMemoryAlertBookStore());

    protected override Task<IReadOnlyList<IDomainEvent>> ReadOutboxAsync(IAggregateStore<PortalId, AlertBookState> store) =>
        Task.FromResult(((InMemoryAlertBookStore)store).Outbox);
}

public sealed class InMemoryScoreOverrideStoreConformanceTests : ScoreOverrideStoreConformance
{
    protected override Task<IAggregateStore<PortalId, ScoreOverrideBookState>> CreateStoreAsync() =>
        Task.FromResult<IAggregateStore<PortalId, ScoreOverrideBookState>>(new InMemoryScoreOverrideStore());

    protected override Task<IReadOnlyList<IDomainEvent>> ReadOutboxAsync(IAggregateStore<PortalId, ScoreOverrideBookState> store) =>
        Task.FromResult(((InMemoryScoreOverrideStore)store).Outbox);
}

public sealed class InMemoryServiceInvariantConformanceTests : ServiceInvariantConformance
{
    protected override Task<IWorkspaceDirectoryStore> CreateWorkspaceDirectoryStoreAsync() =>
        Task.FromResult<IWorkspaceDirectoryStore>(new InMemoryWorkspaceDirectoryStore());

    protected override Task<IViewCatalogStore> CreateViewCatalogStoreAsync() =>
        Task.FromResult<IViewCatalogStore>(new InMemoryViewCatalogStore());
}

public sealed class InMemoryRecordQueryConformanceTests : RecordQueryConformance
{
    protected override async Task<IRecordQuery> CreateQueryAsync(IReadOnlyList<CrmRecord> records)
    {
        var store = new InMemoryRecordQuery();
        await store.UpsertAsync(records);
        return store;
    }
}

public sealed class InMemoryTenantIsolationConformanceTests : TenantIsolationConformance
{
    protected override Task<IsolationStores> CreateStoresAsync()
    {
        var records = new InMemoryRecordQuery();
        return Task.FromResult(new IsolationStores(
            new InMemoryWorkspaceDirectoryStore(),
            new InMemoryWorkspaceConfigurationStore(),
            new InMemoryViewCatalogStore(),
            new InMemoryHealthScoreCatalogStore(),
            records,
            (record, _) =>
            {
                records.Upsert(record);
                return Task.CompletedTask;
            }));
    }
}
