using System;
using System.Numerics;

namespace CustomerSuccess.Core.HealthScores.Statistics;

/// <summary>
/// Statistics of a scored portfolio (or of one partition of it): the overall <see cref="ScoreDistribution"/> and the
/// same broken down by owner (CSM) code and by segment, named by the score version they came from.
/// </summary>
/// <remarks>
/// <para>All figures are integer sums and counts, so statistics of separate partitions <see cref="Merge"/> exactly
/// into the statistics of the whole. An account belongs to every segment whose bit is set in its mask, so segment
/// counts may add up to more or less than the overall count.</para>
/// <para>Size depends on the number of owners and segments, never on the number of accounts. Immutable and
/// thread-safe.</para>
/// </remarks>
public sealed class PortfolioStatistics : IEquatable<PortfolioStatistics>
{
    // Layout: distribution 0 = overall, 1..OwnerCount = owners, then segments; ScoreDistribution.Slots longs each.
    private readonly long[] _data;

    internal PortfolioStatistics(HealthScoreId scoreId, int versionNumber, StatusThresholds thresholds, int ownerCount, int segmentCount, long[] data)
    {
        ScoreId = scoreId;
        VersionNumber = versionNumber;
        Thresholds = thresholds;
        OwnerCount = ownerCount;
        SegmentCount = segmentCount;
        _data = data;
    }

    /// <summary>Gets the id of the score the statistics were computed with.</summary>
    /// <value>The score id of the version.</value>
    public HealthScoreId ScoreId { get; }

    /// <summary>Gets the number of the score version the statistics were computed with.</summary>
    /// <value>The version number.</value>
    public int VersionNumber { get; }

    /// <summary>Gets the status thresholds of that version.</summary>
    /// <value>The thresholds used to count statuses.</value>
    public StatusThresholds Thresholds { get; }

    /// <summary>Gets the number of owner codes.</summary>
    /// <value>As declared by the snapshot.</value>
    public int OwnerCount { get; }

    /// <summary>Gets the number of segments.</summary>
    /// <value>As declared by the snapshot (0 to 5).</value>
    public int SegmentCount { get; }

    /// <summary>Gets the statistics of all accounts.</summary>
    /// <value>The overall distribution.</value>
    public ScoreDistribution Overall => new(_data, 0);

    /// <summary>Gets the statistics of one owner's accounts.</summary>
    /// <param name="ownerCode">The owner code in [0, <see cref="OwnerCount"/>).</param>
    /// <returns>The owner's distribution.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The code is out of range.</exception>
    public ScoreDistribution ForOwner(int ownerCode)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ownerCode);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(ownerCode, OwnerCount);
        return new(_data, (1 + ownerCode) * ScoreDistribution.Slots);
    }

    /// <summary>Gets the statistics of one segment's accounts.</summary>
    /// <param name="segment">The segment index in [0, <see cref="SegmentCount"/>).</param>
    /// <returns>The segment's distribution.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The index is out of range.</exception>
    public ScoreDistribution ForSegment(int segment)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(segment);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(segment, SegmentCount);
        return new(_data, (1 + OwnerCount + segment) * ScoreDistribution.Slots);
    }

    /// <summary>Combines the statistics of two disjoint partitions of a portfolio scored with the same version.</summary>
    /// <param name="other">The other partition's statistics.</param>
    /// <returns>New statistics whose every count and sum is the sum of both (exact).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException">The version, thresholds, owner count or segment count differ.</exception>
    public PortfolioStatistics Merge(PortfolioStatistics other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.ScoreId != ScoreId || other.VersionNumber != VersionNumber || other.Thresholds != Thresholds
            || other.OwnerCount != OwnerCount || other.SegmentCount != SegmentCount)
        {
            throw new ArgumentException("Statistics can only be merged for the same score version, thresholds, owners and segments.", nameof(other));
        }

        var data = new long[_data.Length];
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = _data[i] + other._data[i];
        }

        return new PortfolioStatistics(ScoreId, VersionNumber, Thresholds, OwnerCount, SegmentCount, data);
    }

    /// <summary>A copy of the integer sums, to be changed by <see cref="MoveAccount"/> and wrapped again.</summary>
    internal long[] CopyData() => (long[])_data.Clone();

    /// <summary>Whether the statistics have the shape of a version's evaluation of a snapshot.</summary>
    internal bool Matches(HealthScoreId scoreId, int versionNumber, StatusThresholds thresholds, int ownerCount, int segmentCount) =>
        ScoreId == scoreId && VersionNumber == versionNumber && Thresholds == thresholds && OwnerCount == ownerCount && SegmentCount == segmentCount;

    /// <summary>Moves one account from its old score and status to its new ones in every distribution it belongs to
    /// (overall, its owner, each segment of its mask): the exact subtract-and-add of an incremental rescoring. The
    /// statuses are the ones the scores have under the statistics' thresholds; mask bits from the segment count up are
    /// ignored. Callers skip accounts whose score did not change (moving them is correct but useless).</summary>
    internal static void MoveAccount(long[] data, int ownerCount, int segmentCount, int owner, int mask, int oldScore, int oldStatus, int newScore, int newStatus)
    {
        var move = new Move(
            newScore - oldScore,
            ScoreDistribution.StatusSlot + oldStatus,
            ScoreDistribution.StatusSlot + newStatus,
            ScoreDistribution.HistogramSlot + ScoreDistribution.BucketOf(oldScore),
            ScoreDistribution.HistogramSlot + ScoreDistribution.BucketOf(newScore));
        Span<long> all = data;
        move.Apply(all[..ScoreDistribution.Slots]);
        move.Apply(all.Slice((1 + owner) * ScoreDistribution.Slots, ScoreDistribution.Slots));
        uint segments = (uint)mask & ((1u << segmentCount) - 1);
        while (segments != 0)
        {
            int segment = BitOperations.TrailingZeroCount(segments);
            segments &= segments - 1;
            move.Apply(all.Slice((1 + ownerCount + segment) * ScoreDistribution.Slots, ScoreDistribution.Slots));
        }
    }

    /// <summary>One account's move between the slots of a distribution.</summary>
    private readonly record struct Move(int Delta, int OldStatus, int NewStatus, int OldBucket, int NewBucket)
    {
        public void Apply(Span<long> distribution)
        {
            distribution[ScoreDistribution.SumSlot] += Delta;
            distribution[OldStatus]--;
            distribution[NewStatus]++;
            distribution[OldBucket]--;
            distribution[NewBucket]++;
        }
    }

    /// <summary>Compares version, shape and every integer figure.</summary>
    /// <param name="other">The other statistics.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public bool Equals(PortfolioStatistics? other) =>
        other is not null
        && other.ScoreId == ScoreId
        && other.VersionNumber == VersionNumber
        && other.Thresholds == Thresholds
        && other.OwnerCount == OwnerCount
        && other.SegmentCount == SegmentCount
        && other._data.AsSpan().SequenceEqual(_data);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as PortfolioStatistics);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(ScoreId, VersionNumber, Overall);
}
