using System;
using System.Globalization;

namespace CustomerSuccess.Core.Records;

/// <summary>Identifies a CRM record (a customer, service or revenue record) within its object type.</summary>
/// <remarks>The value is positive. <c>default</c> (value 0) is not a valid id; <see cref="IsDefault"/> tells it apart.
/// It implements the non-generic <see cref="IComparable"/> too, because specification ordering keys are boxed.
/// <threadsafety>Immutable value type; thread-safe.</threadsafety></remarks>
public readonly record struct RecordId : IComparable<RecordId>, IComparable
{
    private RecordId(long value) => Value = value;

    /// <summary>Gets the underlying positive number.</summary>
    public long Value { get; }

    /// <summary>Gets a value indicating whether this is <c>default</c> (no id).</summary>
    public bool IsDefault => Value == 0;

    /// <summary>Creates an id from its number.</summary>
    /// <param name="value">A positive number.</param>
    /// <returns>The id.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is zero or negative.</exception>
    public static RecordId From(long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
        return new RecordId(value);
    }

    /// <summary>Compares two ids by number.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns><see langword="true"/> if <paramref name="left"/> is smaller.</returns>
    public static bool operator <(RecordId left, RecordId right) => left.Value < right.Value;

    /// <summary>Compares two ids by number.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns><see langword="true"/> if <paramref name="left"/> is smaller or equal.</returns>
    public static bool operator <=(RecordId left, RecordId right) => left.Value <= right.Value;

    /// <summary>Compares two ids by number.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns><see langword="true"/> if <paramref name="left"/> is greater.</returns>
    public static bool operator >(RecordId left, RecordId right) => left.Value > right.Value;

    /// <summary>Compares two ids by number.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns><see langword="true"/> if <paramref name="left"/> is greater or equal.</returns>
    public static bool operator >=(RecordId left, RecordId right) => left.Value >= right.Value;

    /// <inheritdoc />
    public int CompareTo(RecordId other) => Value.CompareTo(other.Value);

    /// <summary>Compares this id with a boxed id; used when a specification orders by <c>r =&gt; (object)r.Id</c>.</summary>
    /// <param name="obj">A <see cref="RecordId"/> or <see langword="null"/> (which sorts first).</param>
    /// <returns>A negative number, zero or a positive number as this id is smaller, equal or greater.</returns>
    /// <exception cref="ArgumentException"><paramref name="obj"/> is neither <see langword="null"/> nor a <see cref="RecordId"/>.</exception>
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        RecordId other => CompareTo(other),
        _ => throw new ArgumentException("A record id can only be compared with another record id.", nameof(obj)),
    };

    /// <summary>Returns the number in invariant culture.</summary>
    /// <returns>The number as text.</returns>
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
