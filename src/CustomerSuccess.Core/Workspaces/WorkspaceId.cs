using System;
using System.Globalization;

namespace CustomerSuccess.Core.Workspaces;

/// <summary>Identifies a workspace inside one portal's <see cref="WorkspaceDirectory"/>; assigned by the directory from a counter that never reuses numbers.</summary>
/// <remarks>The value is positive. <c>default</c> (value 0) is not a valid id; <see cref="IsDefault"/> tells it apart.
/// <threadsafety>Immutable value type; thread-safe.</threadsafety></remarks>
public readonly record struct WorkspaceId : IComparable<WorkspaceId>
{
    private WorkspaceId(long value) => Value = value;

    /// <summary>Gets the underlying positive number.</summary>
    public long Value { get; }

    /// <summary>Gets a value indicating whether this is <c>default</c> (no id).</summary>
    public bool IsDefault => Value == 0;

    /// <summary>Creates an id from its number.</summary>
    /// <param name="value">A positive number.</param>
    /// <returns>The id.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is zero or negative.</exception>
    public static WorkspaceId From(long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
        return new WorkspaceId(value);
    }

    /// <summary>Compares two ids by number.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns><see langword="true"/> if <paramref name="left"/> is smaller.</returns>
    public static bool operator <(WorkspaceId left, WorkspaceId right) => left.Value < right.Value;

    /// <summary>Compares two ids by number.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns><see langword="true"/> if <paramref name="left"/> is smaller or equal.</returns>
    public static bool operator <=(WorkspaceId left, WorkspaceId right) => left.Value <= right.Value;

    /// <summary>Compares two ids by number.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns><see langword="true"/> if <paramref name="left"/> is greater.</returns>
    public static bool operator >(WorkspaceId left, WorkspaceId right) => left.Value > right.Value;

    /// <summary>Compares two ids by number.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns><see langword="true"/> if <paramref name="left"/> is greater or equal.</returns>
    public static bool operator >=(WorkspaceId left, WorkspaceId right) => left.Value >= right.Value;

    /// <inheritdoc />
    public int CompareTo(WorkspaceId other) => Value.CompareTo(other.Value);

    /// <summary>Returns the number in invariant culture.</summary>
    /// <returns>The number as text.</returns>
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
