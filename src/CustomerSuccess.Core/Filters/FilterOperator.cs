using System.Text.Json.Serialization;

namespace CustomerSuccess.Core.Filters;

/// <summary>
/// The comparison a <see cref="PropertyFilter"/> applies to one property. Which operators a property accepts depends on
/// its <see cref="Crm.CrmPropertyType"/>; the number of values each takes is listed per member.
/// </summary>
/// <remarks>
/// <para>Unknown values: every operator except <see cref="IsNot"/>, <see cref="NotEqual"/> and <see cref="IsUnknown"/>
/// needs a known value to match; those three match records whose value is unknown (they are the negation of
/// <see cref="Is"/>, <see cref="Equal"/> and <see cref="IsKnown"/>).</para>
/// <para>Serialised by name (e.g. <c>"InLastDays"</c>).</para>
/// </remarks>
[JsonConverter(typeof(JsonStringEnumConverter<FilterOperator>))]
public enum FilterOperator
{
    /// <summary>Text or boolean equals the value (one value). Text comparison is ordinal (case-sensitive) in memory.</summary>
    Is = 1,

    /// <summary>Text or boolean does not equal the value, or is unknown (one value).</summary>
    IsNot = 2,

    /// <summary>Text contains the value as a substring (one non-empty value; ordinal in memory).</summary>
    Contains = 3,

    /// <summary>Text equals one of the values, or the owner is one of the users (one or more values).</summary>
    IsAnyOf = 4,

    /// <summary>The property has a value (no value).</summary>
    IsKnown = 5,

    /// <summary>The property has no value (no value).</summary>
    IsUnknown = 6,

    /// <summary>Number = value (one value).</summary>
    Equal = 7,

    /// <summary>Number ≠ value, or unknown (one value).</summary>
    NotEqual = 8,

    /// <summary>Number &lt; value (one value).</summary>
    LessThan = 9,

    /// <summary>Number ≤ value (one value).</summary>
    LessThanOrEqual = 10,

    /// <summary>Number &gt; value (one value).</summary>
    GreaterThan = 11,

    /// <summary>Number ≥ value (one value).</summary>
    GreaterThanOrEqual = 12,

    /// <summary>Number within [low, high], both ends included; or date on a day from the first to the second date, both
    /// days included (two values, the first not after the second).</summary>
    Between = 13,

    /// <summary>Date before the start of the given day in the viewer's zone (one date value).</summary>
    Before = 14,

    /// <summary>Date on or after the start of the day after the given day in the viewer's zone (one date value).</summary>
    After = 15,

    /// <summary>Date from the start of the day N days ago up to the start of tomorrow, in the viewer's zone (one whole
    /// number value, 0 to <see cref="FilterCompiler.MaxRelativeDays"/>).</summary>
    InLastDays = 16,

    /// <summary>Date from the start of today up to the start of the day N + 1 days ahead, in the viewer's zone (one whole
    /// number value, 0 to <see cref="FilterCompiler.MaxRelativeDays"/>).</summary>
    InNextDays = 17,

    /// <summary>The owner is the viewer (no value).</summary>
    IsMe = 18,
}
