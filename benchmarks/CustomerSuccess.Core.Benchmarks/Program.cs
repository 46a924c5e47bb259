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

        if (args.Length == 2 && args[0] == "--verify-events")
        {
            var stopwatch = Stopwatch.StartNew();
            var benchmarks = new EventAggregationBenchmarks { Events = int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) };
            benchmarks.Setup();
            Console.WriteLine($"setup + verification: {stopwatch.Elapsed}");
            stopwatch.Restart();
            benchmarks.Engine();
            Console.WriteLine($"one aggregation: {stopwatch.Elapsed}");
            benchmarks.Cleanup();
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
}
