using System;

namespace CustomerSuccess.Core.HealthScores.Analysis;

/// <summary>
/// The area under the ROC curve (AUC) of a score against a binary outcome: the probability that a randomly chosen
/// positive has a higher score than a randomly chosen negative, ties counting one half (the Mann–Whitney U statistic
/// divided by the number of positive–negative pairs).
/// </summary>
/// <remarks>
/// <para>Computed from average ranks: the scores are sorted once, tied scores share the mean of the ranks they span,
/// and AUC = (R⁺ − n⁺(n⁺ + 1)/2) / (n⁺ n⁻), where R⁺ is the rank sum of the positives. O(n log n) time; the byte
/// overload counts instead of sorting (O(n)).</para>
/// <para>0.5 means the score orders positives and negatives no better than chance; 1 means every positive scored above
/// every negative; 0 the reverse. Undefined (<see langword="null"/>) when there is no positive or no negative.</para>
/// <para>Stateless and thread-safe.</para>
/// </remarks>
public static class RocAuc
{
    /// <summary>Computes the AUC of <paramref name="scores"/> against <paramref name="positives"/>, higher scores
    /// predicting a positive outcome.</summary>
    /// <param name="scores">One score per observation; NaN is not allowed.</param>
    /// <param name="positives">One outcome per observation (<see langword="true"/> = positive).</param>
    /// <returns>The AUC in [0, 1], or <see langword="null"/> when all outcomes are equal (or there are none).</returns>
    /// <exception cref="ArgumentException">The spans differ in length, or a score is NaN.</exception>
    public static double? Compute(ReadOnlySpan<double> scores, ReadOnlySpan<bool> positives)
    {
        if (scores.Length != positives.Length)
        {
            throw new ArgumentException("scores and positives must have the same length.", nameof(positives));
        }

        if (HasNaN(scores))
        {
            throw new ArgumentException("A score is NaN; every observation needs a comparable score.", nameof(scores));
        }

        long positiveCount = Count(positives);
        long negativeCount = scores.Length - positiveCount;
        if (positiveCount == 0 || negativeCount == 0)
        {
            return null;
        }

        double[] sorted = scores.ToArray();
        bool[] outcomes = positives.ToArray();
        Array.Sort(sorted, outcomes);
        double positiveRankSum = 0;
        int i = 0;
        while (i < sorted.Length)
        {
            int end = i + 1;
            while (end < sorted.Length && sorted[end] == sorted[i])
            {
                end++;
            }

            // Ranks i + 1 .. end share their mean.
            double averageRank = (i + 1 + end) / 2.0;
            long tiedPositives = Count(outcomes.AsSpan(i, end - i));
            positiveRankSum += averageRank * tiedPositives;
            i = end;
        }

        return FromRankSum(positiveRankSum, positiveCount, negativeCount);
    }

    /// <summary>Computes the AUC of byte scores (for example health scores 0–100) against <paramref name="positives"/>,
    /// higher scores predicting a positive outcome; same definition as <see cref="Compute(ReadOnlySpan{double}, ReadOnlySpan{bool})"/>,
    /// by counting instead of sorting.</summary>
    /// <param name="scores">One score per observation.</param>
    /// <param name="positives">One outcome per observation (<see langword="true"/> = positive).</param>
    /// <returns>The AUC in [0, 1], or <see langword="null"/> when all outcomes are equal (or there are none).</returns>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static double? Compute(ReadOnlySpan<byte> scores, ReadOnlySpan<bool> positives)
    {
        if (scores.Length != positives.Length)
        {
            throw new ArgumentException("scores and positives must have the same length.", nameof(positives));
        }

        Span<long> all = stackalloc long[256];
        Span<long> positive = stackalloc long[256];
        all.Clear();
        positive.Clear();
        for (int k = 0; k < scores.Length; k++)
        {
            all[scores[k]]++;
            if (positives[k])
            {
                positive[scores[k]]++;
            }
        }

        long positiveCount = 0;
        foreach (long p in positive)
        {
            positiveCount += p;
        }

        long negativeCount = scores.Length - positiveCount;
        if (positiveCount == 0 || negativeCount == 0)
        {
            return null;
        }

        double positiveRankSum = 0;
        long below = 0;
        for (int value = 0; value < all.Length; value++)
        {
            if (all[value] == 0)
            {
                continue;
            }

            double averageRank = below + ((all[value] + 1) / 2.0);
            positiveRankSum += averageRank * positive[value];
            below += all[value];
        }

        return FromRankSum(positiveRankSum, positiveCount, negativeCount);
    }

    private static double FromRankSum(double positiveRankSum, long positiveCount, long negativeCount)
    {
        double u = positiveRankSum - (positiveCount * (positiveCount + 1) / 2.0);
        return Math.Clamp(u / ((double)positiveCount * negativeCount), 0, 1);
    }

    private static bool HasNaN(ReadOnlySpan<double> values)
    {
        foreach (double v in values)
        {
            if (double.IsNaN(v))
            {
                return true;
            }
        }

        return false;
    }

    private static long Count(ReadOnlySpan<bool> values)
    {
        long n = 0;
        foreach (bool v in values)
        {
            n += v ? 1 : 0;
        }

        return n;
    }
}
