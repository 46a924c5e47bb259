using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using CustomerSuccess.Core.Stores.InMemory;

namespace CustomerSuccess.Core.Benchmarks;

/// <summary>The cost of the command traces: one server-side command (load, apply, compare-and-set save, no event)
/// through <see cref="OptimisticCommand"/> over the in-memory store, with nobody listening and with an
/// ActivityListener (all data, recorded) on <see cref="CoreTelemetry.ActivitySourceName"/>.</summary>
[MemoryDiagnoser]
public class CommandTelemetryBenchmarks
{
    private static readonly ServiceContext Context = TaskData.Context();

    private readonly InMemoryAggregateStore<string, CounterState> _store = new();
    private ActivityListener? _listener;
    private double _sink;

    [Params(false, true)]
    public bool Listening { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        if (!Listening)
        {
            return;
        }

        _listener = TelemetryBenchmarks.RecordActivities(CoreTelemetry.ActivitySourceName, activity => _sink += activity.Duration.TotalSeconds);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _listener?.Dispose();
        GC.KeepAlive(_sink);
    }

    [Benchmark(Description = "Command: load, increment, save (in-memory store)")]
    public Task<Result<Change<CounterState>>> Increment() =>
        OptimisticCommand.RunAsync(
            Context, _store, "k", s => new Counter(s), () => new CounterState(0), static (c, _) => c.Increment(), null, CancellationToken.None, "IncrementAsync");

    /// <summary>The benchmark's aggregate state.</summary>
    /// <param name="Value">The count.</param>
    public sealed record CounterState(long Value);

    private sealed class Counter(CounterState state) : AggregateRoot<CounterState>(state)
    {
        public Result<CounterState> Increment()
        {
            Commit(new CounterState(State.Value + 1), null);
            return State;
        }
    }
}
