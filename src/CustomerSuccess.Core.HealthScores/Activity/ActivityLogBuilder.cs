using System;
using System.Collections.Generic;
using NodaTime;
using CustomerSuccess.Core.HealthScores.Snapshots;

namespace CustomerSuccess.Core.HealthScores.Activity;

/// <summary>Builds an <see cref="ActivityLog"/> event by event: <see cref="AddEvent"/> appends an event whose properties are
/// all missing, then the typed setters fill them.</summary>
/// <remarks>Not thread-safe. <see cref="Build"/> copies the data.</remarks>
public sealed class ActivityLogBuilder
{
    private readonly ColumnTableBuilder _properties;
    private readonly Dictionary<string, ushort> _typeCodes = new(StringComparer.Ordinal);
    private readonly List<string> _types = [];
    private int[] _accounts;
    private ushort[] _typeColumn;
    private long[] _occurredAt;

    /// <summary>Initializes a new builder.</summary>
    /// <param name="propertySchema">The event properties (union over event types).</param>
    /// <param name="capacity">The expected number of events (the builder grows beyond it).</param>
    /// <exception cref="ArgumentNullException"><paramref name="propertySchema"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is negative.</exception>
    public ActivityLogBuilder(PortfolioSchema propertySchema, int capacity = 1024)
    {
        _properties = new ColumnTableBuilder(propertySchema, capacity);
        int initial = Math.Max(capacity, 16);
        _accounts = new int[initial];
        _typeColumn = new ushort[initial];
        _occurredAt = new long[initial];
    }

    /// <summary>Gets the number of events added so far.</summary>
    /// <value>The next event index.</value>
    public int Count => _properties.Count;

    /// <summary>Appends an event with every property missing.</summary>
    /// <param name="accountIndex">The account (row of the snapshot) the event belongs to.</param>
    /// <param name="eventType">The event type (ordinal, case-sensitive).</param>
    /// <param name="occurredAt">When the event occurred.</param>
    /// <returns>The event's index.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="accountIndex"/> is negative.</exception>
    /// <exception cref="ArgumentException"><paramref name="eventType"/> is null or empty.</exception>
    /// <exception cref="InvalidOperationException">More than 65,535 event types.</exception>
    public int AddEvent(int accountIndex, string eventType, Instant occurredAt)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(accountIndex);
        ArgumentException.ThrowIfNullOrEmpty(eventType);
        if (!_typeCodes.TryGetValue(eventType, out ushort code))
        {
            if (_types.Count >= ushort.MaxValue)
            {
                throw new InvalidOperationException("Too many event types.");
            }

            _types.Add(eventType);
            code = (ushort)_types.Count;
            _typeCodes.Add(eventType, code);
        }

        int row = _properties.AddRow();
        if (row == _accounts.Length)
        {
            int size = (int)Math.Min((long)row * 2, Array.MaxLength);
            Array.Resize(ref _accounts, size);
            Array.Resize(ref _typeColumn, size);
            Array.Resize(ref _occurredAt, size);
        }

        _accounts[row] = accountIndex;
        _typeColumn[row] = code;
        _occurredAt[row] = occurredAt.ToUnixTimeMilliseconds();
        return row;
    }

    /// <summary>Sets a number property.</summary>
    /// <param name="eventIndex">The event index.</param>
    /// <param name="column">The property column.</param>
    /// <param name="value">The value; null = missing.</param>
    /// <exception cref="ArgumentOutOfRangeException">No such event or column.</exception>
    /// <exception cref="ArgumentException">The column is not a number column.</exception>
    public void SetNumber(int eventIndex, int column, double? value) => _properties.SetNumber(eventIndex, column, value);

    /// <summary>Sets a text property.</summary>
    /// <param name="eventIndex">The event index.</param>
    /// <param name="column">The property column.</param>
    /// <param name="value">The value; null = missing.</param>
    /// <exception cref="ArgumentOutOfRangeException">No such event or column.</exception>
    /// <exception cref="ArgumentException">The column is not a text column.</exception>
    public void SetText(int eventIndex, int column, string? value) => _properties.SetText(eventIndex, column, value);

    /// <summary>Sets a date property.</summary>
    /// <param name="eventIndex">The event index.</param>
    /// <param name="column">The property column.</param>
    /// <param name="value">The value; null = missing.</param>
    /// <exception cref="ArgumentOutOfRangeException">No such event or column.</exception>
    /// <exception cref="ArgumentException">The column is not a date column.</exception>
    public void SetDate(int eventIndex, int column, LocalDate? value) => _properties.SetDate(eventIndex, column, value);

    /// <summary>Sets a boolean property.</summary>
    /// <param name="eventIndex">The event index.</param>
    /// <param name="column">The property column.</param>
    /// <param name="value">The value; null = missing.</param>
    /// <exception cref="ArgumentOutOfRangeException">No such event or column.</exception>
    /// <exception cref="ArgumentException">The column is not a boolean column.</exception>
    public void SetBoolean(int eventIndex, int column, bool? value) => _properties.SetBoolean(eventIndex, column, value);

    /// <summary>Builds the immutable log.</summary>
    /// <returns>The event log.</returns>
    public ActivityLog Build()
    {
        int n = Count;
        return new ActivityLog(
            _accounts.AsSpan(0, n).ToArray(),
            _typeColumn.AsSpan(0, n).ToArray(),
            _occurredAt.AsSpan(0, n).ToArray(),
            [.. _types],
            _properties.Build());
    }
}
