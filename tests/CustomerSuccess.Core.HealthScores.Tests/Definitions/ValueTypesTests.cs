using System;
using System.Collections.Immutable;
using System.Linq;
using NodaTime;

namespace CustomerSuccess.Core.HealthScores.Tests.Definitions;

public sealed class HealthScoreIdTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void From_NotPositive_Throws(long value) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => HealthScoreId.From(value));

    [Fact]
    public void TryCreate_PositiveAndZero_ReportsValidity()
    {
        Assert.True(HealthScoreId.TryCreate(7, out HealthScoreId id));
        Assert.Equal(7, id.Value);
        Assert.Equal("7", id.ToString());
        Assert.False(HealthScoreId.TryCreate(0, out HealthScoreId none));
        Assert.Equal(default, none);
    }
}

public sealed class ScoreVersionTests
{
    [Fact]
    [Trait("Rule", "83")]
    public void Constructor_NumberBelowOne_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new ScoreVersion(HealthScoreId.From(1), 0, Instant.FromUnixTimeSeconds(0), TestDefinitions.Sample));

    [Fact]
    [Trait("Rule", "83")]
    public void Equals_SameContents_AreEqual()
    {
        var a = new ScoreVersion(HealthScoreId.From(1), 2, Instant.FromUnixTimeSeconds(10), TestDefinitions.Sample);
        var b = new ScoreVersion(HealthScoreId.From(1), 2, Instant.FromUnixTimeSeconds(10), TestDefinitions.Sample with { Groups = [.. TestDefinitions.Sample.Groups] });

        Assert.Equal(a, b);
    }
}

public sealed class ConditionAndCriterionTests
{
    [Fact]
    public void TextCondition_EqualValuesInDifferentArrays_AreEqual()
    {
        var a = new TextCondition("tier", TextOperator.IsAnyOf, ["gold", "silver"]);
        var b = new TextCondition("tier", TextOperator.IsAnyOf, ImmutableArray.Create("gold", "silver"));

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, b with { Values = ["silver", "gold"] });
    }

    [Fact]
    public void Condition_DifferentTypesSameProperty_AreNotEqual() =>
        Assert.NotEqual<Condition>(new BooleanCondition("x", true), new TextCondition("x", TextOperator.IsKnown, []));

    [Fact]
    public void TextCondition_NullValueElement_Throws() =>
        Assert.Throws<ArgumentException>(() => new TextCondition("x", TextOperator.Is, [null!]));

    [Fact]
    public void SignalType_MatchesConditionType()
    {
        Assert.Equal(SignalType.Number, new NumberCondition("n", NumberOperator.Equal, 1).SignalType);
        Assert.Equal(SignalType.Text, new TextCondition("t", TextOperator.IsKnown, []).SignalType);
        Assert.Equal(SignalType.Date, new DateCondition("d", DateOperator.WithinLastDays, 3).SignalType);
        Assert.Equal(SignalType.Boolean, new BooleanCondition("b", true).SignalType);
    }

    [Fact]
    [Trait("Rule", "77")]
    public void Criterion_Kind_MatchesGroupKind()
    {
        Assert.Equal(ScoreGroupKind.Property, TestDefinitions.Promoter.Kind);
        Assert.Equal(ScoreGroupKind.Event, TestDefinitions.RecentMeetings.Kind);
    }

    [Fact]
    [Trait("Rule", "79")]
    public void Criterion_NegativePoints_AreRepresentable() => Assert.Equal(-20, TestDefinitions.Detractor.Points);

    [Fact]
    [Trait("Rule", "81")]
    public void PropertyCriterion_CompoundConditions_KeptInOrder()
    {
        var c = new PropertyCriterion("Big and happy", 10, [new NumberCondition("arr", NumberOperator.GreaterThan, 1e5), new NumberCondition("nps", NumberOperator.GreaterThanOrEqual, 9)]);

        Assert.Equal(["arr", "nps"], c.Conditions.Select(x => x.Property));
    }

    [Fact]
    [Trait("Rule", "81")]
    public void EventCriterion_EqualityIncludesEventConditions()
    {
        var other = TestDefinitions.RecentMeetings with { EventConditions = [] };

        Assert.NotEqual(TestDefinitions.RecentMeetings, other);
        Assert.Equal(TestDefinitions.RecentMeetings, TestDefinitions.RecentMeetings with { EventConditions = [.. TestDefinitions.RecentMeetings.EventConditions] });
    }
}
