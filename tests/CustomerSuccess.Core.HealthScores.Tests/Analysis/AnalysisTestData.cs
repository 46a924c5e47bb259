using System;
using CustomerSuccess.Core.HealthScores.Activity;
using CustomerSuccess.Core.HealthScores.Engine;
using CustomerSuccess.Core.HealthScores.Snapshots;
using NodaTime;

namespace CustomerSuccess.Core.HealthScores.Tests.Analysis;

/// <summary>A small portfolio (nps, tier) with logins in an activity log, and two versions of one score.</summary>
internal static class AnalysisTestData
{
    public static readonly HealthScoreId Score = HealthScoreId.From(5);
    public static readonly PortfolioSchema Schema = new([new SignalDefinition("nps", SignalType.Number), new SignalDefinition("tier", SignalType.Text)]);
    public static readonly PortfolioSchema EventSchema = new([]);
    public static readonly Instant AsOf = Instant.FromUtc(2026, 6, 30, 12, 0);

    public static ScoreVersion V1 { get; } = Version(1, npsPoints: 50, tierPoints: 30, loginPoints: 20, loginCount: 3);

    /// <summary>Version 2 changes the login threshold and the tier cap: definition changes.</summary>
    public static ScoreVersion V2 { get; } = Version(2, npsPoints: 50, tierPoints: 20, loginPoints: 30, loginCount: 5);

    public static ScoreVersion Version(int number, int npsPoints, int tierPoints, int loginPoints, int loginCount) =>
        new(Score, number, AsOf - Duration.FromDays(100), new HealthScoreDefinition("health", "companies", [],
        [
            new ScoreGroup("Sentiment", ScoreGroupKind.Property, npsPoints,
            [
                new PropertyCriterion("promoter", npsPoints, [new NumberCondition("nps", NumberOperator.GreaterThanOrEqual, 9)]),
                new PropertyCriterion("passive", npsPoints / 2, [new NumberCondition("nps", NumberOperator.Between, 7, 8)]),
            ]),
            new ScoreGroup("Tier", ScoreGroupKind.Property, tierPoints, [new PropertyCriterion("gold", tierPoints, [new TextCondition("tier", TextOperator.Is, ["gold"])])]),
            new ScoreGroup("Usage", ScoreGroupKind.Event, loginPoints, [new EventCriterion("active", loginPoints, "login", [], 30, CountOperator.AtLeast, loginCount)]),
        ], StatusThresholds.Default));

    /// <summary>Accounts with a random nps (some missing) and tier, and logins spread over 90 days before <see cref="AsOf"/>.</summary>
    public static (PortfolioSnapshot Snapshot, ActivityLog Log) Portfolio(int accounts, int seed)
    {
        var random = new Random(seed);
        var builder = new PortfolioSnapshotBuilder(Schema, ownerCount: 4);
        var log = new ActivityLogBuilder(EventSchema);
        for (int i = 0; i < accounts; i++)
        {
            int row = builder.AddAccount((ushort)random.Next(0, 4), 0);
            builder.SetNumber(row, 0, random.Next(0, 5) == 0 ? null : random.Next(0, 11));
            builder.SetText(row, 1, random.Next(0, 3) == 0 ? "gold" : "silver");
            int logins = random.Next(0, 12);
            for (int e = 0; e < logins; e++)
            {
                log.AddEvent(row, "login", AsOf - Duration.FromHours(random.Next(0, 90 * 24)));
            }
        }

        return (builder.Build(), log.Build());
    }

    public static CompiledHealthScore Compile(ScoreVersion version) => HealthScoreCompiler.Compile(version, Schema).GetValueOrThrow();

    public static ActivityCounts Counts(ScoreVersion version, ActivityLog log, int accounts, Instant asOf) =>
        ActivityAggregator.Compile(version.Definition, EventSchema).GetValueOrThrow().Aggregate(log, accounts, asOf);
}
