using System;
using System.Linq;
using CustomerSuccess.Core.HealthScores.Serialization;
using CustomerSuccess.Core.HealthScores.Templates;
using CustomerSuccess.Core.HealthScores.Validation;

namespace CustomerSuccess.Core.HealthScores.Tests.Templates;

public sealed class HealthScoreTemplatesTests
{
    [Fact]
    [Trait("Rule", "76")]
    [Trait("Rule", "75")]
    public void Starter_OffersTheFivePredefinedGroupsInOrder()
    {
        HealthScoreDefinition starter = HealthScoreTemplates.Starter("companies");

        Assert.Equal(
            ["1:1 Engagement", "1:1 Call Engagement", "Supported Tickets", "CSM Sentiment", "NPS"],
            starter.Groups.Select(g => g.Name));
    }

    [Fact]
    [Trait("Rule", "78")]
    [Trait("Rule", "76")]
    public void Starter_MaxPointsSumToHundredAndPassesActivation()
    {
        HealthScoreDefinition starter = HealthScoreTemplates.Starter("contacts");

        ValidationReport report = HealthScoreValidator.Validate(starter, ValidationMode.Activation);

        Assert.Equal(HealthScoreDefinition.TotalMaxPoints, starter.MaxPointsSum);
        Assert.True(report.IsSuccess, report.ToString());
        Assert.Empty(report.Problems);
    }

    [Fact]
    [Trait("Rule", "71")]
    [Trait("Rule", "77")]
    public void Starter_GroupKinds_EngagementCallsTicketsAreEventGroups_SentimentNpsProperty()
    {
        HealthScoreDefinition starter = HealthScoreTemplates.Starter("companies");

        Assert.Equal(
            [ScoreGroupKind.Event, ScoreGroupKind.Event, ScoreGroupKind.Event, ScoreGroupKind.Property, ScoreGroupKind.Property],
            starter.Groups.Select(g => g.Kind));
        Assert.All(starter.Groups, g => Assert.All(g.Criteria, c => Assert.Equal(g.Kind, c.Kind)));
    }

    [Fact]
    [Trait("Rule", "76")]
    public void Starter_UsesDocumentedSignalNames()
    {
        HealthScoreDefinition starter = HealthScoreTemplates.Starter("companies");

        string[] eventTypes = [.. starter.Groups.SelectMany(g => g.Criteria).OfType<EventCriterion>().Select(c => c.EventType).Distinct().Order(StringComparer.Ordinal)];
        string[] properties = [.. starter.Groups.SelectMany(g => g.Criteria).OfType<PropertyCriterion>().SelectMany(c => c.Conditions).Select(c => c.Property).Distinct().Order(StringComparer.Ordinal)];

        Assert.Equal(["call", "email", "meeting", "ticket"], eventTypes);
        Assert.Equal(["csm_sentiment", "nps"], properties);
        Assert.Equal(SignalType.Text, starter.Groups[3].Criteria.OfType<PropertyCriterion>().First().Conditions[0].SignalType);
        Assert.Equal(SignalType.Number, starter.Groups[4].Criteria.OfType<PropertyCriterion>().First().Conditions[0].SignalType);
    }

    [Fact]
    [Trait("Rule", "79")]
    [Trait("Rule", "81")]
    public void Starter_HasNegativePointsAndCompoundCriteria()
    {
        HealthScoreDefinition starter = HealthScoreTemplates.Starter("companies");
        Criterion[] all = [.. starter.Groups.SelectMany(g => g.Criteria)];

        Assert.Contains(all, c => c.Points < 0);
        Assert.Contains(all.OfType<PropertyCriterion>(), c => c.Conditions.Length > 1);
        Assert.Contains(all.OfType<EventCriterion>(), c => c.EventConditions.Length > 0);
    }

    [Fact]
    [Trait("Rule", "73")]
    public void Starter_ScoresTheGivenObjectTypeWithDefaults()
    {
        HealthScoreDefinition starter = HealthScoreTemplates.Starter("p_subscriptions");

        Assert.Equal("p_subscriptions", starter.ObjectType);
        Assert.Empty(starter.Segments);
        Assert.Equal(StatusThresholds.Default, starter.Thresholds);
    }

    [Fact]
    public void Starter_ReturnsEqualNewDefinitions_AndRoundTripsThroughJson()
    {
        HealthScoreDefinition a = HealthScoreTemplates.Starter("companies");

        Assert.Equal(a, HealthScoreTemplates.Starter("companies"));
        Assert.Equal(a, HealthScoreJson.Parse(HealthScoreJson.Serialize(a)).GetValueOrThrow());
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData(null)]
    public void Starter_BlankObjectType_Throws(string? objectType) =>
        Assert.ThrowsAny<ArgumentException>(() => HealthScoreTemplates.Starter(objectType!));

    [Fact]
    [Trait("Rule", "75")]
    [Trait("Rule", "83")]
    public void FromScratch_IsEmptyDraft_ValidAsDraftNotForActivation()
    {
        HealthScoreDefinition draft = HealthScoreTemplates.FromScratch("My score", "companies");

        Assert.Empty(draft.Groups);
        Assert.True(HealthScoreValidator.Validate(draft, ValidationMode.Draft).IsSuccess);
        Assert.Equal(
            [ValidationCodes.NoGroups],
            HealthScoreValidator.Validate(draft, ValidationMode.Activation).Problems.Select(p => p.Code));
    }

    [Fact]
    [Trait("Rule", "75")]
    [Trait("Rule", "82")]
    public void FromScratch_ThenAddStarterGroup_BuildsIncrementally()
    {
        HealthScoreDefinition starter = HealthScoreTemplates.Starter("companies");

        HealthScoreDefinition built = HealthScoreTemplates.FromScratch("Mine", "companies")
            .AddGroup(starter.Groups[4] with { MaxPoints = 100 });

        Assert.True(HealthScoreValidator.Validate(built, ValidationMode.Activation).IsSuccess);
    }

    [Fact]
    public void FromScratch_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => HealthScoreTemplates.FromScratch(null!, "companies"));
        Assert.Throws<ArgumentNullException>(() => HealthScoreTemplates.FromScratch("x", null!));
    }
}
