using System;

namespace CustomerSuccess.Core.HealthScores.Statistics;

/// <summary>
/// Score statistics of a set of accounts (the portfolio, one owner or one segment): count, sum and average score,
/// count and share per status (the Summary health card, rule 39) and a 10-bucket histogram. A read-only view over
/// the integer sums of a <see cref="PortfolioStatistics"/>; all figures are exact integers except the derived
/// average and shares.
/// </summary>
/// <remarks>Histogram buckets are [0, 10), [10, 20), …, [80, 90) and [90, 100]: every bucket is half-open except the
/// last, which also holds the score 100. <c>default</c> is an empty distribution (count 0).</remarks>
public readonly struct ScoreDistribution : IEquatable<ScoreDistribution>
{
    /// <summary>The number of histogram buckets.</summary>
    public const int BucketCount = 10;

    /// <summary>The width of a histogram bucket in score points.</summary>
    public const int BucketWidth = 10;

    internal const int CountSlot = 0;
    internal const int SumSlot = 1;
    internal const int StatusSlot = 2;
    internal const int HistogramSlot = 5;
    internal const int Slots = HistogramSlot + BucketCount;

    private readonly long[]? _data;
    private readonly int _offset;

    internal ScoreDistribution(long[] data, int offset)
    {
        _data = data;
        _offset = offset;
    }

    /// <summary>Gets the number of accounts.</summary>
    /// <value>The account count; 0 for <c>default</c>.</value>
    public long Count => Slot(CountSlot);

    /// <summary>Gets the sum of the accounts' scores.</summary>
    /// <value>The exact integer sum.</value>
    public long ScoreSum => Slot(SumSlot);

    /// <summary>Gets the average score.</summary>
    /// <value><see cref="ScoreSum"/> ÷ <see cref="Count"/>, or null when there are no accounts.</value>
    public double? AverageScore => Count == 0 ? null : (double)ScoreSum / Count;

    /// <summary>Gets the histogram: the number of accounts per 10-point bucket.</summary>
    /// <value>10 counts; bucket b holds scores in [10b, 10b + 10), the last one [90, 100].</value>
    public ReadOnlySpan<long> Histogram => _data is null ? new long[BucketCount] : _data.AsSpan(_offset + HistogramSlot, BucketCount);

    /// <summary>Gets the histogram bucket of a score.</summary>
    /// <param name="score">A score in [0, 100].</param>
    /// <returns>min(score ÷ 10, 9).</returns>
    /// <exception cref="ArgumentOutOfRangeException">The score is outside [0, 100].</exception>
    public static int BucketOf(int score)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(score);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(score, HealthScoreDefinition.TotalMaxPoints);
        return Math.Min(score / BucketWidth, BucketCount - 1);
    }

    /// <summary>Gets the number of accounts with a status.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The count.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is not defined.</exception>
    public long CountOf(HealthStatus status)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan((int)status, (int)HealthStatus.Healthy, nameof(status));
        return Slot(StatusSlot + (int)status);
    }

    /// <summary>Gets the share of accounts with a status.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The share in [0, 1]; 0 when there are no accounts.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is not defined.</exception>
    public double ShareOf(HealthStatus status)
    {
        long count = CountOf(status);
        return Count == 0 ? 0d : (double)count / Count;
    }

    /// <summary>Compares all integer figures.</summary>
    /// <param name="other">The other distribution.</param>
    /// <returns><see langword="true"/> when count, sum, status counts and histogram are equal.</returns>
    public bool Equals(ScoreDistribution other)
    {
        for (int i = 0; i < Slots; i++)
        {
            if (Slot(i) != other.Slot(i))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ScoreDistribution other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        HashCode hash = default;
        for (int i = 0; i < Slots; i++)
        {
            hash.Add(Slot(i));
        }

        return hash.ToHashCode();
    }

    /// <summary>Compares two distributions.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(ScoreDistribution left, ScoreDistribution right) => left.Equals(right);

    /// <summary>Compares two distributions.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns><see langword="true"/> when different.</returns>
    public static bool operator !=(ScoreDistribution left, ScoreDistribution right) => !left.Equals(right);

    private long Slot(int slot) => _data is null ? 0 : _data[_offset + slot];
}
