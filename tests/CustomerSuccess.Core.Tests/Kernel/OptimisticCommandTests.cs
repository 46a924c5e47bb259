using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.Core.Access;
using CustomerSuccess.Core.Stores.InMemory;
using NodaTime;
using NodaTime.Testing;

namespace CustomerSuccess.Core.Tests.Kernel;

public sealed class OptimisticCommandTests
{
    private static readonly PortalId Portal = PortalId.From(9);
    private static readonly Instant Now = Instant.FromUtc(2026, 1, 1, 0, 0);

    private sealed record Counter(int Value);

    private sealed record CounterSet(int Old, int New, Initiator Initiator, Instant OccurredAt) : IDomainEvent
    {
        public PortalId PortalId => Portal;
    }

    private sealed class CounterAggregate(Counter state) : AggregateRoot<Counter>(state)
    {
        public Result<int> Set(int value, Instant now)
        {
            if (value < 0)
            {
                return new DomainError("test.negative", "No negative counters.");
            }

            var old = State.Value;
            if (value != old)
            {
                Commit(new Counter(value), new CounterSet(old, value, Initiator.User(UserId.From(1)), now));
            }

            return old;
        }

        public Result<int> Increment(Instant now) => Set(State.Value + 1, now);

        public Result<int> Remove(Instant now)
        {
            CommitDeletion(new CounterSet(State.Value, 0, Initiator.User(UserId.From(1)), now));
            return State.Value;
        }
    }

    /// <summary>A store that lets another writer in between a load and the next save, a given number of times.</summary>
    private sealed class InterferingStore(int interferences) : InMemoryAggregateStore<string, Counter>
    {
        public int Remaining { get; set; } = interferences;

        public int Saves { get; private set; }

        public override async Task<Result<VersionToken>> SaveAsync(string key, Counter state, VersionToken expected, IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken = default)
        {
            Saves++;
            if (Remaining > 0)
            {
                Remaining--;
                var current = await LoadAsync(key, cancellationToken);
                await base.SaveAsync(key, new Counter((current?.State.Value ?? 0) + 100), current?.Version ?? VersionToken.None, [], cancellationToken);
            }

            return await base.SaveAsync(key, state, expected, events, cancellationToken);
        }
    }

    private sealed class RecordingDispatcher : IDomainEventDispatcher
    {
        public List<IDomainEvent> Seen { get; } = [];

        public ValueTask DispatchAsync(IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken)
        {
            lock (Seen)
            {
                Seen.AddRange(events);
            }

            return ValueTask.CompletedTask;
        }
    }

    /// <summary>A time source whose clock jumps a second at every reading, so that a time budget runs out.</summary>
    private sealed class JumpingTime : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Add(ref _ticks, TimeSpan.TicksPerSecond);
    }

    private static ServiceContext Context(IDomainEventDispatcher? events = null, CommandRetryOptions? retry = null) =>
        new(AccessPolicy.Default, new FakeClock(Now), events, retry ?? new CommandRetryOptions { BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero });

    private static Task<Result<Change<int>>> Run(
        ServiceContext context, IAggregateStore<string, Counter> store, Func<CounterAggregate, Instant, Result<int>> operation, VersionToken? expected = null, CancellationToken cancellationToken = default) =>
        OptimisticCommand.RunAsync(context, store, "k", s => new CounterAggregate(s), () => new Counter(0), operation, expected, cancellationToken);

    [Fact]
    public async Task RunAsync_AnOperationThatDeletesTheAggregate_DeletesItsRecordWithTheEvents()
    {
        var store = new InterferingStore(interferences: 0);
        var dispatcher = new RecordingDispatcher();
        var created = await store.SaveAsync("k", new Counter(5), VersionToken.None, []);

        var stale = await Run(Context(dispatcher), store, (a, now) => a.Remove(now), expected: VersionToken.From("0"));
        var deleted = await Run(Context(dispatcher), store, (a, now) => a.Remove(now), expected: created.Value);
        var missing = await Run(Context(dispatcher), store, (a, now) => a.Remove(now), expected: created.Value);

        Assert.Equal(ConcurrencyErrors.ConflictCode, stale.Error!.Code);
        Assert.True(deleted.IsSuccess, deleted.ToString());
        Assert.Equal((5, VersionToken.None), (deleted.Value.Output, deleted.Value.Version));
        Assert.Null(await store.LoadAsync("k"));
        Assert.Equal(deleted.Value.Events, store.Outbox);
        Assert.Equal(deleted.Value.Events, dispatcher.Seen);
        Assert.Equal(ConcurrencyErrors.ConflictCode, missing.Error!.Code);
    }

    [Fact]
    public async Task RunAsync_ServerSideCommand_RetriesOnConflictOnFreshState()
    {
        var store = new InterferingStore(interferences: 2);
        var result = await Run(Context(), store, (a, now) => a.Increment(now));

        Assert.True(result.IsSuccess);
        Assert.Equal(3, store.Saves);
        Assert.Equal(201, (await store.LoadAsync("k"))!.State.Value); // two interfering writes of +100, then our +1
        Assert.Equal(200, result.Value.Output);
    }

    [Fact]
    public async Task RunAsync_ConflictOnEveryAttempt_StopsAtTheAttemptBudgetWithItsOwnCode()
    {
        var store = new InterferingStore(interferences: 100);
        var result = await Run(Context(retry: new CommandRetryOptions { MaxAttempts = 4, BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero }), store, (a, now) => a.Increment(now));

        Assert.Equal(ConcurrencyErrors.RetriesExhaustedCode, result.Error!.Code);
        Assert.Contains("4 attempts", result.Error.Message, StringComparison.Ordinal);
        Assert.Equal(4, store.Saves);
    }

    [Fact]
    public async Task RunAsync_ConflictOnEveryAttempt_StopsAtTheTimeBudget()
    {
        var store = new InterferingStore(interferences: 100);
        var retry = new CommandRetryOptions { MaxAttempts = 1000, MaxElapsed = TimeSpan.FromSeconds(3), BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero, TimeProvider = new JumpingTime() };
        var result = await Run(Context(retry: retry), store, (a, now) => a.Increment(now));

        Assert.Equal(ConcurrencyErrors.RetriesExhaustedCode, result.Error!.Code);
        Assert.InRange(store.Saves, 1, 3);
    }

    [Fact]
    public async Task RunAsync_CallerNamedAStaleVersion_ReportsConflictWithoutRetryingOrWriting()
    {
        var store = new InterferingStore(interferences: 0);
        var first = await store.SaveAsync("k", new Counter(1), VersionToken.None, []);
        await store.SaveAsync("k", new Counter(2), first.Value, []);

        var result = await Run(Context(), store, (a, now) => a.Increment(now), expected: first.Value);

        Assert.Equal(ConcurrencyErrors.ConflictCode, result.Error!.Code);
        Assert.Equal(2, (await store.LoadAsync("k"))!.State.Value);
        Assert.Equal(2, store.Saves);
    }

    [Fact]
    public async Task RunAsync_CallerNamedTheCurrentVersionButLostTheRace_ReportsConflictWithoutRetrying()
    {
        var store = new InterferingStore(interferences: 0);
        var saved = await store.SaveAsync("k", new Counter(1), VersionToken.None, []);
        var saves = store.Saves;
        store.Remaining = 1;

        var result = await Run(Context(), store, (a, now) => a.Increment(now), expected: saved.Value);

        Assert.Equal(ConcurrencyErrors.ConflictCode, result.Error!.Code);
        Assert.Equal(saves + 1, store.Saves);
    }

    [Fact]
    public async Task RunAsync_Refused_WritesAndDispatchesNothing()
    {
        var store = new InMemoryAggregateStore<string, Counter>();
        var dispatcher = new RecordingDispatcher();
        var result = await Run(Context(dispatcher), store, (a, now) => a.Set(-1, now));

        Assert.Equal("test.negative", result.Error!.Code);
        Assert.Null(await store.LoadAsync("k"));
        Assert.Empty(store.Outbox);
        Assert.Empty(dispatcher.Seen);
    }

    [Fact]
    public async Task RunAsync_NoChange_ReturnsTheVersionReadWithoutWritingOrEvents()
    {
        var store = new InMemoryAggregateStore<string, Counter>();
        var saved = await store.SaveAsync("k", new Counter(5), VersionToken.None, []);

        var result = await Run(Context(), store, (a, now) => a.Set(5, now));

        Assert.Equal(saved.Value, result.Value.Version);
        Assert.Empty(result.Value.Events);
        Assert.False(result.Value.Changed);
        Assert.Equal(saved.Value, (await store.LoadAsync("k"))!.Version);
    }

    [Fact]
    public async Task RunAsync_NothingStoredAndNothingChanged_WritesNothing()
    {
        var store = new InMemoryAggregateStore<string, Counter>();

        var result = await Run(Context(), store, (a, now) => a.Set(0, now));

        Assert.True(result.Value.Version.IsNone);
        Assert.Null(await store.LoadAsync("k"));
    }

    [Fact]
    public async Task RunAsync_Change_ReturnsOutputVersionAndEvents_SavesThemInTheOutboxAndDispatchesThemAfterTheSave()
    {
        var store = new InMemoryAggregateStore<string, Counter>();
        var dispatcher = new RecordingDispatcher();

        var result = await Run(Context(dispatcher), store, (a, now) => a.Set(7, now));

        var change = result.Value;
        Assert.Equal(0, change.Output);
        Assert.Equal((await store.LoadAsync("k"))!.Version, change.Version);
        var domainEvent = Assert.IsType<CounterSet>(Assert.Single(change.Events));
        Assert.Equal(new CounterSet(0, 7, Initiator.User(UserId.From(1)), Now), domainEvent);
        Assert.Equal(change.Events, store.Outbox);
        Assert.Equal(change.Events, dispatcher.Seen);
    }

    [Fact]
    public async Task RunAsync_Cancelled_ThrowsBeforeLoadingOrWriting()
    {
        var store = new InMemoryAggregateStore<string, Counter>();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Run(Context(), store, (a, now) => a.Increment(now), cancellationToken: new CancellationToken(canceled: true)));
        Assert.Null(await store.LoadAsync("k"));
    }

    [Fact]
    public async Task RunAsync_ParallelServerSideCommands_NoIncrementIsLostAndEveryOneSucceeds()
    {
        var store = new InMemoryAggregateStore<string, Counter>();
        var dispatcher = new RecordingDispatcher();
        var context = Context(dispatcher, new CommandRetryOptions { MaxAttempts = 100 });
        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => Run(context, store, (a, now) => a.Increment(now)))));

        Assert.All(results, r => Assert.True(r.IsSuccess, r.ToString()));
        Assert.Equal(16, (await store.LoadAsync("k"))!.State.Value);
        Assert.Equal(16, store.Outbox.Count);
        Assert.Equal(16, dispatcher.Seen.Count);
        Assert.Equal(Enumerable.Range(1, 16), store.Outbox.Cast<CounterSet>().Select(e => e.New));
    }

    [Fact]
    public void RetryOptions_OutOfRange_AreRefusedNamingTheValue()
    {
        Assert.Equal("MaxAttempts", Assert.Throws<ArgumentOutOfRangeException>(() => new CommandRetryOptions { MaxAttempts = 0 }.Validate()).ParamName);
        Assert.Equal("MaxElapsed", Assert.Throws<ArgumentOutOfRangeException>(() => new CommandRetryOptions { MaxElapsed = TimeSpan.Zero }.Validate()).ParamName);
        Assert.Equal("MaxDelay", Assert.Throws<ArgumentOutOfRangeException>(() => new CommandRetryOptions { BaseDelay = TimeSpan.FromSeconds(2), MaxDelay = TimeSpan.FromSeconds(1) }.Validate()).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ServiceContext(AccessPolicy.Default, new FakeClock(Now), null, new CommandRetryOptions { MaxAttempts = -1 }));
    }
}
