using System;
using NodaTime;

namespace CustomerSuccess.Core.Crm;

/// <summary>The value of one property of a record (or task) that is not one of its typed members: one entry of its
/// property bag.</summary>
/// <remarks>
/// <para>Exactly one value column is meant to be set, the one of the property's <see cref="CrmPropertyType"/>:
/// <see cref="TextValue"/>, <see cref="NumberValue"/>, <see cref="DateValue"/> (dates and date-times),
/// <see cref="BoolValue"/> or <see cref="UserValue"/>; all <see langword="null"/> means the property has no value. The
/// shape is flat on purpose: a filter on the bag compiles to <c>Properties.Any(p =&gt; p.Name == "nps" &amp;&amp;
/// p.NumberValue &gt;= 9)</c>, which EF Core translates to an <c>EXISTS</c> over a child table or a JSON column.</para>
/// <threadsafety>Immutable; thread-safe.</threadsafety>
/// </remarks>
public sealed record CrmPropertyValue
{
    /// <summary>Gets the property's internal name.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>Gets the value of a text property.</summary>
    public string? TextValue { get; init; }

    /// <summary>Gets the value of a number property.</summary>
    public decimal? NumberValue { get; init; }

    /// <summary>Gets the value of a date or date-time property.</summary>
    public Instant? DateValue { get; init; }

    /// <summary>Gets the value of a yes/no property.</summary>
    public bool? BoolValue { get; init; }

    /// <summary>Gets the value of a user (owner) property.</summary>
    public UserId? UserValue { get; init; }

    /// <summary>Creates a text value.</summary>
    /// <param name="name">The property.</param>
    /// <param name="value">The value, or <see langword="null"/> for none.</param>
    /// <returns>The property value.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null, empty or white space.</exception>
    public static CrmPropertyValue Text(string name, string? value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new CrmPropertyValue { Name = name, TextValue = value };
    }

    /// <summary>Creates a number value.</summary>
    /// <param name="name">The property.</param>
    /// <param name="value">The value, or <see langword="null"/> for none.</param>
    /// <returns>The property value.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null, empty or white space.</exception>
    public static CrmPropertyValue Number(string name, decimal? value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new CrmPropertyValue { Name = name, NumberValue = value };
    }

    /// <summary>Creates a date or date-time value.</summary>
    /// <param name="name">The property.</param>
    /// <param name="value">The value, or <see langword="null"/> for none.</param>
    /// <returns>The property value.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null, empty or white space.</exception>
    public static CrmPropertyValue Date(string name, Instant? value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new CrmPropertyValue { Name = name, DateValue = value };
    }

    /// <summary>Creates a yes/no value.</summary>
    /// <param name="name">The property.</param>
    /// <param name="value">The value, or <see langword="null"/> for none.</param>
    /// <returns>The property value.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null, empty or white space.</exception>
    public static CrmPropertyValue Boolean(string name, bool? value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new CrmPropertyValue { Name = name, BoolValue = value };
    }

    /// <summary>Creates a user (owner) value.</summary>
    /// <param name="name">The property.</param>
    /// <param name="value">The value, or <see langword="null"/> for none.</param>
    /// <returns>The property value.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null, empty or white space.</exception>
    public static CrmPropertyValue User(string name, UserId? value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new CrmPropertyValue { Name = name, UserValue = value };
    }
}
