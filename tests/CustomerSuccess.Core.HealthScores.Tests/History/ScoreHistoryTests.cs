using System;
using System.Linq;
using CustomerSuccess.Core.HealthScores.History;
using NodaTime;
using static CustomerSuccess.Core.HealthScores.Tests.History.HistoryTestData;

namespace CustomerSuccess.Core.HealthScores.Tests.History;

public class ScoreHistoryTests
{
    [Fact]
    [Trait("Rule", "35")]
    public void Record_StatusChangesAgainstThePreviousRunOfTheSameScore()
    {
        var history = new ScoreHistory();
        Assert.Equal(RunRecordingStatus.Recorded, history.Record(Run(1, Start, Scores(10, 50, 80, 75))).Status);

        var second = history.Record(Run(2, Start + Duration.FromDays(1), Scores(45, 50, 60, 80)));

        Assert.Equal(RunRecordingStatus.Recorded, second.Status);
        var changes = second.Changes;
        Assert.Equal(ScoringRunId.From(1), changes.PreviousRunId);
        Assert.Equal([1L, 3L], changes.AccountIds.ToArray());
        Assert.Equal([HealthStatus.AtRisk, HealthStatus.Healthy], changes.From.ToArray());
        Assert.Equal([HealthStatus.Neutral, HealthStatus.Neutral], changes.To.ToArray());
        Assert.Equal(new StatusChange(1, 501, HealthStatus.AtRisk, HealthStatus.Neutral, 10, 45, new ScoreVersionKey(Score, 1), Start + Duration.FromDays(1)), changes[0]);
        Assert.Equal(503, changes[1].OwnerId);
    }

    [Fact]
    [Trait("Rule", "35")]
    public void Record_TheFirstRunOfAScoreHasNoChanges_AndOtherScoresDoNotCount()
    {
        var history = new ScoreHistory();
        history.Record(Run(1, Start, Scores(10, 90)));
        var other = ScoringRun.Create(ScoringRunId.From(2), new ScoreVersionKey(HealthScoreId.From(2), 1), Start + Duration.FromHours(1), new LocalDate(2026, 1, 15), [1, 2], Scores(90, 10), [HealthStatus.Healthy, HealthStatus.AtRisk], [1, 1], [0, 0], [0], [0, 0]);

        var recorded = history.Record(other);

        Assert.Equal(RunRecordingStatus.Recorded, recorded.Status);
        Assert.Equal(0, recorded.Changes.Count);
        Assert.Null(recorded.Changes.PreviousRunId);
    }

    [Fact]
    public void Record_TheSameRunIdAgain_ChangesNothing()
    {
        var history = new ScoreHistory();
        history.Record(Run(1, Start, Scores(10, 90)));
        history.Record(Run(2, Start + Duration.FromDays(1), Scores(90, 10)));
        var cardBefore = history.GetRecordCard(Score, 1);

        var again = history.Record(Run(2, Start + Duration.FromDays(2), Scores(50, 50)));

        Assert.Equal(RunRecordingStatus.AlreadyRecorded, again.Status);
        Assert.Equal(0, again.Changes.Count);
        Assert.Equal(2, history.RunCount);
        Assert.Equal(ScoringRunId.From(2), history.Latest(Score)!.Id);
        var cardAfter = history.GetRecordCard(Score, 1);
        Assert.Equal(cardBefore.Current, cardAfter.Current);
        Assert.Equal(cardBefore.RecentChanges.ToArray(), cardAfter.RecentChanges.ToArray());
    }

    [Fact]
    public void Record_TwoScoresRunsWithTheSameId_AreBothRecorded()
    {
        // A daily job that names its runs by date scores every active score under the same id.
        var history = new ScoreHistory();
        var other = HealthScoreId.From(2);
        var first = Run(20260302, Start, Scores(80, 30));
        var second = ScoringRun.Create(ScoringRunId.From(20260302), new ScoreVersionKey(other, 1), Start, Start.InUtc().Date, [1, 2], Scores(50, 50), [HealthStatus.Neutral, HealthStatus.Neutral], [1, 1], [0, 0], [7L], [0, 0]);

        Assert.Equal(RunRecordingStatus.Recorded, history.Record(first).Status);
        Assert.Equal(RunRecordingStatus.Recorded, history.Record(second).Status);
        Assert.Equal(RunRecordingStatus.AlreadyRecorded, history.Record(second).Status);

        Assert.Same(second, history.Latest(other));
        Assert.Equal(2, history.RunCount);
        Assert.True(history.Contains(other, ScoringRunId.From(20260302)));
        Assert.False(history.Contains(HealthScoreId.From(3), ScoringRunId.From(20260302)));
        Assert.True(history.Contains(ScoringRunId.From(20260302)));
    }

    [Fact]
    public void AverageOverTime_UpToTheCalendarsLastMonth_DoesNotStepPastIt()
    {
        var history = new ScoreHistory();

        var points = history.AverageOverTime(Score, new YearMonth(9999, 11), new YearMonth(9999, 12), TrendScope.Portfolio);

        Assert.Equal([new YearMonth(9999, 11), new YearMonth(9999, 12)], points.Select(p => p.Month));
    }

    [Fact]
    public void Record_ARunOlderThanTheLatest_IsRefusedAndChangesNothing()
    {
        var history = new ScoreHistory();
        history.Record(Run(2, Start + Duration.FromDays(1), Scores(10)));

        var late = history.Record(Run(1, Start, Scores(90)));

        Assert.Equal(RunRecordingStatus.OutOfOrder, late.Status);
        Assert.False(history.Contains(ScoringRunId.From(1)));
        Assert.Equal(10, history.GetRecordCard(Score, 1).Current!.Score);
    }

    [Fact]
    [Trait("Rule", "35")]
    public void Record_DifferentAccountSetsAndOrders_JoinByAccountId()
    {
        var history = new ScoreHistory();
        history.Record(Run(1, Start, Scores(10, 50, 90), ids: [5, 3, 9]));

        // Account 5 gone, 7 new, 3 and 9 reordered: only accounts scored by both runs can change.
        var changes = history.Record(Run(2, Start + Duration.FromDays(1), Scores(95, 20, 10), ids: [3, 7, 9])).Changes;

        Assert.Equal([3L, 9L], changes.AccountIds.ToArray());
        Assert.Equal([HealthStatus.Neutral, HealthStatus.Healthy], changes.From.ToArray());
        Assert.Equal([HealthStatus.Healthy, HealthStatus.AtRisk], changes.To.ToArray());
    }

    [Fact]
    public void Create_RejectsDuplicateIdsAndBadColumns()
    {
        Assert.Throws<ArgumentException>(() => Run(1, Start, Scores(1, 2), ids: [4, 4]));
        Assert.Throws<ArgumentException>(() => Run(1, Start, Scores(1, 2), ids: [0, 4]));
        Assert.Throws<ArgumentException>(() => ScoringRun.Create(ScoringRunId.From(1), new ScoreVersionKey(Score, 1), Start, default, [1], [101], [HealthStatus.Healthy], [1], [0], [0], [0]));
        Assert.Throws<ArgumentException>(() => ScoringRun.Create(ScoringRunId.From(1), new ScoreVersionKey(Score, 1), Start, default, [1], [50], [HealthStatus.Neutral], [1.5], [0], [0], [0]));
        Assert.Throws<ArgumentException>(() => Run(1, Start, Scores(1), owners: [9]));
        Assert.Throws<ArgumentException>(() => ScoringRun.Create(default, new ScoreVersionKey(Score, 1), Start, default, [1], [1], [HealthStatus.AtRisk], [1], [0], [0], [0]));
    }

    [Fact]
    [Trait("Rule", "85")]
    public void GetRecordCard_CurrentScoreRecentChangesNewestFirstAndMonthlyClosingTrend()
    {
        var history = new ScoreHistory();
        var jan = Instant.FromUtc(2026, 1, 10, 6, 0);
        history.Record(Run(1, jan, Scores(80, 50)));
        history.Record(Run(2, jan + Duration.FromDays(5), Scores(30, 50)));            // account 1: Healthy → At risk
        history.Record(Run(3, Instant.FromUtc(2026, 2, 3, 6, 0), Scores(55, 50)));     // At risk → Neutral; February
        history.Record(Run(4, Instant.FromUtc(2026, 2, 20, 6, 0), Scores(58, 50)));    // no change; February's close

        var card = history.GetRecordCard(Score, 1);

        Assert.Equal(58, card.Current!.Score);
        Assert.Equal(HealthStatus.Neutral, card.Current.Status);
        Assert.Equal(0.75, card.Current.Coverage, 4);
        Assert.Equal([HealthStatus.Neutral, HealthStatus.AtRisk], card.RecentChanges.Select(c => c.To));
        Assert.Equal([new MonthlyScore(new YearMonth(2026, 1), 30, HealthStatus.AtRisk, false), new MonthlyScore(new YearMonth(2026, 2), 58, HealthStatus.Neutral, false)], card.MonthlyTrend.ToArray());
        Assert.Single(history.GetRecordCard(Score, 1, recentChanges: 1).RecentChanges);
        Assert.Null(history.GetRecordCard(Score, 99).Current);
        Assert.Null(history.GetRecordCard(HealthScoreId.From(9), 1).Current);
    }

    [Fact]
    [Trait("Rule", "39")]
    public void AverageOverTime_PerPortfolioOwnerAndSegment_EqualsTheClosingRunsOfEachMonth()
    {
        var random = new Random(7);
        var history = new ScoreHistory();
        var closing = new System.Collections.Generic.Dictionary<YearMonth, ScoringRun>();
        var at = Instant.FromUtc(2024, 1, 1, 0, 0);
        for (int run = 1; run <= 60; run++)
        {
            at += Duration.FromDays(random.Next(5, 20));
            var scores = Enumerable.Range(0, 200).Select(_ => (byte)random.Next(0, 101)).ToArray();
            var r = Run(run, at, scores);
            history.Record(r);
            closing[new YearMonth(at.InUtc().Year, at.InUtc().Month)] = r;
        }

        var from = new YearMonth(2024, 1);
        var to = new YearMonth(2025, 12);
        foreach (var scope in new[] { TrendScope.Portfolio, TrendScope.Owner(502), TrendScope.Segment(1), TrendScope.Owner(999) })
        {
            var points = history.AverageOverTime(Score, from, to, scope);
            Assert.Equal(24, points.Length);
            foreach (var point in points)
            {
                if (!closing.TryGetValue(point.Month, out var run))
                {
                    Assert.Equal(0, point.Accounts);
                    Assert.Null(point.Average);
                    continue;
                }

                var members = Enumerable.Range(0, run.AccountCount).Where(i => scope.Kind switch
                {
                    TrendScopeKind.Portfolio => true,
                    TrendScopeKind.Owner => run.OwnerOf(i) == scope.Value,
                    _ => ((run.SegmentMasks[i] >> (int)scope.Value) & 1) == 1,
                }).ToArray();
                Assert.Equal(members.Length, point.Accounts);
                Assert.Equal(members.Length == 0 ? null : members.Average(i => (double)run.Scores[i]), point.Average);
                Assert.Equal(members.Count(i => run.Statuses[i] == HealthStatus.AtRisk), point.AtRisk);
                Assert.Equal(members.Count(i => run.Statuses[i] == HealthStatus.Healthy), point.Healthy);
            }
        }

        Assert.Throws<ArgumentException>(() => history.AverageOverTime(Score, to, from, TrendScope.Portfolio));
        Assert.Throws<ArgumentOutOfRangeException>(() => history.AverageOverTime(Score, from, to, new TrendScope(TrendScopeKind.Segment, -1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => history.AverageOverTime(Score, from, to, new TrendScope(TrendScopeKind.Segment, 5)));
        Assert.Throws<ArgumentOutOfRangeException>(() => history.AverageOverTime(Score, from, to, new TrendScope((TrendScopeKind)9, 0)));
    }

    [Fact]
    [Trait("Rule", "85")]
    public void MonthlyTrend_UsesTheHistorysZone()
    {
        var history = new ScoreHistory(new ScoreHistoryOptions { Zone = DateTimeZone.ForOffset(Offset.FromHours(2)) });
        history.Record(Run(1, Instant.FromUtc(2026, 1, 31, 23, 0), Scores(20)));   // 1 February 01:00 at +02

        Assert.Equal(new YearMonth(2026, 2), Assert.Single(history.GetRecordCard(Score, 1).MonthlyTrend).Month);
    }
}
