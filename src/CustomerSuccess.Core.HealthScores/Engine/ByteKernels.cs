using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace CustomerSuccess.Core.HealthScores.Engine;

/// <summary>Where a byte-lane kernel puts its 0x00/0xFF mask (32 accounts per vector).</summary>
internal interface IByteSink
{
    static abstract void Apply(ref byte destination, Vector256<byte> mask, Vector256<byte> points, Vector256<byte> bias);
}

/// <summary>destination += mask &amp; points (wrapping byte arithmetic; the group's bias keeps it in range).</summary>
internal readonly struct AddByteSink : IByteSink
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Apply(ref byte destination, Vector256<byte> mask, Vector256<byte> points, Vector256<byte> bias) =>
        Vector256.StoreUnsafe(Vector256.LoadUnsafe(ref destination) + (mask & points), ref destination);
}

/// <summary>destination = bias + (mask &amp; points): the first criterion of a group initialises the accumulator.</summary>
internal readonly struct InitByteSink : IByteSink
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Apply(ref byte destination, Vector256<byte> mask, Vector256<byte> points, Vector256<byte> bias) =>
        Vector256.StoreUnsafe(bias + (mask & points), ref destination);
}

/// <summary>destination = mask (first condition of a compound criterion).</summary>
internal readonly struct StoreByteSink : IByteSink
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Apply(ref byte destination, Vector256<byte> mask, Vector256<byte> points, Vector256<byte> bias) =>
        Vector256.StoreUnsafe(mask, ref destination);
}

/// <summary>destination &amp;= mask (further conditions of a compound criterion: rule 81, AND).</summary>
internal readonly struct AndByteSink : IByteSink
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Apply(ref byte destination, Vector256<byte> mask, Vector256<byte> points, Vector256<byte> bias) =>
        Vector256.StoreUnsafe(Vector256.LoadUnsafe(ref destination) & mask, ref destination);
}

/// <summary>A number comparison on 4 doubles; all false for NaN (ordered comparisons).</summary>
internal interface IDoubleOp
{
    static abstract Vector256<double> Test(Vector256<double> x, Vector256<double> a, Vector256<double> b);
}

internal readonly struct EqualDoubleOp : IDoubleOp
{
    public static Vector256<double> Test(Vector256<double> x, Vector256<double> a, Vector256<double> b) => Vector256.Equals(x, a);
}

internal readonly struct NotEqualDoubleOp : IDoubleOp
{
    public static Vector256<double> Test(Vector256<double> x, Vector256<double> a, Vector256<double> b) => Vector256.LessThan(x, a) | Vector256.GreaterThan(x, a);
}

internal readonly struct LessThanDoubleOp : IDoubleOp
{
    public static Vector256<double> Test(Vector256<double> x, Vector256<double> a, Vector256<double> b) => Vector256.LessThan(x, a);
}

internal readonly struct LessThanOrEqualDoubleOp : IDoubleOp
{
    public static Vector256<double> Test(Vector256<double> x, Vector256<double> a, Vector256<double> b) => Vector256.LessThanOrEqual(x, a);
}

internal readonly struct GreaterThanDoubleOp : IDoubleOp
{
    public static Vector256<double> Test(Vector256<double> x, Vector256<double> a, Vector256<double> b) => Vector256.GreaterThan(x, a);
}

internal readonly struct GreaterThanOrEqualDoubleOp : IDoubleOp
{
    public static Vector256<double> Test(Vector256<double> x, Vector256<double> a, Vector256<double> b) => Vector256.GreaterThanOrEqual(x, a);
}

internal readonly struct BetweenDoubleOp : IDoubleOp
{
    public static Vector256<double> Test(Vector256<double> x, Vector256<double> a, Vector256<double> b) => Vector256.GreaterThanOrEqual(x, a) & Vector256.LessThanOrEqual(x, b);
}

internal readonly struct PresentDoubleOp : IDoubleOp
{
    public static Vector256<double> Test(Vector256<double> x, Vector256<double> a, Vector256<double> b) => Vector256.Equals(x, x);
}

/// <summary>
/// Byte-lane block kernels (AVX2): every kernel turns 32 accounts into a vector of 32 byte masks in account order and
/// hands it to a sink, so a group accumulates in one byte per account. Doubles and ints are compared in their own width
/// and narrowed with saturating packs (a mask is 0 or −1 in every width); the packs interleave 128-bit lanes, and one or
/// two permutes restore account order. Lengths are multiples of 32: the caller pads a short tail.
/// </summary>
internal static class ByteKernels
{
    public const int Lanes = 32;

    /// <summary>True when the byte-lane path can run on this machine.</summary>
    public static bool IsSupported => Avx2.IsSupported;

    // vpermd index that puts the dword groups of two packs back in order: [0, 4, 1, 5, 2, 6, 3, 7].
    private static readonly Vector256<int> DwordOrder = Vector256.Create(0, 4, 1, 5, 2, 6, 3, 7);

    // After the double packs the account pairs (words) sit as [P0 P2 … P14 | P1 P3 … P15]; vpermw index to restore.
    private static readonly Vector256<ushort> PairOrder = Vector256.Create((ushort)0, 8, 1, 9, 2, 10, 3, 11, 4, 12, 5, 13, 6, 14, 7, 15);

    // Without AVX-512BW: vpermq [0, 2, 1, 3] then this in-lane byte shuffle.
    private static readonly Vector256<byte> PairShuffle = Vector256.Create(
        (byte)0, 1, 8, 9, 2, 3, 10, 11, 4, 5, 12, 13, 6, 7, 14, 15,
        0, 1, 8, 9, 2, 3, 10, 11, 4, 5, 12, 13, 6, 7, 14, 15);

    public static void Number<TSink>(NumberTest test, ref double x, ref byte destination, int length, double a, double b, byte points, byte bias)
        where TSink : struct, IByteSink
    {
        switch (test)
        {
            case NumberTest.Equal: Number<EqualDoubleOp, TSink>(ref x, ref destination, length, a, b, points, bias); break;
            case NumberTest.NotEqual: Number<NotEqualDoubleOp, TSink>(ref x, ref destination, length, a, b, points, bias); break;
            case NumberTest.LessThan: Number<LessThanDoubleOp, TSink>(ref x, ref destination, length, a, b, points, bias); break;
            case NumberTest.LessThanOrEqual: Number<LessThanOrEqualDoubleOp, TSink>(ref x, ref destination, length, a, b, points, bias); break;
            case NumberTest.GreaterThan: Number<GreaterThanDoubleOp, TSink>(ref x, ref destination, length, a, b, points, bias); break;
            case NumberTest.GreaterThanOrEqual: Number<GreaterThanOrEqualDoubleOp, TSink>(ref x, ref destination, length, a, b, points, bias); break;
            case NumberTest.Between: Number<BetweenDoubleOp, TSink>(ref x, ref destination, length, a, b, points, bias); break;
            default: Number<PresentDoubleOp, TSink>(ref x, ref destination, length, a, b, points, bias); break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Number<TOp, TSink>(ref double x, ref byte destination, int length, double a, double b, byte points, byte bias)
        where TOp : struct, IDoubleOp
        where TSink : struct, IByteSink
    {
        Vector256<double> va = Vector256.Create(a);
        Vector256<double> vb = Vector256.Create(b);
        Vector256<byte> vp = Vector256.Create(points);
        Vector256<byte> vbias = Vector256.Create(bias);
        for (nuint i = 0; i < (nuint)length; i += Lanes)
        {
            Vector256<int> m0 = TOp.Test(Vector256.LoadUnsafe(ref x, i), va, vb).AsInt32();
            Vector256<int> m1 = TOp.Test(Vector256.LoadUnsafe(ref x, i + 4), va, vb).AsInt32();
            Vector256<int> m2 = TOp.Test(Vector256.LoadUnsafe(ref x, i + 8), va, vb).AsInt32();
            Vector256<int> m3 = TOp.Test(Vector256.LoadUnsafe(ref x, i + 12), va, vb).AsInt32();
            Vector256<int> m4 = TOp.Test(Vector256.LoadUnsafe(ref x, i + 16), va, vb).AsInt32();
            Vector256<int> m5 = TOp.Test(Vector256.LoadUnsafe(ref x, i + 20), va, vb).AsInt32();
            Vector256<int> m6 = TOp.Test(Vector256.LoadUnsafe(ref x, i + 24), va, vb).AsInt32();
            Vector256<int> m7 = TOp.Test(Vector256.LoadUnsafe(ref x, i + 28), va, vb).AsInt32();
            Vector256<short> w0 = Avx2.PackSignedSaturate(m0, m1);
            Vector256<short> w1 = Avx2.PackSignedSaturate(m2, m3);
            Vector256<short> w2 = Avx2.PackSignedSaturate(m4, m5);
            Vector256<short> w3 = Avx2.PackSignedSaturate(m6, m7);
            Vector256<short> d0 = Avx2.PackSignedSaturate(w0.AsInt32(), w1.AsInt32());
            Vector256<short> d1 = Avx2.PackSignedSaturate(w2.AsInt32(), w3.AsInt32());
            Vector256<byte> m = OrderPairs(Avx2.PackSignedSaturate(d0, d1).AsByte());
            TSink.Apply(ref Unsafe.Add(ref destination, i), m, vp, vbias);
        }
    }

    /// <summary>Int column (day numbers, event counts): low ≤ x ≤ high; low &gt; high never matches.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void IntRange<TSink>(ref int x, ref byte destination, int length, int low, int high, byte points, byte bias)
        where TSink : struct, IByteSink
    {
        Vector256<byte> vp = Vector256.Create(points);
        Vector256<byte> vbias = Vector256.Create(bias);
        if (low > high)
        {
            for (nuint i = 0; i < (nuint)length; i += Lanes)
            {
                TSink.Apply(ref Unsafe.Add(ref destination, i), Vector256<byte>.Zero, vp, vbias);
            }

            return;
        }

        if (low == int.MinValue && high == int.MaxValue)
        {
            for (nuint i = 0; i < (nuint)length; i += Lanes)
            {
                TSink.Apply(ref Unsafe.Add(ref destination, i), Vector256<byte>.AllBitsSet, vp, vbias);
            }

            return;
        }

        if (high == int.MaxValue)
        {
            IntRange<AtLeast, TSink>(ref x, ref destination, length, low - 1, 0, vp, vbias);
        }
        else if (low == int.MinValue)
        {
            IntRange<AtMost, TSink>(ref x, ref destination, length, 0, high + 1, vp, vbias);
        }
        else
        {
            IntRange<Between, TSink>(ref x, ref destination, length, low - 1, high + 1, vp, vbias);
        }
    }

    /// <summary>Byte column (one-byte text codes, booleans): x ∈ codes, or x ≠ 0 ∧ x ∉ codes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Bytes<TSink>(ref byte x, ref byte destination, int length, ReadOnlySpan<int> codes, bool knownNotInSet, byte points, byte bias)
        where TSink : struct, IByteSink
    {
        Vector256<byte> vp = Vector256.Create(points);
        Vector256<byte> vbias = Vector256.Create(bias);
        if (codes.Length == 1 && !knownNotInSet)
        {
            Vector256<byte> code = Vector256.Create((byte)codes[0]);
            for (nuint i = 0; i < (nuint)length; i += Lanes)
            {
                TSink.Apply(ref Unsafe.Add(ref destination, i), Vector256.Equals(Vector256.LoadUnsafe(ref x, i), code), vp, vbias);
            }

            return;
        }

        for (nuint i = 0; i < (nuint)length; i += Lanes)
        {
            Vector256<byte> v = Vector256.LoadUnsafe(ref x, i);
            Vector256<byte> inSet = Vector256<byte>.Zero;
            for (int c = 0; c < codes.Length; c++)
            {
                inSet |= Vector256.Equals(v, Vector256.Create((byte)codes[c]));
            }

            Vector256<byte> m = knownNotInSet ? ~(inSet | Vector256.Equals(v, Vector256<byte>.Zero)) : inSet;
            TSink.Apply(ref Unsafe.Add(ref destination, i), m, vp, vbias);
        }
    }

    /// <summary>Two-byte text codes: x ∈ codes, or x ≠ 0 ∧ x ∉ codes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void UInt16Codes<TSink>(ref ushort x, ref byte destination, int length, ReadOnlySpan<int> codes, bool knownNotInSet, byte points, byte bias)
        where TSink : struct, IByteSink
    {
        Vector256<byte> vp = Vector256.Create(points);
        Vector256<byte> vbias = Vector256.Create(bias);
        for (nuint i = 0; i < (nuint)length; i += Lanes)
        {
            Vector256<ushort> v0 = Vector256.LoadUnsafe(ref x, i);
            Vector256<ushort> v1 = Vector256.LoadUnsafe(ref x, i + 16);
            Vector256<ushort> in0 = Vector256<ushort>.Zero;
            Vector256<ushort> in1 = Vector256<ushort>.Zero;
            for (int c = 0; c < codes.Length; c++)
            {
                Vector256<ushort> code = Vector256.Create((ushort)codes[c]);
                in0 |= Vector256.Equals(v0, code);
                in1 |= Vector256.Equals(v1, code);
            }

            if (knownNotInSet)
            {
                in0 = ~(in0 | Vector256.Equals(v0, Vector256<ushort>.Zero));
                in1 = ~(in1 | Vector256.Equals(v1, Vector256<ushort>.Zero));
            }

            // packsswb interleaves 128-bit lanes: [v0 lo, v1 lo | v0 hi, v1 hi]; vpermq [0, 2, 1, 3] restores order.
            Vector256<byte> packed = Avx2.PackSignedSaturate(in0.AsInt16(), in1.AsInt16()).AsByte();
            Vector256<byte> m = Avx2.Permute4x64(packed.AsUInt64(), 0b11_01_10_00).AsByte();
            TSink.Apply(ref Unsafe.Add(ref destination, i), m, vp, vbias);
        }
    }

    /// <summary>Four-byte text codes: x ∈ codes, or x ≠ 0 ∧ x ∉ codes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Int32Codes<TSink>(ref int x, ref byte destination, int length, ReadOnlySpan<int> codes, bool knownNotInSet, byte points, byte bias)
        where TSink : struct, IByteSink
    {
        Vector256<byte> vp = Vector256.Create(points);
        Vector256<byte> vbias = Vector256.Create(bias);
        for (nuint i = 0; i < (nuint)length; i += Lanes)
        {
            Vector256<int> v0 = Vector256.LoadUnsafe(ref x, i);
            Vector256<int> v1 = Vector256.LoadUnsafe(ref x, i + 8);
            Vector256<int> v2 = Vector256.LoadUnsafe(ref x, i + 16);
            Vector256<int> v3 = Vector256.LoadUnsafe(ref x, i + 24);
            Vector256<int> in0 = Vector256<int>.Zero, in1 = Vector256<int>.Zero, in2 = Vector256<int>.Zero, in3 = Vector256<int>.Zero;
            for (int c = 0; c < codes.Length; c++)
            {
                Vector256<int> code = Vector256.Create(codes[c]);
                in0 |= Vector256.Equals(v0, code);
                in1 |= Vector256.Equals(v1, code);
                in2 |= Vector256.Equals(v2, code);
                in3 |= Vector256.Equals(v3, code);
            }

            if (knownNotInSet)
            {
                in0 = ~(in0 | Vector256.Equals(v0, Vector256<int>.Zero));
                in1 = ~(in1 | Vector256.Equals(v1, Vector256<int>.Zero));
                in2 = ~(in2 | Vector256.Equals(v2, Vector256<int>.Zero));
                in3 = ~(in3 | Vector256.Equals(v3, Vector256<int>.Zero));
            }

            TSink.Apply(ref Unsafe.Add(ref destination, i), PackInts(in0, in1, in2, in3), vp, vbias);
        }
    }

    /// <summary>accumulator = (init ? bias : accumulator) + (mask &amp; points).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddMasked(ref byte accumulator, ref byte mask, int length, byte points, byte bias, bool init)
    {
        Vector256<byte> vp = Vector256.Create(points);
        Vector256<byte> vbias = Vector256.Create(bias);
        for (nuint i = 0; i < (nuint)length; i += Lanes)
        {
            Vector256<byte> m = Vector256.LoadUnsafe(ref mask, i) & vp;
            Vector256<byte> start = init ? vbias : Vector256.LoadUnsafe(ref accumulator, i);
            Vector256.StoreUnsafe(start + m, ref accumulator, i);
        }
    }

    /// <summary>total = (init ? 0 : total) +sat clamp(group − bias, 0, max): the group's clamped points added with
    /// unsigned saturation (every term is ≥ 0, and the score is clamped to 100 ≤ 255 afterwards, so saturating is exact).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddGroup(ref byte total, ref byte group, int length, byte bias, byte upper, bool init)
    {
        Vector256<byte> vbias = Vector256.Create(bias);
        Vector256<byte> vupper = Vector256.Create(upper);
        for (nuint i = 0; i < (nuint)length; i += Lanes)
        {
            Vector256<byte> clamped = Vector256.Min(Vector256.Max(Vector256.LoadUnsafe(ref group, i), vbias), vupper) - vbias;
            Vector256<byte> sum = init ? clamped : Avx2.AddSaturate(Vector256.LoadUnsafe(ref total, i), clamped);
            Vector256.StoreUnsafe(sum, ref total, i);
        }
    }

    /// <summary>Scores = min(total, 100); statuses 2 when score ≥ healthyFrom, else 1 when ≥ neutralFrom, else 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Finish(ref byte total, ref byte scores, ref byte statuses, int length, byte neutralFrom, byte healthyFrom)
    {
        Vector256<byte> max = Vector256.Create((byte)HealthScoreDefinition.TotalMaxPoints);
        Vector256<byte> nf = Vector256.Create(neutralFrom);
        Vector256<byte> hf = Vector256.Create(healthyFrom);
        Vector256<byte> one = Vector256.Create((byte)1);
        Vector256<byte> two = Vector256.Create((byte)2);
        for (nuint i = 0; i < (nuint)length; i += Lanes)
        {
            Vector256<byte> score = Vector256.Min(Vector256.LoadUnsafe(ref total, i), max);
            Vector256.StoreUnsafe(score, ref scores, i);
            Vector256<byte> healthy = Vector256.Equals(Vector256.Max(score, hf), score);
            Vector256<byte> neutral = Vector256.Equals(Vector256.Max(score, nf), score);
            Vector256.StoreUnsafe((healthy & two) | Vector256.AndNot(neutral & one, healthy), ref statuses, i);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<byte> OrderPairs(Vector256<byte> packed)
    {
        if (Avx512BW.VL.IsSupported)
        {
            return Avx512BW.VL.PermuteVar16x16(packed.AsUInt16(), PairOrder).AsByte();
        }

        Vector256<byte> halves = Avx2.Permute4x64(packed.AsUInt64(), 0b11_01_10_00).AsByte();
        return Avx2.Shuffle(halves, PairShuffle);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<byte> PackInts(Vector256<int> m0, Vector256<int> m1, Vector256<int> m2, Vector256<int> m3)
    {
        Vector256<short> w0 = Avx2.PackSignedSaturate(m0, m1);
        Vector256<short> w1 = Avx2.PackSignedSaturate(m2, m3);
        Vector256<sbyte> b = Avx2.PackSignedSaturate(w0, w1);
        return Avx2.PermuteVar8x32(b.AsInt32(), DwordOrder).AsByte();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void IntRange<TRange, TSink>(ref int x, ref byte destination, int length, int below, int above, Vector256<byte> vp, Vector256<byte> vbias)
        where TRange : struct, IIntRange
        where TSink : struct, IByteSink
    {
        Vector256<int> lo = Vector256.Create(below);
        Vector256<int> hi = Vector256.Create(above);
        for (nuint i = 0; i < (nuint)length; i += Lanes)
        {
            Vector256<int> m0 = TRange.Test(Vector256.LoadUnsafe(ref x, i), lo, hi);
            Vector256<int> m1 = TRange.Test(Vector256.LoadUnsafe(ref x, i + 8), lo, hi);
            Vector256<int> m2 = TRange.Test(Vector256.LoadUnsafe(ref x, i + 16), lo, hi);
            Vector256<int> m3 = TRange.Test(Vector256.LoadUnsafe(ref x, i + 24), lo, hi);
            TSink.Apply(ref Unsafe.Add(ref destination, i), PackInts(m0, m1, m2, m3), vp, vbias);
        }
    }

    /// <summary>below &lt; x, x &lt; above, or both (strict, so the bounds are low − 1 and high + 1).</summary>
    private interface IIntRange
    {
        static abstract Vector256<int> Test(Vector256<int> x, Vector256<int> below, Vector256<int> above);
    }

    private readonly struct AtLeast : IIntRange
    {
        public static Vector256<int> Test(Vector256<int> x, Vector256<int> below, Vector256<int> above) => Vector256.GreaterThan(x, below);
    }

    private readonly struct AtMost : IIntRange
    {
        public static Vector256<int> Test(Vector256<int> x, Vector256<int> below, Vector256<int> above) => Vector256.LessThan(x, above);
    }

    private readonly struct Between : IIntRange
    {
        public static Vector256<int> Test(Vector256<int> x, Vector256<int> below, Vector256<int> above) => Vector256.GreaterThan(x, below) & Vector256.LessThan(x, above);
    }
}
