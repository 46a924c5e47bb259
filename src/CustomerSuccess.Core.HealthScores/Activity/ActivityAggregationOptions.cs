using System;

namespace CustomerSuccess.Core.HealthScores.Activity;

/// <summary>Tuning options of <see cref="ActivityAggregator.Aggregate(ActivityLog, int, NodaTime.Instant, ActivityAggregationOptions)"/>.</summary>
public sealed record ActivityAggregationOptions
{
    /// <summary>The default number of events from which a multi-threaded aggregation actually splits the work: 1,048,576.</summary>
    public const int DefaultParallelThreshold = 1 << 20;

    /// <summary>Gets the default options (one thread).</summary>
    /// <value>MaxDegreeOfParallelism 1, ParallelThreshold 1,048,576 events.</value>
    public static ActivityAggregationOptions Default { get; } = new();

    /// <summary>Gets the maximum number of threads used. The calling thread always works; each further thread keeps its
    /// own count columns (4 bytes per account and criterion), summed at the end.</summary>
    /// <value>Default 1.</value>
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

    /// <summary>Gets the number of events below which the aggregation stays on one thread.</summary>
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

    /// <summary>Gets the number of events a worker claims, filters and partitions at a time (its scratch holds 10 bytes
    /// per event of a segment).</summary>
    /// <value>Default 2,097,152; at least 4,096.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 4,096.</exception>
    public int SegmentSize
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 4096);
            field = value;
        }
    } = 1 << 21;
}
