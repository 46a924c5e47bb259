using System.Collections.Generic;
using System.Text.Json.Serialization;
using NodaTime;

namespace CustomerSuccess.Core.HealthScores.Serialization;

// The wire shapes of schema customersuccess.health-score/v1 (docs/health-score-json.md). Internal: only
// HealthScoreJson maps between these and the model, so the model carries no JSON concerns.

/// <summary>Root object of a serialized definition.</summary>
internal sealed class DefinitionDto
{
    [JsonPropertyOrder(-10)]
    public required string Schema { get; init; }

    public required string Name { get; init; }

    public required string ObjectType { get; init; }

    public List<string>? Segments { get; init; }

    public ThresholdsDto? Thresholds { get; init; }

    public required List<GroupDto> Groups { get; init; }
}

/// <summary>Root object of a serialized score version.</summary>
internal sealed class VersionDto
{
    [JsonPropertyOrder(-10)]
    public required string Schema { get; init; }

    public required long ScoreId { get; init; }

    public required int Number { get; init; }

    public required Instant ActivatedAt { get; init; }

    public required DefinitionDto Definition { get; init; }
}

/// <summary>Status thresholds.</summary>
internal sealed class ThresholdsDto
{
    public required int NeutralFrom { get; init; }

    public required int HealthyFrom { get; init; }
}

/// <summary>A score group.</summary>
internal sealed class GroupDto
{
    public required string Name { get; init; }

    public required ScoreGroupKind Kind { get; init; }

    public required int MaxPoints { get; init; }

    public required List<CriterionDto> Criteria { get; init; }
}

/// <summary>A criterion, discriminated by "kind".</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(PropertyCriterionDto), "property")]
[JsonDerivedType(typeof(EventCriterionDto), "event")]
internal abstract class CriterionDto
{
    // Abstract so that each derived type declares them first: System.Text.Json writes derived members before base ones.
    public abstract string Name { get; init; }

    public abstract int Points { get; init; }
}

/// <summary>A property criterion.</summary>
internal sealed class PropertyCriterionDto : CriterionDto
{
    public required override string Name { get; init; }

    public required override int Points { get; init; }

    public List<ConditionDto>? Conditions { get; init; }
}

/// <summary>An event criterion.</summary>
internal sealed class EventCriterionDto : CriterionDto
{
    public required override string Name { get; init; }

    public required override int Points { get; init; }

    public required string EventType { get; init; }

    public List<ConditionDto>? EventConditions { get; init; }

    public required int WindowDays { get; init; }

    public required CountOperator CountOperator { get; init; }

    public required int Count { get; init; }
}

/// <summary>A condition, discriminated by "kind".</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(NumberConditionDto), "number")]
[JsonDerivedType(typeof(TextConditionDto), "text")]
[JsonDerivedType(typeof(DateConditionDto), "date")]
[JsonDerivedType(typeof(BooleanConditionDto), "boolean")]
internal abstract class ConditionDto
{
    // Abstract so that each derived type declares it first (see CriterionDto).
    public abstract string Property { get; init; }
}

/// <summary>A number condition; NaN and infinities travel as the strings "NaN", "Infinity", "-Infinity".</summary>
internal sealed class NumberConditionDto : ConditionDto
{
    public required override string Property { get; init; }

    public required NumberOperator Operator { get; init; }

    [JsonNumberHandling(JsonNumberHandling.AllowNamedFloatingPointLiterals)]
    public required double Value { get; init; }

    [JsonNumberHandling(JsonNumberHandling.AllowNamedFloatingPointLiterals)]
    public double? UpperValue { get; init; }
}

/// <summary>A text condition.</summary>
internal sealed class TextConditionDto : ConditionDto
{
    public required override string Property { get; init; }

    public required TextOperator Operator { get; init; }

    public List<string>? Values { get; init; }
}

/// <summary>A date condition.</summary>
internal sealed class DateConditionDto : ConditionDto
{
    public required override string Property { get; init; }

    public required DateOperator Operator { get; init; }

    public int? Days { get; init; }

    public LocalDate? Date { get; init; }
}

/// <summary>A boolean condition.</summary>
internal sealed class BooleanConditionDto : ConditionDto
{
    public required override string Property { get; init; }

    public required bool Value { get; init; }
}
