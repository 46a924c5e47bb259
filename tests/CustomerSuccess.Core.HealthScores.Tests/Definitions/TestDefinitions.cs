using System.Collections.Immutable;
using NodaTime;

namespace CustomerSuccess.Core.HealthScores.Tests.Definitions;

/// <summary>Hand-written sample definitions used across the model tests.</summary>
internal static class TestDefinitions
{
    internal static PropertyCriterion Promoter { get; } =
        new("Promoter", 40, [new NumberCondition("nps", NumberOperator.GreaterThanOrEqual, 9)]);

    internal static PropertyCriterion Detractor { get; } =
        new("Detractor", -20, [new NumberCondition("nps", NumberOperator.Between, 0, 6)]);

    internal static EventCriterion RecentMeetings { get; } =
        new("Two meetings in 30 days", 60, "meeting", [new TextCondition("outcome", TextOperator.IsNot, ["cancelled"])], 30, CountOperator.AtLeast, 2);

    internal static ScoreGroup Nps { get; } = new("NPS", ScoreGroupKind.Property, 40, [Promoter, Detractor]);

    internal static ScoreGroup Engagement { get; } = new("Engagement", ScoreGroupKind.Event, 60, [RecentMeetings]);

    internal static HealthScoreDefinition Sample { get; } = new(
        "Customer health",
        "companies",
        ["Enterprise", "Mid-market"],
        [Nps, Engagement],
        StatusThresholds.Default);

    internal static HealthScoreDefinition WithDates { get; } = Sample.AddGroup(new ScoreGroup(
        "Renewal",
        ScoreGroupKind.Property,
        10,
        [
            new PropertyCriterion(
                "Renewal soon and active",
                10,
                [
                    new DateCondition("renewal_date", DateOperator.WithinNextDays, Days: 90),
                    new DateCondition("signed", DateOperator.Before, Date: new LocalDate(2024, 2, 29)),
                    new BooleanCondition("active", true),
                    new TextCondition("tier", TextOperator.IsAnyOf, ["gold", "platinum"]),
                    new TextCondition("churn_reason", TextOperator.IsUnknown, ImmutableArray<string>.Empty),
                ]),
        ]));
}
