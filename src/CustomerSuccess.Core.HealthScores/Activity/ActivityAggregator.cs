using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using CustomerSuccess.Core.HealthScores.Engine;
using CustomerSuccess.Core.HealthScores.Snapshots;
using NodaTime;

namespace CustomerSuccess.Core.HealthScores.Activity;

/// <summary>
/// Counts, per account, the events that each event criterion of a definition looks at: events of the criterion's
/// type whose properties satisfy all of its event conditions (all true for one single event, rule 81) and whose
/// occurred-at lies in the half-open window [asOf − WindowDays × 24 h, asOf). One pass over the log, partitioned by
/// account, no allocation per event, on several threads when asked (<see cref="ActivityAggregationOptions"/>).
/// </summary>
/// <remarks>
/// <para>Criterion order (= <see cref="ActivityCounts"/> column order) is the definition's order: groups in order, then
/// criteria in order, event criteria only; the same order as <see cref="CompiledHealthScore.EventCriteria"/>.</para>
/// <para>Date conditions on event properties are evaluated relative to the UTC date of the as-of instant.</para>
/// <para>Algorithm: the log is read once, in segments of events claimed by the workers. For a block of events every
/// criterion becomes a lane mask (type, window, conditions: the engine's vector kernels) and the masks an event
/// bitmask; events with a non-empty bitmask are compacted, radix-partitioned by account range (a range's counters for
/// every criterion fit in L2) and counted partition by partition into the worker's count columns, which are summed at
/// the end.</para>
/// <para>Immutable and thread-safe: one aggregator may run on several threads at once.</para>
/// </remarks>
public sealed partial class ActivityAggregator
{
    private readonly BoundCondition[][] _conditions;

    private ActivityAggregator(ImmutableArray<EventCriterion> criteria, BoundCondition[][] conditions, PortfolioSchema propertySchema)
    {
        Criteria = criteria;
        _conditions = conditions;
        PropertySchema = propertySchema;
    }

    /// <summary>Gets the event criteria, in count column order.</summary>
    /// <value>The definition's event criteria in definition order.</value>
    public ImmutableArray<EventCriterion> Criteria { get; }

    /// <summary>Gets the event property schema the aggregator was compiled against.</summary>
    /// <value>The schema; an event log must have an equal schema (same names and types in the same order).</value>
    public PortfolioSchema PropertySchema { get; }

    /// <summary>Compiles the event criteria of a definition against an event property schema.</summary>
    /// <param name="definition">The definition.</param>
    /// <param name="eventPropertySchema">The event log's property schema.</param>
    /// <returns>The aggregator, or the problems (unknown property, operator/type mismatch, bad window or count).</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static CompilationResult<ActivityAggregator> Compile(HealthScoreDefinition definition, PortfolioSchema eventPropertySchema)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(eventPropertySchema);
        var problems = new List<ValidationProblem>();
        var criteria = ImmutableArray.CreateBuilder<EventCriterion>();
        var conditions = new List<BoundCondition[]>();
        for (int g = 0; g < definition.Groups.Length; g++)
        {
            ImmutableArray<Criterion> groupCriteria = definition.Groups[g].Criteria;
            for (int c = 0; c < groupCriteria.Length; c++)
            {
                if (groupCriteria[c] is not EventCriterion criterion)
                {
                    continue;
                }

                string path = $"groups[{g}].criteria[{c}]";
                int before = problems.Count;
                ValidateEventCriterion(criterion, path, problems);
                var bound = new BoundCondition[criterion.EventConditions.Length];
                for (int k = 0; k < bound.Length; k++)
                {
                    bound[k] = BoundCondition.Bind(criterion.EventConditions[k], eventPropertySchema, $"{path}.eventConditions[{k}]", problems)!;
                }

                if (problems.Count == before)
                {
                    criteria.Add(criterion);
                    conditions.Add(bound);
                }
            }
        }

        return problems.Count > 0
            ? new CompilationResult<ActivityAggregator>(null, [.. problems])
            : new CompilationResult<ActivityAggregator>(new ActivityAggregator(criteria.ToImmutable(), [.. conditions], eventPropertySchema), []);
    }

    /// <summary>The previous engine (one scalar pass, account-major counters): kept as a second oracle for tests.</summary>
    internal ActivityCounts AggregateOnePass(ActivityLog log, int accountCount, Instant asOf)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentOutOfRangeException.ThrowIfNegative(accountCount);
        if (!log.PropertySchema.Signals.AsSpan().SequenceEqual(PropertySchema.Signals.AsSpan()))
        {
            throw new ArgumentException("The event log's property schema differs from the one the aggregator was compiled against.", nameof(log));
        }

        int criterionCount = Criteria.Length;
        var counts = new int[criterionCount][];
        var low = new long[criterionCount];
        var high = new long[criterionCount];
        var codes = new int[criterionCount][][];
        var byType = new List<int>[log.EventTypes.Length + 1];
        long asOfMs = asOf.ToUnixTimeMilliseconds();
        int asOfDay = SignalEncoding.ToDayNumber(asOf.InUtc().Date);
        for (int c = 0; c < criterionCount; c++)
        {
            counts[c] = new int[accountCount];
            EventCriterion criterion = Criteria[c];
            low[c] = asOfMs - (criterion.WindowDays * (long)NodaConstants.MillisecondsPerDay);
            high[c] = asOfMs;
            codes[c] = new int[_conditions[c].Length][];
            for (int k = 0; k < _conditions[c].Length; k++)
            {
                BoundCondition condition = _conditions[c][k];
                var buffer = new int[condition.MaxCodes];
                codes[c][k] = buffer[..condition.ResolveCodes(log.Properties, buffer)];
            }

            int type = log.EventTypes.IndexOf(criterion.EventType, StringComparer.Ordinal) + 1;
            if (type > 0)
            {
                (byType[type] ??= []).Add(c);
            }
        }

        var criteriaByType = new int[byType.Length][];
        for (int t = 0; t < byType.Length; t++)
        {
            criteriaByType[t] = byType[t] is { } list ? [.. list] : [];
        }

        // Counts are accumulated interleaved (account-major: one cache line per event however many criteria it
        // feeds), then transposed into one column per criterion.
        int[] interleaved = new int[checked(accountCount * Math.Max(1, criterionCount))];
        Count(log, accountCount, asOfDay, criteriaByType, low, high, codes, interleaved);
        for (int a = 0; a < accountCount; a++)
        {
            int row = a * criterionCount;
            for (int c = 0; c < criterionCount; c++)
            {
                counts[c][a] = interleaved[row + c];
            }
        }

        return new ActivityCounts(accountCount, counts);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Count(ActivityLog log, int accountCount, int asOfDay, int[][] criteriaByType, long[] low, long[] high, int[][][] codes, int[] counts)
    {
        int criterionCount = Criteria.Length;
        long first = long.MaxValue;
        long end = long.MinValue;
        for (int c = 0; c < criterionCount; c++)
        {
            first = Math.Min(first, low[c]);
            end = Math.Max(end, high[c]);
        }

        ReadOnlySpan<int> accounts = log.AccountIndexes;
        ReadOnlySpan<ushort> types = log.TypeCodes;
        ReadOnlySpan<long> occurredAt = log.OccurredAtUnixMilliseconds;
        ColumnTable properties = log.Properties;
        for (int i = 0; i < accounts.Length; i++)
        {
            int[] candidates = criteriaByType[types[i]];
            if (candidates.Length == 0)
            {
                continue;
            }

            int account = accounts[i];
            if ((uint)account >= (uint)accountCount)
            {
                throw new ArgumentException($"Event {i} refers to account {account}, outside [0, {accountCount}).", nameof(log));
            }

            long at = occurredAt[i];
            if (at < first || at >= end)
            {
                continue;
            }

            int row = account * criterionCount;
            foreach (int c in candidates)
            {
                if (at >= low[c] && at < high[c] && AllMatch(_conditions[c], codes[c], properties, i, asOfDay))
                {
                    counts[row + c]++;
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool AllMatch(BoundCondition[] conditions, int[][] codes, ColumnTable properties, int row, int asOfDay)
    {
        for (int k = 0; k < conditions.Length; k++)
        {
            if (!conditions[k].Matches(properties, row, asOfDay, codes[k]))
            {
                return false;
            }
        }

        return true;
    }

    internal static void ValidateEventCriterion(EventCriterion criterion, string path, List<ValidationProblem> problems)
    {
        if (criterion.WindowDays < 0)
        {
            problems.Add(new ValidationProblem(path, "health_score.invalid_window", "The event window must be at least 0 days."));
        }

        if (criterion.Count < 0)
        {
            problems.Add(new ValidationProblem(path, "health_score.invalid_count", "The event count must be at least 0."));
        }

        if (!Enum.IsDefined(criterion.CountOperator))
        {
            problems.Add(new ValidationProblem(path, "health_score.unknown_operator", $"Unknown count operator {criterion.CountOperator}."));
        }
    }
}
