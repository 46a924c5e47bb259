using System;
using System.Collections.Immutable;
using NodaTime;

namespace CustomerSuccess.Core.HealthScores;

/// <summary>One test on one property of a record or of an event.</summary>
/// <param name="Property">The property name; compared ordinally and case-sensitively.</param>
/// <remarks>
/// <para>A missing property value never matches, except for <see cref="TextOperator.IsUnknown"/>, which matches exactly
/// the missing values. Numbers, dates and booleans have no "is unknown" test in v1.</para>
/// <para>The JSON form is polymorphic with the discriminator <c>"kind"</c>: <c>number</c>, <c>text</c>, <c>date</c>,
/// <c>boolean</c>. Instances are immutable and thread-safe; a blank property name is allowed in the model (drafts) and
/// reported by validation.</para>
/// </remarks>
public abstract record Condition(string Property)
{
    /// <summary>Gets the property name; compared ordinally and case-sensitively.</summary>
    /// <value>Never <see langword="null"/>; may be blank in a draft.</value>
    /// <exception cref="ArgumentNullException">The value set is <see langword="null"/>.</exception>
    public string Property
    {
        get;
        init => field = Guard.NotNull(value, nameof(Property));
    } = Guard.NotNull(Property, nameof(Property));

    /// <summary>Gets the type of value this condition tests.</summary>
    /// <value>Fixed per condition type.</value>
    public abstract SignalType SignalType { get; }
}

/// <summary>Tests a number property.</summary>
/// <param name="Property">The property name.</param>
/// <param name="Operator">The comparison.</param>
/// <param name="Value">The operand; the lower bound for <see cref="NumberOperator.Between"/>.</param>
/// <param name="UpperValue">The upper bound for <see cref="NumberOperator.Between"/> (inclusive); <see langword="null"/> for every other operator.</param>
/// <remarks><see cref="NumberOperator.Between"/> matches Value &lt;= x &lt;= UpperValue (both inclusive). NaN and infinities are rejected by validation.</remarks>
public sealed record NumberCondition(string Property, NumberOperator Operator, double Value, double? UpperValue = null)
    : Condition(Property)
{
    /// <inheritdoc/>
    /// <value><see cref="SignalType.Number"/>.</value>
    public override SignalType SignalType => SignalType.Number;
}

/// <summary>Tests a text property, ordinally and case-sensitively.</summary>
/// <param name="Property">The property name.</param>
/// <param name="Operator">The comparison.</param>
/// <param name="Values">The operands: exactly one for <see cref="TextOperator.Is"/>/<see cref="TextOperator.IsNot"/>,
/// at least one for <see cref="TextOperator.IsAnyOf"/>, none for <see cref="TextOperator.IsKnown"/>/<see cref="TextOperator.IsUnknown"/>.</param>
/// <remarks><see cref="TextOperator.IsNot"/> on a missing value does not match. Equality compares <see cref="Values"/> element by element.</remarks>
public sealed record TextCondition(string Property, TextOperator Operator, ImmutableArray<string> Values)
    : Condition(Property)
{
    /// <summary>Gets the operands.</summary>
    /// <value>Never default (a default array is stored as empty); no <see langword="null"/> elements.</value>
    /// <exception cref="ArgumentException">The value set contains a <see langword="null"/> element.</exception>
    public ImmutableArray<string> Values
    {
        get;
        init => field = Guard.Elements(value, nameof(Values));
    } = Guard.Elements(Values, nameof(Values));

    /// <inheritdoc/>
    /// <value><see cref="SignalType.Text"/>.</value>
    public override SignalType SignalType => SignalType.Text;

    /// <summary>Compares property, operator and the operand sequence.</summary>
    /// <param name="other">The other condition.</param>
    /// <returns><see langword="true"/> when all members are equal (values compared in order).</returns>
    public bool Equals(TextCondition? other) =>
        other is not null && base.Equals(other) && Operator == other.Operator && Guard.SequenceEqual(Values, other.Values);

    /// <summary>Returns a hash code consistent with <see cref="Equals(TextCondition)"/>.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode()
    {
        HashCode hash = default;
        hash.Add(base.GetHashCode());
        hash.Add(Operator);
        Guard.AddSequence(ref hash, Values);
        return hash.ToHashCode();
    }
}

/// <summary>Tests a date property relative to the as-of date of the evaluation or to a fixed date.</summary>
/// <param name="Property">The property name.</param>
/// <param name="Operator">The comparison.</param>
/// <param name="Days">The day count for <see cref="DateOperator.WithinLastDays"/>/<see cref="DateOperator.WithinNextDays"/> (1..3650); otherwise <see langword="null"/>.</param>
/// <param name="Date">The fixed date for <see cref="DateOperator.Before"/>/<see cref="DateOperator.After"/>; otherwise <see langword="null"/>.</param>
/// <remarks>WithinLastDays: asOf − Days &lt;= d &lt;= asOf; WithinNextDays: asOf &lt;= d &lt;= asOf + Days; Before: d &lt; Date; After: d &gt; Date.</remarks>
public sealed record DateCondition(string Property, DateOperator Operator, int? Days = null, LocalDate? Date = null)
    : Condition(Property)
{
    /// <summary>The largest accepted <see cref="Days"/> value (about ten years).</summary>
    public const int MaxDays = 3650;

    /// <inheritdoc/>
    /// <value><see cref="SignalType.Date"/>.</value>
    public override SignalType SignalType => SignalType.Date;
}

/// <summary>Tests a boolean property for a value.</summary>
/// <param name="Property">The property name.</param>
/// <param name="Value">The value that matches.</param>
public sealed record BooleanCondition(string Property, bool Value) : Condition(Property)
{
    /// <inheritdoc/>
    /// <value><see cref="SignalType.Boolean"/>.</value>
    public override SignalType SignalType => SignalType.Boolean;
}
