using System;
using CustomerSuccess.Core.HealthScores.Analysis;

namespace CustomerSuccess.Core.HealthScores.Tests.Analysis;

public sealed class RocAucTests
{
    [Fact]
    public void Compute_PerfectSeparation_IsOne_AndReversedIsZero()
    {
        Assert.Equal(1.0, RocAuc.Compute([0.1, 0.2, 0.8, 0.9], [false, false, true, true]));
        Assert.Equal(0.0, RocAuc.Compute([0.1, 0.2, 0.8, 0.9], [true, true, false, false]));
    }

    [Fact]
    public void Compute_AllTied_IsOneHalf()
    {
        Assert.Equal(0.5, RocAuc.Compute([3.0, 3.0, 3.0, 3.0], [true, false, true, false]));
        Assert.Equal(0.5, RocAuc.Compute(new byte[] { 7, 7, 7 }, [true, false, false]));
    }

    [Fact]
    public void Compute_KnownCaseWithTies_CountsTiesAsHalf()
    {
        // Positives 2, 3; negatives 1, 2. Pairs: (2>1) 1, (2=2) ½, (3>1) 1, (3>2) 1 → 3.5 / 4.
        Assert.Equal(0.875, RocAuc.Compute([2.0, 3.0, 1.0, 2.0], [true, true, false, false]));
        Assert.Equal(0.875, RocAuc.Compute(new byte[] { 2, 3, 1, 2 }, [true, true, false, false]));
    }

    [Fact]
    public void Compute_OneOutcomeOnly_IsUndefined()
    {
        Assert.Null(RocAuc.Compute([1.0, 2.0], [true, true]));
        Assert.Null(RocAuc.Compute(new byte[] { 1, 2 }, [false, false]));
        Assert.Null(RocAuc.Compute(ReadOnlySpan<double>.Empty, ReadOnlySpan<bool>.Empty));
    }

    [Fact]
    public void Compute_BadInput_Throws()
    {
        Assert.Throws<ArgumentException>(() => RocAuc.Compute([1.0], [true, false]));
        Assert.Throws<ArgumentException>(() => RocAuc.Compute(new byte[] { 1 }, [true, false]));
        Assert.Throws<ArgumentException>(() => RocAuc.Compute([double.NaN, 1.0], [true, false]));
    }
}

public sealed class ChurnBacktestTests
{
    [Fact]
    public void Evaluate_CountsBandsRatesLiftAndAuc()
    {
        byte[] scores = [10, 20, 30, 50, 60, 80, 90, 95];
        HealthStatus[] statuses = [HealthStatus.AtRisk, HealthStatus.AtRisk, HealthStatus.AtRisk, HealthStatus.Neutral, HealthStatus.Neutral, HealthStatus.Healthy, HealthStatus.Healthy, HealthStatus.Healthy];
        bool[] churned = [true, true, false, true, false, false, true, false];

        ChurnBacktestResult result = ChurnBacktest.Evaluate(scores, statuses, churned);

        Assert.Equal(8, result.Accounts);
        Assert.Equal(4, result.Churned);
        Assert.Equal(0.5, result.BaseRate);
        Assert.Equal(new BandOutcome(HealthStatus.AtRisk, 3, 2), result.Band(HealthStatus.AtRisk));
        Assert.Equal(new BandOutcome(HealthStatus.Neutral, 2, 1), result.Band(HealthStatus.Neutral));
        Assert.Equal(new BandOutcome(HealthStatus.Healthy, 3, 1), result.Band(HealthStatus.Healthy));
        Assert.Equal(2.0 / 3, result.Band(HealthStatus.AtRisk).ChurnRate);
        Assert.Equal(2.0, result.AtRiskOverHealthyLift!.Value, 12);
        Assert.Equal((2.0 / 3) / 0.5, result.LiftOverBase(HealthStatus.AtRisk)!.Value, 12);

        // Churned scores 10, 20, 50, 90 vs retained 30, 60, 80, 95: pairs where the churned account scored lower.
        // 10: 4, 20: 4, 50: 3, 90: 1 → 12 of 16.
        Assert.Equal(0.75, result.Auc);
    }

    [Fact]
    public void Evaluate_NoHealthyChurn_LiftUndefined_EmptyBandRateUndefined()
    {
        ChurnBacktestResult result = ChurnBacktest.Evaluate([10, 90], [HealthStatus.AtRisk, HealthStatus.Healthy], [true, false]);

        Assert.Null(result.AtRiskOverHealthyLift);
        Assert.Null(result.Band(HealthStatus.Neutral).ChurnRate);
        Assert.Equal(1.0, result.Auc);
    }

    [Fact]
    public void Evaluate_MismatchedLengthsOrUndefinedStatus_Throws()
    {
        Assert.Throws<ArgumentException>(() => ChurnBacktest.Evaluate([1, 2], [HealthStatus.AtRisk], [true, false]));
        Assert.Throws<ArgumentException>(() => ChurnBacktest.Evaluate([1], [(HealthStatus)7], [true]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ChurnBacktest.Evaluate([1], [HealthStatus.AtRisk], [true]).Band((HealthStatus)3));
    }
}
