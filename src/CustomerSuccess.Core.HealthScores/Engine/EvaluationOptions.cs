using System;

namespace CustomerSuccess.Core.HealthScores.Engine;

/// <summary>Tuning options of a portfolio evaluation; the defaults suit a 2-core machine (see docs/performance.md).</summary>
public sealed record EvaluationOptions
{
    /// <summary>The default block (tile) size: 32,768 accounts, the unit of work handed to a thread. Every kernel
    /// streams one column of a tile; longer streams cost fewer prefetcher start-ups, and the byte-lane accumulators
    /// (32 KiB each) stay in L2 (see the block-size sweep in docs/performance.md).</summary>
    public const int DefaultBlockSize = 32_768;

    /// <summary>The default size from which a multi-threaded evaluation actually splits the work: 262,144 accounts.</summary>
    public const int DefaultParallelThreshold = 262_144;

    /// <summary>Gets the default options (one thread).</summary>
    /// <value>MaxDegreeOfParallelism 1, ParallelThreshold 262,144, BlockSize 32,768.</value>
    public static EvaluationOptions Default { get; } = new();

    /// <summary>Gets the maximum number of threads used: the calling thread and up to this many minus one thread-pool
    /// workers claim tiles of <see cref="BlockSize"/> accounts until none is left.</summary>
    /// <value>Default 1. The calling thread always works.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxDegreeOfParallelism
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            field = value;
        }
    } = 1;

    /// <summary>Gets the number of accounts below which the evaluation stays on one thread whatever
    /// <see cref="MaxDegreeOfParallelism"/> says (threads cost more than they save on short work).</summary>
    /// <value>Default <see cref="DefaultParallelThreshold"/>.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int ParallelThreshold
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            field = value;
        }
    } = DefaultParallelThreshold;

    /// <summary>Gets the number of accounts evaluated per block (column-at-a-time kernels run over one block).</summary>
    /// <value>Default <see cref="DefaultBlockSize"/>; a multiple of 64 between 64 and 1,048,576.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is out of range or not a multiple of 64.</exception>
    public int BlockSize
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 64);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 1 << 20);
            if (value % 64 != 0)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "The block size must be a multiple of 64.");
            }

            field = value;
        }
    } = DefaultBlockSize;

    /// <summary>Gets a value indicating whether to use the general int-lane kernels even where the byte-lane kernels
    /// apply (tests compare both paths).</summary>
    internal bool ForceIntLanes { get; init; }
}
