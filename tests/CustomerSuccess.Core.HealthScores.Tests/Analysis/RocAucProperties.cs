using System.Linq;
using CustomerSuccess.Core.HealthScores.Analysis;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CustomerSuccess.Core.HealthScores.Tests.Analysis;

public sealed class RocAucProperties
{
    /// <summary>The definition itself: over every positive–negative pair, 1 when the positive scored higher, ½ on a tie.</summary>
    private static double? Naive(double[] scores, bool[] positives)
    {
        double sum = 0;
        long pairs = 0;
        for (int p = 0; p < scores.Length; p++)
        {
            if (!positives[p])
            {
                continue;
            }

            for (int n = 0; n < scores.Length; n++)
            {
                if (positives[n])
                {
                    continue;
                }

                pairs++;
                sum += scores[p] > scores[n] ? 1 : scores[p] == scores[n] ? 0.5 : 0;
            }
        }

        return pairs == 0 ? null : sum / pairs;
    }

    [Property(MaxTest = 200)]
    public Property Compute_EqualsThePairwiseDefinition((byte Score, bool Positive)[] observations)
    {
        // Few distinct values, so that ties are common.
        double[] scores = [.. observations.Select(o => (double)(o.Score % 7))];
        byte[] bytes = [.. observations.Select(o => (byte)(o.Score % 7))];
        bool[] positives = [.. observations.Select(o => o.Positive)];
        double? expected = Naive(scores, positives);
        double? sorted = RocAuc.Compute(scores, positives);
        double? counted = RocAuc.Compute(bytes, positives);
        bool same = expected is null
            ? sorted is null && counted is null
            : System.Math.Abs(sorted!.Value - expected.Value) < 1e-12 && System.Math.Abs(counted!.Value - expected.Value) < 1e-12;
        return same.Label($"naive {expected}, sorted {sorted}, counted {counted}");
    }

    [Property(MaxTest = 100)]
    public Property ChurnBacktest_Auc_IsTheAucOfTheNegatedScore((byte Score, bool Churned)[] accounts)
    {
        byte[] scores = [.. accounts.Select(a => (byte)(a.Score % 101))];
        HealthStatus[] statuses = [.. scores.Select(s => s < 40 ? HealthStatus.AtRisk : s < 70 ? HealthStatus.Neutral : HealthStatus.Healthy)];
        bool[] churned = [.. accounts.Select(a => a.Churned)];
        double? expected = Naive([.. scores.Select(s => -(double)s)], churned);
        double? actual = ChurnBacktest.Evaluate(scores, statuses, churned).Auc;
        return (expected is null ? actual is null : System.Math.Abs(actual!.Value - expected.Value) < 1e-12).Label($"{expected} vs {actual}");
    }
}
