using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.Core.Access;
using CustomerSuccess.Core.Stores.InMemory;
using CustomerSuccess.Core.Workspaces;
using NodaTime;
using NodaTime.Testing;

namespace CustomerSuccess.Core.Tests.Isolation;

/// <summary>No slot is lost to contention: server-side commands retry, with jittered back-off, until a rule refuses
/// them or they succeed, within the default budget.</summary>
public sealed class ContentionTests
{
    private static readonly AccountContext Account = new(PortalId.From(1), ServiceHubTier.Enterprise);

    /// <summary>A store with real latency in its worst form: every load reads the state when it arrives, then waits
    /// until every caller still at work has loaded too, so every round of attempts reads the same version and all but
    /// one save conflict.</summary>
    private sealed class LockstepStore : IWorkspaceDirectoryStore
    {
        private readonly InMemoryWorkspaceDirectoryStore _inner = new();
        private readonly Lock _gate = new();
        private List<TaskCompletionSource> _waiting = [];
        private int _active;

        public int Loads { get; private set; }

        public void Enter(int callers)
        {
            lock (_gate)
            {
                _active += callers;
            }
        }

        public void Leave()
        {
            lock (_gate)
            {
                _active--;
                ReleaseIfAllArrived();
            }
        }

        public async Task<Versioned<WorkspaceDirectoryState>?> LoadAsync(PortalId key, CancellationToken cancellationToken = default)
        {
            Task wait;
            Versioned<WorkspaceDirectoryState>? read;
            lock (_gate)
            {
                read = _inner.LoadAsync(key, cancellationToken).GetAwaiter().GetResult();
                Loads++;
                var arrival = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiting.Add(arrival);
                wait = arrival.Task;
                ReleaseIfAllArrived();
            }

            await wait.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
            return read;
        }

        public Task<Result<VersionToken>> SaveAsync(PortalId key, WorkspaceDirectoryState state, VersionToken expected, IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken = default) =>
            _inner.SaveAsync(key, state, expected, events, cancellationToken);

        public Task<Result> DeleteAsync(PortalId key, VersionToken expected, IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken = default) =>
            _inner.DeleteAsync(key, expected, events, cancellationToken);

        private void ReleaseIfAllArrived()
        {
            if (_waiting.Count > 0 && _waiting.Count >= _active)
            {
                var released = _waiting;
                _waiting = [];
                foreach (var arrival in released)
                {
                    arrival.SetResult();
                }
            }
        }
    }

    [Theory]
    [Trait("Rule", "26")]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public async Task TwentyConcurrentCreations_WithLockstepLoads_YieldExactlyFiveWorkspacesAndFifteenLimitRefusals(int round)
    {
        var store = new LockstepStore();
        var service = new WorkspaceService(store, new ServiceContext(AccessPolicy.Default, new FakeClock(Instant.FromUtc(2026, 1, 1, 0, 0))));
        var manager = Actor.Manager(UserId.From(1));
        store.Enter(20);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            try
            {
                return await service.CreateTeamWorkspaceAsync(manager, Account, $"R{round}-W{i}", null, []);
            }
            finally
            {
                store.Leave();
            }
        })));

        Assert.Equal(5, results.Count(r => r.IsSuccess));
        Assert.All(results.Where(r => r.IsFailure), r => Assert.Equal(WorkspaceErrors.LimitReachedCode, r.Error!.Code));
        Assert.Equal(20 + 19 + 18 + 17 + 16 + 15, store.Loads); // six lockstep rounds: five winners, then fifteen refusals
        Assert.Equal(5, (await store.LoadAsync(Account.PortalId))!.State.TeamWorkspaceCount);
    }

    [Fact]
    public async Task ABudgetTooSmallForTheContention_SaysSoWithItsOwnCode_NeverAsARuleRefusal()
    {
        var store = new LockstepStore();
        var retry = new CommandRetryOptions { MaxAttempts = 2, BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero };
        var service = new WorkspaceService(store, new ServiceContext(AccessPolicy.Default, new FakeClock(Instant.FromUtc(2026, 1, 1, 0, 0)), null, retry));
        store.Enter(8);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            try
            {
                return await service.CreateTeamWorkspaceAsync(Actor.Manager(UserId.From(1)), Account, $"W{i}", null, []);
            }
            finally
            {
                store.Leave();
            }
        })));

        Assert.Equal(2, results.Count(r => r.IsSuccess));
        Assert.All(results.Where(r => r.IsFailure), r => Assert.Equal(ConcurrencyErrors.RetriesExhaustedCode, r.Error!.Code));
    }
}
