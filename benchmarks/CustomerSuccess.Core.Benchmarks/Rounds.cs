using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using CustomerSuccess.Core.HealthScores;
using CustomerSuccess.Core.HealthScores.Activity;
using CustomerSuccess.Core.HealthScores.Engine;
using CustomerSuccess.Core.HealthScores.Snapshots;

namespace CustomerSuccess.Core.Benchmarks;

/// <summary>
/// <c>--rounds</c>: the robust scaling measurement. Every round runs every variant (bandwidth probe, engine with and
/// without breakdowns, optionally DuckDB) on 1 … ProcessorCount threads, in an order rotated from round to round, so
/// that host noise hits all of them; a round's value is the median of its timed runs. Reported: the median of the round
/// values and their range, the ratio to the probe of the same round and thread count (the floor), and the speed-up
/// over one thread computed per round.
/// </summary>
public static class Rounds
{
    private const string Probe = "probe";
    private const string Engine = "engine";
    private const string EngineFlat = "engine, no breakdowns";
    private const string Duck = "DuckDB";

    public static void Run(int n, int rounds, int runs, bool duckDb)
    {
        string loadBefore = LoadAverage();
        var data = new PortfolioData(n);
        PortfolioSnapshot snapshot = data.BuildSnapshot();
        PortfolioSnapshot flat = data.BuildSnapshot(breakdowns: false);
        ActivityCounts counts = ActivityCounts.FromColumns(n, data.ActivityCounts);
        CompiledHealthScore compiled = HealthScoreCompiler.Compile(BenchmarkDefinition.Version, snapshot.Schema).GetValueOrThrow();
        var scores = new byte[n];
        var statuses = new HealthStatus[n];
        int bytesPerAccount = ProfileBytes.PerAccount(BenchmarkDefinition.Version.Definition, snapshot);
        int flatBytesPerAccount = ProfileBytes.PerAccount(BenchmarkDefinition.Version.Definition, flat);
        var probe = new BandwidthProbe((long)bytesPerAccount * n);
        DuckDbEngine? duck = duckDb ? new DuckDbEngine(data, BenchmarkDefinition.Version.Definition, PortfolioData.AsOf) : null;
        Console.WriteLine(
            $"// N={n}: {bytesPerAccount} B/account moved with breakdowns ({flatBytesPerAccount} without); probe reads {probe.Bytes / 1e6:F1} MB; " +
            $"{rounds} rounds × {runs} runs; {Environment.ProcessorCount} processors; load average before: {loadBefore}");

        var variants = new List<Variant>();
        for (int threads = 1; threads <= Environment.ProcessorCount; threads++)
        {
            int k = threads;
            var options = new EvaluationOptions { MaxDegreeOfParallelism = k, ParallelThreshold = k == 1 ? EvaluationOptions.DefaultParallelThreshold : 0 };
            variants.Add(new Variant(Probe, k, () => GC.KeepAlive(probe.Read(k))));
            variants.Add(new Variant(Engine, k, () => compiled.Evaluate(snapshot, counts, PortfolioData.AsOf, scores, statuses, options)));
            variants.Add(new Variant(EngineFlat, k, () => compiled.Evaluate(flat, counts, PortfolioData.AsOf, scores, statuses, options)));
            if (duck is not null)
            {
                variants.Add(new Variant(Duck, k, () =>
                {
                    duck.SetThreads(k);
                    duck.ScoreIntoTable();
                }));
            }
        }

        // Warm-up: tiered JIT and the thread pool; at least 2 runs and 1.5 s per variant.
        foreach (Variant variant in variants)
        {
            var warm = Stopwatch.StartNew();
            for (int i = 0; i < 2 || warm.ElapsedMilliseconds < 1500; i++)
            {
                variant.Action();
            }
        }

        var times = new double[runs];
        for (int round = 0; round < rounds; round++)
        {
            for (int v = 0; v < variants.Count; v++)
            {
                Variant variant = variants[(v + round) % variants.Count];
                GC.Collect();
                variant.Action();
                for (int i = 0; i < runs; i++)
                {
                    long start = Stopwatch.GetTimestamp();
                    variant.Action();
                    times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                }

                Array.Sort(times);
                variant.RoundValues.Add(times[runs / 2]);
            }
        }

        string loadAfter = LoadAverage();
        duck?.Dispose();
        Report(variants, probe, n, loadBefore, loadAfter);
    }

    private static void Report(List<Variant> variants, BandwidthProbe probe, int n, string loadBefore, string loadAfter)
    {
        Variant Find(string name, int threads) => variants.Single(v => v.Name == name && v.Threads == threads);
        Console.WriteLine();
        Console.WriteLine($"N = {n:N0}; load average before {loadBefore}, after {loadAfter}");
        Console.WriteLine();
        Console.WriteLine("| variant | threads | median ms (range of rounds) | GB/s | × floor (range) | speed-up over 1 thread (range) |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (Variant variant in variants.OrderBy(v => v.Name switch { Probe => 0, Engine => 1, EngineFlat => 2, _ => 3 }).ThenBy(v => v.Threads))
        {
            List<double> values = variant.RoundValues;
            Variant floor = Find(Probe, variant.Threads);
            Variant single = Find(variant.Name, 1);
            double[] ratios = values.Select((x, r) => x / floor.RoundValues[r]).ToArray();
            double[] speedups = values.Select((x, r) => single.RoundValues[r] / x).ToArray();
            string gbs = variant.Name == Probe ? probe.GigabytesPerSecond(Median(values)).ToString("F1", CultureInfo.InvariantCulture) : string.Empty;
            string ratio = variant.Name == Probe ? "1" : Summary(ratios, "F2");
            string speedup = variant.Threads == 1 ? "1" : Summary(speedups, "F2");
            Console.WriteLine($"| {variant.Name} | {variant.Threads} | {Summary(values.ToArray(), "F2")} | {gbs} | {ratio} | {speedup} |");
        }
    }

    /// <summary>
    /// <c>--rescore</c>: incremental rescoring against a full evaluation (1 thread), interleaved and rotated per round,
    /// on three copies of the portfolio: columns only (<c>CompiledHealthScore.Rescore</c> into arrays), with row copies
    /// (<c>PortfolioSnapshot.KeepRowCopy</c>, <c>ActivityCounts.KeepRowCopy</c>, then the same <c>Rescore</c>) and as
    /// <c>LiveScores</c>. Before each timed rescoring a fresh random set of accounts gets a point update (their nps
    /// changes), untimed; the "cold" variants then also stream 256 MB through the cache and update the same accounts once
    /// more, so that only the lines a point update touches are cached, as after an update in a busy process. The floor
    /// variants read what a rescoring has to read for a fresh set (updated with the values it already holds, so no
    /// score goes stale). At the end the chained statistics and the scores of every copy are checked equal to a full
    /// evaluation.
    /// </summary>
    public static void RunRescore(int n, int rounds, int runs, int setSize)
    {
        string loadBefore = LoadAverage();
        var data = new PortfolioData(n);
        var columns = new RescorePortfolio(data, RescoreLayout.Columns);
        var rows = new RescorePortfolio(data, RescoreLayout.RowCopy);
        var live = new RescorePortfolio(data, RescoreLayout.Live);
        CompiledHealthScore compiled = columns.Compiled;
        PortfolioSnapshot snapshot = columns.Snapshot;
        ActivityCounts counts = columns.Counts;
        var full = new byte[n];
        var fullStatuses = new HealthStatus[n];
        int nps = snapshot.Schema.IndexOf("nps");
        var random = new Random(42);
        var flush = new BandwidthProbe(256L << 20);
        var set = new int[setSize];
        int[] one = new int[1];
        var model = new RowModel(n, snapshot.RowCopyBytesPerAccount, counts.CriterionCount * sizeof(int));

        void Update(RescorePortfolio portfolio, int[] accounts, bool cold)
        {
            for (int i = 0; i < accounts.Length; i++)
            {
                accounts[i] = random.Next(n);
                portfolio.SetNumber(accounts[i], nps, random.Next(12) == 0 ? null : random.Next(11));
            }

            if (cold)
            {
                flush.Read(1);
                for (int i = 0; i < accounts.Length; i++)
                {
                    portfolio.SetNumber(accounts[i], nps, random.Next(11));
                }
            }
        }

        // The floor's accounts are updated with the values they already hold (their scores stay right without a
        // rescoring), so the cache holds what a real update leaves there.
        void Touch(RescorePortfolio portfolio, int[] accounts)
        {
            for (int pass = 0; pass < 2; pass++)
            {
                ReadOnlySpan<double> values = portfolio.Snapshot.GetNumbers(nps);
                for (int i = 0; i < accounts.Length; i++)
                {
                    if (pass == 0)
                    {
                        accounts[i] = random.Next(n);
                    }

                    double value = values[accounts[i]];
                    portfolio.Snapshot.SetNumber(accounts[i], nps, double.IsNaN(value) ? null : value);
                }

                if (pass == 0)
                {
                    flush.Read(1);
                }
            }
        }

        // The floor of a rescoring from the columns: only reading the profile's inputs of the same random accounts (no
        // scoring); from the row copies: reading every cache line of those accounts' rows.
        int[] inputs = [.. BenchmarkDefinition.Version.Definition.Groups.SelectMany(g => g.Criteria).OfType<PropertyCriterion>()
            .SelectMany(c => c.Conditions).Select(c => snapshot.Schema.IndexOf(c.Property)).Distinct()];
        double gathered = 0;
        void Gather(int[] accounts)
        {
            foreach (int column in inputs)
            {
                switch (snapshot.Schema.Signals[column].Type)
                {
                    case SignalType.Number:
                        ReadOnlySpan<double> numbers = snapshot.GetNumbers(column);
                        foreach (int a in accounts)
                        {
                            gathered += numbers[a];
                        }

                        break;
                    case SignalType.Date:
                        ReadOnlySpan<int> days = snapshot.GetDayNumbers(column);
                        foreach (int a in accounts)
                        {
                            gathered += days[a];
                        }

                        break;
                    default:
                        ReadOnlySpan<byte> codes = snapshot.Schema.Signals[column].Type == SignalType.Text ? snapshot.GetTextCodes(column) : snapshot.GetBooleans(column);
                        foreach (int a in accounts)
                        {
                            gathered += codes[a];
                        }

                        break;
                }
            }

            for (int e = 0; e < counts.CriterionCount; e++)
            {
                ReadOnlySpan<int> column = counts.GetCounts(e);
                foreach (int a in accounts)
                {
                    gathered += column[a];
                }
            }
        }

        var variants = new List<(string Name, Action Prepare, Action Run)>
        {
            ("full evaluation, 1 thread", () => { }, () => compiled.Evaluate(snapshot, counts, PortfolioData.AsOf, full, fullStatuses)),
            ($"floor, columns: read the inputs of {setSize:N0} updated accounts (no scoring), caches flushed", () => Touch(columns, set), () => Gather(set)),
            ($"floor, LiveScores layout: read the other cache line of the 128-byte rows of {setSize:N0} updated accounts, caches flushed", () => model.Touch(set, random, flush), () => gathered += model.ReadOneLine(set)),
            ($"floor, row copy: read the rows, counts, scores and statuses of {setSize:N0} updated accounts (no scoring), caches flushed", () => model.Touch(set, random, flush), () => gathered += model.Read(set)),
        };
        foreach (RescorePortfolio portfolio in new[] { columns, rows, live })
        {
            string layout = portfolio.Layout switch { RescoreLayout.RowCopy => "row copy", RescoreLayout.Live => "LiveScores", _ => "columns" };
            variants.Add(($"rescore {setSize:N0} updated accounts, {layout}", () => Update(portfolio, set, false), () => portfolio.Rescore(set)));
            variants.Add(($"rescore {setSize:N0} updated accounts, {layout}, caches flushed", () => Update(portfolio, set, true), () => portfolio.Rescore(set)));
            variants.Add(($"rescore 1 updated account, {layout}", () => Update(portfolio, one, false), () => portfolio.Rescore(one)));
            variants.Add(($"rescore 1 updated account, {layout}, caches flushed", () => Update(portfolio, one, true), () => portfolio.Rescore(one)));
        }

        variants.Add(("ScoreAccount (one account, with coverage)", () => one[0] = random.Next(n), () => compiled.ScoreAccount(snapshot, counts, PortfolioData.AsOf, one[0])));
        foreach ((string _, Action prepare, Action run) in variants)
        {
            var warm = Stopwatch.StartNew();
            for (int i = 0; i < 3 || warm.ElapsedMilliseconds < 1000; i++)
            {
                prepare();
                run();
            }
        }

        var values = variants.Select(_ => new List<double>()).ToArray();
        var times = new double[runs];
        for (int round = 0; round < rounds; round++)
        {
            for (int v = 0; v < variants.Count; v++)
            {
                int index = (v + round) % variants.Count;
                for (int i = 0; i < runs; i++)
                {
                    variants[index].Prepare();
                    long start = Stopwatch.GetTimestamp();
                    variants[index].Run();
                    times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                }

                Array.Sort(times);
                values[index].Add(times[runs / 2]);
            }
        }

        string loadAfter = LoadAverage();
        GC.KeepAlive(gathered);
        columns.Verify(full, fullStatuses);
        rows.Verify(full, fullStatuses);
        live.Verify(full, fullStatuses);

        Console.WriteLine();
        Console.WriteLine($"N = {n:N0}; {rounds} rounds × {runs} runs; load average before {loadBefore}, after {loadAfter}; VERIFIED: the chained statistics and scores of all three copies equal a full evaluation");
        Console.WriteLine($"Bytes per account: columns {snapshot.BytesPerAccount}, row copy {rows.Snapshot.RowCopyBytesPerAccount} (+ counts {4 * counts.CriterionCount}), live scores {live.LiveBytesPerAccount}");
        Console.WriteLine();
        Console.WriteLine("| variant | median µs (range of rounds) | ÷ full evaluation (range) |");
        Console.WriteLine("| --- | ---: | ---: |");
        for (int v = 0; v < variants.Count; v++)
        {
            double[] micro = values[v].Select(x => x * 1000).ToArray();
            double[] ratios = values[v].Select((x, r) => x / values[0][r]).ToArray();
            Console.WriteLine($"| {variants[v].Name} | {Summary(micro, "F1")} | {(v == 0 ? "1" : Summary(ratios.Select(x => x * 100).ToArray(), "F3") + " %")} |");
        }
    }

    private static string Summary(double[] values, string format)
    {
        double[] sorted = [.. values.Order()];
        return string.Create(CultureInfo.InvariantCulture, $"{Median(sorted).ToString(format, CultureInfo.InvariantCulture)} ({sorted[0].ToString(format, CultureInfo.InvariantCulture)}–{sorted[^1].ToString(format, CultureInfo.InvariantCulture)})");
    }

    private static double Median(IReadOnlyCollection<double> values)
    {
        double[] sorted = [.. values.Order()];
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private sealed class Variant(string name, int threads, Action action)
    {
        public string Name { get; } = name;

        public int Threads { get; } = threads;

        public Action Action { get; } = action;

        public List<double> RoundValues { get; } = [];
    }
}
