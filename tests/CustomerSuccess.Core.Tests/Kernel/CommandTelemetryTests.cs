using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.Core.Access;
using CustomerSuccess.Core.Stores.InMemory;
using CustomerSuccess.Core.Workspaces;
using NodaTime;
using NodaTime.Testing;
using static CustomerSuccess.Core.Tests.Workspaces.WorkspaceTestData;

namespace CustomerSuccess.Core.Tests.Kernel;

/// <summary>The activities of service commands. Listeners are process-wide: each test keeps only the activities of its
/// own portal or aggregate type, and no other test class listens to <see cref="CoreTelemetry.ActivitySourceName"/>
/// (tests of one class never run in parallel).</summary>
public sealed class CommandTelemetryTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 1, 1, 0, 0);

    private sealed record TracedCounterState(int Value);

    private sealed record CounterSet(Initiator Initiator, Instant OccurredAt) : IDomainEvent
    {
        public PortalId PortalId => PortalId.From(1);
    }

    private sealed class TracedCounter(TracedCounterState state) : AggregateRoot<TracedCounterState>(state)
    {
        public Result<int> Set(int value, Instant now)
        {
            if (value < 0)
            {
                return new DomainError("test.negative", "No negative counters.");
            }

            if (value != State.Value)
            {
                Commit(new TracedCounterState(value), new CounterSet(Initiator.User(UserId.From(1)), now));
            }

            return value;
        }
    }

    /// <summary>A store that lets another writer in between a load and the next save, a given number of times.</summary>
    private sealed class InterferingStore(int interferences) : InMemoryAggregateStore<string, TracedCounterState>
    {
        private int _remaining = interferences;

        public override async Task<Result<VersionToken>> SaveAsync(string key, TracedCounterState state, VersionToken expected, IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken = default)
        {
            if (_remaining > 0)
            {
                _remaining--;
                var current = await LoadAsync(key, cancellationToken);
                await base.SaveAsync(key, new TracedCounterState(-1), current?.Version ?? VersionToken.None, [], cancellationToken);
            }

            return await base.SaveAsync(key, state, expected, events, cancellationToken);
        }
    }

    private sealed class ThrowingStore : InMemoryAggregateStore<string, TracedCounterState>
    {
        public override Task<Versioned<TracedCounterState>?> LoadAsync(string key, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("The store is down.");
    }

    private static ServiceContext Context() =>
        new(AccessPolicy.Default, new FakeClock(Now), null, new CommandRetryOptions { BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero });

    private static Task<Result<Change<int>>> Set(IAggregateStore<string, TracedCounterState> store, int value, VersionToken? expected = null) =>
        OptimisticCommand.RunAsync(
            Context(), store, "k", s => new TracedCounter(s), () => new TracedCounterState(0), (a, now) => a.Set(value, now), expected, CancellationToken.None, "SetAsync");

    private static ActivityListener Listen(ConcurrentQueue<Activity> stopped, Func<Activity, bool> ours)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == CoreTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (ours(activity))
                {
                    stopped.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    private static bool IsCounter(Activity activity) => Equals(activity.GetTagItem(CoreTelemetry.AggregateTag), "TracedCounter");

    [Fact]
    public async Task RunAsync_WithAListener_RecordsOneActivityPerCommandWithOutcomeErrorCodeAndRetries()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = Listen(stopped, IsCounter);
        var store = new InterferingStore(interferences: 2);

        var changed = await Set(store, 5);
        var unchanged = await Set(store, 5);
        var refused = await Set(store, -3);
        var stale = await Set(store, 6, VersionToken.From("0"));

        Assert.True(changed.IsSuccess && unchanged.IsSuccess && refused.IsFailure && stale.IsFailure);
        var activities = stopped.ToArray();
        Assert.Equal(4, activities.Length);
        Assert.All(activities, a =>
        {
            Assert.Equal(CoreTelemetry.CommandActivityName, a.OperationName);
            Assert.Equal("TracedCounter.Set", a.DisplayName);
            Assert.Equal("Set", a.GetTagItem(CoreTelemetry.CommandTag));
            Assert.Equal(ActivityKind.Internal, a.Kind);
            Assert.Equal(ActivityStatusCode.Unset, a.Status);
            Assert.Null(a.GetTagItem(CoreTelemetry.PortalTag)); // the state is not portal-scoped
        });
        Assert.Equal(
            [CoreTelemetry.OutcomeChanged, CoreTelemetry.OutcomeUnchanged, CoreTelemetry.OutcomeRefused, CoreTelemetry.OutcomeRefused],
            activities.Select(a => a.GetTagItem(CoreTelemetry.OutcomeTag)));
        Assert.Equal([null, null, "test.negative", ConcurrencyErrors.ConflictCode], activities.Select(a => a.GetTagItem(CoreTelemetry.ErrorCodeTag)));
        Assert.Equal([2, 0, 0, 0], activities.Select(a => a.GetTagItem(CoreTelemetry.RetriesTag)));
    }

    [Fact]
    public async Task RunAsync_TheCommandThrows_EndsItsActivityWithAnErrorAndRestoresTheCurrentActivity()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = Listen(stopped, IsCounter);
        var before = Activity.Current;

        await Assert.ThrowsAsync<InvalidOperationException>(() => Set(new ThrowingStore(), 1));

        var activity = Assert.Single(stopped);
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        Assert.Equal(typeof(InvalidOperationException).FullName, activity.GetTagItem(CoreTelemetry.ErrorTypeTag));
        Assert.Null(activity.GetTagItem(CoreTelemetry.OutcomeTag));
        Assert.Same(before, Activity.Current);
    }

    [Fact]
    public async Task ServiceCommands_WithAListener_AreNamedAfterTheAggregateAndTheServiceMethodAndTaggedWithThePortal()
    {
        var portal = PortalId.From(770_011);
        var account = new AccountContext(portal, ServiceHubTier.Enterprise);
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = Listen(stopped, a => Equals(a.GetTagItem(CoreTelemetry.PortalTag), portal.Value));
        var service = new WorkspaceService(new InMemoryWorkspaceDirectoryStore(), new ServiceContext(AccessPolicy.Default, new FakeClock(Now)));

        var created = await service.CreateTeamWorkspaceAsync(Manager, account, "Onboarding", "New", [Team(1)]);
        var refused = await service.CreateTeamWorkspaceAsync(Csm, account, "Renewals", "New", [Team(2)]);

        Assert.True(created.IsSuccess, created.ToString());
        var activities = stopped.ToArray();
        Assert.Equal(["WorkspaceDirectory.CreateTeamWorkspace", "WorkspaceDirectory.CreateTeamWorkspace"], activities.Select(a => a.DisplayName));
        Assert.All(activities, a => Assert.Equal("WorkspaceDirectory", a.GetTagItem(CoreTelemetry.AggregateTag)));
        Assert.Equal(CoreTelemetry.OutcomeChanged, activities[0].GetTagItem(CoreTelemetry.OutcomeTag));
        Assert.Equal(CoreTelemetry.OutcomeRefused, activities[1].GetTagItem(CoreTelemetry.OutcomeTag));
        Assert.Equal(refused.Error!.Code, activities[1].GetTagItem(CoreTelemetry.ErrorCodeTag));
    }

    [Fact]
    public async Task RunAsync_WithoutAListener_CreatesNoActivity()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using (Listen(stopped, IsCounter))
        {
            // A listener existed and went away: the source has no listener again.
        }

        var before = Activity.Current;
        Activity? current = null;
        var result = await OptimisticCommand.RunAsync(
            Context(),
            new InMemoryAggregateStore<string, TracedCounterState>(),
            "k",
            s => new TracedCounter(s),
            () => new TracedCounterState(0),
            (a, now) =>
            {
                current = Activity.Current;
                return a.Set(1, now);
            },
            null,
            CancellationToken.None,
            "SetAsync");

        Assert.True(result.IsSuccess);
        Assert.Same(before, current);
        Assert.Empty(stopped);
    }
}
