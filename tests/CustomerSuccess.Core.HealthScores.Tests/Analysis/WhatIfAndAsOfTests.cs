using System;
using System.Collections.Immutable;
using System.Linq;
using CustomerSuccess.Core.HealthScores.Analysis;
using CustomerSuccess.Core.HealthScores.Explanations;
using CustomerSuccess.Core.HealthScores.History;
using NodaTime;
using static CustomerSuccess.Core.HealthScores.Tests.Analysis.AnalysisTestData;

namespace CustomerSuccess.Core.HealthScores.Tests.Analysis;

public class WhatIfAndAsOfTests
{
    [Fact]
    public void WhatIf_ADefinitionAgainstItself_ShowsNoChange()
    {
        var (snapshot, log) = Portfolio(500, 1);
        var counts = Counts(V1, log, 500, AsOf);

        var report = WhatIf.Compare(Compile(V1), Compile(V1), snapshot, counts, counts, AsOf.InUtc().Date);

        Assert.Equal(500, report.Accounts);
        Assert.Equal(0, report.AverageChange);
        Assert.Equal(0, report.Alerts);
        Assert.Empty(report.TopMovers);
        foreach (var from in Enum.GetValues<HealthStatus>())
        {
            foreach (var to in Enum.GetValues<HealthStatus>())
            {
                Assert.True(from == to || report.Count(from, to) == 0);
            }
        }

        Assert.Equal(500, report.Transitions.Sum());
    }

    [Fact]
    [Trait("Rule", "35")]
    public void WhatIf_ADraft_ReportsTheMatrixTheAverageTheAlertsAndTheTopMoversWithReasons()
    {
        var (snapshot, log) = Portfolio(800, 2);
        var date = AsOf.InUtc().Date;
        var (c1, c2) = (Counts(V1, log, 800, AsOf), Counts(V2, log, 800, AsOf));
        var (active, draft) = (Compile(V1), Compile(V2));
        var before = new byte[800];
        var after = new byte[800];
        var sb = new HealthStatus[800];
        var sa = new HealthStatus[800];
        active.Evaluate(snapshot, c1, date, before, sb);
        draft.Evaluate(snapshot, c2, date, after, sa);

        var report = WhatIf.Compare(active, draft, snapshot, c1, c2, date, topMovers: 5, maxActiveAlertsPerOwner: 3);

        for (int f = 0; f < 3; f++)
        {
            for (int t = 0; t < 3; t++)
            {
                Assert.Equal(Enumerable.Range(0, 800).Count(i => (int)sb[i] == f && (int)sa[i] == t), report.Count((HealthStatus)f, (HealthStatus)t));
            }
        }

        Assert.Equal(after.Average(b => (double)b) - before.Average(b => (double)b), report.AverageChange!.Value, 9);
        var changed = Enumerable.Range(0, 800).Where(i => sb[i] != sa[i]).ToArray();
        Assert.Equal(changed.Length, report.Alerts);
        Assert.Equal(changed.GroupBy(i => snapshot.OwnerCodes[i]).Sum(g => Math.Min(g.Count(), 3)), report.AlertsWithinLimit);
        var largest = Enumerable.Range(0, 800).Max(i => Math.Abs(after[i] - before[i]));
        Assert.Equal(5, report.TopMovers.Length);
        Assert.Equal(largest, Math.Abs(report.TopMovers[0].ScoreAfter - report.TopMovers[0].ScoreBefore));
        Assert.All(report.TopMovers, m =>
        {
            Assert.Equal((before[m.AccountIndex], after[m.AccountIndex]), ((byte)m.ScoreBefore, (byte)m.ScoreAfter));
            Assert.Equal(m.ScoreAfter - m.ScoreBefore, m.Why.ScoreChange);
            Assert.True(m.Why.VersionChanged);
        });
    }

    [Fact]
    public void WhyItMoved_SeparatesDataChangesFromDefinitionChanges()
    {
        var (snapshot, log) = Portfolio(300, 3);
        var compiled = Compile(V1);
        var date = AsOf.InUtc().Date;
        var earlier = AsOf - Duration.FromDays(20);
        var counts = Counts(V1, log, 300, AsOf);
        var oldCounts = Counts(V1, log, 300, earlier);
        int account = Enumerable.Range(0, 300).First(i => counts.Column(0)[i] != oldCounts.Column(0)[i] && (counts.Column(0)[i] >= 3) != (oldCounts.Column(0)[i] >= 3));

        // Same version, other data: only the usage criterion changed, and only its data.
        var dataOnly = ExplanationDiff.Compare(compiled.Explain(snapshot, oldCounts, earlier.InUtc().Date, account), compiled.Explain(snapshot, counts, date, account));
        Assert.False(dataOnly.VersionChanged);
        var usage = Assert.Single(dataOnly.Criteria, c => c.Kind != CriterionChangeKind.Unchanged);
        Assert.Equal(("Usage", "active", CriterionChangeKind.DataChanged), (usage.Group, usage.Criterion, usage.Kind));
        Assert.Equal(0, dataOnly.DefinitionPoints);
        Assert.Equal(dataOnly.ScoreChange, dataOnly.DataPoints);

        // Same data, new version: the redefined criteria are definition changes, the untouched ones unchanged.
        var definitionOnly = ExplanationDiff.Compare(compiled.Explain(snapshot, counts, date, account), Compile(V2).Explain(snapshot, Counts(V2, log, 300, AsOf), date, account));
        Assert.True(definitionOnly.VersionChanged);
        Assert.Equal(CriterionChangeKind.Unchanged, definitionOnly.Criteria.Single(c => c.Criterion == "promoter").Kind);
        Assert.Equal(CriterionChangeKind.DefinitionChanged, definitionOnly.Criteria.Single(c => c.Criterion == "gold").Kind);
        Assert.Equal(CriterionChangeKind.DefinitionChanged, definitionOnly.Criteria.Single(c => c.Criterion == "active").Kind);
        Assert.Equal(0, definitionOnly.DataPoints);
        Assert.Equal([new GroupCapChange("Tier", 30, 20), new GroupCapChange("Usage", 20, 30)], definitionOnly.CapChanges.ToArray());

        var renamed = V2 with { Definition = V2.Definition with { Groups = [.. V2.Definition.Groups.Select(g => g.Name == "Tier" ? g with { Criteria = [new PropertyCriterion("platinum", 20, [new TextCondition("tier", TextOperator.Is, ["platinum"])])] } : g)] } };
        var added = ExplanationDiff.Compare(compiled.Explain(snapshot, counts, date, account), Compile(renamed).Explain(snapshot, Counts(V2, log, 300, AsOf), date, account));
        Assert.Equal(CriterionChangeKind.Added, added.Criteria.Single(c => c.Criterion == "platinum").Kind);
        Assert.Equal(CriterionChangeKind.Removed, added.Criteria.Single(c => c.Criterion == "gold").Kind);
    }

    [Fact]
    public void AsOf_SameInputsAndVersion_SameResult_AndEventsAfterTheInstantDoNotCount()
    {
        var (snapshot, log) = Portfolio(400, 4);
        var past = AsOf - Duration.FromDays(40);
        var first = (new byte[400], new HealthStatus[400]);
        var second = (new byte[400], new HealthStatus[400]);

        var s1 = AsOfScoring.Score(V1, snapshot, log, past, first.Item1, first.Item2);
        var s2 = AsOfScoring.Score(V1, snapshot, log, past, second.Item1, second.Item2);

        Assert.Equal(first.Item1, second.Item1);
        Assert.Equal(s1, s2);
        var fresh = new byte[400];
        Compile(V1).Evaluate(snapshot, Counts(V1, log, 400, past), past.InUtc().Date, fresh, new HealthStatus[400]);
        Assert.Equal(fresh, first.Item1);
        Assert.Equal(first.Item1[7], AsOfScoring.Explain(V1, snapshot, log, past, 7).Score);
        Assert.Throws<ArgumentException>(() => AsOfScoring.Score(V1 with { Definition = V1.Definition with { Groups = [new ScoreGroup("x", ScoreGroupKind.Property, 100, [new PropertyCriterion("y", 1, [new NumberCondition("missing", NumberOperator.Equal, 1)])])] } }, snapshot, log, past, first.Item1, first.Item2));
    }

    [Fact]
    [Trait("Rule", "85")]
    public void History_AgreesWithFreshAsOfScoring_ForEveryRecordedRun()
    {
        var (snapshot, log) = Portfolio(300, 5);
        var ids = Enumerable.Range(1, 300).Select(i => (long)i).ToArray();
        ImmutableArray<long> owners = [0, 11, 12, 13];
        var history = new ScoreHistory();
        var instants = Enumerable.Range(0, 6).Select(k => AsOf.InUtc().LocalDateTime.PlusMonths(k - 5).InUtc().ToInstant()).ToArray();
        foreach (var (at, k) in instants.Select((at, k) => (at, k)))
        {
            var run = ScoringRun.Score(ScoringRunId.From(k + 1), Compile(V1), snapshot, Counts(V1, log, 300, at), at.InUtc().Date, at, ids, owners);
            history.Record(run);
        }

        foreach (var account in new[] { 0, 17, 299 })
        {
            var card = history.GetRecordCard(Score, account + 1);
            Assert.Equal(instants.Length, card.MonthlyTrend.Length);
            foreach (var (point, at) in card.MonthlyTrend.Zip(instants))
            {
                Assert.Equal(AsOfScoring.Explain(V1, snapshot, log, at, account).Score, point.Score);
            }
        }

        var last = new byte[300];
        var lastStatus = new HealthStatus[300];
        AsOfScoring.Score(V1, snapshot, log, instants[^1], last, lastStatus);
        var month = new YearMonth(instants[^1].InUtc().Year, instants[^1].InUtc().Month);
        Assert.Equal(last.Average(b => (double)b), history.AverageOverTime(Score, month, month, TrendScope.Portfolio)[0].Average!.Value, 9);
    }

    [Fact]
    public void Backtest_LeavesUnknownOutcomesOut()
    {
        var (snapshot, log) = Portfolio(200, 6);
        var counts = Counts(V1, log, 200, AsOf);
        var scores = new byte[200];
        var statuses = new HealthStatus[200];
        Compile(V1).Evaluate(snapshot, counts, AsOf.InUtc().Date, scores, statuses);
        bool?[] outcomes = [.. Enumerable.Range(0, 200).Select(i => i % 5 == 0 ? (bool?)null : scores[i] < 40)];

        var result = HealthScores.Analysis.ChurnBacktest.Run(Compile(V1), snapshot, counts, AsOf.InUtc().Date, outcomes);

        var known = Enumerable.Range(0, 200).Where(i => i % 5 != 0).ToArray();
        var expected = HealthScores.Analysis.ChurnBacktest.Evaluate([.. known.Select(i => scores[i])], [.. known.Select(i => statuses[i])], [.. known.Select(i => outcomes[i]!.Value)]);
        Assert.Equal(160, result.Accounts);
        Assert.Equal(expected.Bands.ToArray(), result.Bands.ToArray());
        Assert.Equal(expected.Auc, result.Auc);
        Assert.Equal(1.0, result.Auc);
    }
}
