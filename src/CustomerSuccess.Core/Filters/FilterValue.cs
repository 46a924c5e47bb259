using System;
using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace CustomerSuccess.Core.Filters;

/// <summary>
/// A typed operand of a <see cref="PropertyFilter"/>: text, number, calendar date, yes/no or user. Serialised with a
/// <c>"type"</c> discriminator (<c>text</c>, <c>number</c>, <c>date</c>, <c>boolean</c>, <c>user</c>).
/// </summary>
/// <remarks>Dates are calendar dates (<see cref="LocalDate"/>, ISO <c>yyyy-MM-dd</c> in JSON), interpreted in the
/// viewer's time zone when the filter is compiled; users are serialised as their number.
/// <threadsafety>Immutable; thread-safe.</threadsafety></remarks>
public abstract record FilterValue
{
    private protected FilterValue()
    {
    }

    /// <summary>Creates a text operand.</summary>
    /// <param name="value">The text.</param>
    /// <returns>The operand.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public static FilterValue Text(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new TextFilterValue(value);
    }

    /// <summary>Creates a number operand.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The operand.</returns>
    public static FilterValue Number(decimal value) => new NumberFilterValue(value);

    /// <summary>Creates a calendar-date operand.</summary>
    /// <param name="value">The date.</param>
    /// <returns>The operand.</returns>
    public static FilterValue Date(LocalDate value) => new DateFilterValue(value);

    /// <summary>Creates a yes/no operand.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The operand.</returns>
    public static FilterValue Boolean(bool value) => new BooleanFilterValue(value);

    /// <summary>Creates a user operand.</summary>
    /// <param name="value">The user.</param>
    /// <returns>The operand.</returns>
    public static FilterValue User(UserId value) => new UserFilterValue(value);

    /// <summary>Returns the operand as a person reads it, e.g. <c>"acme"</c>, <c>42</c>, <c>2025-03-30</c>.</summary>
    /// <returns>The text.</returns>
    public abstract string Describe();
}

/// <summary>A text operand.</summary>
/// <param name="Value">The text (ordinal comparison in memory).</param>
public sealed record TextFilterValue(string Value) : FilterValue
{
    /// <inheritdoc />
    public override string Describe() => "\"" + Value + "\"";
}

/// <summary>A number operand.</summary>
/// <param name="Value">The number.</param>
public sealed record NumberFilterValue(decimal Value) : FilterValue
{
    /// <inheritdoc />
    public override string Describe() => Value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A calendar-date operand, interpreted in the viewer's time zone.</summary>
/// <param name="Value">The date; years 1900 to 2999 are accepted by the compiler.</param>
public sealed record DateFilterValue(LocalDate Value) : FilterValue
{
    /// <inheritdoc />
    public override string Describe() => LocalDatePattern.Iso.Format(Value);
}

/// <summary>A yes/no operand.</summary>
/// <param name="Value">The value.</param>
public sealed record BooleanFilterValue(bool Value) : FilterValue
{
    /// <inheritdoc />
    public override string Describe() => Value ? "true" : "false";
}

/// <summary>A user operand (for the owner property).</summary>
/// <param name="Value">The user.</param>
public sealed record UserFilterValue(UserId Value) : FilterValue
{
    /// <inheritdoc />
    public override string Describe() => "user " + Value.ToString();
}
