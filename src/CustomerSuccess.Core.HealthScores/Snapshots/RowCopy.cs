using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace CustomerSuccess.Core.HealthScores.Snapshots;

/// <summary>
/// Fixed-width rows (row-major) in one pinned, zeroed block whose first row starts on a 64-byte cache-line boundary:
/// the storage of the row copies kept beside a snapshot's columns and an activity count table, so that reading one
/// account's values touches the one or two cache lines of its row instead of one line per column.
/// </summary>
/// <remarks>Stored as <see cref="ulong"/> elements so that the block may exceed 2 GB; byte offsets are native-sized.
/// The block is allocated on the pinned object heap (it never moves), which is what makes the alignment stable.</remarks>
internal sealed class AlignedRows
{
    private const int CacheLine = 64;
    private readonly ulong[] _block;
    private readonly nint _first;

    public AlignedRows(int count, int stride)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stride);
        Count = count;
        Stride = stride;
        long bytes = ((long)count * stride) + CacheLine;
        long elements = (bytes + sizeof(ulong) - 1) / sizeof(ulong);
        if (elements > Array.MaxLength)
        {
            throw new InvalidOperationException($"A row copy of {count:N0} rows of {stride} bytes is too large.");
        }

        _block = GC.AllocateArray<ulong>((int)elements, pinned: true);
        _first = Misalignment(_block);
    }

    /// <summary>Gets the number of rows.</summary>
    public int Count { get; }

    /// <summary>Gets the bytes per row.</summary>
    public int Stride { get; }

    /// <summary>The first byte of a row (no bounds check: callers check the row first).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref byte Row(int row) =>
        ref Unsafe.Add(ref Unsafe.As<ulong, byte>(ref MemoryMarshal.GetArrayDataReference(_block)), _first + ((nint)row * Stride));

    /// <summary>Whether <see cref="Prefetch"/> does anything on this processor.</summary>
    public static bool PrefetchSupported => Sse.IsSupported;

    /// <summary>Asks the processor (x86) to bring every cache line of a row into the cache, without waiting for them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public unsafe void Prefetch(int row)
    {
        if (!Sse.IsSupported)
        {
            return;
        }

        // The block is pinned: the address stays valid.
        byte* first = (byte*)Unsafe.AsPointer(ref Row(row));
        for (int offset = 0; offset < Stride; offset += CacheLine)
        {
            Sse.Prefetch0(first + offset);
        }

        Sse.Prefetch0(first + Stride - 1);
    }

    public T Read<T>(int row, int offset)
        where T : unmanaged =>
        Unsafe.ReadUnaligned<T>(ref Unsafe.Add(ref Row(row), offset));

    public void Write<T>(int row, int offset, T value)
        where T : unmanaged =>
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref Row(row), offset), value);

    /// <summary>Writes a column of values at an offset of every row (row i gets values[i]).</summary>
    public void WriteColumn<T>(ReadOnlySpan<T> values, int offset)
        where T : unmanaged
    {
        for (int row = 0; row < values.Length; row++)
        {
            Write(row, offset, values[row]);
        }
    }

    /// <summary>Writes a signal column of a table at an offset of every row: values as the column holds them, text
    /// codes of any width as four-byte codes.</summary>
    public void WriteColumn(ColumnTable table, int column, int offset)
    {
        switch (table.Columns[column])
        {
            case double[] x:
                WriteColumn<double>(x, offset);
                break;
            case int[] x:
                WriteColumn<int>(x, offset);
                break;
            case ushort[] x:
                for (int row = 0; row < x.Length; row++)
                {
                    Write(row, offset, (int)x[row]);
                }

                break;
            case byte[] x when table.Schema.Signals[column].Type == SignalType.Text:
                for (int row = 0; row < x.Length; row++)
                {
                    Write(row, offset, (int)x[row]);
                }

                break;
            case byte[] x:
                WriteColumn<byte>(x, offset);
                break;
        }
    }

    private static unsafe nint Misalignment(ulong[] block)
    {
        // Pinned: the address is fixed for the block's lifetime.
        nint address = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(block));
        return (CacheLine - (address & (CacheLine - 1))) & (CacheLine - 1);
    }
}

/// <summary>
/// The row copy of a snapshot: every signal of an account plus its owner code and segment mask in one fixed-width row,
/// values encoded as in the columns except text, which is always a four-byte code (so widening a text column does not
/// change the layout). Numbers come first (8-byte aligned), then dates and text codes, then the owner, then booleans
/// and the segment mask; the stride is a multiple of 8.
/// </summary>
internal sealed class SnapshotRows
{
    private readonly int[] _offsets;

    private SnapshotRows(AlignedRows rows, int[] offsets, int ownerOffset, int segmentOffset)
    {
        Rows = rows;
        _offsets = offsets;
        OwnerOffset = ownerOffset;
        SegmentOffset = segmentOffset;
    }

    public AlignedRows Rows { get; }

    public int OwnerOffset { get; }

    public int SegmentOffset { get; }

    /// <summary>Per column the byte offset of its value within a row (not to be changed).</summary>
    public int[] Offsets => _offsets;

    /// <summary>The bytes per row a schema's row copy takes.</summary>
    public static int StrideOf(PortfolioSchema schema) => Layout(schema, out _, out _, out _);

    public static SnapshotRows Create(ColumnTable table, ReadOnlySpan<ushort> owners, ReadOnlySpan<byte> segments)
    {
        int stride = Layout(table.Schema, out int[] offsets, out int ownerOffset, out int segmentOffset);
        var copy = new SnapshotRows(new AlignedRows(table.Count, stride), offsets, ownerOffset, segmentOffset);
        AlignedRows rows = copy.Rows;
        for (int c = 0; c < offsets.Length; c++)
        {
            rows.WriteColumn(table, c, offsets[c]);
        }

        rows.WriteColumn(owners, ownerOffset);
        rows.WriteColumn(segments, segmentOffset);
        return copy;
    }

    /// <summary>Writes one column value as the columns hold it after a point update (text: its code).</summary>
    public void Set<T>(int row, int column, T value)
        where T : unmanaged => Rows.Write(row, _offsets[column], value);

    private static int Layout(PortfolioSchema schema, out int[] offsets, out int ownerOffset, out int segmentOffset)
    {
        offsets = new int[schema.Count];
        int[] all = new int[schema.Count];
        for (int c = 0; c < all.Length; c++)
        {
            all[c] = c;
        }

        int next = RowLayout.Place(schema, all, offsets, sizeof(double), 0);
        next = RowLayout.Place(schema, all, offsets, sizeof(int), next);
        ownerOffset = next;
        next = RowLayout.Place(schema, all, offsets, sizeof(byte), next + sizeof(ushort));
        segmentOffset = next;
        return (next + sizeof(byte) + 7) & ~7;
    }
}

/// <summary>Placement of signal values in fixed-width rows.</summary>
internal static class RowLayout
{
    /// <summary>Places the given columns of one width (8: numbers; 4: dates and text codes; 1: booleans) from
    /// <paramref name="next"/> on; returns the next free offset.</summary>
    public static int Place(PortfolioSchema schema, ReadOnlySpan<int> columns, int[] offsets, int width, int next)
    {
        foreach (int c in columns)
        {
            if (WidthOf(schema.Signals[c].Type) == width)
            {
                offsets[c] = next;
                next += width;
            }
        }

        return next;
    }

    private static int WidthOf(SignalType type) =>
        type switch
        {
            SignalType.Number => sizeof(double),
            SignalType.Date or SignalType.Text => sizeof(int),
            _ => sizeof(byte),
        };
}
