using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using CustomerSuccess.Core.HealthScores;
using CustomerSuccess.Core.HealthScores.Activity;
using CustomerSuccess.Core.HealthScores.Engine;

namespace CustomerSuccess.Core.Benchmarks;

/// <summary><c>--sweep N</c>: the block (tile) size sweep, interleaved like <see cref="Rounds"/>: the engine with and
/// without breakdowns at several block sizes (and with breakdowns on 2 threads), each round's values divided by the
/// bandwidth probe of the same round and thread count.</summary>
public static class Sweep
{
    public static void Run(int n, int rounds = 9, int runs = 5)
    {
        var data = new PortfolioData(n);
        var snapshot = data.BuildSnapshot();
        var flat = data.BuildSnapshot(breakdowns: false);
        var counts = ActivityCounts.FromColumns(n, data.ActivityCounts);
        var compiled = HealthScoreCompiler.Compile(BenchmarkDefinition.Version, snapshot.Schema).GetValueOrThrow();
        var scores = new byte[n];
        var statuses = new HealthStatus[n];
        var probe = new BandwidthProbe((long)ProfileBytes.PerAccount(BenchmarkDefinition.Version.Definition, snapshot) * n);
        var variants = new List<(string Name, Action Run)> { ("probe", () => probe.Read(1)), ("probe, 2 threads", () => probe.Read(2)) };
        foreach (int block in new[] { 8192, 16384, 32768, 65536, 131072 })
        {
            var options = new EvaluationOptions { BlockSize = block };
            var two = new EvaluationOptions { BlockSize = block, MaxDegreeOfParallelism = 2 };
            variants.Add(($"block {block}", () => compiled.Evaluate(snapshot, counts, PortfolioData.AsOf, scores, statuses, options)));
            variants.Add(($"block {block}, no breakdowns", () => compiled.Evaluate(flat, counts, PortfolioData.AsOf, scores, statuses, options)));
            variants.Add(($"block {block}, 2 threads", () => compiled.Evaluate(snapshot, counts, PortfolioData.AsOf, scores, statuses, two)));
        }

        foreach ((string _, Action run) in variants)
        {
            var warm = Stopwatch.StartNew();
            while (warm.ElapsedMilliseconds < 500)
            {
                run();
            }
        }

        var values = variants.Select(_ => new List<double>()).ToArray();
        var times = new double[runs];
        for (int round = 0; round < rounds; round++)
        {
            for (int k = 0; k < variants.Count; k++)
            {
                int index = (k + round) % variants.Count;
                for (int i = 0; i < runs; i++)
                {
                    long start = Stopwatch.GetTimestamp();
                    variants[index].Run();
                    times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                }

                Array.Sort(times);
                values[index].Add(times[runs / 2]);
            }
        }

        Console.WriteLine($"N = {n:N0}, {rounds} rounds × {runs} runs");
        for (int k = 0; k < variants.Count; k++)
        {
            double[] sorted = [.. values[k].Order()];
            int floor = variants[k].Name.Contains("2 threads", StringComparison.Ordinal) ? 1 : 0;
            double[] ratios = [.. values[k].Select((x, r) => x / values[floor][r]).Order()];
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{variants[k].Name,-30} {sorted[sorted.Length / 2],8:F2} ms ({sorted[0]:F2}–{sorted[^1]:F2})  × floor {ratios[ratios.Length / 2]:F2}"));
        }
    }
}
