using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;

namespace CustomerSuccess.Core.HealthScores.Validation;

/// <summary>Checks a health-score definition and reports every problem at once (rules 74, 77, 78, 81, 83, 88).</summary>
/// <remarks>
/// <para>Validation never throws for a bad definition: every problem becomes a <see cref="ValidationProblem"/> with a
/// path (e.g. <c>groups[1].criteria[0].conditions[2]</c>, the camelCase member names of the JSON schema), a stable code
/// from <see cref="ValidationCodes"/> and a message naming the score part concerned.</para>
/// <para><see cref="ValidationMode.Draft"/> reports contradictions (values wrong however the draft is completed);
/// <see cref="ValidationMode.Activation"/> also reports incompleteness, including a Max points sum other than 100
/// (rule 78, ambiguity B18: drafts may violate it). A group whose positive points cannot reach its Max points is a
/// <see cref="ValidationSeverity.Warning"/> in both modes. Conditions on one property that can never be true together
/// are not detected. Whether properties exist and have the right type is checked by compiling against a schema, not here.</para>
/// <para>Stateless and thread-safe.</para>
/// </remarks>
public static class HealthScoreValidator
{
    /// <summary>Validates <paramref name="definition"/>.</summary>
    /// <param name="definition">The definition to check.</param>
    /// <param name="mode">Draft (contradictions only) or Activation (everything).</param>
    /// <returns>A report with every problem found, in document order; <see cref="ValidationReport.IsSuccess"/> is
    /// <see langword="true"/> when no problem is an error.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mode"/> is not a defined value.</exception>
    public static ValidationReport Validate(HealthScoreDefinition definition, ValidationMode mode)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (mode is not (ValidationMode.Draft or ValidationMode.Activation))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown validation mode.");
        }

        var sink = new Sink(mode == ValidationMode.Activation);
        CheckDefinition(definition, sink);
        return new ValidationReport(sink.Problems);
    }

    private static void CheckDefinition(HealthScoreDefinition d, Sink sink)
    {
        if (sink.Activation && string.IsNullOrWhiteSpace(d.Name))
        {
            sink.Error("name", ValidationCodes.NameRequired, "The score needs a name.");
        }

        if (sink.Activation && string.IsNullOrWhiteSpace(d.ObjectType))
        {
            sink.Error("objectType", ValidationCodes.ObjectTypeRequired, "The score needs the object type it scores (e.g. companies or contacts).");
        }

        if (d.Segments.Length > HealthScoreDefinition.MaxSegments)
        {
            sink.Error(
                "segments",
                ValidationCodes.TooManySegments,
                F($"A score applies to at most {HealthScoreDefinition.MaxSegments} segments, but {d.Segments.Length} are listed."));
        }

        var seenSegments = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < d.Segments.Length; i++)
        {
            string segment = d.Segments[i];
            string path = F($"segments[{i}]");
            if (string.IsNullOrWhiteSpace(segment))
            {
                sink.Error(path, ValidationCodes.SegmentBlank, F($"Segment {i + 1} has no name."));
            }
            else if (!seenSegments.Add(segment))
            {
                sink.Error(path, ValidationCodes.SegmentDuplicate, F($"Segment '{segment}' is listed more than once."));
            }
        }

        if (!d.Thresholds.IsValid)
        {
            sink.Error(
                "thresholds",
                ValidationCodes.ThresholdsInvalid,
                F($"Status thresholds must satisfy 0 < neutralFrom < healthyFrom <= 100, but are neutralFrom {d.Thresholds.NeutralFrom} and healthyFrom {d.Thresholds.HealthyFrom}."));
        }

        if (sink.Activation && d.Groups.IsEmpty)
        {
            sink.Error("groups", ValidationCodes.NoGroups, "The score needs at least one group to be turned on.");
        }

        var seenGroups = new HashSet<string>(StringComparer.Ordinal);
        for (int g = 0; g < d.Groups.Length; g++)
        {
            CheckGroup(d.Groups[g], g, seenGroups, sink);
        }

        long sum = d.MaxPointsSum;
        if (sink.Activation && !d.Groups.IsEmpty && sum != HealthScoreDefinition.TotalMaxPoints)
        {
            sink.Error(
                "groups",
                ValidationCodes.MaxPointsSum,
                F($"The Max points of all groups must add up to exactly {HealthScoreDefinition.TotalMaxPoints}, but they add up to {sum}."));
        }
    }

    private static void CheckGroup(ScoreGroup group, int g, HashSet<string> seenGroups, Sink sink)
    {
        string path = F($"groups[{g}]");
        string label = GroupLabel(group, g);
        if (string.IsNullOrWhiteSpace(group.Name))
        {
            if (sink.Activation)
            {
                sink.Error(path + ".name", ValidationCodes.GroupNameRequired, F($"Group {g + 1} needs a name."));
            }
        }
        else if (!seenGroups.Add(group.Name))
        {
            sink.Error(path + ".name", ValidationCodes.GroupNameDuplicate, F($"{label}: another group already has this name."));
        }

        bool kindDefined = group.Kind is ScoreGroupKind.Property or ScoreGroupKind.Event;
        if (!kindDefined)
        {
            sink.Error(path + ".kind", ValidationCodes.GroupKindUndefined, F($"{label}: the group kind {(int)group.Kind} is not property or event."));
        }

        if (group.MaxPoints <= 0 || group.MaxPoints > HealthScoreDefinition.TotalMaxPoints)
        {
            sink.Error(
                path + ".maxPoints",
                ValidationCodes.MaxPointsRange,
                F($"{label}: Max points must be between 1 and {HealthScoreDefinition.TotalMaxPoints}, but is {group.MaxPoints}."));
        }

        if (group.Criteria.IsEmpty)
        {
            if (sink.Activation)
            {
                sink.Error(path + ".criteria", ValidationCodes.GroupNoCriteria, F($"{label} has no criteria, so it can never award points."));
            }

            return;
        }

        var seenCriteria = new HashSet<string>(StringComparer.Ordinal);
        long positive = 0;
        for (int c = 0; c < group.Criteria.Length; c++)
        {
            Criterion criterion = group.Criteria[c];
            if (criterion.Points > 0)
            {
                positive += criterion.Points;
            }

            CheckCriterion(criterion, group, label, F($"{path}.criteria[{c}]"), c, seenCriteria, kindDefined, sink);
        }

        if (group.MaxPoints > 0 && positive < group.MaxPoints)
        {
            sink.Warning(
                path + ".maxPoints",
                ValidationCodes.MaxPointsUnreachable,
                F($"{label}: its criteria can award at most {positive} points, less than its Max points of {group.MaxPoints}, so the group can never reach its limit."));
        }
    }

    private static void CheckCriterion(
        Criterion criterion,
        ScoreGroup group,
        string groupLabel,
        string path,
        int c,
        HashSet<string> seenCriteria,
        bool kindDefined,
        Sink sink)
    {
        string label = F($"{groupLabel}, criterion {CriterionLabel(criterion, c)}");
        if (string.IsNullOrWhiteSpace(criterion.Name))
        {
            if (sink.Activation)
            {
                sink.Error(path + ".name", ValidationCodes.CriterionNameRequired, F($"{groupLabel}: criterion {c + 1} needs a name."));
            }
        }
        else if (!seenCriteria.Add(criterion.Name))
        {
            sink.Error(path + ".name", ValidationCodes.CriterionNameDuplicate, F($"{label}: another criterion of this group already has this name."));
        }

        if (kindDefined && criterion.Kind != group.Kind)
        {
            sink.Error(
                path,
                ValidationCodes.CriterionKindMismatch,
                F($"{label}: {KindName(criterion.Kind)} criterion cannot be in {KindName(group.Kind)} group."));
        }

        if (criterion.Points == 0)
        {
            if (sink.Activation)
            {
                sink.Error(path + ".points", ValidationCodes.PointsZero, F($"{label}: points must not be 0."));
            }
        }
        else if (criterion.Points is > Criterion.MaxAbsolutePoints or < -Criterion.MaxAbsolutePoints)
        {
            sink.Error(
                path + ".points",
                ValidationCodes.PointsRange,
                F($"{label}: points must be between -{Criterion.MaxAbsolutePoints} and {Criterion.MaxAbsolutePoints}, but are {criterion.Points}."));
        }

        switch (criterion)
        {
            case PropertyCriterion property:
                if (property.Conditions.IsEmpty && sink.Activation)
                {
                    sink.Error(path + ".conditions", ValidationCodes.CriterionNoConditions, F($"{label} needs at least one condition."));
                }

                CheckConditions(property.Conditions, path + ".conditions", label, sink);
                break;
            case EventCriterion ev:
                CheckEventCriterion(ev, path, label, sink);
                break;
            default:
                break;
        }
    }

    private static void CheckEventCriterion(EventCriterion ev, string path, string label, Sink sink)
    {
        if (sink.Activation && string.IsNullOrWhiteSpace(ev.EventType))
        {
            sink.Error(path + ".eventType", ValidationCodes.EventTypeRequired, F($"{label} needs an event type."));
        }

        if (ev.WindowDays < 1 || ev.WindowDays > EventCriterion.MaxWindowDays)
        {
            sink.Error(
                path + ".windowDays",
                ValidationCodes.WindowDaysRange,
                F($"{label}: the window must be between 1 and {EventCriterion.MaxWindowDays} days, but is {ev.WindowDays}."));
        }

        if (!Enum.IsDefined(ev.CountOperator))
        {
            sink.Error(path + ".countOperator", ValidationCodes.OperatorUndefined, F($"{label}: count operator {(int)ev.CountOperator} is not defined."));
        }

        if (ev.Count < 0)
        {
            sink.Error(path + ".count", ValidationCodes.CountNegative, F($"{label}: the event count must not be negative, but is {ev.Count}."));
        }
        else if (ev.Count == 0 && ev.CountOperator == CountOperator.LessThan)
        {
            sink.Error(path + ".count", ValidationCodes.CountImpossible, F($"{label}: \"fewer than 0 events\" can never be true."));
        }

        CheckConditions(ev.EventConditions, path + ".eventConditions", label, sink);
    }

    private static void CheckConditions(ImmutableArray<Condition> conditions, string path, string label, Sink sink)
    {
        for (int i = 0; i < conditions.Length; i++)
        {
            Condition condition = conditions[i];
            string p = F($"{path}[{i}]");
            string l = string.IsNullOrWhiteSpace(condition.Property)
                ? F($"{label}, condition {i + 1}")
                : F($"{label}, condition {i + 1} on '{condition.Property}'");
            if (sink.Activation && string.IsNullOrWhiteSpace(condition.Property))
            {
                sink.Error(p + ".property", ValidationCodes.PropertyRequired, F($"{l}: the condition needs a property name."));
            }

            switch (condition)
            {
                case NumberCondition n:
                    CheckNumber(n, p, l, sink);
                    break;
                case TextCondition t:
                    CheckText(t, p, l, sink);
                    break;
                case DateCondition dc:
                    CheckDate(dc, p, l, sink);
                    break;
                default:
                    break;
            }
        }
    }

    private static void CheckNumber(NumberCondition n, string p, string l, Sink sink)
    {
        if (!Enum.IsDefined(n.Operator))
        {
            sink.Error(p + ".operator", ValidationCodes.OperatorUndefined, F($"{l}: number operator {(int)n.Operator} is not defined."));
        }

        if (!double.IsFinite(n.Value))
        {
            sink.Error(p + ".value", ValidationCodes.NumberNotFinite, F($"{l}: the value must be a finite number, but is {n.Value}."));
        }

        if (n.UpperValue is { } upper && !double.IsFinite(upper))
        {
            sink.Error(p + ".upperValue", ValidationCodes.NumberNotFinite, F($"{l}: the upper value must be a finite number, but is {upper}."));
        }

        if (n.Operator == NumberOperator.Between)
        {
            if (n.UpperValue is not { } hi)
            {
                sink.Error(p + ".upperValue", ValidationCodes.BetweenBounds, F($"{l}: \"between\" needs an upper value."));
            }
            else if (double.IsFinite(hi) && double.IsFinite(n.Value) && hi < n.Value)
            {
                sink.Error(p + ".upperValue", ValidationCodes.BetweenBounds, F($"{l}: the upper value {hi} is below the lower value {n.Value}."));
            }
        }
        else if (n.UpperValue.HasValue)
        {
            sink.Error(p + ".upperValue", ValidationCodes.UpperValueNotAllowed, F($"{l}: only \"between\" takes an upper value."));
        }
    }

    private static void CheckText(TextCondition t, string p, string l, Sink sink)
    {
        int count = t.Values.Length;
        switch (t.Operator)
        {
            case TextOperator.Is or TextOperator.IsNot when count != 1:
                sink.Error(p + ".values", ValidationCodes.TextValueCount, F($"{l}: \"{OperatorName(t.Operator)}\" needs exactly one value, but has {count}."));
                break;
            case TextOperator.IsAnyOf when count == 0:
                sink.Error(p + ".values", ValidationCodes.TextValueCount, F($"{l}: \"is any of\" needs at least one value."));
                break;
            case TextOperator.IsKnown or TextOperator.IsUnknown when count != 0:
                sink.Error(p + ".values", ValidationCodes.TextValueCount, F($"{l}: \"{OperatorName(t.Operator)}\" takes no values, but has {count}."));
                break;
            case TextOperator.Is or TextOperator.IsNot or TextOperator.IsAnyOf or TextOperator.IsKnown or TextOperator.IsUnknown:
                break;
            default:
                sink.Error(p + ".operator", ValidationCodes.OperatorUndefined, F($"{l}: text operator {(int)t.Operator} is not defined."));
                break;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < count; i++)
        {
            if (!seen.Add(t.Values[i]))
            {
                sink.Error(F($"{p}.values[{i}]"), ValidationCodes.TextValueDuplicate, F($"{l}: the value '{t.Values[i]}' is listed more than once."));
            }
        }
    }

    private static void CheckDate(DateCondition dc, string p, string l, Sink sink)
    {
        switch (dc.Operator)
        {
            case DateOperator.WithinLastDays or DateOperator.WithinNextDays:
                if (dc.Days is not { } days || days < 1 || days > DateCondition.MaxDays)
                {
                    sink.Error(
                        p + ".days",
                        ValidationCodes.DateDaysRange,
                        F($"{l}: \"{OperatorName(dc.Operator)}\" needs a number of days between 1 and {DateCondition.MaxDays}, but has {(dc.Days.HasValue ? dc.Days.Value.ToString(CultureInfo.InvariantCulture) : "none")}."));
                }

                if (dc.Date.HasValue)
                {
                    sink.Error(p + ".date", ValidationCodes.DateOperandNotAllowed, F($"{l}: \"{OperatorName(dc.Operator)}\" takes no fixed date."));
                }

                break;
            case DateOperator.Before or DateOperator.After:
                if (!dc.Date.HasValue)
                {
                    sink.Error(p + ".date", ValidationCodes.DateRequired, F($"{l}: \"{OperatorName(dc.Operator)}\" needs a date."));
                }

                if (dc.Days.HasValue)
                {
                    sink.Error(p + ".days", ValidationCodes.DateOperandNotAllowed, F($"{l}: \"{OperatorName(dc.Operator)}\" takes no number of days."));
                }

                break;
            default:
                sink.Error(p + ".operator", ValidationCodes.OperatorUndefined, F($"{l}: date operator {(int)dc.Operator} is not defined."));
                break;
        }
    }

    private static string GroupLabel(ScoreGroup group, int g) =>
        string.IsNullOrWhiteSpace(group.Name) ? F($"Group {g + 1}") : F($"Group '{group.Name}'");

    private static string CriterionLabel(Criterion criterion, int c) =>
        string.IsNullOrWhiteSpace(criterion.Name) ? F($"{c + 1}") : F($"'{criterion.Name}'");

    private static string KindName(ScoreGroupKind kind) => kind == ScoreGroupKind.Event ? "an event" : "a property";

    private static string OperatorName(TextOperator op) => op switch
    {
        TextOperator.Is => "is",
        TextOperator.IsNot => "is not",
        TextOperator.IsAnyOf => "is any of",
        TextOperator.IsKnown => "is known",
        _ => "is unknown",
    };

    private static string OperatorName(DateOperator op) => op switch
    {
        DateOperator.WithinLastDays => "within the last days",
        DateOperator.WithinNextDays => "within the next days",
        DateOperator.Before => "before",
        _ => "after",
    };

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed class Sink(bool activation)
    {
        public bool Activation { get; } = activation;

        public List<ValidationProblem> Problems { get; } = [];

        public void Error(string path, string code, string message) => Problems.Add(new ValidationProblem(path, code, message));

        public void Warning(string path, string code, string message) =>
            Problems.Add(new ValidationProblem(path, code, message) { Severity = ValidationSeverity.Warning });
    }
}
