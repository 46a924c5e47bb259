using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Core.HealthScores.Engine;
using CustomerSuccess.Core.HealthScores.Statistics;
using FsCheck.Xunit;
using NodaTime;

namespace CustomerSuccess.Core.HealthScores.Tests.Engine;

/// <summary>Live scores: a portfolio kept scored through its point updates (rule 88: recalculation is triggered by the
/// caller; rule 39: the statistics of a score's portfolio).</summary>
public class LiveScoresProperties
{
    [Property(MaxTest = 200, Arbitrary = new[] { typeof(RescoreArbitraries) })]
    [Trait("Rule", "39")]
    [Trait("Rule", "88")]
    public void LiveScores_AnySequenceOfPointUpdates_EqualFullEvaluationAndReference(RescoreCase r)
    {
        ScoringCase c = r.Case;
        CompiledHealthScore score = c.Compile();
        LiveScores live = score.CreateLiveScores(c.BuildSnapshot(), c.BuildCounts(), c.AsOf);
        var accounts = c.Accounts.Select(a => new ReferenceAccount(new Dictionary<string, object?>(a.Values), [.. a.ActivityCounts], a.Owner, a.SegmentMask)).ToList();
        AssertEqualsFullEvaluation(live, accounts, c);

        foreach (IReadOnlyList<PointUpdate> batch in r.Batches)
        {
            foreach (PointUpdate update in batch)
            {
                Apply(live, update);
                accounts[update.Account] = RescoreProperties.Updated(accounts[update.Account], update);
            }

            int expectedPending = batch.Where(u => u.Property is null || score.Schema.IndexOf(u.Property) is int column && ReadsColumn(score, column))
                .Select(u => u.Account).Distinct().Count();
            Assert.Equal(expectedPending, live.PendingCount);
            PortfolioStatistics statistics = live.Rescore();

            Assert.Equal(0, live.PendingCount);
            Assert.Same(statistics, live.Statistics);
            AssertEqualsFullEvaluation(live, accounts, c);
        }
    }

    [Property(MaxTest = 25, Arbitrary = new[] { typeof(RescoreArbitraries) })]
    [Trait("Rule", "88")]
    public void LiveScores_HundredsOfChangedAccounts_EqualFullEvaluation(LargeRescoreCase r)
    {
        ScoringCase c = r.Case;
        LiveScores live = c.Compile().CreateLiveScores(c.BuildSnapshot(), c.BuildCounts(), c.AsOf);

        foreach (PointUpdate update in r.Updates)
        {
            Apply(live, update);
        }

        live.Rescore();

        var scores = new byte[live.AccountCount];
        var statuses = new HealthStatus[live.AccountCount];
        var fullScores = new byte[live.AccountCount];
        var fullStatuses = new HealthStatus[live.AccountCount];
        live.CopyTo(scores, statuses);
        Assert.Equal(live.Score.Evaluate(live.Snapshot, live.EventCounts, c.AsOf, fullScores, fullStatuses), live.Statistics);
        Assert.Equal(fullScores, scores);
        Assert.Equal(fullStatuses, statuses);
    }

    [Fact]
    public void LiveScores_ChangeToASignalTheScoreDoesNotRead_ChangesTheSnapshotOnly()
    {
        var definition = new HealthScoreDefinition("n1 only", "companies", [], [new ScoreGroup("g", ScoreGroupKind.Property, 100,
            [new PropertyCriterion("n1 high", 60, [new NumberCondition("n1", NumberOperator.GreaterThanOrEqual, 5)])])], StatusThresholds.Default);
        var c = new ScoringCase(definition, ScoringArbitraries.BaseDate, [.. Enumerable.Range(0, 3)
            .Select(i => new ReferenceAccount(new Dictionary<string, object?> { ["n1"] = (double)i }, [], 0, 0))]);
        LiveScores live = c.Compile().CreateLiveScores(c.BuildSnapshot(), null, c.AsOf);
        PortfolioStatistics before = live.Statistics;

        live.SetNumber(1, 1, 9);
        live.SetText(1, 3, "x");

        Assert.Equal(0, live.PendingCount);
        Assert.Same(before, live.Rescore());
        Assert.Equal(9d, live.Snapshot.GetValue(1, 1));
        Assert.Equal("x", live.Snapshot.GetValue(3, 1));

        live.SetNumber(1, 0, 7);
        live.SetNumber(1, 0, 8);

        Assert.Equal(1, live.PendingCount);
        Assert.Equal(0, live.GetScore(1));
        live.Rescore();
        Assert.Equal(60, live.GetScore(1));
        Assert.Equal(HealthStatus.Neutral, live.GetStatus(1));
        // n1 (8) + owner (2) + segment mask, score and status (1 each) = 13, rounded up to 16.
        Assert.Equal(16, live.BytesPerAccount);
    }

    [Fact]
    public void LiveScores_TextWidenedToFourByteCodes_EqualsFullEvaluation()
    {
        var definition = new HealthScoreDefinition("wide", "companies", [], [new ScoreGroup("g", ScoreGroupKind.Property, 100,
        [
            new PropertyCriterion("late value", 40, [new TextCondition("t1", TextOperator.Is, ["w69999"])]),
            new PropertyCriterion("known", 30, [new TextCondition("t1", TextOperator.IsKnown, [])]),
        ])], StatusThresholds.Default);
        var c = new ScoringCase(definition, ScoringArbitraries.BaseDate, [.. Enumerable.Range(0, 40)
            .Select(i => new ReferenceAccount(new Dictionary<string, object?> { ["t1"] = i % 3 == 0 ? null : "a" }, [], i % ScoringCase.OwnerCount, i % 8))]);
        LiveScores live = c.Compile().CreateLiveScores(c.BuildSnapshot(), null, c.AsOf);

        for (int i = 0; i < 70_000; i++)
        {
            live.SetText(i % 40, 3, "w" + i);
        }

        live.Rescore();

        var full = new byte[40];
        Assert.Equal(4, live.Snapshot.GetTextCodeWidth(3));
        Assert.Equal(live.Score.Evaluate(live.Snapshot, null, c.AsOf, full, new HealthStatus[40]), live.Statistics);
        Assert.Equal(70, live.GetScore(69_999 % 40));
        Assert.Equal(30, live.GetScore(0));
    }

    [Fact]
    [Trait("Rule", "88")]
    public void LiveScores_TextValueFirstSeenAfterARescoring_IsMatchedByTheConditionThatNamesIt()
    {
        // The rescoring keeps its binding of the conditions' text values to codes between rescorings: a value the
        // snapshot did not hold when it was bound must still be matched once an update brings it in.
        var definition = new HealthScoreDefinition("late text", "companies", [], [new ScoreGroup("g", ScoreGroupKind.Property, 100,
        [
            new PropertyCriterion("gold", 60, [new TextCondition("t1", TextOperator.Is, ["gold"])]),
            new PropertyCriterion("not silver", 40, [new TextCondition("t1", TextOperator.IsNot, ["silver"])]),
        ])], StatusThresholds.Default);
        var c = new ScoringCase(definition, ScoringArbitraries.BaseDate, [.. Enumerable.Range(0, 10)
            .Select(i => new ReferenceAccount(new Dictionary<string, object?> { ["t1"] = "bronze" }, [], i % ScoringCase.OwnerCount, i % 8))]);
        LiveScores live = c.Compile().CreateLiveScores(c.BuildSnapshot(), null, c.AsOf);
        live.SetText(0, 3, "bronze");
        live.Rescore();
        Assert.Equal(40, live.GetScore(1));

        live.SetText(1, 3, "gold");
        live.SetText(2, 3, "silver");
        live.Rescore();

        Assert.Equal(100, live.GetScore(1));
        Assert.Equal(0, live.GetScore(2));
        Assert.Equal(live.Score.Evaluate(live.Snapshot, null, c.AsOf, new byte[10], new HealthStatus[10]), live.Statistics);
    }

    [Fact]
    public void LiveScores_WrongArguments_Throw()
    {
        var c = new ScoringCase(HealthScoreDefinitionFactory.Empty, ScoringArbitraries.BaseDate,
            [new ReferenceAccount(new Dictionary<string, object?>(), [], 0, 0)]);
        CompiledHealthScore score = c.Compile();
        LiveScores live = score.CreateLiveScores(c.BuildSnapshot(), null, c.AsOf);

        Assert.Throws<ArgumentNullException>(() => score.CreateLiveScores(null!, null, c.AsOf));
        Assert.Throws<ArgumentOutOfRangeException>(() => live.GetScore(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => live.GetStatus(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => live.SetNumber(1, 0, 1));
        Assert.Throws<ArgumentException>(() => live.SetNumber(0, 3, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => live.SetCount(0, 0, 1));
        Assert.Throws<ArgumentException>(() => live.CopyTo(new byte[2], new HealthStatus[1]));
        Assert.Equal(0, live.PendingCount);
    }

    [Fact]
    public void CreateLiveScores_EventCriteriaWithoutCounts_Throws()
    {
        var definition = new HealthScoreDefinition("events", "companies", [], [new ScoreGroup("e", ScoreGroupKind.Event, 50,
            [new EventCriterion("logins", 50, "login", [], 30, CountOperator.AtLeast, 1)])], StatusThresholds.Default);
        var c = new ScoringCase(definition, ScoringArbitraries.BaseDate, [new ReferenceAccount(new Dictionary<string, object?>(), [0], 0, 0)]);
        CompiledHealthScore score = c.Compile();

        Assert.Throws<ArgumentException>(() => score.CreateLiveScores(c.BuildSnapshot(), null, c.AsOf));
        LiveScores live = score.CreateLiveScores(c.BuildSnapshot(), c.BuildCounts(), c.AsOf);
        Assert.Throws<ArgumentOutOfRangeException>(() => live.SetCount(0, 0, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => live.SetCount(1, 0, 1));
        live.SetCount(0, 0, 3);
        live.Rescore();
        Assert.Equal(50, live.GetScore(0));
        Assert.Equal(3, live.EventCounts!.GetCounts(0)[0]);
    }

    private static bool ReadsColumn(CompiledHealthScore score, int column) =>
        score.Version.Definition.Groups.SelectMany(g => g.Criteria).OfType<PropertyCriterion>()
            .SelectMany(p => p.Conditions).Any(condition => score.Schema.IndexOf(condition.Property) == column);

    private static void Apply(LiveScores live, PointUpdate update)
    {
        if (update.Property is null)
        {
            live.SetCount(update.Criterion, update.Account, update.Count);
            return;
        }

        int column = ScoringCase.Schema.IndexOf(update.Property);
        switch (ScoringCase.Schema.Signals[column].Type)
        {
            case SignalType.Number: live.SetNumber(update.Account, column, (double?)update.Value); break;
            case SignalType.Text: live.SetText(update.Account, column, (string?)update.Value); break;
            case SignalType.Date: live.SetDate(update.Account, column, (LocalDate?)update.Value); break;
            default: live.SetBoolean(update.Account, column, (bool?)update.Value); break;
        }
    }

    private static void AssertEqualsFullEvaluation(LiveScores live, List<ReferenceAccount> accounts, ScoringCase c)
    {
        int n = live.AccountCount;
        var scores = new byte[n];
        var statuses = new HealthStatus[n];
        var fullScores = new byte[n];
        var fullStatuses = new HealthStatus[n];
        live.CopyTo(scores, statuses);
        PortfolioStatistics full = live.Score.Evaluate(live.Snapshot, live.EventCounts, c.AsOf, fullScores, fullStatuses);
        Assert.Equal(fullScores, scores);
        Assert.Equal(fullStatuses, statuses);
        Assert.Equal(full, live.Statistics);
        Assert.Equal(scores, Enumerable.Range(0, n).Select(live.GetScore));
        Assert.Equal(statuses, Enumerable.Range(0, n).Select(live.GetStatus));
        var expected = accounts.Select(a => ReferenceEvaluator.Evaluate(c.Definition, a, c.AsOf)).ToList();
        Assert.Equal(expected.Select(e => (byte)e.Score), scores);
        Assert.Equal(expected.Select(e => e.Status), statuses);
    }
}
