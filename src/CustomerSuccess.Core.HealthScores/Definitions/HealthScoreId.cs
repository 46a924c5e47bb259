using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace CustomerSuccess.Core.HealthScores;

/// <summary>Identifies a health score (all of its drafts and activated versions share one id).</summary>
/// <param name="Value">The positive numeric id.</param>
/// <remarks>
/// <para>Create ids with <see cref="From"/> or <see cref="TryCreate"/>, which reject values that are not positive.</para>
/// <para><c>default(HealthScoreId)</c> has <see cref="Value"/> 0 and means "no id"; it is never returned by
/// <see cref="From"/>. The type is an immutable value and thread-safe.</para>
/// </remarks>
public readonly record struct HealthScoreId(long Value)
{
    /// <summary>Creates an id from a positive value.</summary>
    /// <param name="value">The id value; must be greater than zero.</param>
    /// <returns>The id.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is zero or negative.</exception>
    public static HealthScoreId From(long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
        return new HealthScoreId(value);
    }

    /// <summary>Tries to create an id from a value.</summary>
    /// <param name="value">The candidate value.</param>
    /// <param name="id">The id when <paramref name="value"/> is positive; otherwise <c>default</c>.</param>
    /// <returns><see langword="true"/> when <paramref name="value"/> is greater than zero.</returns>
    public static bool TryCreate(long value, [NotNullWhen(true)] out HealthScoreId id)
    {
        id = value > 0 ? new HealthScoreId(value) : default;
        return value > 0;
    }

    /// <summary>Returns the id value in invariant culture.</summary>
    /// <returns>The decimal digits of <see cref="Value"/>.</returns>
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
