using System;
using System.Diagnostics;
using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace CustomerSuccess.Core.Benchmarks;

public static class Program
{
    /// <summary>BenchmarkDotNet switcher; <c>--verify N</c> only runs the scoring setup (all engines checked equal).</summary>
    public static void Main(string[] args)
    {
        if (args.Length == 2 && args[0] == "--verify")
        {
            var stopwatch = Stopwatch.StartNew();
            var benchmarks = new ScoringBenchmarks { N = int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) };
            benchmarks.Setup();
            benchmarks.Cleanup();
            Console.WriteLine($"setup + verification: {stopwatch.Elapsed}");
            return;
        }

        if (args.Length == 2 && args[0] == "--profile")
        {
            Profile(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture));
            return;
        }

        if (args.Length >= 1 && args[0] == "--rounds")
        {
            // --rounds [N] [rounds] [runs] [duckdb]
            int n = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000;
            int rounds = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 15;
            int runs = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 5;
            Rounds.Run(n, rounds, runs, duckDb: args.Contains("duckdb"));
            return;
        }

        if (args.Length >= 1 && args[0] == "--rescore")
        {
            // --rescore [N] [rounds] [runs] [set size]
            int n = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000;
            int rounds = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 15;
            int runs = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 5;
            int set = args.Length > 4 ? int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture) : 1000;
            Rounds.RunRescore(n, rounds, runs, set);
            return;
        }

        if (args.Length >= 1 && args[0] == "--sweep")
        {
            Sweep.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000);
            return;
        }

        if (args.Length == 2 && args[0] == "--verify-events")
        {
            var stopwatch = Stopwatch.StartNew();
            var benchmarks = new ActivityAggregationBenchmarks { Events = int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) };
            benchmarks.Setup();
            Console.WriteLine($"setup + verification: {stopwatch.Elapsed}");
            int repeat = int.Parse(Environment.GetEnvironmentVariable("BENCH_REPEAT") ?? "5", System.Globalization.CultureInfo.InvariantCulture);
            for (int i = 0; i < repeat; i++)
            {
                stopwatch.Restart();
                benchmarks.Engine();
                TimeSpan one = stopwatch.Elapsed;
                stopwatch.Restart();
                benchmarks.Engine2Threads();
                TimeSpan two = stopwatch.Elapsed;
                stopwatch.Restart();
                benchmarks.EngineInto();
                TimeSpan into = stopwatch.Elapsed;
                stopwatch.Restart();
                benchmarks.EngineInto2Threads();
                Console.WriteLine($"one aggregation: {one.TotalMilliseconds:F1} ms on 1 thread, {two.TotalMilliseconds:F1} ms on 2; into reused counts {into.TotalMilliseconds:F1} / {stopwatch.Elapsed.TotalMilliseconds:F1} ms");
            }
            benchmarks.Cleanup();
            return;
        }

        // A short job (3 warm-up, 3 measured iterations), in process: the shared machine's build of BenchmarkDotNet's
        // generated project fails on this repository's documentation settings, and setups at 1M accounts need more
        // than the in-process default timeout of 5 minutes.
        IConfig config = DefaultConfig.Instance
            .AddJob(Job.ShortRun.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: true)))
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumn(new FloorRatioColumn());
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
    }

    /// <summary><c>--profile N</c>: a quick Stopwatch split of the engine's cost (median of 31 runs after a 2 s warm-up),
    /// with and without the per-owner and per-segment breakdowns. Not a benchmark: use it to see where time goes.</summary>
    private static void Profile(int n)
    {
        var data = new PortfolioData(n);
        var counts = CustomerSuccess.Core.HealthScores.Activity.ActivityCounts.FromColumns(n, data.ActivityCounts);
        var scores = new byte[n];
        var statuses = new CustomerSuccess.Core.HealthScores.HealthStatus[n];
        foreach (var breakdowns in new[] { true, false })
        {
            var snapshot = data.BuildSnapshot(breakdowns);
            var compiled = CustomerSuccess.Core.HealthScores.Engine.HealthScoreCompiler.Compile(BenchmarkDefinition.Version, snapshot.Schema).GetValueOrThrow();
            foreach (var threads in new[] { 1, 2 })
            {
                var options = new CustomerSuccess.Core.HealthScores.Engine.EvaluationOptions { MaxDegreeOfParallelism = threads };
                var warm = Stopwatch.StartNew();
                while (warm.ElapsedMilliseconds < 2000)
                {
                    compiled.Evaluate(snapshot, counts, PortfolioData.AsOf, scores, statuses, options);
                }

                var times = new double[31];
                for (int i = 0; i < times.Length; i++)
                {
                    var sw = Stopwatch.StartNew();
                    compiled.Evaluate(snapshot, counts, PortfolioData.AsOf, scores, statuses, options);
                    times[i] = sw.Elapsed.TotalMilliseconds;
                }

                Array.Sort(times);
                Console.WriteLine($"N={n} breakdowns={breakdowns} threads={threads}: median {times[15]:F2} ms (min {times[0]:F2}, max {times[^1]:F2})");
            }
        }
    }
}
