using System;
using System.Diagnostics;
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
            stopwatch.Restart();
            benchmarks.Engine();
            Console.WriteLine($"one aggregation: {stopwatch.Elapsed}");
            benchmarks.Cleanup();
            return;
        }

        if (args.Length == 3 && args[0] == "--tasks-sqlite")
        {
            TaskStoreScale.RunAsync(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture)).GetAwaiter().GetResult();
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
            .AddDiagnoser(MemoryDiagnoser.Default);
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
