using System;
using System.Collections.Immutable;
using CustomerSuccess.Core.HealthScores.Snapshots;

namespace CustomerSuccess.Core.HealthScores.Activity;

/// <summary>
/// An immutable columnar event log: per event the account index, a dictionary-encoded event type, the occurred-at
/// instant as Unix milliseconds and typed property columns encoded like <see cref="PortfolioSnapshot"/> (NaN, code 0,
/// <see cref="int.MinValue"/> and byte 0 for missing). Built by <see cref="ActivityLogBuilder"/>.
/// </summary>
/// <remarks>Immutable and thread-safe. Events may be in any order.</remarks>
public sealed class ActivityLog
{
    private readonly int[] _accounts;
    private readonly ushort[] _types;
    private readonly long[] _occurredAt;
    private readonly ColumnTable _properties;

    internal ActivityLog(int[] accounts, ushort[] types, long[] occurredAt, ImmutableArray<string> eventTypes, ColumnTable properties)
    {
        _accounts = accounts;
        _types = types;
        _occurredAt = occurredAt;
        EventTypes = eventTypes;
        _properties = properties;
    }

    /// <summary>Gets the number of events.</summary>
    /// <value>The row count.</value>
    public int Count => _accounts.Length;

    /// <summary>Gets the event property schema.</summary>
    /// <value>The union of all event types' properties; a property an event does not have is missing.</value>
    public PortfolioSchema PropertySchema => _properties.Schema;

    /// <summary>Gets the event type dictionary.</summary>
    /// <value>Type code c (1-based) is element c − 1.</value>
    public ImmutableArray<string> EventTypes { get; }

    /// <summary>Gets the account index column.</summary>
    /// <value>One account index per event.</value>
    public ReadOnlySpan<int> AccountIndexes => _accounts;

    /// <summary>Gets the event type code column.</summary>
    /// <value>Codes 1..<see cref="EventTypes"/>.Length.</value>
    public ReadOnlySpan<ushort> TypeCodes => _types;

    /// <summary>Gets the occurred-at column.</summary>
    /// <value>Unix milliseconds (UTC).</value>
    public ReadOnlySpan<long> OccurredAtUnixMilliseconds => _occurredAt;

    /// <summary>Gets the bytes held per event by all columns.</summary>
    /// <value>4 (account) + 2 (type) + 8 (time) + Σ bytes per property value.</value>
    public int BytesPerEvent
    {
        get
        {
            int bytes = sizeof(int) + sizeof(ushort) + sizeof(long);
            for (int c = 0; c < PropertySchema.Count; c++)
            {
                bytes += _properties.BytesPerValue(c);
            }

            return bytes;
        }
    }

    internal ColumnTable Properties => _properties;

    /// <summary>Decodes one property value of one event (for tests and explanations, not for hot loops).</summary>
    /// <param name="column">The property column.</param>
    /// <param name="eventIndex">The event row.</param>
    /// <returns>A boxed double, string, LocalDate or bool, or null when missing.</returns>
    /// <exception cref="ArgumentOutOfRangeException">No such column or row.</exception>
    public object? GetProperty(int column, int eventIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(column, nameof(column));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, PropertySchema.Count, nameof(column));
        return _properties.GetValue(column, eventIndex);
    }
}
