using System;
using System.Linq;

namespace CustomerSuccess.Core.HealthScores.Tests.Definitions;

public sealed class HealthScoreDefinitionTests
{
    [Fact]
    [Trait("Rule", "78")]
    public void TotalMaxPoints_IsOneHundred() => Assert.Equal(100, HealthScoreDefinition.TotalMaxPoints);

    [Fact]
    [Trait("Rule", "74")]
    public void MaxSegments_B4_IsFive() => Assert.Equal(5, HealthScoreDefinition.MaxSegments);

    [Fact]
    [Trait("Rule", "78")]
    public void MaxPointsSum_AddsGroupLimits() => Assert.Equal(100, TestDefinitions.Sample.MaxPointsSum);

    [Fact]
    [Trait("Rule", "83")]
    public void Constructor_B18_DraftWithNoGroupsAndAnySum_IsRepresentable()
    {
        var empty = new HealthScoreDefinition("Draft", "companies", [], [], StatusThresholds.Default);
        var over = empty.AddGroup(new ScoreGroup("A", ScoreGroupKind.Property, 80, [])).AddGroup(new ScoreGroup("B", ScoreGroupKind.Event, 80, []));

        Assert.Empty(empty.Groups);
        Assert.Equal(160, over.MaxPointsSum);
    }

    [Fact]
    public void Equals_EqualContentsInDifferentArrays_AreEqualWithSameHashCode()
    {
        HealthScoreDefinition copy = TestDefinitions.WithDates with
        {
            Segments = [.. TestDefinitions.WithDates.Segments],
            Groups = [.. TestDefinitions.WithDates.Groups],
        };

        Assert.NotSame(TestDefinitions.WithDates, copy);
        Assert.Equal(TestDefinitions.WithDates, copy);
        Assert.Equal(TestDefinitions.WithDates.GetHashCode(), copy.GetHashCode());
    }

    [Fact]
    public void Equals_DifferentNestedConditionValue_AreNotEqual()
    {
        var changed = TestDefinitions.Sample.ReplaceGroup(
            "Engagement",
            TestDefinitions.Engagement with
            {
                Criteria = [TestDefinitions.RecentMeetings with { EventConditions = [new TextCondition("outcome", TextOperator.IsNot, ["no-show"])] }],
            });

        Assert.NotEqual(TestDefinitions.Sample, changed);
    }

    [Fact]
    public void Equals_DifferentSegmentOrder_AreNotEqual()
    {
        var reordered = TestDefinitions.Sample with { Segments = ["Mid-market", "Enterprise"] };

        Assert.NotEqual(TestDefinitions.Sample, reordered);
    }

    [Fact]
    public void Constructor_DefaultArrays_AreStoredAsEmptyAndEqualToEmpty()
    {
        var a = new HealthScoreDefinition("x", "companies", default, default, StatusThresholds.Default);
        var b = new HealthScoreDefinition("x", "companies", [], [], StatusThresholds.Default);

        Assert.False(a.Segments.IsDefault);
        Assert.False(a.Groups.IsDefault);
        Assert.Equal(a, b);
    }

    [Fact]
    public void Constructor_NullName_Throws() =>
        Assert.Throws<ArgumentNullException>(() => new HealthScoreDefinition(null!, "companies", [], [], StatusThresholds.Default));

    [Fact]
    public void With_NullThresholds_Throws() =>
        Assert.Throws<ArgumentNullException>(() => TestDefinitions.Sample with { Thresholds = null! });

    [Fact]
    public void Constructor_NullGroupElement_Throws() =>
        Assert.Throws<ArgumentException>(() => new HealthScoreDefinition("x", "companies", [], [null!], StatusThresholds.Default));

    [Fact]
    [Trait("Rule", "82")]
    public void RenameGroup_ByName_RenamesOnlyThatGroupAndKeepsOriginal()
    {
        var renamed = TestDefinitions.Sample.RenameGroup("NPS", "Net promoter score");

        Assert.Equal(["Net promoter score", "Engagement"], [.. renamed.Groups.Select(g => g.Name)]);
        Assert.Equal(TestDefinitions.Nps.Criteria, renamed.Groups[0].Criteria);
        Assert.Equal("NPS", TestDefinitions.Sample.Groups[0].Name);
    }

    [Fact]
    [Trait("Rule", "82")]
    public void RenameGroup_ToOwnName_IsAllowed() =>
        Assert.Equal(TestDefinitions.Sample, TestDefinitions.Sample.RenameGroup(0, "NPS"));

    [Fact]
    [Trait("Rule", "82")]
    public void RenameGroup_ToOtherGroupsName_Throws() =>
        Assert.Throws<ArgumentException>(() => TestDefinitions.Sample.RenameGroup("NPS", "Engagement"));

    [Fact]
    [Trait("Rule", "82")]
    public void RenameGroup_UnknownName_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => TestDefinitions.Sample.RenameGroup("Nope", "X"));
        Assert.Contains("Nope", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [Trait("Rule", "82")]
    public void RenameGroup_BlankNewName_Throws(string newName) =>
        Assert.ThrowsAny<ArgumentException>(() => TestDefinitions.Sample.RenameGroup(0, newName));

    [Fact]
    [Trait("Rule", "82")]
    public void CloneGroup_InsertsCopyAfterSourceWithNewName()
    {
        var cloned = TestDefinitions.Sample.CloneGroup("NPS", "NPS (copy)");

        Assert.Equal(["NPS", "NPS (copy)", "Engagement"], [.. cloned.Groups.Select(g => g.Name)]);
        Assert.Equal(TestDefinitions.Nps with { Name = "NPS (copy)" }, cloned.Groups[1]);
        Assert.Equal(140, cloned.MaxPointsSum);
    }

    [Fact]
    [Trait("Rule", "82")]
    public void CloneGroup_ExistingName_Throws() =>
        Assert.Throws<ArgumentException>(() => TestDefinitions.Sample.CloneGroup(1, "NPS"));

    [Fact]
    [Trait("Rule", "82")]
    public void DeleteGroup_ByNameAndIndex_RemovesGroup()
    {
        Assert.Equal(["Engagement"], [.. TestDefinitions.Sample.DeleteGroup("NPS").Groups.Select(g => g.Name)]);
        Assert.Equal(["NPS"], [.. TestDefinitions.Sample.DeleteGroup(1).Groups.Select(g => g.Name)]);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(2)]
    [Trait("Rule", "82")]
    public void DeleteGroup_IndexOutOfRange_Throws(int index) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TestDefinitions.Sample.DeleteGroup(index));

    [Fact]
    [Trait("Rule", "82")]
    public void ReplaceGroup_SwapsGroupInPlace()
    {
        var replacement = TestDefinitions.Nps with { MaxPoints = 30 };

        var replaced = TestDefinitions.Sample.ReplaceGroup("NPS", replacement);

        Assert.Same(replacement, replaced.Groups[0]);
        Assert.Equal(90, replaced.MaxPointsSum);
    }

    [Fact]
    [Trait("Rule", "82")]
    public void ReplaceGroup_NameClashWithOtherGroup_Throws() =>
        Assert.Throws<ArgumentException>(() => TestDefinitions.Sample.ReplaceGroup(0, TestDefinitions.Engagement));

    [Fact]
    [Trait("Rule", "75")]
    public void AddGroup_DuplicateName_Throws() =>
        Assert.Throws<ArgumentException>(() => TestDefinitions.Sample.AddGroup(TestDefinitions.Nps));

    [Fact]
    public void IndexOfGroup_IsOrdinalCaseSensitive()
    {
        Assert.Equal(0, TestDefinitions.Sample.IndexOfGroup("NPS"));
        Assert.Equal(-1, TestDefinitions.Sample.IndexOfGroup("nps"));
    }
}
