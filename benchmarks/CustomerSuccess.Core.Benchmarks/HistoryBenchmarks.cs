using System;
using System.Collections.Immutable;
using System.Linq;
using BenchmarkDotNet.Attributes;
using CustomerSuccess.Core.Access;
using CustomerSuccess.Core.Alerts;
using CustomerSuccess.Core.HealthScores;
using CustomerSuccess.Core.HealthScores.Activity;
using CustomerSuccess.Core.HealthScores.Engine;
using CustomerSuccess.Core.HealthScores.History;
using CustomerSuccess.Core.HealthScores.Snapshots;
using NodaTime;

namespace CustomerSuccess.Core.Benchmarks;

/// <summary>
/// Score history and alerts at portfolio scale: scoring a portfolio (the engine with coverage, what a run records)
/// against recording the scored columns as a run with its status changes and raising their alerts, in the same
/// benchmark run; and answering a 24-month trend and a record card from a history of 24 monthly runs.
/// </summary>
/// <remarks>
/// Two days of the same portfolio alternate (as-of 2025-06-30 and 2025-07-01: the recency criteria move some accounts
/// across a band), so every recording has status changes against the previous run. Runs are one day apart, so the alert
/// book reaches its steady state (alerts expire after 14 days, finished ones are dropped after 14 more): the book holds
/// what a portal with daily runs holds. 20 owners, each at the limit of 25 active alerts.
/// </remarks>
[MemoryDiagnoser]
public class HistoryBenchmarks
{
    private static readonly AccountContext Account = new(PortalId.From(1), ServiceHubTier.Enterprise);

    private PortfolioSnapshot _snapshot = null!;
    private ActivityCounts _counts = null!;
    private CompiledHealthScore _compiled = null!;
    private long[] _ids = null!;
    private ImmutableArray<long> _owners;
    private byte[] _scores = null!;
    private HealthStatus[] _statuses = null!;
    private double[] _coverage = null!;
    private (byte[] Scores, HealthStatus[] Statuses, double[] Coverage)[] _days = null!;
    private ScoreHistory _history = null!;
    private AlertBookState _book = null!;
    private Instant _at;
    private long _runId;
    private ScoreHistory _monthly = null!;

    /// <summary>Portfolio sizes: 1M, or the comma-separated list in BENCH_N.</summary>
    public static System.Collections.Generic.IEnumerable<int> Sizes =>
        (Environment.GetEnvironmentVariable("BENCH_N") ?? "1000000")
            .Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(x => int.Parse(x, System.Globalization.CultureInfo.InvariantCulture));

    [ParamsSource(nameof(Sizes))]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var data = new PortfolioData(N);
        _snapshot = data.BuildSnapshot(true);
        _counts = ActivityCounts.FromColumns(N, data.ActivityCounts);
        _compiled = HealthScoreCompiler.Compile(BenchmarkDefinition.Version, _snapshot.Schema).GetValueOrThrow();
        _ids = [.. Enumerable.Range(1, N).Select(i => (long)i)];
        _owners = [.. Enumerable.Range(0, PortfolioData.OwnerCount).Select(c => 1000L + c)];
        _scores = new byte[N];
        _statuses = new HealthStatus[N];
        _coverage = new double[N];
        _days = [Evaluate(PortfolioData.AsOf), Evaluate(PortfolioData.AsOf.PlusDays(1))];
        int changes = Enumerable.Range(0, N).Count(i => _days[0].Statuses[i] != _days[1].Statuses[i]);
        Console.WriteLine($"// HISTORY N={N}: {changes} status changes between the two days ({100.0 * changes / N:F2} %)");

        _history = new ScoreHistory();
        _book = AlertBook.CreateInitialState(Account.PortalId);
        _at = Instant.FromUtc(2025, 7, 1, 2, 0);
        _runId = 0;
        for (int i = 0; i < 40; i++)
        {
            RecordRunAndRaiseAlerts();
        }

        Console.WriteLine($"// HISTORY N={N}: the alert book holds {_book.Alerts.Length} alerts after 40 daily runs ({_book.Alerts.Count(a => a.Status == AlertStatus.Active)} active)");

        _monthly = new ScoreHistory();
        var month = Instant.FromUtc(2023, 7, 15, 2, 0);
        for (int m = 0; m < 24; m++)
        {
            var day = _days[m % 2];
            _monthly.Record(ScoringRun.Create(ScoringRunId.From(1_000_000 + m), new ScoreVersionKey(BenchmarkDefinition.Version.ScoreId, 1), month, PortfolioData.AsOf, _ids, day.Scores, day.Statuses, day.Coverage, _snapshot.OwnerCodes, _owners, _snapshot.SegmentMasks));
            month = month.InUtc().LocalDateTime.PlusMonths(1).InUtc().ToInstant();
        }
    }

    /// <summary>The baseline: scoring the portfolio with coverage (what a run records).</summary>
    [Benchmark(Baseline = true)]
    public PortfolioStatisticsHolder ScoreWithCoverage() =>
        new(_compiled.EvaluateRange(_snapshot, _counts, PortfolioData.AsOf, 0, _scores, _statuses, _coverage));

    /// <summary>Scoring without coverage (scores and statuses only: the figure of the scoring benchmarks).</summary>
    [Benchmark]
    public PortfolioStatisticsHolder ScoreWithoutCoverage() =>
        new(_compiled.Evaluate(_snapshot, _counts, PortfolioData.AsOf, _scores, _statuses));

    /// <summary>Recording the scored columns as a run (copied, validated, coverage quantised), computing its status changes
    /// against the previous run, updating the month's aggregates, and raising the alerts in the portal's alert book.</summary>
    [Benchmark]
    public int RecordRunAndRaiseAlerts()
    {
        var day = _days[(int)(_runId % 2)];
        _at += Duration.FromDays(1);
        var run = ScoringRun.Create(ScoringRunId.From(++_runId), new ScoreVersionKey(BenchmarkDefinition.Version.ScoreId, 1), _at, PortfolioData.AsOf, _ids, day.Scores, day.Statuses, day.Coverage, _snapshot.OwnerCodes, _owners, _snapshot.SegmentMasks);
        var recorded = _history.Record(run);
        var book = new AlertBook(_book, AccessPolicy.Default);
        var report = book.Raise(recorded.Changes, _at).GetValueOrThrow();
        _book = book.State;
        return report.Raised;
    }

    /// <summary>The 24-month average-score trend of the portfolio, one owner and one segment (rule 39).</summary>
    [Benchmark]
    public int TrendOver24Months()
    {
        var from = new YearMonth(2023, 7);
        var to = new YearMonth(2025, 6);
        var id = BenchmarkDefinition.Version.ScoreId;
        return _monthly.AverageOverTime(id, from, to, TrendScope.Portfolio).Length
            + _monthly.AverageOverTime(id, from, to, TrendScope.Owner(1005)).Length
            + _monthly.AverageOverTime(id, from, to, TrendScope.Segment(2)).Length;
    }

    /// <summary>One record card (rule 85): current score, recent changes and the 24-month trend of one account.</summary>
    [Benchmark]
    public int RecordCard() => _monthly.GetRecordCard(BenchmarkDefinition.Version.ScoreId, N / 2).MonthlyTrend.Length;

    private (byte[] Scores, HealthStatus[] Statuses, double[] Coverage) Evaluate(LocalDate asOf)
    {
        var scores = new byte[N];
        var statuses = new HealthStatus[N];
        var coverage = new double[N];
        _compiled.EvaluateRange(_snapshot, _counts, asOf, 0, scores, statuses, coverage);
        return (scores, statuses, coverage);
    }

    /// <summary>Keeps the statistics alive without a public type in the signature's way.</summary>
    /// <param name="Statistics">The statistics.</param>
    public sealed record PortfolioStatisticsHolder(HealthScores.Statistics.PortfolioStatistics Statistics);
}
