using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CustomerSuccess.Core.HealthScores.Tests.Definitions;

public sealed class StatusThresholdsProperties
{
    private static readonly Arbitrary<StatusThresholds> ValidThresholds = Arb.From(
        from neutral in Gen.Choose(1, 99)
        from healthy in Gen.Choose(neutral + 1, 100)
        select new StatusThresholds(neutral, healthy));

    [Property(MaxTest = 300)]
    [Trait("Rule", "84")]
    [Trait("Rule", "88")]
    public Property StatusOf_PartitionsZeroToHundred_MonotoneWithStatedEdges() => Prop.ForAll(ValidThresholds, t =>
    {
        HealthStatus[] statuses = [.. Enumerable.Range(0, 101).Select(t.StatusOf)];
        bool monotone = statuses.Zip(statuses.Skip(1)).All(p => p.First <= p.Second);
        bool edges = Enumerable.Range(0, 101).All(s =>
            statuses[s] == (s < t.NeutralFrom ? HealthStatus.AtRisk : s < t.HealthyFrom ? HealthStatus.Neutral : HealthStatus.Healthy));
        bool allPresent = statuses.Distinct().Count() == 3;
        return monotone && edges && allPresent && statuses[0] == HealthStatus.AtRisk && statuses[100] == HealthStatus.Healthy;
    });
}
