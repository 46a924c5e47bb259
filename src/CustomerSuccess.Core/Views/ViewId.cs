using System;
using System.Globalization;

namespace CustomerSuccess.Core.Views;

/// <summary>Identifies a view inside one <see cref="ViewCatalog"/>; assigned by the catalogue from a counter that never reuses numbers.</summary>
/// <remarks>The value is positive. <c>default</c> (value 0) is not a valid id; <see cref="IsDefault"/> tells it apart.
/// <threadsafety>Immutable value type; thread-safe.</threadsafety></remarks>
public readonly record struct ViewId : IComparable<ViewId>
{
    private ViewId(long value) => Value = value;

    /// <summary>Gets the underlying positive number.</summary>
    public long Value { get; }

    /// <summary>Gets a value indicating whether this is <c>default</c> (no id).</summary>
    public bool IsDefault => Value == 0;

    /// <summary>Creates an id from its number.</summary>
    /// <param name="value">A positive number.</param>
    /// <returns>The id.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is zero or negative.</exception>
    public static ViewId From(long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
        return new ViewId(value);
    }

    /// <summary>Compares two ids by number.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns><see langword="true"/> if <paramref name="left"/> is smaller.</returns>
    public static bool operator <(ViewId left, ViewId right) => left.Value < right.Value;

    /// <summary>Compares two ids by number.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns><see langword="true"/> if <paramref name="left"/> is smaller or equal.</returns>
    public static bool operator <=(ViewId left, ViewId right) => left.Value <= right.Value;

    /// <summary>Compares two ids by number.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns><see langword="true"/> if <paramref name="left"/> is greater.</returns>
    public static bool operator >(ViewId left, ViewId right) => left.Value > right.Value;

    /// <summary>Compares two ids by number.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns><see langword="true"/> if <paramref name="left"/> is greater or equal.</returns>
    public static bool operator >=(ViewId left, ViewId right) => left.Value >= right.Value;

    /// <inheritdoc />
    public int CompareTo(ViewId other) => Value.CompareTo(other.Value);

    /// <summary>Returns the number in invariant culture.</summary>
    /// <returns>The number as text.</returns>
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
