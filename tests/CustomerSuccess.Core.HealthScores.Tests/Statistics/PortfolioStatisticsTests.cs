using System;
using CustomerSuccess.Core.HealthScores.Engine;
using CustomerSuccess.Core.HealthScores.Snapshots;
using CustomerSuccess.Core.HealthScores.Statistics;
using NodaTime;

namespace CustomerSuccess.Core.HealthScores.Tests.Statistics;

public class PortfolioStatisticsTests
{
    private static readonly PortfolioSchema Schema = new([new SignalDefinition("n", SignalType.Number)]);

    /// <summary>One group "n ≥ v" worth v points for v in 0..100: an account whose n is s scores exactly s.</summary>
    private static CompiledHealthScore ScoreEqualsValue(int id = 1)
    {
        var criteria = System.Collections.Immutable.ImmutableArray.CreateBuilder<Criterion>();
        criteria.Add(new PropertyCriterion("base", 0, [new NumberCondition("n", NumberOperator.GreaterThanOrEqual, 0)]));
        for (int v = 1; v <= 100; v++)
        {
            criteria.Add(new PropertyCriterion("step" + v, 1, [new NumberCondition("n", NumberOperator.GreaterThanOrEqual, v)]));
        }

        var definition = new HealthScoreDefinition("s", "companies", [], [new ScoreGroup("g", ScoreGroupKind.Property, 100, criteria.ToImmutable())], new StatusThresholds(40, 70));
        var version = new ScoreVersion(HealthScoreId.From(id), 2, Instant.FromUtc(2025, 1, 1, 0, 0), definition);
        return HealthScoreCompiler.Compile(version, Schema).GetValueOrThrow();
    }

    private static PortfolioSnapshot Snapshot(params (int Score, int Owner, int Segments)[] accounts)
    {
        var builder = new PortfolioSnapshotBuilder(Schema, ownerCount: 2, segmentCount: 2);
        foreach ((int score, int owner, int segments) in accounts)
        {
            builder.SetNumber(builder.AddAccount(owner, segments), 0, score);
        }

        return builder.Build();
    }

    private static PortfolioStatistics Evaluate(CompiledHealthScore score, PortfolioSnapshot snapshot) =>
        score.Evaluate(snapshot, null, new LocalDate(2025, 6, 30), new byte[snapshot.AccountCount], new HealthStatus[snapshot.AccountCount]);

    [Fact]
    [Trait("Rule", "39")]
    [Trait("Rule", "84")]
    public void Evaluate_KnownScores_AverageSharesAndHistogramWithHundredInLastBucket()
    {
        PortfolioStatistics stats = Evaluate(ScoreEqualsValue(), Snapshot((0, 0, 0), (9, 0, 1), (10, 1, 1), (39, 1, 2), (40, 0, 3), (69, 0, 0), (70, 1, 0), (90, 1, 0), (100, 0, 2)));

        ScoreDistribution all = stats.Overall;
        Assert.Equal(9, all.Count);
        Assert.Equal(427, all.ScoreSum);
        Assert.Equal(427d / 9, all.AverageScore);
        Assert.Equal(4, all.CountOf(HealthStatus.AtRisk));
        Assert.Equal(2, all.CountOf(HealthStatus.Neutral));
        Assert.Equal(3, all.CountOf(HealthStatus.Healthy));
        Assert.Equal(3d / 9, all.ShareOf(HealthStatus.Healthy));
        Assert.Equal(new long[] { 2, 1, 0, 1, 1, 0, 1, 1, 0, 2 }, all.Histogram.ToArray());
        Assert.Equal(9, ScoreDistribution.BucketOf(100));
        Assert.Equal(9, ScoreDistribution.BucketOf(90));
        Assert.Equal(8, ScoreDistribution.BucketOf(89));
        Assert.Equal(HealthScoreId.From(1), stats.ScoreId);
        Assert.Equal(2, stats.VersionNumber);
    }

    [Fact]
    [Trait("Rule", "74")]
    public void Evaluate_OwnersAndSegments_BrokenDownPerOwnerAndPerSegmentMembership()
    {
        PortfolioStatistics stats = Evaluate(ScoreEqualsValue(), Snapshot((10, 0, 0b01), (20, 1, 0b11), (80, 1, 0b10)));

        Assert.Equal(1, stats.ForOwner(0).Count);
        Assert.Equal(100, stats.ForOwner(1).ScoreSum);
        Assert.Equal(30, stats.ForSegment(0).ScoreSum);
        Assert.Equal(2, stats.ForSegment(1).Count);
        Assert.Equal(1, stats.ForSegment(1).CountOf(HealthStatus.Healthy));
        Assert.Throws<ArgumentOutOfRangeException>(() => stats.ForSegment(2));
    }

    [Fact]
    [Trait("Rule", "39")]
    public void Merge_DifferentVersions_ThrowsAndEmptyHasNoAverage()
    {
        PortfolioStatistics empty = Evaluate(ScoreEqualsValue(1), Snapshot());
        PortfolioStatistics other = Evaluate(ScoreEqualsValue(2), Snapshot((50, 0, 0)));

        Assert.Null(empty.Overall.AverageScore);
        Assert.Equal(0d, empty.Overall.ShareOf(HealthStatus.AtRisk));
        Assert.Throws<ArgumentException>(() => empty.Merge(other));
        Assert.Equal(empty, empty.Merge(empty));
    }
}
