using System;
using System.Collections.Immutable;
using System.Linq;
using CustomerSuccess.Core.HealthScores.Tests.Definitions;
using CustomerSuccess.Core.HealthScores.Validation;
using NodaTime;

namespace CustomerSuccess.Core.HealthScores.Tests.Validation;

public sealed class HealthScoreValidatorTests
{
    private static HealthScoreDefinition Only(ScoreGroup group) =>
        new("Score", "companies", [], [group with { MaxPoints = 100 }], StatusThresholds.Default);

    private static HealthScoreDefinition WithCondition(Condition condition) =>
        Only(new ScoreGroup("G", ScoreGroupKind.Property, 100, [new PropertyCriterion("C", 100, [condition])]));

    private static string[] Codes(HealthScoreDefinition d, ValidationMode mode = ValidationMode.Activation) =>
        [.. HealthScoreValidator.Validate(d, mode).Problems.Select(p => p.Code)];

    [Fact]
    [Trait("Rule", "78")]
    [Trait("Rule", "83")]
    public void Validate_Sample_IsValidInBothModes()
    {
        Assert.Empty(HealthScoreValidator.Validate(TestDefinitions.Sample, ValidationMode.Activation).Problems);
        Assert.True(HealthScoreValidator.Validate(TestDefinitions.Sample, ValidationMode.Draft).IsSuccess);
    }

    [Fact]
    public void Validate_Null_Throws() =>
        Assert.Throws<ArgumentNullException>(() => HealthScoreValidator.Validate(null!, ValidationMode.Draft));

    [Fact]
    [Trait("Rule", "78")]
    [Trait("Rule", "83")]
    public void Validate_B18_SumNotHundred_DraftValidActivationInvalid()
    {
        var draft = TestDefinitions.Sample.ReplaceGroup("NPS", TestDefinitions.Nps with { MaxPoints = 30 });

        Assert.True(HealthScoreValidator.Validate(draft, ValidationMode.Draft).IsSuccess);
        ValidationReport activation = HealthScoreValidator.Validate(draft, ValidationMode.Activation);
        Assert.False(activation.IsSuccess);
        ValidationProblem problem = Assert.Single(activation.Errors);
        Assert.Equal(ValidationCodes.MaxPointsSum, problem.Code);
        Assert.Equal("groups", problem.Path);
        Assert.Contains("90", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "78")]
    public void Validate_SumOverHundred_ActivationInvalid() =>
        Assert.Contains(ValidationCodes.MaxPointsSum, Codes(TestDefinitions.Sample.CloneGroup("NPS", "NPS 2")));

    [Fact]
    [Trait("Rule", "73")]
    [Trait("Rule", "83")]
    public void Validate_EmptyDraftFromScratch_DraftValidActivationReportsMissingParts()
    {
        var empty = new HealthScoreDefinition("", "", [], [], StatusThresholds.Default);

        Assert.True(HealthScoreValidator.Validate(empty, ValidationMode.Draft).IsSuccess);
        Assert.Equal(
            [ValidationCodes.NameRequired, ValidationCodes.ObjectTypeRequired, ValidationCodes.NoGroups],
            Codes(empty));
    }

    [Fact]
    [Trait("Rule", "74")]
    [Trait("Rule", "78")]
    [Trait("Rule", "77")]
    [Trait("Rule", "83")]
    public void Validate_ManyProblems_AllReportedAtOnceWithPaths()
    {
        var broken = new HealthScoreDefinition(
            " ",
            "companies",
            ["a", "b", "c", "d", "e", "a"],
            [
                new ScoreGroup("NPS", ScoreGroupKind.Property, 0, [new EventCriterion("Calls", 10, "call", [], 30, CountOperator.AtLeast, 1)]),
                new ScoreGroup(
                    "NPS",
                    ScoreGroupKind.Property,
                    50,
                    [
                        new PropertyCriterion("Score", 60, [new NumberCondition("nps", NumberOperator.Between, 9, 5)]),
                        new PropertyCriterion("Score", 200, [new TextCondition("tier", TextOperator.Is, [])]),
                    ]),
            ],
            new StatusThresholds(70, 40));

        ValidationReport report = HealthScoreValidator.Validate(broken, ValidationMode.Activation);

        (string Path, string Code)[] expected =
        [
            ("name", ValidationCodes.NameRequired),
            ("segments", ValidationCodes.TooManySegments),
            ("segments[5]", ValidationCodes.SegmentDuplicate),
            ("thresholds", ValidationCodes.ThresholdsInvalid),
            ("groups[0].maxPoints", ValidationCodes.MaxPointsRange),
            ("groups[0].criteria[0]", ValidationCodes.CriterionKindMismatch),
            ("groups[1].name", ValidationCodes.GroupNameDuplicate),
            ("groups[1].criteria[0].conditions[0].upperValue", ValidationCodes.BetweenBounds),
            ("groups[1].criteria[1].name", ValidationCodes.CriterionNameDuplicate),
            ("groups[1].criteria[1].points", ValidationCodes.PointsRange),
            ("groups[1].criteria[1].conditions[0].values", ValidationCodes.TextValueCount),
            ("groups", ValidationCodes.MaxPointsSum),
        ];
        Assert.Equal(expected, report.Problems.Select(p => (p.Path, p.Code)));
        Assert.False(report.IsSuccess);
        ValidationProblem between = report.Problems.Single(p => p.Code == ValidationCodes.BetweenBounds);
        Assert.Contains("Group 'NPS'", between.Message, StringComparison.Ordinal);
        Assert.Contains("criterion 'Score'", between.Message, StringComparison.Ordinal);
        Assert.Contains("'nps'", between.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "74")]
    public void Validate_B4_FiveSegments_Valid_SixInvalidEvenAsDraft()
    {
        var five = TestDefinitions.Sample with { Segments = ["1", "2", "3", "4", "5"] };
        var six = TestDefinitions.Sample with { Segments = ["1", "2", "3", "4", "5", "6"] };

        Assert.True(HealthScoreValidator.Validate(five, ValidationMode.Activation).IsSuccess);
        Assert.Equal([ValidationCodes.TooManySegments], Codes(six, ValidationMode.Draft));
    }

    [Fact]
    [Trait("Rule", "74")]
    public void Validate_BlankSegment_Reported() =>
        Assert.Equal([ValidationCodes.SegmentBlank], Codes(TestDefinitions.Sample with { Segments = ["ok", " "] }, ValidationMode.Draft));

    [Fact]
    [Trait("Rule", "77")]
    public void Validate_PropertyCriterionInEventGroup_Reported()
    {
        var d = TestDefinitions.Sample.ReplaceGroup("Engagement", TestDefinitions.Engagement with { Criteria = [TestDefinitions.Promoter with { Points = 60 }] });

        ValidationProblem p = Assert.Single(HealthScoreValidator.Validate(d, ValidationMode.Draft).Problems);
        Assert.Equal(ValidationCodes.CriterionKindMismatch, p.Code);
        Assert.Equal("groups[1].criteria[0]", p.Path);
        Assert.Contains("a property criterion cannot be in an event group", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "80")]
    public void Validate_UnreachableMaxPoints_IsWarningOnly()
    {
        var d = TestDefinitions.Sample.ReplaceGroup("NPS", TestDefinitions.Nps with { Criteria = [TestDefinitions.Promoter with { Points = 10 }, TestDefinitions.Detractor] });

        ValidationReport report = HealthScoreValidator.Validate(d, ValidationMode.Activation);

        Assert.True(report.IsSuccess);
        ValidationProblem warning = Assert.Single(report.Warnings);
        Assert.Equal(ValidationCodes.MaxPointsUnreachable, warning.Code);
        Assert.Equal("groups[0].maxPoints", warning.Path);
        Assert.Equal(ValidationSeverity.Warning, warning.Severity);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(100, true)]
    [InlineData(101, false)]
    [Trait("Rule", "78")]
    public void Validate_GroupMaxPointsRange(int maxPoints, bool valid)
    {
        var d = Only(TestDefinitions.Nps) with { Groups = [TestDefinitions.Nps with { MaxPoints = maxPoints, Criteria = [TestDefinitions.Promoter with { Points = 100 }] }] };

        Assert.Equal(valid, !Codes(d, ValidationMode.Draft).Contains(ValidationCodes.MaxPointsRange));
    }

    [Theory]
    [InlineData(0, ValidationCodes.PointsZero)]
    [InlineData(101, ValidationCodes.PointsRange)]
    [InlineData(-101, ValidationCodes.PointsRange)]
    [Trait("Rule", "79")]
    public void Validate_PointsOutOfRange_Reported(int points, string code) =>
        Assert.Contains(code, Codes(Only(TestDefinitions.Nps with { Criteria = [TestDefinitions.Promoter with { Points = points }, TestDefinitions.Promoter with { Name = "Other", Points = 100 }] })));

    [Fact]
    [Trait("Rule", "79")]
    public void Validate_NegativePointsWithinRange_Valid() =>
        Assert.DoesNotContain(ValidationCodes.PointsRange, Codes(Only(TestDefinitions.Nps with { Criteria = [TestDefinitions.Promoter with { Points = 100 }, TestDefinitions.Detractor with { Points = -100 }] })));

    [Fact]
    [Trait("Rule", "81")]
    [Trait("Rule", "83")]
    public void Validate_PropertyCriterionWithoutConditions_ActivationOnly()
    {
        var d = Only(new ScoreGroup("G", ScoreGroupKind.Property, 100, [new PropertyCriterion("C", 100, [])]));

        Assert.Empty(Codes(d, ValidationMode.Draft));
        Assert.Equal([ValidationCodes.CriterionNoConditions], Codes(d));
    }

    [Fact]
    [Trait("Rule", "83")]
    public void Validate_GroupWithoutCriteria_ActivationOnly()
    {
        var d = Only(new ScoreGroup("G", ScoreGroupKind.Event, 100, []));

        Assert.Empty(Codes(d, ValidationMode.Draft));
        ValidationProblem p = Assert.Single(HealthScoreValidator.Validate(d, ValidationMode.Activation).Problems);
        Assert.Equal((ValidationCodes.GroupNoCriteria, "groups[0].criteria"), (p.Code, p.Path));
    }

    [Theory]
    [InlineData(NumberOperator.Between, 1.0, null, ValidationCodes.BetweenBounds)]
    [InlineData(NumberOperator.Between, 5.0, 4.0, ValidationCodes.BetweenBounds)]
    [InlineData(NumberOperator.Equal, 5.0, 6.0, ValidationCodes.UpperValueNotAllowed)]
    [InlineData(NumberOperator.LessThan, double.NaN, null, ValidationCodes.NumberNotFinite)]
    [InlineData(NumberOperator.GreaterThan, double.PositiveInfinity, null, ValidationCodes.NumberNotFinite)]
    [InlineData(NumberOperator.Between, 1.0, double.NegativeInfinity, ValidationCodes.NumberNotFinite)]
    public void Validate_NumberOperandProblems_Reported(NumberOperator op, double value, double? upper, string code) =>
        Assert.Equal([code], Codes(WithCondition(new NumberCondition("n", op, value, upper)), ValidationMode.Draft));

    [Fact]
    public void Validate_BetweenEqualBounds_Valid() =>
        Assert.Empty(Codes(WithCondition(new NumberCondition("n", NumberOperator.Between, 5, 5))));

    [Theory]
    [InlineData(TextOperator.Is, 0)]
    [InlineData(TextOperator.Is, 2)]
    [InlineData(TextOperator.IsNot, 2)]
    [InlineData(TextOperator.IsAnyOf, 0)]
    [InlineData(TextOperator.IsKnown, 1)]
    [InlineData(TextOperator.IsUnknown, 1)]
    public void Validate_TextValueCountWrong_Reported(TextOperator op, int count) =>
        Assert.Equal(
            [ValidationCodes.TextValueCount],
            Codes(WithCondition(new TextCondition("t", op, [.. Enumerable.Range(0, count).Select(i => "v" + i)])), ValidationMode.Draft));

    [Fact]
    public void Validate_TextDuplicateValue_ReportedAtValuePath()
    {
        ValidationProblem p = Assert.Single(HealthScoreValidator.Validate(WithCondition(new TextCondition("t", TextOperator.IsAnyOf, ["a", "b", "a"])), ValidationMode.Draft).Problems);
        Assert.Equal((ValidationCodes.TextValueDuplicate, "groups[0].criteria[0].conditions[0].values[2]"), (p.Code, p.Path));
    }

    [Fact]
    public void Validate_TextValuesAreCaseSensitive_NoDuplicate() =>
        Assert.Empty(Codes(WithCondition(new TextCondition("t", TextOperator.IsAnyOf, ["a", "A"]))));

    [Theory]
    [InlineData(DateOperator.WithinLastDays, null, false, ValidationCodes.DateDaysRange)]
    [InlineData(DateOperator.WithinNextDays, 0, false, ValidationCodes.DateDaysRange)]
    [InlineData(DateOperator.WithinLastDays, 3651, false, ValidationCodes.DateDaysRange)]
    [InlineData(DateOperator.WithinLastDays, 30, true, ValidationCodes.DateOperandNotAllowed)]
    [InlineData(DateOperator.Before, null, false, ValidationCodes.DateRequired)]
    [InlineData(DateOperator.After, 5, true, ValidationCodes.DateOperandNotAllowed)]
    public void Validate_DateOperandProblems_Reported(DateOperator op, int? days, bool withDate, string code) =>
        Assert.Equal([code], Codes(WithCondition(new DateCondition("d", op, days, withDate ? new LocalDate(2025, 1, 1) : null)), ValidationMode.Draft));

    [Theory]
    [InlineData(1)]
    [InlineData(3650)]
    public void Validate_DateDaysBounds_Valid(int days) =>
        Assert.Empty(Codes(WithCondition(new DateCondition("d", DateOperator.WithinLastDays, days))));

    [Theory]
    [InlineData(0, CountOperator.AtLeast, 1, ValidationCodes.WindowDaysRange)]
    [InlineData(3651, CountOperator.AtLeast, 1, ValidationCodes.WindowDaysRange)]
    [InlineData(30, CountOperator.AtLeast, -1, ValidationCodes.CountNegative)]
    [InlineData(30, CountOperator.LessThan, 0, ValidationCodes.CountImpossible)]
    [Trait("Rule", "81")]
    public void Validate_EventCriterionProblems_Reported(int window, CountOperator op, int count, string code)
    {
        var d = Only(new ScoreGroup("E", ScoreGroupKind.Event, 100, [new EventCriterion("C", 100, "call", [], window, op, count)]));

        Assert.Equal([code], Codes(d, ValidationMode.Draft));
    }

    [Fact]
    [Trait("Rule", "81")]
    public void Validate_EventConditionProblem_PathUsesEventConditions()
    {
        var d = Only(new ScoreGroup("E", ScoreGroupKind.Event, 100, [new EventCriterion("C", 100, "call", [new BooleanCondition("x", true), new TextCondition("outcome", TextOperator.Is, [])], 30, CountOperator.AtMost, 0)]));

        ValidationProblem p = Assert.Single(HealthScoreValidator.Validate(d, ValidationMode.Draft).Problems);
        Assert.Equal("groups[0].criteria[0].eventConditions[1].values", p.Path);
        Assert.Contains("'outcome'", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "83")]
    public void Validate_BlankNames_ActivationOnly()
    {
        var d = Only(new ScoreGroup(" ", ScoreGroupKind.Event, 100, [new EventCriterion("", 100, " ", [new BooleanCondition("", true)], 30, CountOperator.AtLeast, 1)]));

        Assert.Empty(Codes(d, ValidationMode.Draft));
        Assert.Equal(
            [ValidationCodes.GroupNameRequired, ValidationCodes.CriterionNameRequired, ValidationCodes.EventTypeRequired, ValidationCodes.PropertyRequired],
            Codes(d));
    }

    [Fact]
    public void Validate_UndefinedEnumValues_ReportedNotThrown()
    {
        var d = Only(new ScoreGroup("E", (ScoreGroupKind)9, 100, [new EventCriterion("C", 100, "call", [new NumberCondition("n", (NumberOperator)42, 1)], 30, (CountOperator)17, 1)]));

        string[] codes = Codes(d, ValidationMode.Draft);

        Assert.Contains(ValidationCodes.GroupKindUndefined, codes);
        Assert.Equal(2, codes.Count(c => c == ValidationCodes.OperatorUndefined));
    }

    [Fact]
    public void Validate_UndefinedMode_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => HealthScoreValidator.Validate(TestDefinitions.Sample, (ValidationMode)5));

    [Fact]
    [Trait("Rule", "88")]
    public void Validate_InvalidThresholds_ReportedInDraft() =>
        Assert.Equal([ValidationCodes.ThresholdsInvalid], Codes(TestDefinitions.Sample with { Thresholds = new StatusThresholds(0, 50) }, ValidationMode.Draft));

    [Fact]
    public void Validate_UnnamedGroup_MessageUsesPosition()
    {
        var d = Only(new ScoreGroup("", ScoreGroupKind.Property, 100, [new PropertyCriterion("C", 100, [new NumberCondition("n", NumberOperator.Equal, double.NaN)])]));

        ValidationProblem p = Assert.Single(HealthScoreValidator.Validate(d, ValidationMode.Draft).Problems);
        Assert.StartsWith("Group 1, criterion 'C', condition 1 on 'n'", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidationReport_ToString_ListsProblems()
    {
        ValidationReport report = HealthScoreValidator.Validate(new HealthScoreDefinition("", "x", [], [], StatusThresholds.Default), ValidationMode.Activation);

        Assert.Contains("name: The score needs a name. (health_score.name_required)", report.ToString(), StringComparison.Ordinal);
        Assert.Equal("valid", HealthScoreValidator.Validate(TestDefinitions.Sample, ValidationMode.Draft).ToString());
    }
}
