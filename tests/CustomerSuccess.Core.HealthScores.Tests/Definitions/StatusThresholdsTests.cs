using System;

namespace CustomerSuccess.Core.HealthScores.Tests.Definitions;

public sealed class StatusThresholdsTests
{
    [Fact]
    [Trait("Rule", "88")]
    public void Default_IsFortySeventy()
    {
        Assert.Equal(new StatusThresholds(40, 70), StatusThresholds.Default);
        Assert.True(StatusThresholds.Default.IsValid);
    }

    [Theory]
    [InlineData(0, HealthStatus.AtRisk)]
    [InlineData(39, HealthStatus.AtRisk)]
    [InlineData(40, HealthStatus.Neutral)]
    [InlineData(69, HealthStatus.Neutral)]
    [InlineData(70, HealthStatus.Healthy)]
    [InlineData(100, HealthStatus.Healthy)]
    [Trait("Rule", "84")]
    [Trait("Rule", "88")]
    public void StatusOf_DefaultEdges_B17_LowerBoundInclusive(int score, HealthStatus expected) =>
        Assert.Equal(expected, StatusThresholds.Default.StatusOf(score));

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    [Trait("Rule", "88")]
    public void StatusOf_OutsideZeroToHundred_Throws(int score) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => StatusThresholds.Default.StatusOf(score));

    [Theory]
    [InlineData(0, 50, false)]
    [InlineData(50, 50, false)]
    [InlineData(60, 50, false)]
    [InlineData(1, 101, false)]
    [InlineData(1, 2, true)]
    [InlineData(99, 100, true)]
    [Trait("Rule", "88")]
    public void IsValid_RequiresOrderedThresholdsInsideRange(int neutral, int healthy, bool expected) =>
        Assert.Equal(expected, new StatusThresholds(neutral, healthy).IsValid);

    [Fact]
    [Trait("Rule", "84")]
    public void HealthStatus_B17_HasExactlyThreeOrderedValues() =>
        Assert.Equal([HealthStatus.AtRisk, HealthStatus.Neutral, HealthStatus.Healthy], Enum.GetValues<HealthStatus>());
}
