using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading.Tasks;

namespace CustomerSuccess.Core.Benchmarks;

/// <summary>
/// The memory-bandwidth floor: a plain vector sum over one array as large as the bytes an evaluation touches, on k
/// threads (contiguous ranges, the calling thread takes the first one, as the engine does). Nothing can read those bytes
/// faster than this loop, so an engine's time ÷ the probe's time (same run, same thread count) is its distance from the
/// floor.
/// </summary>
public sealed class BandwidthProbe
{
    private readonly long[] _data;

    /// <param name="bytes">The bytes to read per probe (rounded up to whole 64-byte lines).</param>
    public BandwidthProbe(long bytes)
    {
        long longs = (Math.Max(bytes, 64) + 63) / 64 * 8;
        _data = new long[longs];
        for (long i = 0; i < longs; i++)
        {
            _data[i] = i; // touch every page so the probe never measures page faults
        }
    }

    public long Bytes => _data.LongLength * sizeof(long);

    /// <summary>Reads every byte once on <paramref name="threads"/> threads; returns the sum (kept alive).</summary>
    public long Read(int threads)
    {
        if (threads <= 1)
        {
            return Sum(_data);
        }

        int chunk = ((_data.Length / threads) + 7) & ~7;
        var others = new Task<long>[threads - 1];
        for (int t = 1; t < threads; t++)
        {
            int from = Math.Min(_data.Length, t * chunk);
            int to = t == threads - 1 ? _data.Length : Math.Min(_data.Length, (t + 1) * chunk);
            long[] data = _data;
            others[t - 1] = Task.Factory.StartNew(() => Sum(data.AsSpan(from, to - from)), default, TaskCreationOptions.DenyChildAttach, TaskScheduler.Default);
        }

        long total = Sum(_data.AsSpan(0, Math.Min(_data.Length, chunk)));
        foreach (Task<long> other in others)
        {
            total += other.Result;
        }

        return total;
    }

    /// <summary>Bytes per second of one read, from its time in milliseconds.</summary>
    public double GigabytesPerSecond(double milliseconds) => Bytes / (milliseconds * 1e6);

    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    private static long Sum(ReadOnlySpan<long> span)
    {
        ref long start = ref MemoryMarshal.GetReference(span);
        int n = span.Length;
        int step = Vector<long>.Count;
        Vector<long> a = default, b = default, c = default, d = default;
        int i = 0;
        for (; i <= n - (4 * step); i += 4 * step)
        {
            a += Vector.LoadUnsafe(ref start, (nuint)i);
            b += Vector.LoadUnsafe(ref start, (nuint)(i + step));
            c += Vector.LoadUnsafe(ref start, (nuint)(i + (2 * step)));
            d += Vector.LoadUnsafe(ref start, (nuint)(i + (3 * step)));
        }

        long total = Vector.Sum(a + b + c + d);
        for (; i < n; i++)
        {
            total += span[i];
        }

        return total;
    }
}
