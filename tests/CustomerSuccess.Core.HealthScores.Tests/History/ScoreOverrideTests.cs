using System;
using System.Linq;
using CustomerSuccess.Core.HealthScores.History;
using CustomerSuccess.Core.HealthScores.Tests.Definitions;
using NodaTime;
using static CustomerSuccess.Core.HealthScores.Tests.History.HistoryTestData;

namespace CustomerSuccess.Core.HealthScores.Tests.History;

public class ScoreOverrideTests
{
    private static ScoreOverride Override(long account, int? score, HealthStatus? status, Instant from, Duration lasts) =>
        new(account, Score, score, status, "  Exec sponsor left; renewal at risk  ", 77, from, from + lasts);

    [Fact]
    [Trait("Rule", "84")]
    public void WithOverrides_TheOverrideWins_AndTheComputedValuesAreKept()
    {
        var run = Run(1, Start, Scores(80, 50, 20));
        var o = Override(1, null, HealthStatus.AtRisk, Start - Duration.FromDays(1), Duration.FromDays(30));
        var scoreOnly = Override(3, 75, null, Start - Duration.FromDays(1), Duration.FromDays(30));

        var applied = run.WithOverrides([o, scoreOnly], StatusThresholds.Default);

        Assert.Equal([80, 50, 75], applied.Scores.ToArray().Select(s => (int)s));
        Assert.Equal([HealthStatus.AtRisk, HealthStatus.Neutral, HealthStatus.Healthy], applied.Statuses.ToArray());
        Assert.Equal(new AppliedOverride(0, 80, HealthStatus.Healthy, o), applied.OverrideAt(0));
        Assert.Equal(new AppliedOverride(2, 20, HealthStatus.AtRisk, scoreOnly), applied.OverrideAt(2));
        Assert.Null(applied.OverrideAt(1));
        Assert.Equal("Exec sponsor left; renewal at risk", o.Reason);
        Assert.Equal([80, 50, 20], run.Scores.ToArray().Select(s => (int)s));
    }

    [Fact]
    [Trait("Rule", "84")]
    public void WithOverrides_TheRunsVersion_GivesTheThresholds_AndAnotherVersionIsRefused()
    {
        var run = Run(1, Start, Scores(80, 20));
        var scoreOnly = Override(2, 55, null, Start - Duration.FromDays(1), Duration.FromDays(30));
        var strict = TestDefinitions.Sample with { Thresholds = new StatusThresholds(60, 90) };

        var applied = run.WithOverrides([scoreOnly], new ScoreVersion(Score, 1, Start, strict));

        Assert.Equal(HealthStatus.AtRisk, applied.Statuses[1]);
        Assert.Throws<ArgumentException>(() => run.WithOverrides([scoreOnly], new ScoreVersion(Score, 2, Start, strict)));
        Assert.Throws<ArgumentNullException>(() => run.WithOverrides([scoreOnly], default(ScoreVersion)!));
    }

    [Fact]
    public void WithOverrides_ExpiredNotYetValidOrOtherScore_DoNotApply()
    {
        var run = Run(1, Start, Scores(80));
        var expired = Override(1, 10, null, Start - Duration.FromDays(10), Duration.FromDays(10));   // ends exactly at Start (half-open)
        var future = Override(1, 10, null, Start + Duration.FromSeconds(1), Duration.FromDays(1));
        var other = new ScoreOverride(1, HealthScoreId.From(2), 10, null, "r", 77, Start, Start + Duration.FromDays(1));

        Assert.Same(run, run.WithOverrides([expired, future, other], StatusThresholds.Default));
    }

    [Fact]
    [Trait("Rule", "85")]
    public void ScoringRuns_NeverOverwriteAnOverride_AndItAppearsInTheCardAndTrend()
    {
        var history = new ScoreHistory();
        var o = Override(1, 15, null, Start, Duration.FromDays(40));
        history.Record(Run(1, Start, Scores(80, 50)).WithOverrides([o], StatusThresholds.Default));

        // The next run computes 90 for account 1: the override still wins, so there is no status change to alert on.
        var next = history.Record(Run(2, Start + Duration.FromDays(1), Scores(90, 50)).WithOverrides([o], StatusThresholds.Default));

        Assert.Equal(0, next.Changes.Count);
        var card = history.GetRecordCard(Score, 1);
        Assert.Equal(15, card.Current!.Score);
        Assert.Equal(90, card.Current.Override!.ComputedScore);
        Assert.Equal(77, card.Current.Override.Override.AuthorId);
        Assert.True(card.MonthlyTrend.Single().Overridden);
        Assert.Equal(1, history.AverageOverTime(Score, new YearMonth(2026, 1), new YearMonth(2026, 1), TrendScope.Portfolio)[0].Overridden);
    }

    [Fact]
    public void Constructor_RejectsIncompleteOverrides()
    {
        Assert.Throws<ArgumentException>(() => Override(1, null, null, Start, Duration.FromDays(1)));
        Assert.Throws<ArgumentException>(() => new ScoreOverride(1, Score, 5, null, "   ", 7, Start, Start + Duration.FromDays(1)));
        Assert.Throws<ArgumentException>(() => Override(1, 5, null, Start, Duration.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => Override(1, 101, null, Start, Duration.FromDays(1)));
        Assert.Throws<ArgumentException>(() => Run(1, Start, Scores(1)).WithOverrides([Override(1, 5, null, Start, Duration.FromDays(1)), Override(1, 6, null, Start, Duration.FromDays(1))], StatusThresholds.Default));
    }
}
