using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;
using CustomerSuccess.Core.HealthScores;
using CustomerSuccess.Core.HealthScores.Activity;
using CustomerSuccess.Core.HealthScores.Engine;
using CustomerSuccess.Core.HealthScores.Snapshots;
using CustomerSuccess.Core.HealthScores.Statistics;

namespace CustomerSuccess.Core.Benchmarks;

/// <summary>The cost of the metrics and traces: the same calls with nobody listening and with a MeterListener (every
/// instrument of the package, measurements summed) and an ActivityListener (all data, recorded) attached. 1M accounts.</summary>
[MemoryDiagnoser]
public class TelemetryBenchmarks
{
    private const int N = 1_000_000;

    private PortfolioSnapshot _snapshot = null!;
    private ActivityCounts _counts = null!;
    private CompiledHealthScore _compiled = null!;
    private byte[] _scores = null!;
    private HealthStatus[] _statuses = null!;
    private PortfolioStatistics _statistics = null!;
    private MeterListener? _meterListener;
    private ActivityListener? _activityListener;
    private double _sink;
    private int _account;

    [Params(false, true)]
    public bool Listening { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var data = new PortfolioData(N);
        _snapshot = data.BuildSnapshot();
        _counts = ActivityCounts.FromColumns(N, data.ActivityCounts);
        _compiled = HealthScoreCompiler.Compile(BenchmarkDefinition.Version, _snapshot.Schema).GetValueOrThrow();
        _scores = new byte[N];
        _statuses = new HealthStatus[N];
        _statistics = _compiled.Evaluate(_snapshot, _counts, PortfolioData.AsOf, _scores, _statuses);
        if (!Listening)
        {
            return;
        }

        _meterListener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == HealthScoresTelemetry.MeterName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meterListener.SetMeasurementEventCallback<long>((_, value, _, _) => _sink += value);
        _meterListener.SetMeasurementEventCallback<double>((_, value, _, _) => _sink += value);
        _meterListener.Start();
        _activityListener = RecordActivities(HealthScoresTelemetry.ActivitySourceName, activity => _sink += activity.Duration.TotalSeconds);
    }

    /// <summary>Attaches a listener that samples and records every activity of one source, as an exporter would.</summary>
    /// <param name="sourceName">The activity source.</param>
    /// <param name="stopped">Called with every stopped activity.</param>
    /// <returns>The listener; dispose it to detach.</returns>
    public static ActivityListener RecordActivities(string sourceName, Action<Activity> stopped)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == sourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _meterListener?.Dispose();
        _activityListener?.Dispose();
        GC.KeepAlive(_sink);
    }

    [Benchmark(Description = "Evaluate, 1M accounts, 1 thread")]
    public PortfolioStatistics Evaluate() => _compiled.Evaluate(_snapshot, _counts, PortfolioData.AsOf, _scores, _statuses);

    [Benchmark(Description = "Rescore one account")]
    public PortfolioStatistics RescoreOne()
    {
        _account = (_account + 7919) % N;
        return _compiled.Rescore(_snapshot, _counts, PortfolioData.AsOf, [_account], _scores, _statuses, _statistics);
    }

    [Benchmark(Description = "ScoreAccount")]
    public AccountScore ScoreAccount()
    {
        _account = (_account + 7919) % N;
        return _compiled.ScoreAccount(_snapshot, _counts, PortfolioData.AsOf, _account);
    }
}
