using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Core.HealthScores.Activity;
using CustomerSuccess.Core.HealthScores.Snapshots;
using CustomerSuccess.Core.HealthScores.Tests.Engine;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace CustomerSuccess.Core.HealthScores.Tests.Events;

public sealed record ReferenceEvent(int Account, string Type, Instant OccurredAt, IReadOnlyDictionary<string, object?> Properties);

public sealed record EventCase(HealthScoreDefinition Definition, Instant AsOf, int AccountCount, IReadOnlyList<ReferenceEvent> Events)
{
    public static readonly PortfolioSchema PropertySchema = new(
    [
        new SignalDefinition("escalated", SignalType.Boolean),
        new SignalDefinition("channel", SignalType.Text),
        new SignalDefinition("minutes", SignalType.Number),
        new SignalDefinition("due", SignalType.Date),
    ]);

    public ActivityLog BuildLog()
    {
        var builder = new ActivityLogBuilder(PropertySchema, Events.Count);
        foreach (ReferenceEvent e in Events)
        {
            int row = builder.AddEvent(e.Account, e.Type, e.OccurredAt);
            builder.SetBoolean(row, 0, (bool?)e.Properties["escalated"]);
            builder.SetText(row, 1, (string?)e.Properties["channel"]);
            builder.SetNumber(row, 2, (double?)e.Properties["minutes"]);
            builder.SetDate(row, 3, (LocalDate?)e.Properties["due"]);
        }

        return builder.Build();
    }

    public override string ToString() => $"AsOf {AsOf}, {AccountCount} accounts, {Events.Count} events, {string.Join(" | ", Definition.Groups.SelectMany(g => g.Criteria))}";
}

public static class EventArbitraries
{
    private static readonly Instant AsOf = Instant.FromUtc(2025, 6, 30, 12, 0);
    private static readonly LocalDate AsOfDate = AsOf.InUtc().Date;

    public static Arbitrary<EventCase> EventCase() => Arb.From(CaseGen());

    public static Gen<EventCase> CaseGen() =>
        from criteria in CriterionGen().ArrayOf().Select(a => a.Take(6).ToArray())
        from accounts in Gen.Choose(1, 8)
        from size in Gen.Sized(s => Gen.Choose(0, Math.Min(120, 5 + (s * 3))))
        from events in EventGen(accounts, criteria).ArrayOf(size)
        select new EventCase(
            new HealthScoreDefinition("events", "companies", [], [new ScoreGroup("e", ScoreGroupKind.Event, 100, [.. criteria])], StatusThresholds.Default),
            AsOf,
            accounts,
            events);

    private static Gen<Criterion> CriterionGen() =>
        from type in Gen.Elements("login", "ticket", "meeting", "never")
        from window in Gen.Choose(0, 40)
        from conditions in Gen.OneOf(
            Gen.Constant<Condition>(new BooleanCondition("escalated", true)),
            Gen.Elements("email", "phone", "chat", "zz").Select(v => (Condition)new TextCondition("channel", TextOperator.Is, [v])),
            Gen.Elements(TextOperator.IsKnown, TextOperator.IsUnknown).Select(op => (Condition)new TextCondition("channel", op, [])),
            Gen.Elements(5d, 10d, 30d).Select(v => (Condition)new NumberCondition("minutes", NumberOperator.GreaterThanOrEqual, v)),
            Gen.Choose(0, 10).Select(d => (Condition)new DateCondition("due", DateOperator.WithinNextDays, d))).ArrayOf().Select(a => a.Take(3).ToArray())
        from op in Gen.Elements(Enum.GetValues<CountOperator>())
        from count in Gen.Choose(0, 3)
        select (Criterion)new EventCriterion("c", 10, type, [.. conditions], window, op, count);

    private static Gen<ReferenceEvent> EventGen(int accounts, Criterion[] criteria) =>
        from account in Gen.Choose(0, accounts - 1)
        from type in Gen.Elements("login", "ticket", "meeting")
        from at in TimeGen(criteria)
        from escalated in Gen.Elements<object?>(null, true, false)
        from channel in Gen.Elements<object?>(null, "email", "phone", "chat")
        from minutes in Gen.Elements<object?>(null, 5d, 10d, 29.5d, 30d)
        from due in Gen.Frequency((1, Gen.Constant<object?>(null)), (3, Gen.Choose(-3, 12).Select(d => (object?)AsOfDate.PlusDays(d))))
        select new ReferenceEvent(account, type, at, new Dictionary<string, object?>
        {
            ["escalated"] = escalated, ["channel"] = channel, ["minutes"] = minutes, ["due"] = due,
        });

    /// <summary>Times spread over ±45 days, with many exactly on a window's edges (asOf and asOf − WindowDays × 24 h) or 1 ms off.</summary>
    private static Gen<Instant> TimeGen(Criterion[] criteria)
    {
        long[] windows = criteria.OfType<EventCriterion>().Select(c => (long)c.WindowDays).DefaultIfEmpty(7).ToArray();
        return Gen.Frequency(
            (2, Gen.Choose(-45 * 24, 45 * 24).Select(h => AsOf.Plus(Duration.FromHours(h)))),
            (1, from w in Gen.Elements(windows)
                from shift in Gen.Elements(-1L, 0L, 1L)
                select AsOf.Minus(Duration.FromDays(w)).Plus(Duration.FromMilliseconds(shift))),
            (1, Gen.Elements(-1L, 0L, 1L).Select(shift => AsOf.Plus(Duration.FromMilliseconds(shift)))));
    }
}

public class ActivityAggregatorProperties
{
    [Property(MaxTest = 200, Arbitrary = new[] { typeof(EventArbitraries) })]
    [Trait("Rule", "71")]
    [Trait("Rule", "77")]
    [Trait("Rule", "81")]
    public void Aggregate_GeneratedLogs_EqualsNaiveLinqCount(EventCase c)
    {
        ActivityAggregator aggregator = ActivityAggregator.Compile(c.Definition, EventCase.PropertySchema).GetValueOrThrow();
        ActivityCounts counts = aggregator.Aggregate(c.BuildLog(), c.AccountCount, c.AsOf);
        LocalDate asOfDate = c.AsOf.InUtc().Date;
        Assert.Equal(aggregator.Criteria.Length, counts.CriterionCount);
        for (int k = 0; k < aggregator.Criteria.Length; k++)
        {
            EventCriterion criterion = aggregator.Criteria[k];
            Instant from = c.AsOf - Duration.FromDays(criterion.WindowDays);
            for (int a = 0; a < c.AccountCount; a++)
            {
                int expected = c.Events.Count(e =>
                    e.Account == a
                    && e.Type == criterion.EventType
                    && e.OccurredAt >= from
                    && e.OccurredAt < c.AsOf
                    && criterion.EventConditions.All(cond => ReferenceEvaluator.ConditionMatches(cond, e.Properties[cond.Property], asOfDate)));
                Assert.Equal(expected, counts.GetCounts(k)[a]);
            }
        }
    }

    [Property(MaxTest = 150, Arbitrary = new[] { typeof(EventArbitraries) })]
    [Trait("Rule", "77")]
    public void Aggregate_AnyThreadsSegmentsAndPartitions_EqualsPreviousOnePassEngine(EventCase c, PositiveInt spread, PositiveInt copies)
    {
        // Spread the accounts over several partitions (≥ 1,024 accounts each) and repeat the events so that segments split them.
        int stride = 1 + (spread.Get % 1500);
        int repeat = 1 + (copies.Get % 40);
        var events = Enumerable.Range(0, repeat).SelectMany(k => c.Events.Select(e => e with { Account = (e.Account * stride) + (k % stride) })).ToList();
        var wide = c with { AccountCount = c.AccountCount * stride, Events = events };
        ActivityAggregator aggregator = ActivityAggregator.Compile(wide.Definition, EventCase.PropertySchema).GetValueOrThrow();
        ActivityLog log = wide.BuildLog();

        ActivityCounts expected = aggregator.AggregateOnePass(log, wide.AccountCount, wide.AsOf);
        ActivityCounts single = aggregator.Aggregate(log, wide.AccountCount, wide.AsOf);
        ActivityCounts parallel = aggregator.Aggregate(log, wide.AccountCount, wide.AsOf, new ActivityAggregationOptions { MaxDegreeOfParallelism = 3, ParallelThreshold = 0, SegmentSize = 4096 });
        var stale = ActivityCounts.FromColumns(wide.AccountCount, Enumerable.Range(0, aggregator.Criteria.Length).Select(_ => Enumerable.Repeat(7, wide.AccountCount).ToArray()).ToArray());
        aggregator.AggregateInto(log, wide.AsOf, stale, new ActivityAggregationOptions { MaxDegreeOfParallelism = 2, ParallelThreshold = 0, SegmentSize = 8192 });
        for (int k = 0; k < aggregator.Criteria.Length; k++)
        {
            Assert.Equal(expected.GetCounts(k).ToArray(), single.GetCounts(k).ToArray());
            Assert.Equal(expected.GetCounts(k).ToArray(), parallel.GetCounts(k).ToArray());
            Assert.Equal(expected.GetCounts(k).ToArray(), stale.GetCounts(k).ToArray());
        }
    }
}
