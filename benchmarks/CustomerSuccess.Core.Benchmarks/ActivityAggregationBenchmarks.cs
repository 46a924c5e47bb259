using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using CustomerSuccess.Core.HealthScores;
using CustomerSuccess.Core.HealthScores.Activity;
using CustomerSuccess.Core.HealthScores.Snapshots;
using DuckDB.NET.Data;
using NodaTime;

namespace CustomerSuccess.Core.Benchmarks;

/// <summary>Event aggregation: the benchmark profile's 3 event criteria counted per account over a columnar log (the
/// partitioned pass on 1 and 2 threads), against the same GROUP BY account with count(*) FILTER per criterion in DuckDB
/// on 1 and 2 threads. All checked equal in GlobalSetup, before timing.</summary>
[MemoryDiagnoser]
public class ActivityAggregationBenchmarks
{
    public const int Accounts = 1_000_000;

    private static readonly Instant AsOfInstant = PortfolioData.AsOf.AtMidnight().InUtc().ToInstant();

    private static readonly ActivityAggregationOptions TwoThreads = new() { MaxDegreeOfParallelism = 2 };

    private ActivityLog _log = null!;
    private ActivityAggregator _aggregator = null!;
    private DuckDBConnection _duck = null!;
    private string _sql = null!;
    private ActivityCounts? _reused;

    /// <summary>Event counts: 30M, or the comma-separated list in BENCH_EVENTS.</summary>
    public static System.Collections.Generic.IEnumerable<int> EventSizes =>
        (Environment.GetEnvironmentVariable("BENCH_EVENTS") ?? "30000000")
            .Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(x => int.Parse(x, System.Globalization.CultureInfo.InvariantCulture));

    [ParamsSource(nameof(EventSizes))]
    public int Events { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var schema = new PortfolioSchema([new SignalDefinition("escalated", SignalType.Boolean)]);
        var builder = new ActivityLogBuilder(schema, Events);
        var accounts = new int[Events];
        var types = new byte[Events];
        var times = new long[Events];
        var escalated = new sbyte[Events];
        var r = new SplitMix64(42);
        long asOfMs = AsOfInstant.ToUnixTimeMilliseconds();
        string[] names = ["login", "ticket", "meeting"];
        for (int i = 0; i < Events; i++)
        {
            double u = r.NextDouble();
            int type = u < 0.7 ? 1 : u < 0.9 ? 2 : 3;
            int account = r.NextInt(Accounts);
            long at = asOfMs - (long)(r.NextDouble() * 120 * NodaConstants.MillisecondsPerDay) + (r.NextDouble() < 0.02 ? 3 * NodaConstants.MillisecondsPerDay : 0);
            int row = builder.AddEvent(account, names[type - 1], Instant.FromUnixTimeMilliseconds(at));
            accounts[i] = account;
            types[i] = (byte)type;
            times[i] = at;
            escalated[i] = -1;
            if (type == 2)
            {
                bool e = r.NextDouble() < 0.15;
                builder.SetBoolean(row, 0, e);
                escalated[i] = (sbyte)(e ? 1 : 0);
            }
        }

        _log = builder.Build();
        _aggregator = ActivityAggregator.Compile(BenchmarkDefinition.Version.Definition, schema).GetValueOrThrow();

        _duck = new DuckDBConnection("Data Source=:memory:");
        _duck.Open();
        Execute("CREATE TABLE events (account INTEGER, type UTINYINT, occurred_at BIGINT, escalated BOOLEAN)");
        using (DuckDBAppender appender = _duck.CreateAppender("events"))
        {
            for (int i = 0; i < Events; i++)
            {
                IDuckDBAppenderRow row = appender.CreateRow().AppendValue(accounts[i]).AppendValue((byte?)types[i]).AppendValue(times[i]);
                row = escalated[i] < 0 ? row.AppendNullValue() : row.AppendValue(escalated[i] == 1);
                row.EndRow();
            }
        }

        var filters = new System.Collections.Generic.List<string>();
        foreach (EventCriterion criterion in _aggregator.Criteria)
        {
            int code = Array.IndexOf(names, criterion.EventType) + 1;
            long low = asOfMs - (criterion.WindowDays * (long)NodaConstants.MillisecondsPerDay);
            string extra = criterion.EventConditions.Length == 0 ? string.Empty : " AND escalated";
            filters.Add($"count(*) FILTER (WHERE type = {code}{extra} AND occurred_at >= {low} AND occurred_at < {asOfMs}) AS c{filters.Count}");
        }

        _sql = $"CREATE OR REPLACE TABLE counts AS SELECT account, {string.Join(", ", filters)} FROM events GROUP BY account";
        Console.WriteLine("// " + _sql);
        Verify();
        Console.WriteLine($"// MEMORY events={Events}: event log {_log.BytesPerEvent} B/event");
    }

    [GlobalCleanup]
    public void Cleanup() => _duck.Dispose();

    [Benchmark(Baseline = true, Description = "engine: partitioned pass, 1 thread")]
    public ActivityCounts Engine() => _aggregator.Aggregate(_log, Accounts, AsOfInstant);

    [Benchmark(Description = "engine: partitioned pass, 2 threads")]
    public ActivityCounts Engine2Threads() => _aggregator.Aggregate(_log, Accounts, AsOfInstant, TwoThreads);

    [Benchmark(Description = "engine: partitioned pass into reused counts, 1 thread")]
    public ActivityCounts EngineInto() => Into(null);

    [Benchmark(Description = "engine: partitioned pass into reused counts, 2 threads")]
    public ActivityCounts EngineInto2Threads() => Into(TwoThreads);

    private ActivityCounts Into(ActivityAggregationOptions? options)
    {
        _reused ??= _aggregator.Aggregate(_log, Accounts, AsOfInstant);
        _aggregator.AggregateInto(_log, AsOfInstant, _reused, options);
        return _reused;
    }

    [Benchmark(Description = "DuckDB: GROUP BY account, count FILTER, 1 thread")]
    public void DuckDb1Thread()
    {
        Execute("SET threads = 1");
        Execute(_sql);
    }

    [Benchmark(Description = "DuckDB: GROUP BY account, count FILTER, 2 threads")]
    public void DuckDb2Threads()
    {
        Execute("SET threads = 2");
        Execute(_sql);
    }

    private void Verify()
    {
        ActivityCounts counts = Engine();
        ActivityCounts parallel = _aggregator.Aggregate(_log, Accounts, AsOfInstant, TwoThreads with { ParallelThreshold = 0 });
        ActivityCounts into = EngineInto2Threads();
        DuckDb2Threads();
        var expected = new int[counts.CriterionCount][];
        for (int c = 0; c < expected.Length; c++)
        {
            expected[c] = new int[Accounts];
        }

        using (DuckDBCommand command = _duck.CreateCommand())
        {
            command.CommandText = "SELECT * FROM counts";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                int account = reader.GetInt32(0);
                for (int c = 0; c < expected.Length; c++)
                {
                    expected[c][account] = (int)reader.GetInt64(c + 1);
                }
            }
        }

        long total = 0;
        for (int c = 0; c < expected.Length; c++)
        {
            int mismatch = counts.GetCounts(c).SequenceCompareTo(expected[c]) == 0 ? -1 : FirstDifference(counts.GetCounts(c), expected[c]);
            if (mismatch >= 0)
            {
                throw new InvalidOperationException(
                    $"Event counts of criterion {c} differ between the engine and DuckDB: account {mismatch}, engine {counts.GetCounts(c)[mismatch]}, DuckDB {expected[c][mismatch]}.");
            }

            if (!parallel.GetCounts(c).SequenceEqual(counts.GetCounts(c)) || !into.GetCounts(c).SequenceEqual(counts.GetCounts(c)))
            {
                throw new InvalidOperationException($"Event counts of criterion {c} differ between 1 and 2 threads or into reused counts.");
            }

            foreach (int n in expected[c])
            {
                total += n;
            }
        }

        Console.WriteLine($"// VERIFIED events={Events}: engine (1 and 2 threads) and DuckDB agree on {total} counted events");
    }

    private static int FirstDifference(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        for (int i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i])
            {
                return i;
            }
        }

        return -1;
    }

    private void Execute(string sql)
    {
        using DuckDBCommand command = _duck.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
