using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using CustomerSuccess.Core.HealthScores;
using CustomerSuccess.Core.HealthScores.Engine;
using CustomerSuccess.Core.HealthScores.Activity;
using CustomerSuccess.Core.HealthScores.Snapshots;
using CustomerSuccess.Core.HealthScores.Statistics;
using NodaTime;

namespace CustomerSuccess.Core.Benchmarks;

/// <summary>Portfolio scoring: the columnar engine on 1 and 2 threads against the naive object engine and DuckDB
/// (1 and 2 threads), same data, same 20-criterion profile; all engines are checked for identical per-account scores
/// and statuses in GlobalSetup. The bandwidth probe rows read as many bytes as one evaluation moves: the "× floor" column
/// divides every row by the probe with the same thread count.</summary>
[MemoryDiagnoser]
public class ScoringBenchmarks
{
    private static readonly EvaluationOptions TwoThreads = new() { MaxDegreeOfParallelism = 2 };

    private PortfolioSnapshot _snapshot = null!;
    private ActivityCounts _counts = null!;
    private CompiledHealthScore _compiled = null!;
    private byte[] _scores = null!;
    private HealthStatus[] _statuses = null!;
    private System.Collections.Generic.IReadOnlyList<NaiveEngine.NaiveGroup> _naiveGroups = null!;
    private NaiveEngine.NaiveAccount[] _naiveAccounts = null!;
    private DuckDbEngine? _duck;
    private BandwidthProbe? _probe;

    /// <summary>Portfolio sizes: 10k, 100k, 1M, or the comma-separated list in BENCH_N.</summary>
    public static System.Collections.Generic.IEnumerable<int> Sizes =>
        (Environment.GetEnvironmentVariable("BENCH_N") ?? "10000,100000,1000000")
            .Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(x => int.Parse(x, System.Globalization.CultureInfo.InvariantCulture));

    [ParamsSource(nameof(Sizes))]
    public int N { get; set; }

    public static LocalDate AsOf => PortfolioData.AsOf;

    /// <summary>The baseline's setup builds every engine and verifies them all against each other (throws on any difference).</summary>
    [GlobalSetup(Target = nameof(Engine1Thread))]
    public void Setup()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        PortfolioData data = SetupEngine();
        SetupNaive(data);
        SetupDuck(data);
        Console.WriteLine($"// setup: all engines built {clock.Elapsed}");
        Verify(_compiled, _snapshot, _counts, _naiveGroups, _naiveAccounts, _duck!, N);
        Console.WriteLine($"// setup: verified {clock.Elapsed}");
        long before = GC.GetTotalMemory(true);
        NaiveEngine.NaiveAccount[] copy = NaiveEngine.BuildAccounts(data);
        long naiveBytes = GC.GetTotalMemory(true) - before;
        GC.KeepAlive(copy);
        Console.WriteLine(
            $"// MEMORY N={N}: snapshot {_snapshot.BytesPerAccount} B/account (+{_counts.CriterionCount * sizeof(int)} B event counts); " +
            $"naive object model {naiveBytes / (double)N:F0} B/account; DuckDB database {_duck!.DatabaseBytes() / (double)N:F0} B/account");
    }

    [GlobalSetup(Target = nameof(Engine2Threads))]
    public void SetupEngineOnly() => SetupEngine();

    [GlobalSetup(Target = nameof(Naive))]
    public void SetupNaiveOnly() => SetupNaive(new PortfolioData(N));

    [GlobalSetup(Targets = new[] { nameof(DuckDb1Thread), nameof(DuckDb2Threads) })]
    public void SetupDuckOnly() => SetupDuck(new PortfolioData(N));

    /// <summary>The probe reads as many bytes as one evaluation of the profile moves (ProfileBytes × N).</summary>
    [GlobalSetup(Targets = new[] { nameof(Probe1Thread), nameof(Probe2Threads) })]
    public void SetupProbe()
    {
        int bytes = ProfileBytes.PerAccount(BenchmarkDefinition.Version.Definition, new PortfolioData(64).BuildSnapshot());
        _probe = new BandwidthProbe((long)bytes * N);
        Console.WriteLine($"// PROBE N={N}: {bytes} B/account, {_probe.Bytes / 1e6:F1} MB per read");
    }

    [GlobalCleanup]
    public void Cleanup() => _duck?.Dispose();

    [Benchmark(Description = "bandwidth probe (floor), 1 thread")]
    public long Probe1Thread() => _probe!.Read(1);

    [Benchmark(Description = "bandwidth probe (floor), 2 threads")]
    public long Probe2Threads() => _probe!.Read(2);

    private PortfolioData SetupEngine()
    {
        var data = new PortfolioData(N);
        _snapshot = data.BuildSnapshot();
        _counts = ActivityCounts.FromColumns(N, data.ActivityCounts);
        _compiled = HealthScoreCompiler.Compile(BenchmarkDefinition.Version, _snapshot.Schema).GetValueOrThrow();
        _scores = new byte[N];
        _statuses = new HealthStatus[N];
        return data;
    }

    private void SetupNaive(PortfolioData data)
    {
        _naiveGroups = NaiveEngine.Groups(BenchmarkDefinition.Version.Definition);
        _naiveAccounts = NaiveEngine.BuildAccounts(data);
    }

    private void SetupDuck(PortfolioData data) => _duck = new DuckDbEngine(data, BenchmarkDefinition.Version.Definition, AsOf);

    [Benchmark(Baseline = true, Description = "engine, 1 thread")]
    public PortfolioStatistics Engine1Thread() => _compiled.Evaluate(_snapshot, _counts, AsOf, _scores, _statuses);

    [Benchmark(Description = "engine, 2 threads")]
    public PortfolioStatistics Engine2Threads() => _compiled.Evaluate(_snapshot, _counts, AsOf, _scores, _statuses, TwoThreads);

    [Benchmark(Description = "naive: Dictionary + interface + LINQ")]
    public NaiveEngine.Summary Naive() => NaiveEngine.Evaluate(_naiveGroups, _naiveAccounts, AsOf, BenchmarkDefinition.Version.Definition.Thresholds).Summary;

    [Benchmark(Description = "DuckDB, scores into table, 1 thread")]
    public void DuckDb1Thread()
    {
        _duck!.SetThreads(1);
        _duck.ScoreIntoTable();
    }

    [Benchmark(Description = "DuckDB, scores into table, 2 threads")]
    public void DuckDb2Threads()
    {
        _duck!.SetThreads(2);
        _duck.ScoreIntoTable();
    }

    /// <summary>Throws unless every engine gives every account the same score and status.</summary>
    public static void Verify(CompiledHealthScore compiled, PortfolioSnapshot snapshot, ActivityCounts counts, System.Collections.Generic.IReadOnlyList<NaiveEngine.NaiveGroup> naiveGroups, NaiveEngine.NaiveAccount[] naiveAccounts, DuckDbEngine duck, int n)
    {
        var one = new byte[n];
        var oneStatus = new HealthStatus[n];
        PortfolioStatistics stats = compiled.Evaluate(snapshot, counts, AsOf, one, oneStatus);
        var two = new byte[n];
        var twoStatus = new HealthStatus[n];
        PortfolioStatistics stats2 = compiled.Evaluate(snapshot, counts, AsOf, two, twoStatus, new EvaluationOptions { MaxDegreeOfParallelism = 2, ParallelThreshold = 0 });
        (NaiveEngine.AccountHealth[] naive, NaiveEngine.Summary summary) = NaiveEngine.Evaluate(naiveGroups, naiveAccounts, AsOf, BenchmarkDefinition.Version.Definition.Thresholds);
        duck.SetThreads(2);
        duck.ScoreIntoTable();
        (byte[] duckScores, byte[] duckStatuses) = duck.ReadScores(n);
        for (int i = 0; i < n; i++)
        {
            AccountScore single = compiled.ScoreAccount(snapshot, counts, AsOf, i);
            if (one[i] != two[i] || oneStatus[i] != twoStatus[i] || one[i] != naive[i].Score || oneStatus[i] != naive[i].Status
                || one[i] != duckScores[i] || (byte)oneStatus[i] != duckStatuses[i] || one[i] != single.Score || oneStatus[i] != single.Status)
            {
                throw new InvalidOperationException(
                    $"Account {i}: engine {one[i]}/{oneStatus[i]}, 2 threads {two[i]}, one-account {single.Score}, naive {naive[i].Score}/{naive[i].Status}, DuckDB {duckScores[i]}/{duckStatuses[i]}.");
            }
        }

        if (!stats.Equals(stats2) || stats.Overall.Count != n || Math.Abs(stats.Overall.AverageScore!.Value - summary.Average) > 1e-9
            || stats.Overall.CountOf(HealthStatus.AtRisk) != summary.AtRisk || stats.Overall.CountOf(HealthStatus.Healthy) != summary.Healthy)
        {
            throw new InvalidOperationException("Portfolio statistics differ between engines.");
        }

        Console.WriteLine(
            $"// VERIFIED N={n}: all engines agree; average {stats.Overall.AverageScore:F2}, at risk {stats.Overall.ShareOf(HealthStatus.AtRisk):P1}, " +
            $"neutral {stats.Overall.ShareOf(HealthStatus.Neutral):P1}, healthy {stats.Overall.ShareOf(HealthStatus.Healthy):P1}");
    }
}
