using System;
using System.Buffers;
using System.Runtime.CompilerServices;

namespace CustomerSuccess.Core.HealthScores.Statistics;

/// <summary>
/// Counts accounts per (owner, score) and per (segment mask, score) while scoring; the exact integer tables are
/// folded into a <see cref="PortfolioStatistics"/> at the end. Tables are rented from <see cref="ArrayPool{T}"/>;
/// call <see cref="Dispose"/> to return them. Not thread-safe: one accumulator per worker.
/// </summary>
internal sealed class StatisticsAccumulator : IDisposable
{
    public const int ScoreValues = HealthScoreDefinition.TotalMaxPoints + 1;
    private const int MaskValues = 1 << Snapshots.PortfolioSnapshot.MaxSegments;

    private readonly int _ownerCount;
    private readonly int _segmentCount;
    private int[]? _byOwner;
    private int[]? _byMask;

    public StatisticsAccumulator(int ownerCount, int segmentCount)
    {
        _ownerCount = ownerCount;
        _segmentCount = segmentCount;
        _byOwner = ArrayPool<int>.Shared.Rent(ownerCount * ScoreValues);
        _byOwner.AsSpan(0, ownerCount * ScoreValues).Clear();
        if (segmentCount > 0)
        {
            _byMask = ArrayPool<int>.Shared.Rent(MaskValues * ScoreValues);
            _byMask.AsSpan(0, MaskValues * ScoreValues).Clear();
        }
    }

    /// <summary>Counts scores[i] for owner owners[i] and segment mask masks[i].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(ReadOnlySpan<byte> scores, ReadOnlySpan<ushort> owners, ReadOnlySpan<byte> masks)
    {
        // One pass over the block, reading each score once; the owner and segment tables are updated together.
        // Spans are sliced to the score count so the JIT can drop the bounds checks on the inputs.
        int n = scores.Length;
        owners = owners[..n];
        masks = masks[..n];
        Span<int> byOwner = _byOwner.AsSpan(0, _ownerCount * ScoreValues);
        if (_byMask is { } byMaskArray)
        {
            Span<int> byMask = byMaskArray.AsSpan(0, MaskValues * ScoreValues);
            if (_ownerCount == 1)
            {
                for (int i = 0; i < n; i++)
                {
                    int s = scores[i];
                    byOwner[s]++;
                    byMask[(masks[i] * ScoreValues) + s]++;
                }
            }
            else
            {
                for (int i = 0; i < n; i++)
                {
                    int s = scores[i];
                    byOwner[(owners[i] * ScoreValues) + s]++;
                    byMask[(masks[i] * ScoreValues) + s]++;
                }
            }
        }
        else if (_ownerCount == 1)
        {
            for (int i = 0; i < n; i++)
            {
                byOwner[scores[i]]++;
            }
        }
        else
        {
            for (int i = 0; i < n; i++)
            {
                byOwner[(owners[i] * ScoreValues) + scores[i]]++;
            }
        }
    }

    /// <summary>Adds one account.</summary>
    public void Add(int score, int owner, int mask)
    {
        _byOwner![(owner * ScoreValues) + score]++;
        if (_byMask is { } byMask)
        {
            byMask[(mask * ScoreValues) + score]++;
        }
    }

    /// <summary>Adds another worker's tables into this one.</summary>
    public void Add(StatisticsAccumulator other)
    {
        Span<int> mine = _byOwner.AsSpan(0, _ownerCount * ScoreValues);
        ReadOnlySpan<int> theirs = other._byOwner.AsSpan(0, _ownerCount * ScoreValues);
        for (int i = 0; i < mine.Length; i++)
        {
            mine[i] += theirs[i];
        }

        if (_byMask is { } byMask)
        {
            for (int i = 0; i < MaskValues * ScoreValues; i++)
            {
                byMask[i] += other._byMask![i];
            }
        }
    }

    public PortfolioStatistics ToStatistics(HealthScoreId scoreId, int versionNumber, StatusThresholds thresholds)
    {
        int distributions = 1 + _ownerCount + _segmentCount;
        var data = new long[distributions * ScoreDistribution.Slots];
        int[] byOwner = _byOwner!;
        for (int owner = 0; owner < _ownerCount; owner++)
        {
            for (int score = 0; score < ScoreValues; score++)
            {
                int n = byOwner[(owner * ScoreValues) + score];
                if (n != 0)
                {
                    AddTo(data, 0, score, n, thresholds);
                    AddTo(data, (1 + owner) * ScoreDistribution.Slots, score, n, thresholds);
                }
            }
        }

        if (_byMask is { } byMask)
        {
            for (int mask = 1; mask < MaskValues; mask++)
            {
                for (int score = 0; score < ScoreValues; score++)
                {
                    int n = byMask[(mask * ScoreValues) + score];
                    if (n == 0)
                    {
                        continue;
                    }

                    for (int segment = 0; segment < _segmentCount; segment++)
                    {
                        if ((mask & (1 << segment)) != 0)
                        {
                            AddTo(data, (1 + _ownerCount + segment) * ScoreDistribution.Slots, score, n, thresholds);
                        }
                    }
                }
            }
        }

        return new PortfolioStatistics(scoreId, versionNumber, thresholds, _ownerCount, _segmentCount, data);
    }

    public void Dispose()
    {
        if (_byOwner is { } byOwner)
        {
            ArrayPool<int>.Shared.Return(byOwner);
            _byOwner = null;
        }

        if (_byMask is { } byMask)
        {
            ArrayPool<int>.Shared.Return(byMask);
            _byMask = null;
        }
    }

    private static void AddTo(long[] data, int offset, int score, long n, StatusThresholds thresholds)
    {
        data[offset + ScoreDistribution.CountSlot] += n;
        data[offset + ScoreDistribution.SumSlot] += n * score;
        data[offset + ScoreDistribution.StatusSlot + (int)thresholds.StatusOf(score)] += n;
        data[offset + ScoreDistribution.HistogramSlot + ScoreDistribution.BucketOf(score)] += n;
    }
}
