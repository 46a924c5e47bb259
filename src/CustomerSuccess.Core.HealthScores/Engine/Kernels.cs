using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace CustomerSuccess.Core.HealthScores.Engine;

/// <summary>Where a kernel puts its all-ones/all-zeros lane mask.</summary>
internal interface IMaskSink
{
    static abstract void Apply(ref int destination, Vector<int> mask, Vector<int> points);

    static abstract void Apply(ref int destination, int mask, int points);
}

/// <summary>destination += mask &amp; points (a matched criterion adds its points).</summary>
internal readonly struct AddPointsSink : IMaskSink
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Apply(ref int destination, Vector<int> mask, Vector<int> points) =>
        Vector.StoreUnsafe(Vector.LoadUnsafe(ref destination) + (mask & points), ref destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Apply(ref int destination, int mask, int points) => destination += mask & points;
}

/// <summary>destination = mask (first condition of a compound criterion).</summary>
internal readonly struct StoreMaskSink : IMaskSink
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Apply(ref int destination, Vector<int> mask, Vector<int> points) => Vector.StoreUnsafe(mask, ref destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Apply(ref int destination, int mask, int points) => destination = mask;
}

/// <summary>destination &amp;= mask (further conditions of a compound criterion: rule 81, AND).</summary>
internal readonly struct AndMaskSink : IMaskSink
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Apply(ref int destination, Vector<int> mask, Vector<int> points) =>
        Vector.StoreUnsafe(Vector.LoadUnsafe(ref destination) & mask, ref destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Apply(ref int destination, int mask, int points) => destination &= mask;
}

/// <summary>A number comparison, vector and scalar; all false for NaN.</summary>
internal interface INumberOp
{
    static abstract Vector<long> Test(Vector<double> x, Vector<double> a, Vector<double> b);

    static abstract bool Test(double x, double a, double b);
}

internal readonly struct EqualOp : INumberOp
{
    public static Vector<long> Test(Vector<double> x, Vector<double> a, Vector<double> b) => Vector.Equals(x, a);

    public static bool Test(double x, double a, double b) => x == a;
}

internal readonly struct NotEqualOp : INumberOp
{
    public static Vector<long> Test(Vector<double> x, Vector<double> a, Vector<double> b) => Vector.LessThan(x, a) | Vector.GreaterThan(x, a);

    public static bool Test(double x, double a, double b) => x < a || x > a;
}

internal readonly struct LessThanOp : INumberOp
{
    public static Vector<long> Test(Vector<double> x, Vector<double> a, Vector<double> b) => Vector.LessThan(x, a);

    public static bool Test(double x, double a, double b) => x < a;
}

internal readonly struct LessThanOrEqualOp : INumberOp
{
    public static Vector<long> Test(Vector<double> x, Vector<double> a, Vector<double> b) => Vector.LessThanOrEqual(x, a);

    public static bool Test(double x, double a, double b) => x <= a;
}

internal readonly struct GreaterThanOp : INumberOp
{
    public static Vector<long> Test(Vector<double> x, Vector<double> a, Vector<double> b) => Vector.GreaterThan(x, a);

    public static bool Test(double x, double a, double b) => x > a;
}

internal readonly struct GreaterThanOrEqualOp : INumberOp
{
    public static Vector<long> Test(Vector<double> x, Vector<double> a, Vector<double> b) => Vector.GreaterThanOrEqual(x, a);

    public static bool Test(double x, double a, double b) => x >= a;
}

internal readonly struct BetweenOp : INumberOp
{
    public static Vector<long> Test(Vector<double> x, Vector<double> a, Vector<double> b) => Vector.GreaterThanOrEqual(x, a) & Vector.LessThanOrEqual(x, b);

    public static bool Test(double x, double a, double b) => a <= x && x <= b;
}

internal readonly struct PresentOp : INumberOp
{
    public static Vector<long> Test(Vector<double> x, Vector<double> a, Vector<double> b) => Vector.Equals(x, x);

    public static bool Test(double x, double a, double b) => !double.IsNaN(x);
}

/// <summary>
/// Block kernels: one tight loop per condition over a block of accounts, branch-free lane masks, the operator and
/// the destination as generic struct arguments so that the JIT emits one specialised loop per combination.
/// </summary>
internal static class Kernels
{
    public static void Number<TSink>(NumberTest test, ReadOnlySpan<double> x, Span<int> destination, double a, double b, int points)
        where TSink : struct, IMaskSink
    {
        switch (test)
        {
            case NumberTest.Equal: Number<EqualOp, TSink>(x, destination, a, b, points); break;
            case NumberTest.NotEqual: Number<NotEqualOp, TSink>(x, destination, a, b, points); break;
            case NumberTest.LessThan: Number<LessThanOp, TSink>(x, destination, a, b, points); break;
            case NumberTest.LessThanOrEqual: Number<LessThanOrEqualOp, TSink>(x, destination, a, b, points); break;
            case NumberTest.GreaterThan: Number<GreaterThanOp, TSink>(x, destination, a, b, points); break;
            case NumberTest.GreaterThanOrEqual: Number<GreaterThanOrEqualOp, TSink>(x, destination, a, b, points); break;
            case NumberTest.Between: Number<BetweenOp, TSink>(x, destination, a, b, points); break;
            default: Number<PresentOp, TSink>(x, destination, a, b, points); break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Number<TOp, TSink>(ReadOnlySpan<double> x, Span<int> destination, double a, double b, int points)
        where TOp : struct, INumberOp
        where TSink : struct, IMaskSink
    {
        int n = x.Length;
        ref double src = ref MemoryMarshal.GetReference(x);
        ref int dst = ref MemoryMarshal.GetReference(destination);
        var va = new Vector<double>(a);
        var vb = new Vector<double>(b);
        var vp = new Vector<int>(points);
        int i = 0;
        if (Vector.IsHardwareAccelerated && n <= destination.Length)
        {
            int step = Vector<int>.Count;
            int half = Vector<double>.Count;
            for (; i <= n - step; i += step)
            {
                Vector<long> m0 = TOp.Test(Vector.LoadUnsafe(ref src, (nuint)i), va, vb);
                Vector<long> m1 = TOp.Test(Vector.LoadUnsafe(ref src, (nuint)(i + half)), va, vb);
                TSink.Apply(ref Unsafe.Add(ref dst, i), Vector.Narrow(m0, m1), vp);
            }
        }

        for (; i < n; i++)
        {
            TSink.Apply(ref destination[i], TOp.Test(x[i], a, b) ? -1 : 0, points);
        }
    }

    /// <summary>Byte column: x ∈ codes (knownNotInSet false) or x ≠ 0 ∧ x ∉ codes (knownNotInSet true).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Bytes<TSink>(ReadOnlySpan<byte> x, Span<int> destination, ReadOnlySpan<int> codes, bool knownNotInSet, int points)
        where TSink : struct, IMaskSink
    {
        int n = x.Length;
        ref byte src = ref MemoryMarshal.GetReference(x);
        ref int dst = ref MemoryMarshal.GetReference(destination);
        var vp = new Vector<int>(points);
        int i = 0;
        if (Vector.IsHardwareAccelerated && n <= destination.Length)
        {
            int step = Vector<byte>.Count;
            int quarter = Vector<int>.Count;
            Vector<byte> negate = knownNotInSet ? Vector<byte>.AllBitsSet : Vector<byte>.Zero;
            Vector<byte> requireKnown = knownNotInSet ? Vector<byte>.AllBitsSet : Vector<byte>.Zero;
            for (; i <= n - step; i += step)
            {
                Vector<byte> v = Vector.LoadUnsafe(ref src, (nuint)i);
                Vector<byte> inSet = Vector<byte>.Zero;
                for (int c = 0; c < codes.Length; c++)
                {
                    inSet |= Vector.Equals(v, new Vector<byte>((byte)codes[c]));
                }

                // knownNotInSet: ~inSet & (v != 0); otherwise inSet.
                Vector<byte> known = ~Vector.Equals(v, Vector<byte>.Zero) | ~requireKnown;
                Vector<byte> m = (inSet ^ negate) & known;
                Vector.Widen(m.As<byte, sbyte>(), out Vector<short> lo, out Vector<short> hi);
                Vector.Widen(lo, out Vector<int> m0, out Vector<int> m1);
                Vector.Widen(hi, out Vector<int> m2, out Vector<int> m3);
                ref int d = ref Unsafe.Add(ref dst, i);
                TSink.Apply(ref d, m0, vp);
                TSink.Apply(ref Unsafe.Add(ref d, quarter), m1, vp);
                TSink.Apply(ref Unsafe.Add(ref d, 2 * quarter), m2, vp);
                TSink.Apply(ref Unsafe.Add(ref d, 3 * quarter), m3, vp);
            }
        }

        for (; i < n; i++)
        {
            byte v = x[i];
            bool inSet = codes.Contains(v);
            bool match = knownNotInSet ? v != 0 && !inSet : inSet;
            TSink.Apply(ref destination[i], match ? -1 : 0, points);
        }
    }

    /// <summary>Wide text codes (two or four bytes): x ∈ codes (knownNotInSet false) or x ≠ 0 ∧ x ∉ codes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Codes<TCode, TSink>(ReadOnlySpan<TCode> x, Span<int> destination, ReadOnlySpan<int> codes, bool knownNotInSet, int points)
        where TCode : unmanaged, IBinaryInteger<TCode>
        where TSink : struct, IMaskSink
    {
        for (int i = 0; i < x.Length; i++)
        {
            int v = int.CreateTruncating(x[i]);
            bool inSet = codes.Contains(v);
            bool match = knownNotInSet ? v != 0 && !inSet : inSet;
            TSink.Apply(ref destination[i], match ? -1 : 0, points);
        }
    }

    /// <summary>Int column: low ≤ x ≤ high.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void IntRange<TSink>(ReadOnlySpan<int> x, Span<int> destination, int low, int high, int points)
        where TSink : struct, IMaskSink
    {
        int n = x.Length;
        ref int src = ref MemoryMarshal.GetReference(x);
        ref int dst = ref MemoryMarshal.GetReference(destination);
        var vlo = new Vector<int>(low);
        var vhi = new Vector<int>(high);
        var vp = new Vector<int>(points);
        int i = 0;
        if (Vector.IsHardwareAccelerated && n <= destination.Length)
        {
            int step = Vector<int>.Count;
            for (; i <= n - step; i += step)
            {
                Vector<int> v = Vector.LoadUnsafe(ref src, (nuint)i);
                Vector<int> m = Vector.GreaterThanOrEqual(v, vlo) & Vector.LessThanOrEqual(v, vhi);
                TSink.Apply(ref Unsafe.Add(ref dst, i), m, vp);
            }
        }

        for (; i < n; i++)
        {
            int v = x[i];
            TSink.Apply(ref destination[i], v >= low && v <= high ? -1 : 0, points);
        }
    }

    /// <summary>destination = (type == code ∧ low ≤ time &lt; high ? -1 : 0): an event selector (type and half-open window).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Selector(ReadOnlySpan<ushort> types, ReadOnlySpan<long> times, Span<int> destination, ushort code, long low, long high)
    {
        int n = types.Length;
        ref ushort type = ref MemoryMarshal.GetReference(types);
        ref long time = ref MemoryMarshal.GetReference(times);
        ref int dst = ref MemoryMarshal.GetReference(destination);
        var vcode = new Vector<ushort>(code);
        var vlo = new Vector<long>(low);
        var vhi = new Vector<long>(high);
        int i = 0;
        if (Vector.IsHardwareAccelerated && n <= destination.Length && n <= times.Length)
        {
            int step = Vector<ushort>.Count;
            int q = Vector<long>.Count;
            for (; i <= n - step; i += step)
            {
                Vector<short> eq = Vector.AsVectorInt16(Vector.Equals(Vector.LoadUnsafe(ref type, (nuint)i), vcode));
                Vector.Widen(eq, out Vector<int> lo, out Vector<int> hi);
                Vector<long> t0 = Vector.LoadUnsafe(ref time, (nuint)i);
                Vector<long> t1 = Vector.LoadUnsafe(ref time, (nuint)(i + q));
                Vector<long> t2 = Vector.LoadUnsafe(ref time, (nuint)(i + (2 * q)));
                Vector<long> t3 = Vector.LoadUnsafe(ref time, (nuint)(i + (3 * q)));
                Vector<int> w0 = Vector.Narrow(Vector.GreaterThanOrEqual(t0, vlo) & Vector.LessThan(t0, vhi), Vector.GreaterThanOrEqual(t1, vlo) & Vector.LessThan(t1, vhi));
                Vector<int> w1 = Vector.Narrow(Vector.GreaterThanOrEqual(t2, vlo) & Vector.LessThan(t2, vhi), Vector.GreaterThanOrEqual(t3, vlo) & Vector.LessThan(t3, vhi));
                Vector.StoreUnsafe(lo & w0, ref dst, (nuint)i);
                Vector.StoreUnsafe(hi & w1, ref dst, (nuint)(i + Vector<int>.Count));
            }
        }

        for (; i < n; i++)
        {
            long t = times[i];
            destination[i] = types[i] == code && t >= low && t < high ? -1 : 0;
        }
    }

    /// <summary>accumulator += mask &amp; points.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddMasked(Span<int> accumulator, ReadOnlySpan<int> mask, int points)
    {
        int n = accumulator.Length;
        ref int acc = ref MemoryMarshal.GetReference(accumulator);
        ref int msk = ref MemoryMarshal.GetReference(mask);
        var vp = new Vector<int>(points);
        int i = 0;
        if (Vector.IsHardwareAccelerated && n <= mask.Length)
        {
            for (; i <= n - Vector<int>.Count; i += Vector<int>.Count)
            {
                AddPointsSink.Apply(ref Unsafe.Add(ref acc, i), Vector.LoadUnsafe(ref msk, (nuint)i), vp);
            }
        }

        for (; i < n; i++)
        {
            accumulator[i] += mask[i] & points;
        }
    }

    /// <summary>total += clamp(group, 0, max).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddClamped(Span<int> total, ReadOnlySpan<int> group, int max)
    {
        int n = total.Length;
        ref int t = ref MemoryMarshal.GetReference(total);
        ref int g = ref MemoryMarshal.GetReference(group);
        var vmax = new Vector<int>(max);
        int i = 0;
        if (Vector.IsHardwareAccelerated && n <= group.Length)
        {
            for (; i <= n - Vector<int>.Count; i += Vector<int>.Count)
            {
                Vector<int> c = Vector.Min(Vector.Max(Vector.LoadUnsafe(ref g, (nuint)i), Vector<int>.Zero), vmax);
                Vector.StoreUnsafe(Vector.LoadUnsafe(ref t, (nuint)i) + c, ref t, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            total[i] += Math.Min(Math.Max(group[i], 0), max);
        }
    }

    /// <summary>coverage += weight × covered ÷ criteria, in double, per account (same formula as the scalar path).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddCoverage(Span<double> coverage, ReadOnlySpan<int> covered, int maxPoints, int criteria)
    {
        for (int i = 0; i < coverage.Length; i++)
        {
            coverage[i] += CoverageTerm(maxPoints, covered[i], criteria);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double CoverageTerm(int maxPoints, int covered, int criteria) =>
        criteria == 0 ? maxPoints : (double)maxPoints * covered / criteria;

    /// <summary>Writes clamp(total, 0, 100) as bytes and the status bytes: 2 when score ≥ healthyFrom, else 1 when
    /// score ≥ neutralFrom, else 0 (the same rule as <see cref="StatusThresholds.StatusOf"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Finish(ReadOnlySpan<int> total, Span<byte> scores, Span<byte> statuses, byte neutralFrom, byte healthyFrom)
    {
        int n = total.Length;
        ref int t = ref MemoryMarshal.GetReference(total);
        ref byte s = ref MemoryMarshal.GetReference(scores);
        ref byte st = ref MemoryMarshal.GetReference(statuses);
        int i = 0;
        if (Vector.IsHardwareAccelerated && n <= scores.Length && n <= statuses.Length)
        {
            int step = Vector<byte>.Count;
            int q = Vector<int>.Count;
            var max = new Vector<int>(HealthScoreDefinition.TotalMaxPoints);
            var nf = new Vector<byte>(neutralFrom);
            var hf = new Vector<byte>(healthyFrom);
            var one = new Vector<byte>(1);
            var two = new Vector<byte>(2);
            for (; i <= n - step; i += step)
            {
                Vector<uint> a = Vector.Min(Vector.Max(Vector.LoadUnsafe(ref t, (nuint)i), Vector<int>.Zero), max).As<int, uint>();
                Vector<uint> b = Vector.Min(Vector.Max(Vector.LoadUnsafe(ref t, (nuint)(i + q)), Vector<int>.Zero), max).As<int, uint>();
                Vector<uint> c = Vector.Min(Vector.Max(Vector.LoadUnsafe(ref t, (nuint)(i + (2 * q))), Vector<int>.Zero), max).As<int, uint>();
                Vector<uint> d = Vector.Min(Vector.Max(Vector.LoadUnsafe(ref t, (nuint)(i + (3 * q))), Vector<int>.Zero), max).As<int, uint>();
                Vector<byte> score = Vector.Narrow(Vector.Narrow(a, b), Vector.Narrow(c, d));
                Vector.StoreUnsafe(score, ref s, (nuint)i);
                Vector<byte> healthy = Vector.GreaterThanOrEqual(score, hf);
                Vector<byte> neutral = Vector.GreaterThanOrEqual(score, nf);
                Vector<byte> status = (healthy & two) | (~healthy & neutral & one);
                Vector.StoreUnsafe(status, ref st, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            int score = Math.Min(Math.Max(total[i], 0), HealthScoreDefinition.TotalMaxPoints);
            scores[i] = (byte)score;
            statuses[i] = (byte)(score >= healthyFrom ? 2 : score >= neutralFrom ? 1 : 0);
        }
    }
}
