using System;
using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace CustomerSuccess.Core.HealthScores.Statistics;

/// <summary>
/// Counts accounts per (owner, score) and per (segment mask, score) while scoring; the exact integer tables are
/// folded into a <see cref="PortfolioStatistics"/> at the end. One table with a row of 128 counters per owner, then one
/// per segment mask, so that a cell index is <c>(row &lt;&lt; 7) | score</c>: the indexes of 32 accounts are computed with
/// vector shifts and ORs, and only the increments stay scalar. Without breakdowns (one owner, no segments) the scores
/// are counted into four interleaved histograms, so that equal neighbouring scores do not wait on each other.
/// Tables are rented from <see cref="ArrayPool{T}"/>; call <see cref="Dispose"/> to return them. Not thread-safe: one
/// accumulator per worker.
/// </summary>
internal sealed class StatisticsAccumulator : IDisposable
{
    public const int ScoreValues = HealthScoreDefinition.TotalMaxPoints + 1;
    private const int RowShift = 7;
    private const int Row = 1 << RowShift;
    private const int MaskValues = 1 << Snapshots.PortfolioSnapshot.MaxSegments;
    private const int Interleave = 4;
    private const int Chunk = 32;

    private readonly int _ownerCount;
    private readonly int _segmentCount;
    private readonly int _rows;
    private readonly bool _flat;
    private readonly bool _shortIndexes;
    private int[]? _table;

    public StatisticsAccumulator(int ownerCount, int segmentCount)
    {
        _ownerCount = ownerCount;
        _segmentCount = segmentCount;
        _flat = ownerCount == 1 && segmentCount == 0;
        _rows = _flat ? Interleave : ownerCount + (segmentCount > 0 ? MaskValues : 0);
        _shortIndexes = _rows * Row <= ushort.MaxValue + 1;
        _table = ArrayPool<int>.Shared.Rent(_rows * Row);
        _table.AsSpan(0, _rows * Row).Clear();
    }

    /// <summary>Counts scores[i] for owner owners[i] and segment mask masks[i].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(ReadOnlySpan<byte> scores, ReadOnlySpan<ushort> owners, ReadOnlySpan<byte> masks)
    {
        int n = scores.Length;
        owners = owners[..n];
        masks = masks[..n];
        Span<int> table = _table.AsSpan(0, _rows * Row);
        if (_flat)
        {
            int i = 0;
            for (; i <= n - Interleave; i += Interleave)
            {
                table[scores[i]]++;
                table[Row + scores[i + 1]]++;
                table[(2 * Row) + scores[i + 2]]++;
                table[(3 * Row) + scores[i + 3]]++;
            }

            for (; i < n; i++)
            {
                table[scores[i]]++;
            }

            return;
        }

        int start = 0;
        if (_shortIndexes && Vector256.IsHardwareAccelerated)
        {
            Span<ushort> ownerCells = stackalloc ushort[Chunk];
            Span<ushort> maskCells = stackalloc ushort[Chunk];
            ref int cells = ref MemoryMarshal.GetReference(table);
            bool segments = _segmentCount > 0;
            Vector256<ushort> maskBase = Vector256.Create((ushort)_ownerCount);
            for (; start <= n - Chunk; start += Chunk)
            {
                (Vector256<ushort> s0, Vector256<ushort> s1) = Vector256.Widen(Vector256.Create(scores.Slice(start, Chunk)));
                Vector256<ushort> o0 = Vector256.Create(owners.Slice(start, 16));
                Vector256<ushort> o1 = Vector256.Create(owners.Slice(start + 16, 16));
                ((o0 << RowShift) | s0).CopyTo(ownerCells);
                ((o1 << RowShift) | s1).CopyTo(ownerCells[16..]);
                if (segments)
                {
                    (Vector256<ushort> m0, Vector256<ushort> m1) = Vector256.Widen(Vector256.Create(masks.Slice(start, Chunk)));
                    (((m0 + maskBase) << RowShift) | s0).CopyTo(maskCells);
                    (((m1 + maskBase) << RowShift) | s1).CopyTo(maskCells[16..]);
                    for (int j = 0; j < Chunk; j++)
                    {
                        Unsafe.Add(ref cells, ownerCells[j])++;
                        Unsafe.Add(ref cells, maskCells[j])++;
                    }
                }
                else
                {
                    for (int j = 0; j < Chunk; j++)
                    {
                        Unsafe.Add(ref cells, ownerCells[j])++;
                    }
                }
            }
        }

        for (int i = start; i < n; i++)
        {
            Add(scores[i], owners[i], masks[i]);
        }
    }

    /// <summary>Adds one account.</summary>
    public void Add(int score, int owner, int mask) => Count(score, owner, mask, 1);

    /// <summary>Removes one account (incremental rescoring: the old score is removed, the new one added).</summary>
    public void Remove(int score, int owner, int mask) => Count(score, owner, mask, -1);

    /// <summary>Adds another worker's tables into this one.</summary>
    public void Add(StatisticsAccumulator other)
    {
        Span<int> mine = _table.AsSpan(0, _rows * Row);
        ReadOnlySpan<int> theirs = other._table.AsSpan(0, _rows * Row);
        for (int i = 0; i < mine.Length; i++)
        {
            mine[i] += theirs[i];
        }
    }

    public PortfolioStatistics ToStatistics(HealthScoreId scoreId, int versionNumber, StatusThresholds thresholds)
    {
        int distributions = 1 + _ownerCount + _segmentCount;
        var data = new long[distributions * ScoreDistribution.Slots];
        int[] table = _table!;
        if (_flat)
        {
            for (int score = 0; score < ScoreValues; score++)
            {
                long n = (long)table[score] + table[Row + score] + table[(2 * Row) + score] + table[(3 * Row) + score];
                if (n != 0)
                {
                    AddTo(data, 0, score, n, thresholds);
                    AddTo(data, ScoreDistribution.Slots, score, n, thresholds);
                }
            }

            return new PortfolioStatistics(scoreId, versionNumber, thresholds, _ownerCount, _segmentCount, data);
        }

        for (int owner = 0; owner < _ownerCount; owner++)
        {
            for (int score = 0; score < ScoreValues; score++)
            {
                int n = table[(owner << RowShift) + score];
                if (n != 0)
                {
                    AddTo(data, 0, score, n, thresholds);
                    AddTo(data, (1 + owner) * ScoreDistribution.Slots, score, n, thresholds);
                }
            }
        }

        if (_segmentCount > 0)
        {
            for (int mask = 1; mask < MaskValues; mask++)
            {
                for (int score = 0; score < ScoreValues; score++)
                {
                    int n = table[((_ownerCount + mask) << RowShift) + score];
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
        if (_table is { } table)
        {
            ArrayPool<int>.Shared.Return(table);
            _table = null;
        }
    }

    private void Count(int score, int owner, int mask, int delta)
    {
        int[] table = _table!;
        table[(_flat ? 0 : owner << RowShift) + score] += delta;
        if (_segmentCount > 0)
        {
            table[((_ownerCount + mask) << RowShift) + score] += delta;
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
