using System;
using System.Linq;
using CustomerSuccess.Core.HealthScores.Activity;
using CustomerSuccess.Core.HealthScores.Snapshots;
using NodaTime;

namespace CustomerSuccess.Core.HealthScores.Tests.Events;

public class ActivityAggregatorTests
{
    private static readonly Instant AsOf = Instant.FromUtc(2025, 6, 30, 0, 0);

    private static readonly PortfolioSchema Schema = new(
    [
        new SignalDefinition("escalated", SignalType.Boolean),
        new SignalDefinition("channel", SignalType.Text),
    ]);

    private static ActivityAggregator Aggregator(params EventCriterion[] criteria) =>
        ActivityAggregator.Compile(
            new HealthScoreDefinition("e", "companies", [], [new ScoreGroup("g", ScoreGroupKind.Event, 100, [.. criteria])], StatusThresholds.Default),
            Schema).GetValueOrThrow();

    [Fact]
    [Trait("Rule", "77")]
    public void Aggregate_EventsOnTheWindowEdges_WindowIsHalfOpen()
    {
        ActivityAggregator aggregator = Aggregator(new EventCriterion("logins", 10, "login", [], 7, CountOperator.AtLeast, 1));
        var builder = new ActivityLogBuilder(Schema);
        builder.AddEvent(0, "login", AsOf - Duration.FromDays(7));
        builder.AddEvent(0, "login", AsOf - Duration.FromMilliseconds(1));
        builder.AddEvent(0, "login", AsOf);
        builder.AddEvent(1, "login", AsOf - Duration.FromDays(7) - Duration.FromMilliseconds(1));
        builder.AddEvent(1, "Login", AsOf - Duration.FromDays(1));

        ActivityCounts counts = aggregator.Aggregate(builder.Build(), 2, AsOf);

        Assert.Equal([2, 0], counts.GetCounts(0).ToArray());
    }

    [Fact]
    [Trait("Rule", "81")]
    public void Aggregate_ConditionsMetByDifferentEvents_DoNotCount()
    {
        ActivityAggregator aggregator = Aggregator(new EventCriterion(
            "escalated by phone", -10, "ticket", [new BooleanCondition("escalated", true), new TextCondition("channel", TextOperator.Is, ["phone"])], 30, CountOperator.AtLeast, 1));
        var builder = new ActivityLogBuilder(Schema);
        int a = builder.AddEvent(0, "ticket", AsOf - Duration.FromDays(1));
        builder.SetBoolean(a, 0, true);
        builder.SetText(a, 1, "email");
        int b = builder.AddEvent(0, "ticket", AsOf - Duration.FromDays(2));
        builder.SetBoolean(b, 0, false);
        builder.SetText(b, 1, "phone");
        int c = builder.AddEvent(1, "ticket", AsOf - Duration.FromDays(3));
        builder.SetBoolean(c, 0, true);
        builder.SetText(c, 1, "phone");

        ActivityCounts counts = aggregator.Aggregate(builder.Build(), 2, AsOf);

        Assert.Equal([0, 1], counts.GetCounts(0).ToArray());
    }

    [Fact]
    public void Compile_UnknownEventProperty_ReportsProblemWithPath()
    {
        var definition = new HealthScoreDefinition("e", "companies", [], [new ScoreGroup("g", ScoreGroupKind.Event, 100,
            [new EventCriterion("x", 1, "call", [new NumberCondition("minutes", NumberOperator.GreaterThan, 5)], 7, CountOperator.AtLeast, 1)])], StatusThresholds.Default);

        var result = ActivityAggregator.Compile(definition, Schema);

        ValidationProblem problem = Assert.Single(result.Problems);
        Assert.Equal(("groups[0].criteria[0].eventConditions[0]", "health_score.unknown_property"), (problem.Path, problem.Code));
    }

    [Fact]
    public void Aggregate_TwentyCriteria_CountsEachInItsOwnColumnAcrossPasses()
    {
        EventCriterion[] criteria = Enumerable.Range(0, 20)
            .Select(k => new EventCriterion("c" + k, 1, k % 2 == 0 ? "login" : "ticket", k % 3 == 0 ? [new BooleanCondition("escalated", true)] : [], 1 + k, CountOperator.AtLeast, 1))
            .ToArray();
        ActivityAggregator aggregator = Aggregator(criteria);
        var builder = new ActivityLogBuilder(Schema);
        for (int day = 0; day < 25; day++)
        {
            int e = builder.AddEvent(day % 3, day % 2 == 0 ? "login" : "ticket", AsOf - Duration.FromDays(day) - Duration.FromHours(1));
            builder.SetBoolean(e, 0, day % 4 == 0);
        }

        ActivityLog log = builder.Build();
        ActivityCounts counts = aggregator.Aggregate(log, 3, AsOf);
        ActivityCounts parallel = aggregator.Aggregate(log, 3, AsOf, new ActivityAggregationOptions { MaxDegreeOfParallelism = 2, ParallelThreshold = 0, SegmentSize = 4096 });
        ActivityCounts expected = aggregator.AggregateOnePass(log, 3, AsOf);

        Assert.Equal(20, counts.CriterionCount);
        for (int k = 0; k < 20; k++)
        {
            Assert.Equal(expected.GetCounts(k).ToArray(), counts.GetCounts(k).ToArray());
            Assert.Equal(expected.GetCounts(k).ToArray(), parallel.GetCounts(k).ToArray());
        }

        Assert.True(Enumerable.Range(0, 20).Sum(k => counts.GetCounts(k).ToArray().Sum()) > 0);
    }

    [Fact]
    public void Aggregate_EventOfAnAccountOutsideTheRange_ThrowsArgumentException()
    {
        ActivityAggregator aggregator = Aggregator(new EventCriterion("logins", 10, "login", [], 7, CountOperator.AtLeast, 1));
        var builder = new ActivityLogBuilder(Schema);
        builder.AddEvent(5, "meeting", AsOf - Duration.FromDays(1));

        Assert.Equal("log", Assert.Throws<ArgumentException>(() => aggregator.Aggregate(builder.Build(), 2, AsOf)).ParamName);
    }

    [Fact]
    public void AggregateInto_DestinationWithAnotherNumberOfCriteria_Throws()
    {
        ActivityAggregator aggregator = Aggregator(new EventCriterion("logins", 10, "login", [], 7, CountOperator.AtLeast, 1));
        var log = new ActivityLogBuilder(Schema).Build();
        var two = ActivityCounts.FromColumns(3, [new int[3], new int[3]]);
        var one = ActivityCounts.FromColumns(3, [[4, 5, 6]]);

        Assert.Throws<ArgumentException>(() => aggregator.AggregateInto(log, AsOf, two));
        aggregator.AggregateInto(log, AsOf, one);
        Assert.Equal([0, 0, 0], one.GetCounts(0).ToArray());
    }
}
