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

        if (args.Length == 2 && args[0] == "--tasks-profile")
        {
            TaskBulkBenchmarks.Profile(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture));
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

        if (args.Length is 3 or 4 && args[0] == "--scale")
        {
            StoreScale.RunAsync(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), args.Length == 4 ? args[3] : "all").GetAwaiter().GetResult();
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

    /// <summary><c>--profile N</c>: where the time goes, as Stopwatch medians of 31 runs after a 2 s warm-up (not a
    /// benchmark). The same profile at N accounts (data streamed from memory) and at 65,536 accounts repeated
    /// (≈ 6 MB: the data stays in cache, so this is the compute alone), with and without the owner and segment
    /// breakdowns, on 1 and 2 threads, beside the bandwidth probe for the same bytes: compute + memory ≈ the 1M time
    /// means the two do not overlap.</summary>
    private static void Profile(int n)
    {
        foreach (int size in new[] { n, 65_536 })
        {
            var data = new PortfolioData(size);
            var counts = CustomerSuccess.Core.HealthScores.Activity.ActivityCounts.FromColumns(size, data.ActivityCounts);
            var scores = new byte[size];
            var statuses = new CustomerSuccess.Core.HealthScores.HealthStatus[size];
            var probe = new BandwidthProbe((long)ProfileBytes.PerAccount(BenchmarkDefinition.Version.Definition, data.BuildSnapshot()) * size);
            foreach (int threads in new[] { 1, 2 })
            {
                Report($"N={size} probe", threads, size, () => probe.Read(threads));
            }

            foreach (bool breakdowns in new[] { true, false })
            {
                var snapshot = data.BuildSnapshot(breakdowns);
                var compiled = CustomerSuccess.Core.HealthScores.Engine.HealthScoreCompiler.Compile(BenchmarkDefinition.Version, snapshot.Schema).GetValueOrThrow();
                foreach (int threads in new[] { 1, 2 })
                {
                    var options = new CustomerSuccess.Core.HealthScores.Engine.EvaluationOptions { MaxDegreeOfParallelism = threads, ParallelThreshold = 0 };
                    Report($"N={size} breakdowns={breakdowns}", threads, size, () => compiled.Evaluate(snapshot, counts, PortfolioData.AsOf, scores, statuses, options));
                }
            }
        }

        static void Report(string name, int threads, int size, Action run)
        {
            var warm = Stopwatch.StartNew();
            while (warm.ElapsedMilliseconds < 2000)
            {
                run();
            }

            var times = new double[31];
            for (int i = 0; i < times.Length; i++)
            {
                long start = Stopwatch.GetTimestamp();
                run();
                times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }

            Array.Sort(times);
            Console.WriteLine(string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"{name} threads={threads}: median {times[15]:F3} ms = {times[15] * 1e6 / size:F2} ns/account (min {times[0]:F3}, max {times[^1]:F3})"));
        }
    }
}
