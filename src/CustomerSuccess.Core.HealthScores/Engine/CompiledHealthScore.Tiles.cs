using System;
using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using CustomerSuccess.Core.HealthScores.Snapshots;
using CustomerSuccess.Core.HealthScores.Statistics;

namespace CustomerSuccess.Core.HealthScores.Engine;

/// <summary>Tile evaluation: the byte-lane path (32 accounts per vector, one byte per account and group) and the
/// int-lane path (general: any points, coverage, no AVX2).</summary>
public sealed partial class CompiledHealthScore
{
    /// <summary>Whether an evaluation runs on byte lanes: AVX2, every group's Σ |points| ≤ 255, no coverage asked.</summary>
    private bool UsesBytes(bool coverage, EvaluationOptions options) =>
        _fitsBytes && !coverage && !options.ForceIntLanes && ByteKernels.IsSupported;

    /// <summary>Scores accounts [from, from + length) of the table (or of gathered sources) into the spans and counts them.</summary>
    private void ScoreTile(PortfolioSnapshot snapshot, int[][]? counts, Binding binding, int from, int length, TileScratch scratch, Span<byte> scores, Span<byte> statuses, Span<double> coverage, StatisticsAccumulator statistics)
    {
        var sources = new Sources(snapshot.Table.Columns, counts, from);
        if (scratch.Bytes)
        {
            int body = length & ~(ByteKernels.Lanes - 1);
            if (body > 0)
            {
                ScoreBytes(sources, binding, body, scratch, ref MemoryMarshal.GetReference(scores), ref MemoryMarshal.GetReference(statuses));
            }

            if (body < length)
            {
                // The tail (< 32 accounts) is gathered into scratch columns padded to one vector.
                Span<int> accounts = scratch.Accounts.AsSpan(0, length - body);
                for (int i = 0; i < accounts.Length; i++)
                {
                    accounts[i] = from + body + i;
                }

                Sources gathered = Gather(snapshot.Table, counts, accounts, scratch);
                ScoreBytes(gathered, binding, ByteKernels.Lanes, scratch, ref scratch.Scores[0], ref scratch.Statuses[0]);
                scratch.Scores.AsSpan(0, accounts.Length).CopyTo(scores[body..]);
                scratch.Statuses.AsSpan(0, accounts.Length).CopyTo(statuses[body..]);
            }
        }
        else
        {
            ScoreInts(sources, binding, length, scratch, scores, statuses, coverage);
        }

        statistics.Add(scores[..length], snapshot.OwnerCodes.Slice(from, length), snapshot.SegmentMasks.Slice(from, length));
    }

    /// <summary>Copies the input columns and event counts of the given accounts into the scratch columns (the rest of
    /// each scratch column up to the next multiple of 32 holds leftovers: evaluated, never read back).</summary>
    private Sources Gather(ColumnTable table, int[][]? counts, ReadOnlySpan<int> accounts, TileScratch scratch)
    {
        foreach (int c in _inputColumns)
        {
            scratch.Columns[c] = table.Columns[c] switch
            {
                double[] x => GatherColumn(x, accounts, scratch, scratch.Columns[c]),
                int[] x => GatherColumn(x, accounts, scratch, scratch.Columns[c]),
                ushort[] x => GatherColumn(x, accounts, scratch, scratch.Columns[c]),
                byte[] x => GatherColumn(x, accounts, scratch, scratch.Columns[c]),
                _ => throw new InvalidOperationException("Unknown column type."),
            };
        }

        if (counts is not null)
        {
            for (int e = 0; e < counts.Length; e++)
            {
                scratch.Counts[e] = GatherColumn(counts[e], accounts, scratch, scratch.Counts[e]);
            }
        }

        return new Sources(scratch.Columns, scratch.Counts, 0);
    }

    private static T[] GatherColumn<T>(T[] source, ReadOnlySpan<int> accounts, TileScratch scratch, Array? current)
    {
        T[] destination = scratch.Column<T>(current);
        for (int i = 0; i < accounts.Length; i++)
        {
            destination[i] = source[accounts[i]];
        }

        return destination;
    }

    /// <summary>Like <see cref="Gather"/>, from rows (text codes always gathered as four-byte codes; event counts from
    /// rows when the source has them, else from their columns). Unless the lines were prefetched, every cache line the
    /// chunk will touch (each account's rows and, when given, its score and status) is first loaded in one pass of
    /// independent loads, so that the misses overlap instead of queueing behind the scoring.</summary>
    private Sources GatherRows(in RowSource source, int[][]? counts, ReadOnlySpan<int> accounts, ReadOnlySpan<byte> scores, ReadOnlySpan<byte> statuses, TileScratch scratch, bool prefetched)
    {
        int touched = 0;
        foreach (int account in prefetched ? default : accounts)
        {
            touched += TouchRow(source.Rows, account);
            if (source.CountRows is not null && source.CountRows != source.Rows)
            {
                touched += TouchRow(source.CountRows, account);
            }

            if (!scores.IsEmpty)
            {
                touched += scores[account] + statuses[account];
            }
        }

        scratch.Touched = touched;
        foreach (int c in _inputColumns)
        {
            int offset = source.Offsets[c];
            scratch.Columns[c] = Schema.Signals[c].Type switch
            {
                SignalType.Number => GatherRow<double>(source.Rows, offset, accounts, scratch, scratch.Columns[c]),
                SignalType.Boolean => GatherRow<byte>(source.Rows, offset, accounts, scratch, scratch.Columns[c]),
                _ => GatherRow<int>(source.Rows, offset, accounts, scratch, scratch.Columns[c]),
            };
        }

        for (int e = 0; e < EventCriteria.Length; e++)
        {
            scratch.Counts[e] = source.CountRows is null
                ? GatherColumn(counts![e], accounts, scratch, scratch.Counts[e])
                : GatherRow<int>(source.CountRows, source.CountOffset + (e * sizeof(int)), accounts, scratch, scratch.Counts[e]);
        }

        return new Sources(scratch.Columns, scratch.Counts, 0);
    }

    /// <summary>Where a rescoring reads its accounts' inputs from: rows holding the signals at per-column offsets,
    /// the owner and segment mask, and the event counts (in the same or another row block, or null = their columns).</summary>
    private readonly struct RowSource
    {
        public RowSource(AlignedRows rows, int[] offsets, int ownerOffset, int segmentOffset, AlignedRows? countRows, int countOffset)
        {
            Rows = rows;
            Offsets = offsets;
            OwnerOffset = ownerOffset;
            SegmentOffset = segmentOffset;
            CountRows = countRows;
            CountOffset = countOffset;
        }

        public AlignedRows Rows { get; }

        /// <summary>Per schema column its byte offset in a row (only the score's input columns are read).</summary>
        public int[] Offsets { get; }

        public int OwnerOffset { get; }

        public int SegmentOffset { get; }

        public AlignedRows? CountRows { get; }

        public int CountOffset { get; }
    }

    /// <summary>Software prefetch (x86) of the cache lines a rescoring touches per account: its rows and, when kept
    /// apart, its score and status.</summary>
    private readonly unsafe struct RowPrefetch
    {
        private readonly AlignedRows? _rows;
        private readonly AlignedRows? _countRows;
        private readonly byte* _scores;
        private readonly byte* _statuses;

        public RowPrefetch(AlignedRows? rows, AlignedRows? countRows, byte* scores, byte* statuses)
        {
            _rows = Sse.IsSupported ? rows : null;
            _countRows = countRows == rows ? null : countRows;
            _scores = scores;
            _statuses = statuses;
        }

        public bool Active => _rows is not null;

        public void All(ReadOnlySpan<int> accounts)
        {
            foreach (int account in accounts)
            {
                Account(account);
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Account(int account)
        {
            if (_rows is null)
            {
                return;
            }

            _rows.Prefetch(account);
            _countRows?.Prefetch(account);
            if (_scores is not null)
            {
                Sse.Prefetch0(_scores + account);
                Sse.Prefetch0(_statuses + account);
            }
        }
    }

    /// <summary>Loads one byte of every cache line of a row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int TouchRow(AlignedRows rows, int account)
    {
        ref byte row = ref rows.Row(account);
        int sum = Unsafe.Add(ref row, rows.Stride - 1);
        for (int offset = 0; offset < rows.Stride; offset += 64)
        {
            sum += Unsafe.Add(ref row, offset);
        }

        return sum;
    }

    private static T[] GatherRow<T>(AlignedRows rows, int offset, ReadOnlySpan<int> accounts, TileScratch scratch, Array? current)
        where T : unmanaged
    {
        T[] destination = scratch.Column<T>(current);
        ref byte first = ref Unsafe.Add(ref rows.Row(0), offset);
        nint stride = rows.Stride;
        ref T target = ref MemoryMarshal.GetArrayDataReference(destination);
        for (int i = 0; i < accounts.Length; i++)
        {
            Unsafe.Add(ref target, i) = Unsafe.ReadUnaligned<T>(ref Unsafe.Add(ref first, accounts[i] * stride));
        }

        return destination;
    }

    // ---------------------------------------------------------------- byte lanes

    /// <summary>Scores <paramref name="length"/> (a multiple of 32) accounts from the sources into scores and statuses.</summary>
    private void ScoreBytes(in Sources sources, Binding binding, int length, TileScratch scratch, ref byte scores, ref byte statuses)
    {
        ref byte group = ref scratch.Group[0];
        ref byte total = ref scratch.Total[0];
        bool firstGroup = true;
        foreach (PlanGroup planGroup in _groups)
        {
            if (!planGroup.Contributes)
            {
                continue;
            }

            bool init = true;
            foreach (PlanCriterion criterion in planGroup.Criteria)
            {
                if (criterion.Points == 0)
                {
                    continue;
                }

                byte points = unchecked((byte)criterion.Points);
                if (criterion.IsEvent)
                {
                    ref int x = ref Element(sources.Counts![criterion.EventColumn], sources.Offset);
                    if (init)
                    {
                        ByteKernels.IntRange<InitByteSink>(ref x, ref group, length, criterion.CountLow, criterion.CountHigh, points, planGroup.Bias);
                    }
                    else
                    {
                        ByteKernels.IntRange<AddByteSink>(ref x, ref group, length, criterion.CountLow, criterion.CountHigh, points, planGroup.Bias);
                    }
                }
                else
                {
                    AccumulateBytes(sources, binding, criterion.Conditions, length, ref group, scratch, points, planGroup.Bias, init);
                }

                init = false;
            }

            ByteKernels.AddGroup(ref total, ref group, length, planGroup.Bias, planGroup.Upper, firstGroup);
            firstGroup = false;
        }

        if (firstGroup)
        {
            scratch.Total.AsSpan(0, length).Clear();
        }

        ByteKernels.Finish(ref total, ref scores, ref statuses, length, _neutralFrom, _healthyFrom);
    }

    private static void AccumulateBytes(in Sources sources, Binding binding, PlanCondition[] conditions, int length, ref byte group, TileScratch scratch, byte points, byte bias, bool init)
    {
        switch (conditions.Length)
        {
            case 0:
                scratch.Mask.AsSpan(0, length).Fill(byte.MaxValue);
                ByteKernels.AddMasked(ref group, ref scratch.Mask[0], length, points, bias, init);
                break;
            case 1 when init:
                ApplyBytes<InitByteSink>(sources, binding, conditions[0], length, ref group, points, bias);
                break;
            case 1:
                ApplyBytes<AddByteSink>(sources, binding, conditions[0], length, ref group, points, bias);
                break;
            default:
                ref byte mask = ref scratch.Mask[0];
                ApplyBytes<StoreByteSink>(sources, binding, conditions[0], length, ref mask, 0, 0);
                for (int k = 1; k < conditions.Length; k++)
                {
                    ApplyBytes<AndByteSink>(sources, binding, conditions[k], length, ref mask, 0, 0);
                }

                ByteKernels.AddMasked(ref group, ref mask, length, points, bias, init);
                break;
        }
    }

    private static void ApplyBytes<TSink>(in Sources sources, Binding binding, PlanCondition condition, int length, ref byte destination, byte points, byte bias)
        where TSink : struct, IByteSink
    {
        BoundCondition bound = condition.Bound;
        Array column = sources.Columns[bound.Column];
        int offset = sources.Offset;
        switch (bound.Test)
        {
            case BoundTest.Number:
                ByteKernels.Number<TSink>(bound.NumberTest, ref Element((double[])column, offset), ref destination, length, bound.A, bound.B, points, bias);
                break;
            case BoundTest.IntRange:
                ByteKernels.IntRange<TSink>(ref Element((int[])column, offset), ref destination, length, binding.Ranges[2 * condition.Id], binding.Ranges[(2 * condition.Id) + 1], points, bias);
                break;
            default:
                ReadOnlySpan<int> codes = binding.CodesOf(condition);
                bool knownNotInSet = bound.Test == BoundTest.ByteKnownNotInSet;
                switch (column)
                {
                    case byte[] bytes:
                        ByteKernels.Bytes<TSink>(ref Element(bytes, offset), ref destination, length, codes, knownNotInSet, points, bias);
                        break;
                    case ushort[] shorts:
                        ByteKernels.UInt16Codes<TSink>(ref Element(shorts, offset), ref destination, length, codes, knownNotInSet, points, bias);
                        break;
                    default:
                        ByteKernels.Int32Codes<TSink>(ref Element((int[])column, offset), ref destination, length, codes, knownNotInSet, points, bias);
                        break;
                }

                break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref T Element<T>(T[] array, int offset) => ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(array), offset);

    // ---------------------------------------------------------------- int lanes

    private void ScoreInts(in Sources sources, Binding binding, int length, TileScratch scratch, Span<byte> scores, Span<byte> statuses, Span<double> coverage)
    {
        Span<int> total = scratch.IntTotal.AsSpan(0, length);
        Span<int> group = scratch.IntGroup.AsSpan(0, length);
        Span<int> mask = scratch.IntMask.AsSpan(0, length);
        Span<int> covered = scratch.IntCovered.AsSpan(0, length);
        total.Clear();
        coverage.Clear();
        foreach (PlanGroup planGroup in _groups)
        {
            group.Clear();
            foreach (PlanCriterion criterion in planGroup.Criteria)
            {
                if (criterion.IsEvent)
                {
                    ReadOnlySpan<int> counts = sources.Counts![criterion.EventColumn].AsSpan(sources.Offset, length);
                    Kernels.IntRange<AddPointsSink>(counts, group, criterion.CountLow, criterion.CountHigh, criterion.Points);
                }
                else
                {
                    AccumulateInts(sources, binding, criterion.Conditions, group, mask, criterion.Points);
                }
            }

            Kernels.AddClamped(total, group, planGroup.MaxPoints);
            if (!coverage.IsEmpty)
            {
                covered.Clear();
                foreach (PlanCriterion criterion in planGroup.Criteria)
                {
                    AccumulateInts(sources, binding, criterion.Presence, covered, mask, 1);
                }

                Kernels.AddCoverage(coverage, covered, planGroup.MaxPoints, planGroup.Criteria.Length);
            }
        }

        if (!coverage.IsEmpty)
        {
            for (int i = 0; i < coverage.Length; i++)
            {
                coverage[i] = FinishCoverage(coverage[i]);
            }
        }

        Kernels.Finish(total, scores[..length], statuses[..length], _neutralFrom, _healthyFrom);
    }

    /// <summary>accumulator += points where every condition holds (no conditions = always).</summary>
    private static void AccumulateInts(in Sources sources, Binding binding, PlanCondition[] conditions, Span<int> accumulator, Span<int> mask, int points)
    {
        switch (conditions.Length)
        {
            case 0:
                mask.Fill(-1);
                Kernels.AddMasked(accumulator, mask, points);
                break;
            case 1:
                ApplyInts<AddPointsSink>(sources, binding, conditions[0], accumulator, points);
                break;
            default:
                ApplyInts<StoreMaskSink>(sources, binding, conditions[0], mask, 0);
                for (int k = 1; k < conditions.Length; k++)
                {
                    ApplyInts<AndMaskSink>(sources, binding, conditions[k], mask, 0);
                }

                Kernels.AddMasked(accumulator, mask, points);
                break;
        }
    }

    private static void ApplyInts<TSink>(in Sources sources, Binding binding, PlanCondition condition, Span<int> destination, int points)
        where TSink : struct, IMaskSink
    {
        BoundCondition bound = condition.Bound;
        Array column = sources.Columns[bound.Column];
        int from = sources.Offset;
        int length = destination.Length;
        switch (bound.Test)
        {
            case BoundTest.Number:
                Kernels.Number<TSink>(bound.NumberTest, ((double[])column).AsSpan(from, length), destination, bound.A, bound.B, points);
                break;
            case BoundTest.IntRange:
                Kernels.IntRange<TSink>(((int[])column).AsSpan(from, length), destination, binding.Ranges[2 * condition.Id], binding.Ranges[(2 * condition.Id) + 1], points);
                break;
            default:
                ReadOnlySpan<int> codes = binding.CodesOf(condition);
                bool knownNotInSet = bound.Test == BoundTest.ByteKnownNotInSet;
                switch (column)
                {
                    case byte[] bytes:
                        Kernels.Bytes<TSink>(bytes.AsSpan(from, length), destination, codes, knownNotInSet, points);
                        break;
                    case ushort[] shorts:
                        Kernels.Codes<ushort, TSink>(shorts.AsSpan(from, length), destination, codes, knownNotInSet, points);
                        break;
                    default:
                        Kernels.Codes<int, TSink>(((int[])column).AsSpan(from, length), destination, codes, knownNotInSet, points);
                        break;
                }

                break;
        }
    }

    /// <summary>Where a tile's inputs are: the snapshot's columns from an offset, or gathered scratch columns from 0.</summary>
    private readonly struct Sources
    {
        public Sources(Array[] columns, int[][]? counts, int offset)
        {
            Columns = columns;
            Counts = counts;
            Offset = offset;
        }

        /// <summary>Indexed by schema column; only the score's input columns are read.</summary>
        public Array[] Columns { get; }

        /// <summary>Indexed by event criterion.</summary>
        public int[][]? Counts { get; }

        public int Offset { get; }
    }

    /// <summary>One worker's buffers: rented from <see cref="ArrayPool{T}.Shared"/> for one evaluation (returned by
    /// <see cref="Dispose"/>), or allocated for a caller that keeps them (live scores).</summary>
    internal sealed class TileScratch : IDisposable
    {
        public TileScratch(int schemaColumns, int eventColumns, int capacity, bool bytes, bool pooled = true)
        {
            Capacity = capacity;
            Bytes = bytes;
            Pooled = pooled;
            Columns = new Array[schemaColumns];
            Counts = new int[eventColumns][];
            Accounts = NewBuffer<int>(capacity, pooled);
            Scores = NewBuffer<byte>(capacity, pooled);
            Statuses = NewBuffer<byte>(capacity, pooled);
            if (bytes)
            {
                Group = NewBuffer<byte>(capacity, pooled);
                Total = NewBuffer<byte>(capacity, pooled);
                Mask = NewBuffer<byte>(capacity, pooled);
                IntTotal = IntGroup = IntMask = IntCovered = [];
            }
            else
            {
                Group = Total = Mask = [];
                IntTotal = NewBuffer<int>(capacity, pooled);
                IntGroup = NewBuffer<int>(capacity, pooled);
                IntMask = NewBuffer<int>(capacity, pooled);
                IntCovered = NewBuffer<int>(capacity, pooled);
            }
        }

        /// <summary>Accounts per tile and per gathered chunk (a multiple of 64).</summary>
        public int Capacity { get; }

        public bool Bytes { get; }

        /// <summary>Whether the buffers are rented (and returned by <see cref="Dispose"/>).</summary>
        public bool Pooled { get; }

        public Array[] Columns { get; }

        public int[][] Counts { get; }

        public int[] Accounts { get; }

        /// <summary>The sum of the bytes loaded to bring a chunk's cache lines in (kept so the loads are not elided).</summary>
        public int Touched { get; set; }

        public byte[] Scores { get; }

        public byte[] Statuses { get; }

        public byte[] Group { get; }

        public byte[] Total { get; }

        public byte[] Mask { get; }

        public int[] IntTotal { get; }

        public int[] IntGroup { get; }

        public int[] IntMask { get; }

        public int[] IntCovered { get; }

        /// <summary>The scratch column of a type: <paramref name="current"/> when it has that type, else a new one of
        /// <see cref="Capacity"/> elements (the current one returned).</summary>
        public T[] Column<T>(Array? current)
        {
            if (current is T[] same)
            {
                return same;
            }

            if (current is not null && Pooled)
            {
                ReturnColumn(current);
            }

            return NewBuffer<T>(Capacity, Pooled);
        }

        private static void ReturnColumn(Array column)
        {
            switch (column)
            {
                case double[] x: ArrayPool<double>.Shared.Return(x); break;
                case int[] x: ArrayPool<int>.Shared.Return(x); break;
                case ushort[] x: ArrayPool<ushort>.Shared.Return(x); break;
                case byte[] x: ArrayPool<byte>.Shared.Return(x); break;
            }
        }

        public void Dispose()
        {
            if (!Pooled)
            {
                return;
            }

            foreach (Array? column in Columns)
            {
                if (column is not null)
                {
                    ReturnColumn(column);
                }
            }

            foreach (int[]? counts in Counts)
            {
                if (counts is not null)
                {
                    ArrayPool<int>.Shared.Return(counts);
                }
            }

            ArrayPool<int>.Shared.Return(Accounts);
            ArrayPool<byte>.Shared.Return(Scores);
            ArrayPool<byte>.Shared.Return(Statuses);
            if (Bytes)
            {
                ArrayPool<byte>.Shared.Return(Group);
                ArrayPool<byte>.Shared.Return(Total);
                ArrayPool<byte>.Shared.Return(Mask);
            }
            else
            {
                ArrayPool<int>.Shared.Return(IntTotal);
                ArrayPool<int>.Shared.Return(IntGroup);
                ArrayPool<int>.Shared.Return(IntMask);
                ArrayPool<int>.Shared.Return(IntCovered);
            }
        }
    }
}
