using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.Core.Stores.InMemory;

namespace CustomerSuccess.Core.Tests.Kernel;

public sealed class OptimisticCommandTests
{
    private sealed record Counter(int Value);

    private sealed record Output(int Seen);

    /// <summary>A store that lets another writer in between a load and the next save, a given number of times.</summary>
    private sealed class InterferingStore(int interferences) : InMemoryAggregateStore<string, Counter>
    {
        private int _remaining = interferences;

        public int Saves { get; private set; }

        public override async Task<Result<VersionToken>> SaveAsync(string key, Counter state, VersionToken expected, CancellationToken cancellationToken = default)
        {
            Saves++;
            if (_remaining > 0)
            {
                _remaining--;
                var current = await LoadAsync(key, cancellationToken);
                await base.SaveAsync(key, new Counter((current?.State.Value ?? 0) + 100), current?.Version ?? VersionToken.None, cancellationToken);
            }

            return await base.SaveAsync(key, state, expected, cancellationToken);
        }
    }

    private static Result<(Counter, Output)> Increment(Counter? state) =>
        Result.Success((new Counter((state?.Value ?? 0) + 1), new Output(state?.Value ?? 0)));

    [Fact]
    public async Task RunAsync_ServerSideCommand_RetriesOnConflictOnFreshState()
    {
        var store = new InterferingStore(interferences: 2);
        var result = await OptimisticCommand.RunAsync<string, Counter, Output>(store, "k", Increment);

        Assert.True(result.IsSuccess);
        Assert.Equal(3, store.Saves);
        Assert.Equal(201, (await store.LoadAsync("k"))!.State.Value); // two interfering writes of +100, then our +1
    }

    [Fact]
    public async Task RunAsync_ConflictOnEveryAttempt_ReportsConcurrencyConflictAfterThreeAttempts()
    {
        var store = new InterferingStore(interferences: 10);
        var result = await OptimisticCommand.RunAsync<string, Counter, Output>(store, "k", Increment);

        Assert.Equal(ConcurrencyErrors.ConflictCode, result.Error!.Code);
        Assert.Equal(OptimisticCommand.DefaultMaxAttempts, store.Saves);
    }

    [Fact]
    public async Task RunAsync_CallerNamedAStaleVersion_ReportsConflictWithoutWriting()
    {
        var store = new InMemoryAggregateStore<string, Counter>();
        var first = await store.SaveAsync("k", new Counter(1), VersionToken.None);
        await store.SaveAsync("k", new Counter(2), first.Value);

        var result = await OptimisticCommand.RunAsync<string, Counter, Output>(store, "k", Increment, expectedVersion: first.Value);

        Assert.Equal(ConcurrencyErrors.ConflictCode, result.Error!.Code);
        Assert.Equal(2, (await store.LoadAsync("k"))!.State.Value);
    }

    [Fact]
    public async Task RunAsync_RefusedCommand_WritesNothing()
    {
        var store = new InMemoryAggregateStore<string, Counter>();
        var refusal = new DomainError("test.refused", "No.");
        var result = await OptimisticCommand.RunAsync<string, Counter, Output>(store, "k", _ => Result.Failure<(Counter, Output)>(refusal));

        Assert.Same(refusal, result.Error);
        Assert.Null(await store.LoadAsync("k"));
    }

    [Fact]
    public async Task RunAsync_NoChange_ReturnsCurrentVersionWithoutWriting()
    {
        var store = new InMemoryAggregateStore<string, Counter>();
        var saved = await store.SaveAsync("k", new Counter(5), VersionToken.None);

        var result = await OptimisticCommand.RunAsync<string, Counter, Output>(store, "k", s => Result.Success((s!, new Output(s!.Value))));

        Assert.Equal(saved.Value, result.Value.Version);
        Assert.Equal(saved.Value, (await store.LoadAsync("k"))!.Version);
    }

    [Fact]
    public async Task RunAsync_Cancelled_ThrowsBeforeWriting()
    {
        var store = new InMemoryAggregateStore<string, Counter>();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            OptimisticCommand.RunAsync<string, Counter, Output>(store, "k", Increment, cancellationToken: new CancellationToken(canceled: true)));
        Assert.Null(await store.LoadAsync("k"));
    }

    [Fact]
    public async Task RunAsync_ParallelServerSideCommands_NoIncrementIsLost()
    {
        var store = new InMemoryAggregateStore<string, Counter>();
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            Task.Run(() => OptimisticCommand.RunAsync<string, Counter, Output>(store, "k", Increment))));

        var succeeded = results.Count(r => r.IsSuccess);
        Assert.All(results.Where(r => r.IsFailure), r => Assert.Equal(ConcurrencyErrors.ConflictCode, r.Error!.Code));
        Assert.Equal(succeeded, (await store.LoadAsync("k"))!.State.Value);
    }

    private sealed class CounterAggregate(Counter state) : AggregateRoot<Counter>(state)
    {
        public Result<Output> Set(int value) =>
            value < 0
                ? Result.Failure<Output>(new DomainError("test.negative", "No negative counters."))
                : Result.Success(new Output(Apply(value)));

        private int Apply(int value)
        {
            var old = State.Value;
            if (value != old)
            {
                Commit(new Counter(value), null);
            }

            return old;
        }
    }

    [Fact]
    public async Task RunOnAggregateAsync_NothingStored_StartsFromTheInitialStateAndSaves()
    {
        var store = new InMemoryAggregateStore<string, Counter>();
        var result = await OptimisticCommand.RunOnAggregateAsync(store, "k", s => new CounterAggregate(s), () => new Counter(10), (CounterAggregate a) => a.Set(11));

        Assert.Equal(10, result.Value.State.Seen);
        Assert.Equal(11, (await store.LoadAsync("k"))!.State.Value);
    }

    [Fact]
    public async Task RunOnAggregateAsync_UnchangedAggregate_WritesNothing()
    {
        var store = new InMemoryAggregateStore<string, Counter>();
        var saved = await store.SaveAsync("k", new Counter(5), VersionToken.None);

        var result = await OptimisticCommand.RunOnAggregateAsync(store, "k", s => new CounterAggregate(s), () => new Counter(0), (CounterAggregate a) => a.Set(5));

        Assert.Equal(saved.Value, result.Value.Version);
        Assert.Equal(saved.Value, (await store.LoadAsync("k"))!.Version);
    }

    [Fact]
    public async Task RunOnAggregateAsync_Refused_WritesNothing()
    {
        var store = new InMemoryAggregateStore<string, Counter>();
        var result = await OptimisticCommand.RunOnAggregateAsync(store, "k", s => new CounterAggregate(s), () => new Counter(0), (CounterAggregate a) => a.Set(-1));

        Assert.Equal("test.negative", result.Error!.Code);
        Assert.Null(await store.LoadAsync("k"));
    }
}
