namespace CustomerSuccess.Core.HealthScores.Validation;

/// <summary>The stable codes <see cref="HealthScoreValidator"/> reports in <see cref="ValidationProblem.Code"/>.</summary>
/// <remarks>"Draft" marks codes checked in both modes; "Activation" marks codes checked only on activation.</remarks>
public static class ValidationCodes
{
    /// <summary>Activation: the score name is blank.</summary>
    public const string NameRequired = "health_score.name_required";

    /// <summary>Activation: the object type is blank (rule 73).</summary>
    public const string ObjectTypeRequired = "health_score.object_type_required";

    /// <summary>Draft: more than <see cref="HealthScoreDefinition.MaxSegments"/> segments (rule 74, B4).</summary>
    public const string TooManySegments = "health_score.too_many_segments";

    /// <summary>Draft: a segment name is blank.</summary>
    public const string SegmentBlank = "health_score.segment_blank";

    /// <summary>Draft: a segment appears twice (ordinal).</summary>
    public const string SegmentDuplicate = "health_score.segment_duplicate";

    /// <summary>Draft: thresholds are not 0 &lt; NeutralFrom &lt; HealthyFrom &lt;= 100 (rule 88).</summary>
    public const string ThresholdsInvalid = "health_score.thresholds_invalid";

    /// <summary>Activation: the definition has no group.</summary>
    public const string NoGroups = "health_score.no_groups";

    /// <summary>Activation: the Max points of all groups do not add up to exactly 100 (rule 78, B18).</summary>
    public const string MaxPointsSum = "health_score.max_points_sum";

    /// <summary>Activation: a group name is blank.</summary>
    public const string GroupNameRequired = "health_score.group_name_required";

    /// <summary>Draft: two groups have the same name (ordinal).</summary>
    public const string GroupNameDuplicate = "health_score.group_name_duplicate";

    /// <summary>Draft: a group kind is not a defined <see cref="ScoreGroupKind"/>.</summary>
    public const string GroupKindUndefined = "health_score.group_kind_undefined";

    /// <summary>Draft: a group's Max points is not in 1..100.</summary>
    public const string MaxPointsRange = "health_score.max_points_range";

    /// <summary>Activation: a group has no criteria.</summary>
    public const string GroupNoCriteria = "health_score.group_no_criteria";

    /// <summary>Warning (both modes): the positive points of a group's criteria add up to less than its Max points, so it can never reach its limit.</summary>
    public const string MaxPointsUnreachable = "health_score.max_points_unreachable";

    /// <summary>Draft: a property criterion in an event group or an event criterion in a property group (rule 77).</summary>
    public const string CriterionKindMismatch = "health_score.criterion_kind_mismatch";

    /// <summary>Activation: a criterion name is blank.</summary>
    public const string CriterionNameRequired = "health_score.criterion_name_required";

    /// <summary>Draft: two criteria of one group have the same name (ordinal).</summary>
    public const string CriterionNameDuplicate = "health_score.criterion_name_duplicate";

    /// <summary>Activation: a criterion awards 0 points.</summary>
    public const string PointsZero = "health_score.points_zero";

    /// <summary>Draft: |points| is greater than <see cref="Criterion.MaxAbsolutePoints"/>.</summary>
    public const string PointsRange = "health_score.points_range";

    /// <summary>Activation: a property criterion has no condition.</summary>
    public const string CriterionNoConditions = "health_score.criterion_no_conditions";

    /// <summary>Activation: an event criterion's event type is blank.</summary>
    public const string EventTypeRequired = "health_score.event_type_required";

    /// <summary>Draft: an event criterion's window is not 1..3650 days.</summary>
    public const string WindowDaysRange = "health_score.window_days_range";

    /// <summary>Draft: an event criterion's count is negative.</summary>
    public const string CountNegative = "health_score.count_negative";

    /// <summary>Draft: an event criterion can never match ("less than 0").</summary>
    public const string CountImpossible = "health_score.count_impossible";

    /// <summary>Activation: a condition's property name is blank.</summary>
    public const string PropertyRequired = "health_score.property_required";

    /// <summary>Draft: an operator is not a defined enum value.</summary>
    public const string OperatorUndefined = "health_score.operator_undefined";

    /// <summary>Draft: a number operand is NaN or infinite.</summary>
    public const string NumberNotFinite = "health_score.number_not_finite";

    /// <summary>Draft: a Between condition has no upper value or an upper value below the lower value.</summary>
    public const string BetweenBounds = "health_score.between_bounds";

    /// <summary>Draft: an upper value is given for an operator other than Between.</summary>
    public const string UpperValueNotAllowed = "health_score.upper_value_not_allowed";

    /// <summary>Draft: a text condition has the wrong number of values for its operator.</summary>
    public const string TextValueCount = "health_score.text_value_count";

    /// <summary>Draft: a text value appears twice in one condition.</summary>
    public const string TextValueDuplicate = "health_score.text_value_duplicate";

    /// <summary>Draft: WithinLastDays/WithinNextDays needs Days in 1..3650.</summary>
    public const string DateDaysRange = "health_score.date_days_range";

    /// <summary>Draft: Before/After needs a Date and no Days.</summary>
    public const string DateRequired = "health_score.date_required";

    /// <summary>Draft: an operand is given that the date operator does not use (Days on Before/After, Date on WithinLastDays/WithinNextDays).</summary>
    public const string DateOperandNotAllowed = "health_score.date_operand_not_allowed";
}
