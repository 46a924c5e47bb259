using System;
using NodaTime;

namespace CustomerSuccess.Core.Records;

/// <summary>
/// One value of a record's property bag: a row with the property's name and one typed column per property type, so
/// that a filter on a bag property is a plain <c>EXISTS</c> over an owned collection or child table.
/// </summary>
/// <remarks>
/// <para>Only the column that matches the property's <see cref="RecordPropertyType"/> in the <see cref="RecordSchema"/>
/// is read; the others should be <see langword="null"/>. A value in the wrong column is treated as unknown.</para>
/// <para>A record holds at most one row per <see cref="Name"/>; a missing row, or a row whose typed column is
/// <see langword="null"/>, is an unknown value. Why rows and not a dictionary: see <c>docs/views.md</c>, "Property bag".</para>
/// <para>Init-only properties (not a positional record) so that an ORM can map the type as an owned entity.</para>
/// <threadsafety>Immutable once built; thread-safe.</threadsafety>
/// </remarks>
public sealed record RecordPropertyValue
{
    /// <summary>Gets the property's internal name, e.g. <c>renewal_date</c> (ordinal, case-sensitive).</summary>
    /// <value>Default: empty (no name).</value>
    public string Name { get; init; } = string.Empty;

    /// <summary>Gets the value of a <see cref="RecordPropertyType.Text"/> property.</summary>
    /// <value>Default <see langword="null"/> (unknown).</value>
    public string? TextValue { get; init; }

    /// <summary>Gets the value of a <see cref="RecordPropertyType.Number"/> property.</summary>
    /// <value>Default <see langword="null"/> (unknown).</value>
    public decimal? NumberValue { get; init; }

    /// <summary>Gets the value of a <see cref="RecordPropertyType.Date"/> property.</summary>
    /// <value>Default <see langword="null"/> (unknown).</value>
    public Instant? DateValue { get; init; }

    /// <summary>Gets the value of a <see cref="RecordPropertyType.Boolean"/> property.</summary>
    /// <value>Default <see langword="null"/> (unknown).</value>
    public bool? BoolValue { get; init; }

    /// <summary>Creates a text value.</summary>
    /// <param name="name">The property name.</param>
    /// <param name="value">The text, or <see langword="null"/> for unknown.</param>
    /// <returns>The row.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null, empty or white space.</exception>
    public static RecordPropertyValue Text(string name, string? value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new RecordPropertyValue { Name = name, TextValue = value };
    }

    /// <summary>Creates a number value.</summary>
    /// <param name="name">The property name.</param>
    /// <param name="value">The number, or <see langword="null"/> for unknown.</param>
    /// <returns>The row.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null, empty or white space.</exception>
    public static RecordPropertyValue Number(string name, decimal? value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new RecordPropertyValue { Name = name, NumberValue = value };
    }

    /// <summary>Creates a date value.</summary>
    /// <param name="name">The property name.</param>
    /// <param name="value">The instant, or <see langword="null"/> for unknown.</param>
    /// <returns>The row.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null, empty or white space.</exception>
    public static RecordPropertyValue Date(string name, Instant? value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new RecordPropertyValue { Name = name, DateValue = value };
    }

    /// <summary>Creates a yes/no value.</summary>
    /// <param name="name">The property name.</param>
    /// <param name="value">The value, or <see langword="null"/> for unknown.</param>
    /// <returns>The row.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null, empty or white space.</exception>
    public static RecordPropertyValue Boolean(string name, bool? value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new RecordPropertyValue { Name = name, BoolValue = value };
    }
}
