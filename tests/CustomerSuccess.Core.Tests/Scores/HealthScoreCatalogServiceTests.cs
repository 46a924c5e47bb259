using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.Core.Access;
using CustomerSuccess.Core.HealthScores;
using CustomerSuccess.Core.Scores;
using CustomerSuccess.Core.Stores.InMemory;
using NodaTime;
using NodaTime.Testing;
using static CustomerSuccess.Core.Tests.Scores.HealthScoreTestData;

namespace CustomerSuccess.Core.Tests.Scores;

public class HealthScoreCatalogServiceTests
{
    private readonly InMemoryHealthScoreCatalogStore _store = new();
    private readonly InMemoryWorkspaceConfigurationStore _configurations = new();
    private readonly FakeClock _clock = new(Now);

    private HealthScoreCatalogService Service(IHealthScoreCatalogStore? store = null, HealthScoreCatalogOptions? options = null) =>
        new(store ?? _store, _configurations, new ServiceContext(AccessPolicy.Default, _clock, null, new CommandRetryOptions { MaxAttempts = 100 }), options);

    private static async Task<Versioned<HealthScoreCatalogState>> Catalog(HealthScoreCatalogService service) =>
        (await service.GetCatalogAsync(Manager, Enterprise)).GetValueOrThrow();

    [Fact]
    public async Task GetCatalogAsync_NothingStored_ReturnsEmptyCatalogWithNoVersion()
    {
        var catalog = await Catalog(Service());
        Assert.Empty(catalog.State.Scores);
        Assert.True(catalog.Version.IsNone);
        Assert.Equal(0, _store.Count);
    }

    [Fact]
    [Trait("Rule", "83")]
    public async Task CreateEditActivate_ThroughService_StoresVersionStampedByClock()
    {
        var service = Service();
        var created = (await service.CreateFromTemplateAsync(Manager, Enterprise, "Health")).GetValueOrThrow();
        Assert.Equal(HealthScoreStatus.Draft, created.Output.Status);

        var renamed = (await service.RenameGroupAsync(Manager, Enterprise, created.Output.Id, "NPS", "Net promoter", created.Version)).GetValueOrThrow();
        Assert.NotEqual(created.Version, renamed.Version);

        _clock.Advance(Duration.FromHours(2));
        var activated = (await service.ActivateAsync(Manager, Enterprise, created.Output.Id)).GetValueOrThrow();
        Assert.Equal(1, activated.Output.Number);
        Assert.Equal(Now.Plus(Duration.FromHours(2)), activated.Output.ActivatedAt);

        var stored = await Catalog(service);
        Assert.Equal(activated.Version, stored.Version);
        Assert.Equal(HealthScoreStatus.Active, stored.State.Find(created.Output.Id)!.Status);
        Assert.Equal(activated.Output, (await service.GetVersionAsync(Manager, Enterprise, created.Output.Id, 1)).GetValueOrThrow());
        Assert.Equal(HealthScoreErrors.VersionNotFoundCode, (await service.GetVersionAsync(Manager, Enterprise, created.Output.Id, 2)).Error!.Code);
    }

    [Fact]
    public async Task UpdateDefinitionAsync_WithStaleVersion_ConflictAndNothingSaved()
    {
        var service = Service();
        var created = (await service.CreateFromScratchAsync(Manager, Enterprise, "Health")).GetValueOrThrow();
        var seen = created.Version;
        (await service.CreateFromScratchAsync(Manager, Enterprise, "Other")).GetValueOrThrow();
        var before = await Catalog(service);

        var result = await service.UpdateDefinitionAsync(Manager, Enterprise, created.Output.Id, Complete(), seen);

        Assert.Equal(ConcurrencyErrors.ConflictCode, result.Error!.Code);
        var after = await Catalog(service);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.State, after.State);
    }

    [Fact]
    public async Task UpdateDefinitionAsync_Unchanged_DoesNotWrite()
    {
        var service = Service();
        var created = (await service.CreateFromDefinitionAsync(Manager, Enterprise, Complete())).GetValueOrThrow();
        var result = (await service.UpdateDefinitionAsync(Manager, Enterprise, created.Output.Id, Complete(), created.Version)).GetValueOrThrow();
        Assert.Equal(created.Version, result.Version);
    }

    [Fact]
    [Trait("Rule", "3")]
    public async Task Refusals_ThroughService_AreReturnedAndNothingIsStored()
    {
        var service = Service();
        var result = await service.CreateFromScratchAsync(SeatlessSuperAdmin, Enterprise, "Health");
        Assert.Equal(AccessErrors.ServiceSeatRequiredCode, result.Error!.Code);
        Assert.Equal(0, _store.Count);
    }

    [Fact]
    public async Task DeactivateAndDelete_ThroughService()
    {
        var service = Service();
        var created = (await service.CreateFromTemplateAsync(Manager, Professional, "Health")).GetValueOrThrow();
        var id = created.Output.Id;
        (await service.ActivateAsync(Manager, Professional, id)).GetValueOrThrow();
        Assert.Equal(HealthScoreErrors.ActiveCannotBeDeletedCode, (await service.DeleteAsync(Manager, Professional, id)).Error!.Code);
        Assert.Equal(HealthScoreStatus.Inactive, (await service.DeactivateAsync(Manager, Professional, id)).GetValueOrThrow().Output.Status);
        var deleted = (await service.DeleteAsync(Manager, Professional, id)).GetValueOrThrow();
        var stored = await Catalog(service);
        Assert.Equal(deleted.Version, stored.Version);
        Assert.Empty(stored.State.Scores);
    }

    [Theory]
    [InlineData(ServiceHubTier.Professional, 5)]
    [InlineData(ServiceHubTier.Enterprise, 20)]
    [Trait("Rule", "72")]
    public async Task ParallelActivations_NeverExceedTheActiveLimit(ServiceHubTier tier, int drafts)
    {
        var account = new AccountContext(Portal, tier);
        var store = new InterleavingStore(_store);
        var service = Service(store);
        var ids = new HealthScoreId[drafts];
        for (var i = 0; i < drafts; i++)
        {
            ids[i] = (await service.CreateFromDefinitionAsync(Manager, account, Complete($"Score {i}"))).GetValueOrThrow().Output.Id;
        }

        using var start = new ManualResetEventSlim();
        var tasks = ids.Select(id => Task.Run(async () =>
        {
            start.Wait();
            return await service.ActivateAsync(Manager, account, id);
        })).ToArray();
        start.Set();
        var results = await Task.WhenAll(tasks);

        var final = (await Catalog(service)).State;
        var limit = new HealthScoreCatalogOptions().LimitsFor(tier).MaxActive;
        Assert.True(final.ActiveCount <= limit, $"{final.ActiveCount} active scores, limit {limit}");
        Assert.True(final.ActiveCount >= 1);
        Assert.Equal(final.ActiveCount, results.Count(r => r.IsSuccess));
        Assert.All(final.ActiveScores, s => Assert.Equal(1, s.ActiveVersionNumber));
        Assert.All(
            results.Where(r => r.IsFailure),
            r => Assert.Equal(HealthScoreErrors.ActiveLimitReachedCode, r.Error!.Code));
    }

    /// <summary>Delegates to the in-memory store but yields between load and save, so that concurrent commands
    /// interleave and their compare-and-set writes really conflict.</summary>
    private sealed class InterleavingStore(InMemoryHealthScoreCatalogStore inner) : IHealthScoreCatalogStore
    {
        public async Task<Versioned<HealthScoreCatalogState>?> LoadAsync(PortalId key, CancellationToken cancellationToken = default)
        {
            var loaded = await inner.LoadAsync(key, cancellationToken);
            await Task.Yield();
            return loaded;
        }

        public async Task<Result<VersionToken>> SaveAsync(PortalId key, HealthScoreCatalogState state, VersionToken expected, IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            return await inner.SaveAsync(key, state, expected, events, cancellationToken);
        }

        public Task<Result> DeleteAsync(PortalId key, VersionToken expected, IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken = default) =>
            inner.DeleteAsync(key, expected, events, cancellationToken);
    }
}
