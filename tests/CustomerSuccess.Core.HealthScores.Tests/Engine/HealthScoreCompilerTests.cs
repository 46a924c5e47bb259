using System;
using System.Linq;
using CustomerSuccess.Core.HealthScores.Engine;
using CustomerSuccess.Core.HealthScores.Activity;
using CustomerSuccess.Core.HealthScores.Explanations;
using CustomerSuccess.Core.HealthScores.Snapshots;
using NodaTime;

namespace CustomerSuccess.Core.HealthScores.Tests.Engine;

public class HealthScoreCompilerTests
{
    private static readonly LocalDate AsOf = new(2025, 6, 30);

    private static readonly PortfolioSchema Schema = new(
    [
        new SignalDefinition("nps", SignalType.Number),
        new SignalDefinition("tier", SignalType.Text),
        new SignalDefinition("last_login", SignalType.Date),
        new SignalDefinition("sponsor", SignalType.Boolean),
    ]);

    private static ScoreVersion Version(params ScoreGroup[] groups) =>
        new(HealthScoreId.From(11), 4, Instant.FromUtc(2025, 6, 1, 0, 0), new HealthScoreDefinition("t", "companies", [], [.. groups], StatusThresholds.Default));

    private static PortfolioSnapshot Snapshot(double? nps, string? tier, LocalDate? lastLogin, bool? sponsor)
    {
        var builder = new PortfolioSnapshotBuilder(Schema);
        int row = builder.AddAccount();
        builder.SetNumber(row, 0, nps);
        builder.SetText(row, 1, tier);
        builder.SetDate(row, 2, lastLogin);
        builder.SetBoolean(row, 3, sponsor);
        return builder.Build();
    }

    [Fact]
    public void Compile_UnknownPropertyAndTypeMismatch_ReportsProblemsWithPaths()
    {
        ScoreVersion version = Version(new ScoreGroup("g", ScoreGroupKind.Property, 100,
        [
            new PropertyCriterion("ok", 5, [new NumberCondition("nps", NumberOperator.GreaterThan, 8)]),
            new PropertyCriterion("bad", 5,
            [
                new NumberCondition("nps", NumberOperator.GreaterThan, 8),
                new NumberCondition("missing", NumberOperator.GreaterThan, 1),
                new TextCondition("nps", TextOperator.Is, ["x"]),
            ]),
        ]));

        CompilationResult<CompiledHealthScore> result = HealthScoreCompiler.Compile(version, Schema);

        Assert.False(result.IsSuccess);
        Assert.Collection(
            result.Problems,
            p => Assert.Equal(("groups[0].criteria[1].conditions[1]", "health_score.unknown_property"), (p.Path, p.Code)),
            p => Assert.Equal(("groups[0].criteria[1].conditions[2]", "health_score.operator_type_mismatch"), (p.Path, p.Code)));
        Assert.Throws<InvalidOperationException>(() => result.GetValueOrThrow());
    }

    [Fact]
    [Trait("Rule", "77")]
    public void Compile_InvalidEventCriterion_ReportsProblem()
    {
        ScoreVersion version = Version(new ScoreGroup("e", ScoreGroupKind.Event, 100,
            [new EventCriterion("neg", 5, "login", [], -1, CountOperator.AtLeast, 1)]));

        CompilationResult<CompiledHealthScore> result = HealthScoreCompiler.Compile(version, Schema);

        Assert.Equal("health_score.invalid_window", Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void Evaluate_TextValueNotInDictionary_CompilesAndNeverMatches()
    {
        ScoreVersion version = Version(new ScoreGroup("g", ScoreGroupKind.Property, 100,
        [
            new PropertyCriterion("platinum", 50, [new TextCondition("tier", TextOperator.Is, ["platinum"])]),
            new PropertyCriterion("not platinum", 30, [new TextCondition("tier", TextOperator.IsNot, ["platinum"])]),
        ]));
        CompiledHealthScore score = HealthScoreCompiler.Compile(version, Schema).GetValueOrThrow();

        Assert.Equal(30, score.ScoreAccount(Snapshot(null, "gold", null, null), null, AsOf, 0).Score);
        Assert.Equal(0, score.ScoreAccount(Snapshot(null, null, null, null), null, AsOf, 0).Score);
    }

    [Fact]
    [Trait("Rule", "79")]
    [Trait("Rule", "80")]
    [Trait("Rule", "81")]
    [Trait("Rule", "84")]
    [Trait("Rule", "86")]
    public void Explain_OneAccount_ShowsInputsMatchesRawAndClampedPointsStatusAndCoverage()
    {
        ScoreVersion version = Version(
            new ScoreGroup("Sentiment", ScoreGroupKind.Property, 40,
            [
                new PropertyCriterion("promoter with sponsor", 30, [new NumberCondition("nps", NumberOperator.GreaterThanOrEqual, 9), new BooleanCondition("sponsor", true)]),
                new PropertyCriterion("recent login", 25, [new DateCondition("last_login", DateOperator.WithinLastDays, 7)]),
                new PropertyCriterion("gold", -10, [new TextCondition("tier", TextOperator.Is, ["gold"])]),
            ]),
            new ScoreGroup("Usage", ScoreGroupKind.Event, 60,
            [
                new EventCriterion("logins", 20, "login", [], 30, CountOperator.AtLeast, 5),
                new EventCriterion("no tickets", -30, "ticket", [], 30, CountOperator.Exactly, 0),
            ]));
        CompiledHealthScore score = HealthScoreCompiler.Compile(version, Schema).GetValueOrThrow();
        PortfolioSnapshot snapshot = Snapshot(9, null, AsOf.PlusDays(-7), true);
        ActivityCounts counts = ActivityCounts.FromColumns(1, [[5], [0]]);

        HealthScoreExplanation e = score.Explain(snapshot, counts, AsOf, 0);

        Assert.Equal((HealthScoreId.From(11), 4), (e.ScoreId, e.VersionNumber));
        GroupExplanation sentiment = e.Groups[0];
        Assert.Equal((55, 40, 2), (sentiment.RawPoints, sentiment.Points, sentiment.CoveredCriteria));
        Assert.Equal([true, true, false], sentiment.Criteria.Select(c => c.Matched));
        Assert.Equal([9d, (object)true], sentiment.Criteria[0].Conditions.Select(c => c.Value!));
        Assert.Null(sentiment.Criteria[2].Conditions[0].Value);
        Assert.False(sentiment.Criteria[2].InputsPresent);
        GroupExplanation usage = e.Groups[1];
        Assert.Equal((-10, 0), (usage.RawPoints, usage.Points));
        Assert.Equal([5, 0], usage.Criteria.Select(c => c.EventCount!.Value));
        Assert.Equal(40, e.Score);
        Assert.Equal(HealthStatus.Neutral, e.Status);

        // Coverage: Sentiment 40 × 2/3 + Usage 60 × 2/2, over 100.
        Assert.Equal(((40d * 2 / 3) + 60d) / 100, e.Coverage);
        var coverage = new double[1];
        score.EvaluateRange(snapshot, counts, AsOf, 0, new byte[1], new HealthStatus[1], coverage);
        Assert.Equal(e.Coverage, coverage[0]);
    }

    [Fact]
    public void Evaluate_InputsNotMatchingTheCompiledScore_Throw()
    {
        ScoreVersion version = Version(new ScoreGroup("e", ScoreGroupKind.Event, 100, [new EventCriterion("l", 5, "login", [], 7, CountOperator.AtLeast, 1)]));
        CompiledHealthScore score = HealthScoreCompiler.Compile(version, Schema).GetValueOrThrow();
        PortfolioSnapshot snapshot = Snapshot(1, null, null, null);
        PortfolioSnapshot other = new PortfolioSnapshotBuilder(new PortfolioSchema([new SignalDefinition("x", SignalType.Number)])).Build();

        Assert.Throws<ArgumentException>(() => score.Evaluate(snapshot, null, AsOf, new byte[1], new HealthStatus[1]));
        Assert.Throws<ArgumentException>(() => score.Evaluate(snapshot, ActivityCounts.FromColumns(1, []), AsOf, new byte[1], new HealthStatus[1]));
        Assert.Throws<ArgumentException>(() => score.Evaluate(other, ActivityCounts.FromColumns(0, [[]]), AsOf, [], []));
        Assert.Throws<ArgumentException>(() => score.Evaluate(snapshot, ActivityCounts.FromColumns(1, [[1]]), AsOf, new byte[2], new HealthStatus[2]));
        Assert.Throws<ArgumentException>(() => score.Evaluate(snapshot, ActivityCounts.FromColumns(1, [[1]]), AsOf, [], []));
        Assert.Throws<ArgumentOutOfRangeException>(() => score.EvaluateRange(snapshot, ActivityCounts.FromColumns(1, [[1]]), AsOf, 0, new byte[2], new HealthStatus[2], []));
        Assert.Throws<ArgumentException>(() => score.Evaluate(snapshot, ActivityCounts.FromColumns(1, [[1]]), AsOf, new byte[1], Array.Empty<HealthStatus>()));
    }

    [Fact]
    public void Evaluate_AllocationPerEvaluation_IndependentOfAccountCountAndBelow4KiB()
    {
        ScoreVersion version = Version(new ScoreGroup("g", ScoreGroupKind.Property, 100,
        [
            new PropertyCriterion("a", 50, [new NumberCondition("nps", NumberOperator.GreaterThanOrEqual, 9)]),
            new PropertyCriterion("b", 30, [new TextCondition("tier", TextOperator.IsAnyOf, ["gold", "silver"]), new BooleanCondition("sponsor", true)]),
            new PropertyCriterion("c", 20, [new DateCondition("last_login", DateOperator.WithinLastDays, 7)]),
        ]));
        CompiledHealthScore score = HealthScoreCompiler.Compile(version, Schema).GetValueOrThrow();
        long small = Allocated(score, 1_000);
        long large = Allocated(score, 200_000);

        Assert.Equal(small, large);
        Assert.InRange(large, 0, 4096);
    }

    private static long Allocated(CompiledHealthScore score, int n)
    {
        var builder = new PortfolioSnapshotBuilder(Schema, capacity: n);
        for (int i = 0; i < n; i++)
        {
            int row = builder.AddAccount();
            builder.SetNumber(row, 0, i % 11);
            builder.SetText(row, 1, (i % 3) switch { 0 => "gold", 1 => "silver", _ => null });
            builder.SetDate(row, 2, AsOf.PlusDays(-(i % 10)));
            builder.SetBoolean(row, 3, i % 2 == 0);
        }

        PortfolioSnapshot snapshot = builder.Build();
        var scores = new byte[n];
        var statuses = new HealthStatus[n];
        var coverage = new double[n];
        for (int warm = 0; warm < 3; warm++)
        {
            score.EvaluateRange(snapshot, null, AsOf, 0, scores, statuses, coverage);
        }

        // The least of five evaluations: a garbage collection may trim the shared array pool between two calls, and
        // the next call then allocates the buffers it rents again (the pool's cost, not the evaluation's).
        long least = long.MaxValue;
        for (int run = 0; run < 5; run++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            score.EvaluateRange(snapshot, null, AsOf, 0, scores, statuses, coverage);
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return least;
    }
}
