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
    private readonly FakeClock _clock = new(Now);

    private HealthScoreCatalogService Service(IHealthScoreCatalogStore? store = null, HealthScoreCatalogOptions? options = null) =>
        new(store ?? _store, AccessPolicy.Default, _clock, options);

    [Fact]
    public async Task GetCatalogAsync_NothingStored_ReturnsEmptyCatalogWithNoVersion()
    {
        var catalog = await Service().GetCatalogAsync(Portal);
        Assert.Empty(catalog.State.Scores);
        Assert.True(catalog.Version.IsNone);
        Assert.Equal(0, _store.Count);
    }

    [Fact]
    [Trait("Rule", "83")]
    public async Task CreateEditActivate_ThroughService_StoresVersionStampedByClock()
    {
        var service = Service();
        var created = (await service.CreateFromTemplateAsync(Manager, Enterprise, Companies, "Health")).GetValueOrThrow();
        Assert.Equal(HealthScoreStatus.Draft, created.State.Status);

        var renamed = (await service.RenameGroupAsync(Manager, Enterprise, created.State.Id, "NPS", "Net promoter", created.Version)).GetValueOrThrow();
        Assert.NotEqual(created.Version, renamed.Version);

        _clock.Advance(Duration.FromHours(2));
        var activated = (await service.ActivateAsync(Manager, Enterprise, Companies, created.State.Id)).GetValueOrThrow();
        Assert.Equal(1, activated.State.Number);
        Assert.Equal(Now.Plus(Duration.FromHours(2)), activated.State.ActivatedAt);

        var stored = await service.GetCatalogAsync(Portal);
        Assert.Equal(activated.Version, stored.Version);
        Assert.Equal(HealthScoreStatus.Active, stored.State.Find(created.State.Id)!.Status);
        Assert.Equal(activated.State, (await service.GetVersionAsync(Portal, created.State.Id, 1)).GetValueOrThrow());
        Assert.Equal(HealthScoreErrors.VersionNotFoundCode, (await service.GetVersionAsync(Portal, created.State.Id, 2)).Error!.Code);
    }

    [Fact]
    public async Task UpdateDefinitionAsync_WithStaleVersion_ConflictAndNothingSaved()
    {
        var service = Service();
        var created = (await service.CreateFromScratchAsync(Manager, Enterprise, Companies, "Health")).GetValueOrThrow();
        var seen = created.Version;
        (await service.CreateFromScratchAsync(Manager, Enterprise, Companies, "Other")).GetValueOrThrow();
        var before = await service.GetCatalogAsync(Portal);

        var result = await service.UpdateDefinitionAsync(Manager, Enterprise, Companies, created.State.Id, Complete(), seen);

        Assert.Equal(ConcurrencyErrors.ConflictCode, result.Error!.Code);
        var after = await service.GetCatalogAsync(Portal);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.State, after.State);
    }

    [Fact]
    public async Task UpdateDefinitionAsync_Unchanged_DoesNotWrite()
    {
        var service = Service();
        var created = (await service.CreateFromDefinitionAsync(Manager, Enterprise, Companies, Complete())).GetValueOrThrow();
        var result = (await service.UpdateDefinitionAsync(Manager, Enterprise, Companies, created.State.Id, Complete(), created.Version)).GetValueOrThrow();
        Assert.Equal(created.Version, result.Version);
    }

    [Fact]
    [Trait("Rule", "3")]
    public async Task Refusals_ThroughService_AreReturnedAndNothingIsStored()
    {
        var service = Service();
        var result = await service.CreateFromScratchAsync(SeatlessSuperAdmin, Enterprise, Companies, "Health");
        Assert.Equal(AccessErrors.SummaryOnlyCode, result.Error!.Code);
        Assert.Equal(0, _store.Count);
    }

    [Fact]
    public async Task DeactivateAndDelete_ThroughService()
    {
        var service = Service();
        var created = (await service.CreateFromTemplateAsync(Manager, Professional, Companies, "Health")).GetValueOrThrow();
        var id = created.State.Id;
        (await service.ActivateAsync(Manager, Professional, Companies, id)).GetValueOrThrow();
        Assert.Equal(HealthScoreErrors.ActiveCannotBeDeletedCode, (await service.DeleteAsync(Manager, Professional, id)).Error!.Code);
        Assert.Equal(HealthScoreStatus.Inactive, (await service.DeactivateAsync(Manager, Professional, id)).GetValueOrThrow().State.Status);
        var deleted = (await service.DeleteAsync(Manager, Professional, id)).GetValueOrThrow();
        var stored = await service.GetCatalogAsync(Portal);
        Assert.Equal(deleted, stored.Version);
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
            ids[i] = (await service.CreateFromDefinitionAsync(Manager, account, Companies, Complete($"Score {i}"))).GetValueOrThrow().State.Id;
        }

        using var start = new ManualResetEventSlim();
        var tasks = ids.Select(id => Task.Run(async () =>
        {
            start.Wait();
            return await service.ActivateAsync(Manager, account, Companies, id);
        })).ToArray();
        start.Set();
        var results = await Task.WhenAll(tasks);

        var final = (await service.GetCatalogAsync(Portal)).State;
        var limit = new HealthScoreCatalogOptions().LimitsFor(tier).MaxActive;
        Assert.True(final.ActiveCount <= limit, $"{final.ActiveCount} active scores, limit {limit}");
        Assert.True(final.ActiveCount >= 1);
        Assert.Equal(final.ActiveCount, results.Count(r => r.IsSuccess));
        Assert.All(final.ActiveScores, s => Assert.Equal(1, s.ActiveVersionNumber));
        Assert.All(
            results.Where(r => r.IsFailure),
            r => Assert.Contains(r.Error!.Code, new[] { HealthScoreErrors.ActiveLimitReachedCode, ConcurrencyErrors.ConflictCode }));
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

        public async Task<Result<VersionToken>> SaveAsync(PortalId key, HealthScoreCatalogState state, VersionToken expected, CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            return await inner.SaveAsync(key, state, expected, cancellationToken);
        }

        public Task<Result> DeleteAsync(PortalId key, VersionToken expected, CancellationToken cancellationToken = default) =>
            inner.DeleteAsync(key, expected, cancellationToken);
    }
}
