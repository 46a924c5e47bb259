using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Core.HealthScores.Engine;
using CustomerSuccess.Core.HealthScores.Activity;
using CustomerSuccess.Core.HealthScores.Explanations;
using CustomerSuccess.Core.HealthScores.Snapshots;
using CustomerSuccess.Core.HealthScores.Statistics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CustomerSuccess.Core.HealthScores.Tests.Engine;

public class CompiledHealthScoreProperties
{
    private static readonly EvaluationOptions SmallBlocksTwoThreads = new() { BlockSize = 64, MaxDegreeOfParallelism = 2, ParallelThreshold = 0 };

    private static readonly EvaluationOptions[] EveryPath =
    [
        EvaluationOptions.Default,
        new() { ForceIntLanes = true },
        new() { BlockSize = 64 },
        SmallBlocksTwoThreads,
        new() { BlockSize = 128, MaxDegreeOfParallelism = 3, ParallelThreshold = 0, ForceIntLanes = true },
    ];

    [Property(MaxTest = 200, Arbitrary = new[] { typeof(ScoringArbitraries) })]
    [Trait("Rule", "71")]
    [Trait("Rule", "77")]
    [Trait("Rule", "79")]
    [Trait("Rule", "80")]
    [Trait("Rule", "81")]
    [Trait("Rule", "84")]
    [Trait("Rule", "86")]
    [Trait("Rule", "88")]
    public void Evaluate_GeneratedPortfolios_EqualsReferenceScoreAccountAndExplanation(ScoringCase c)
    {
        CompiledHealthScore score = c.Compile();
        PortfolioSnapshot snapshot = c.BuildSnapshot();
        ActivityCounts counts = c.BuildCounts();
        int n = snapshot.AccountCount;
        var scores = new byte[n];
        var statuses = new HealthStatus[n];
        var coverage = new double[n];
        score.EvaluateRange(snapshot, counts, c.AsOf, 0, scores, statuses, coverage);

        for (int i = 0; i < n; i++)
        {
            ReferenceResult expected = ReferenceEvaluator.Evaluate(c.Definition, c.Accounts[i], c.AsOf);
            Assert.Equal(expected.Score, scores[i]);
            Assert.Equal(expected.Status, statuses[i]);
            Assert.Equal(expected.Coverage, coverage[i]);

            AccountScore one = score.ScoreAccount(snapshot, counts, c.AsOf, i);
            Assert.Equal(new AccountScore(HealthScoreId.From(7), 3, scores[i], statuses[i], coverage[i]), one);

            HealthScoreExplanation explanation = score.Explain(snapshot, counts, c.AsOf, i);
            Assert.Equal(scores[i], explanation.Score);
            Assert.Equal(statuses[i], explanation.Status);
            Assert.Equal(coverage[i], explanation.Coverage);
            Assert.Equal(expected.GroupRaw, explanation.Groups.Select(g => g.RawPoints));
            Assert.Equal(expected.GroupPoints, explanation.Groups.Select(g => g.Points));
            foreach (GroupExplanation group in explanation.Groups)
            {
                Assert.Equal(group.RawPoints, group.Criteria.Sum(k => k.AwardedPoints));
                Assert.All(group.Criteria, k => Assert.Equal(k.Matched ? k.Criterion.Points : 0, k.AwardedPoints));
                Assert.All(group.Criteria.Where(k => k.Criterion is PropertyCriterion), k => Assert.Equal(k.Conditions.All(x => x.Matched), k.Matched));
            }
        }
    }

    [Property(MaxTest = 200, Arbitrary = new[] { typeof(ScoringArbitraries) })]
    [Trait("Rule", "79")]
    [Trait("Rule", "80")]
    [Trait("Rule", "88")]
    public void Evaluate_EveryKernelPathBlockSizeAndThreadCount_EqualsReference(ScoringCase c)
    {
        var expected = c.Accounts.Select(a => ReferenceEvaluator.Evaluate(c.Definition, a, c.AsOf)).ToList();
        PortfolioStatistics? first = null;
        foreach (EvaluationOptions options in EveryPath)
        {
            (byte[] scores, HealthStatus[] statuses, PortfolioStatistics stats) = Run(c, options);
            Assert.Equal(expected.Select(r => (byte)r.Score), scores);
            Assert.Equal(expected.Select(r => r.Status), statuses);
            first ??= stats;
            Assert.Equal(first, stats);
        }

        AssertDistribution(expected.Select(r => r.Score), c.Definition.Thresholds, first!.Overall);
    }

    [Property(MaxTest = 200, Arbitrary = new[] { typeof(ScoringArbitraries) })]
    [Trait("Rule", "79")]
    [Trait("Rule", "80")]
    [Trait("Rule", "88")]
    public void Evaluate_GeneratedPortfolios_ScoreWithinBoundsAndGroupsWithinCaps(ScoringCase c)
    {
        CompiledHealthScore score = c.Compile();
        PortfolioSnapshot snapshot = c.BuildSnapshot();
        ActivityCounts counts = c.BuildCounts();
        for (int i = 0; i < snapshot.AccountCount; i++)
        {
            HealthScoreExplanation e = score.Explain(snapshot, counts, c.AsOf, i);
            Assert.InRange(e.Score, 0, 100);
            Assert.InRange(e.Coverage, 0d, 1d);
            Assert.All(e.Groups, g => Assert.InRange(g.Points, 0, Math.Max(0, g.Group.MaxPoints)));
        }
    }

    [Property(MaxTest = 200, Arbitrary = new[] { typeof(ScoringArbitraries) })]
    [Trait("Rule", "79")]
    [Trait("Rule", "80")]
    public void Evaluate_PositiveCriterionMadeToMatch_NeverLowersTheScore(ScoringCase c, PositiveInt pick)
    {
        var positives = c.Definition.Groups
            .SelectMany((g, gi) => g.Criteria.Select((k, ki) => (gi, ki, k)))
            .Where(x => x.k.Points > 0)
            .ToList();
        if (positives.Count == 0)
        {
            return;
        }

        (int gi, int ki, Criterion chosen) = positives[pick.Get % positives.Count];
        Criterion always = chosen switch
        {
            PropertyCriterion p => p with { Conditions = [] },
            EventCriterion e => e with { CountOperator = CountOperator.AtLeast, Count = 0 },
            _ => chosen,
        };
        ScoreGroup group = c.Definition.Groups[gi];
        HealthScoreDefinition more = c.Definition with
        {
            Groups = c.Definition.Groups.SetItem(gi, group with { Criteria = group.Criteria.SetItem(ki, always) }),
        };
        var after = c with { Definition = more };

        byte[] before = Scores(c);
        byte[] raised = Scores(after);
        for (int i = 0; i < before.Length; i++)
        {
            Assert.True(raised[i] >= before[i], $"account {i}: {before[i]} -> {raised[i]}");
        }
    }

    [Property(MaxTest = 200, Arbitrary = new[] { typeof(ScoringArbitraries) })]
    [Trait("Rule", "39")]
    [Trait("Rule", "71")]
    public void Evaluate_PermutedAccounts_PermutedOutputsAndEqualStatistics(ScoringCase c, int seed)
    {
        var random = new Random(seed);
        int[] order = Enumerable.Range(0, c.Accounts.Count).OrderBy(_ => random.Next()).ToArray();
        var permuted = c with { Accounts = order.Select(i => c.Accounts[i]).ToList() };

        (byte[] scores, HealthStatus[] statuses, PortfolioStatistics stats) = Run(c, EvaluationOptions.Default);
        (byte[] pScores, HealthStatus[] pStatuses, PortfolioStatistics pStats) = Run(permuted, EvaluationOptions.Default);
        for (int j = 0; j < order.Length; j++)
        {
            Assert.Equal(scores[order[j]], pScores[j]);
            Assert.Equal(statuses[order[j]], pStatuses[j]);
        }

        Assert.Equal(stats, pStats);
    }

    [Property(MaxTest = 200, Arbitrary = new[] { typeof(ScoringArbitraries) })]
    [Trait("Rule", "83")]
    public void Evaluate_SameInputsAndVersion_SameOutputs(ScoringCase c)
    {
        (byte[] a, HealthStatus[] sa, PortfolioStatistics stA) = Run(c, EvaluationOptions.Default);
        (byte[] b, HealthStatus[] sb, PortfolioStatistics stB) = Run(c with { }, EvaluationOptions.Default);
        (byte[] p, HealthStatus[] sp, PortfolioStatistics stP) = Run(c, SmallBlocksTwoThreads);
        Assert.Equal(a, b);
        Assert.Equal(sa, sb);
        Assert.Equal(stA, stB);
        Assert.Equal(a, p);
        Assert.Equal(sa, sp);
        Assert.Equal(stA, stP);
        Assert.Equal(HealthScoreId.From(7), stA.ScoreId);
        Assert.Equal(3, stA.VersionNumber);
    }

    [Property(MaxTest = 200, Arbitrary = new[] { typeof(ScoringArbitraries) })]
    [Trait("Rule", "39")]
    [Trait("Rule", "74")]
    public void EvaluateRange_PartitionsMerged_EqualWholeAndReferenceStatistics(ScoringCase c, NonNegativeInt cut)
    {
        CompiledHealthScore score = c.Compile();
        PortfolioSnapshot snapshot = c.BuildSnapshot();
        ActivityCounts counts = c.BuildCounts();
        int n = snapshot.AccountCount;
        int k = n == 0 ? 0 : cut.Get % (n + 1);
        var scores = new byte[n];
        var statuses = new HealthStatus[n];
        PortfolioStatistics whole = score.Evaluate(snapshot, counts, c.AsOf, scores, statuses);
        PortfolioStatistics left = score.EvaluateRange(snapshot, counts, c.AsOf, 0, new byte[k], new HealthStatus[k], []);
        PortfolioStatistics right = score.EvaluateRange(snapshot, counts, c.AsOf, k, new byte[n - k], new HealthStatus[n - k], []);
        Assert.Equal(whole, left.Merge(right));
        Assert.Equal(whole, right.Merge(left));

        var results = c.Accounts.Select(a => (Account: a, Result: ReferenceEvaluator.Evaluate(c.Definition, a, c.AsOf))).ToList();
        AssertDistribution(results.Select(r => r.Result.Score), c.Definition.Thresholds, whole.Overall);
        for (int owner = 0; owner < ScoringCase.OwnerCount; owner++)
        {
            AssertDistribution(results.Where(r => r.Account.Owner == owner).Select(r => r.Result.Score), c.Definition.Thresholds, whole.ForOwner(owner));
        }

        for (int segment = 0; segment < ScoringCase.SegmentCount; segment++)
        {
            AssertDistribution(results.Where(r => (r.Account.SegmentMask & (1 << segment)) != 0).Select(r => r.Result.Score), c.Definition.Thresholds, whole.ForSegment(segment));
        }
    }

    internal static void AssertDistribution(IEnumerable<int> scores, StatusThresholds thresholds, ScoreDistribution actual)
    {
        var list = scores.ToList();
        Assert.Equal(list.Count, actual.Count);
        Assert.Equal(list.Sum(), actual.ScoreSum);
        Assert.Equal(list.Count == 0 ? null : list.Average(), actual.AverageScore);
        foreach (HealthStatus status in Enum.GetValues<HealthStatus>())
        {
            Assert.Equal(list.Count(s => thresholds.StatusOf(s) == status), actual.CountOf(status));
        }

        long[] histogram = Enumerable.Range(0, 10).Select(b => (long)list.Count(s => Math.Min(s / 10, 9) == b)).ToArray();
        Assert.Equal(histogram, actual.Histogram.ToArray());
    }

    private static byte[] Scores(ScoringCase c) => Run(c, EvaluationOptions.Default).Scores;

    private static (byte[] Scores, HealthStatus[] Statuses, PortfolioStatistics Statistics) Run(ScoringCase c, EvaluationOptions options)
    {
        CompiledHealthScore score = c.Compile();
        PortfolioSnapshot snapshot = c.BuildSnapshot();
        var scores = new byte[snapshot.AccountCount];
        var statuses = new HealthStatus[snapshot.AccountCount];
        PortfolioStatistics stats = score.Evaluate(snapshot, c.BuildCounts(), c.AsOf, scores, statuses, options);
        return (scores, statuses, stats);
    }
}
