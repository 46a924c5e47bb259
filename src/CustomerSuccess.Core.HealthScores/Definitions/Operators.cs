namespace CustomerSuccess.Core.HealthScores;

/// <summary>Comparison of a number property with <see cref="NumberCondition.Value"/> (and <see cref="NumberCondition.UpperValue"/>).</summary>
public enum NumberOperator
{
    /// <summary>x == Value.</summary>
    Equal,

    /// <summary>x != Value (a missing value does not match).</summary>
    NotEqual,

    /// <summary>x &lt; Value.</summary>
    LessThan,

    /// <summary>x &lt;= Value.</summary>
    LessThanOrEqual,

    /// <summary>x &gt; Value.</summary>
    GreaterThan,

    /// <summary>x &gt;= Value.</summary>
    GreaterThanOrEqual,

    /// <summary>Value &lt;= x &lt;= UpperValue (both bounds inclusive).</summary>
    Between,
}

/// <summary>Comparison of a text property with <see cref="TextCondition.Values"/>; ordinal and case-sensitive.</summary>
public enum TextOperator
{
    /// <summary>The value equals the single entry of <see cref="TextCondition.Values"/>.</summary>
    Is,

    /// <summary>The value is present and differs from the single entry of <see cref="TextCondition.Values"/> (a missing value does not match).</summary>
    IsNot,

    /// <summary>The value equals one of the entries of <see cref="TextCondition.Values"/> (at least one entry).</summary>
    IsAnyOf,

    /// <summary>The value is present (no entries in <see cref="TextCondition.Values"/>).</summary>
    IsKnown,

    /// <summary>The value is missing (no entries in <see cref="TextCondition.Values"/>); the only operator that matches a missing value.</summary>
    IsUnknown,
}

/// <summary>Comparison of a date property, relative to the as-of date of the evaluation or to a fixed date.</summary>
public enum DateOperator
{
    /// <summary>asOf − Days &lt;= d &lt;= asOf (both inclusive); needs <see cref="DateCondition.Days"/>.</summary>
    WithinLastDays,

    /// <summary>asOf &lt;= d &lt;= asOf + Days (both inclusive); needs <see cref="DateCondition.Days"/>.</summary>
    WithinNextDays,

    /// <summary>d &lt; Date (exclusive); needs <see cref="DateCondition.Date"/>.</summary>
    Before,

    /// <summary>d &gt; Date (exclusive); needs <see cref="DateCondition.Date"/>.</summary>
    After,
}

/// <summary>Comparison of an event count with <see cref="EventCriterion.Count"/>.</summary>
public enum CountOperator
{
    /// <summary>count &gt;= Count.</summary>
    AtLeast,

    /// <summary>count &lt;= Count.</summary>
    AtMost,

    /// <summary>count == Count.</summary>
    Exactly,

    /// <summary>count &gt; Count.</summary>
    MoreThan,

    /// <summary>count &lt; Count.</summary>
    LessThan,
}

/// <summary>The two kinds of score group (rule 77).</summary>
public enum ScoreGroupKind
{
    /// <summary>Fit rules on property values of the scored record; holds only <see cref="PropertyCriterion"/>.</summary>
    Property,

    /// <summary>Engagement rules on tracked events; holds only <see cref="EventCriterion"/>.</summary>
    Event,
}
