using System;
using NodaTime;

namespace CustomerSuccess.Core.HealthScores.Snapshots;

/// <summary>
/// Builds a <see cref="PortfolioSnapshot"/> row by row: <see cref="AddAccount"/> appends an account whose signals are
/// all missing, then the typed setters fill its values. Text values are dictionary-encoded per column as they arrive.
/// </summary>
/// <remarks>Not thread-safe; use one builder per thread. <see cref="Build"/> copies the data, so the builder may be
/// reused or discarded afterwards.</remarks>
public sealed class PortfolioSnapshotBuilder
{
    private readonly ColumnTableBuilder _columns;
    private ushort[] _owners;
    private byte[] _segments;

    /// <summary>Initializes a new builder.</summary>
    /// <param name="schema">The signals.</param>
    /// <param name="ownerCount">The number of owner (CSM) codes, at least 1; code 0 may stand for "unassigned".</param>
    /// <param name="segmentCount">The number of segments, 0 to <see cref="PortfolioSnapshot.MaxSegments"/> (rule 74).</param>
    /// <param name="capacity">The expected number of accounts (the builder grows beyond it).</param>
    /// <exception cref="ArgumentNullException"><paramref name="schema"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is out of range.</exception>
    public PortfolioSnapshotBuilder(PortfolioSchema schema, int ownerCount = 1, int segmentCount = 0, int capacity = 1024)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentOutOfRangeException.ThrowIfLessThan(ownerCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ownerCount, PortfolioSnapshot.MaxOwners);
        ArgumentOutOfRangeException.ThrowIfNegative(segmentCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(segmentCount, PortfolioSnapshot.MaxSegments);
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _columns = new ColumnTableBuilder(schema, capacity);
        OwnerCount = ownerCount;
        SegmentCount = segmentCount;
        _owners = new ushort[Math.Max(capacity, 16)];
        _segments = new byte[_owners.Length];
    }

    /// <summary>Gets the schema.</summary>
    /// <value>The schema given at construction.</value>
    public PortfolioSchema Schema => _columns.Schema;

    /// <summary>Gets the number of owner codes.</summary>
    /// <value>Owner codes are in [0, OwnerCount).</value>
    public int OwnerCount { get; }

    /// <summary>Gets the number of segments.</summary>
    /// <value>0 to 5.</value>
    public int SegmentCount { get; }

    /// <summary>Gets the number of accounts added so far.</summary>
    /// <value>The next account index.</value>
    public int AccountCount => _columns.Count;

    /// <summary>Appends an account with every signal missing.</summary>
    /// <param name="ownerCode">The owner (CSM) code in [0, <see cref="OwnerCount"/>).</param>
    /// <param name="segmentMask">The segment bitmask; only bits below <see cref="SegmentCount"/> may be set.</param>
    /// <returns>The new account's index.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The owner code or segment mask is out of range.</exception>
    public int AddAccount(int ownerCode = 0, int segmentMask = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ownerCode);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(ownerCode, OwnerCount);
        ArgumentOutOfRangeException.ThrowIfNegative(segmentMask);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(segmentMask, 1 << SegmentCount);
        int row = _columns.AddRow();
        if (row == _owners.Length)
        {
            Array.Resize(ref _owners, (int)Math.Min((long)row * 2, Array.MaxLength));
            Array.Resize(ref _segments, _owners.Length);
        }

        _owners[row] = (ushort)ownerCode;
        _segments[row] = (byte)segmentMask;
        return row;
    }

    /// <summary>Sets a number signal.</summary>
    /// <param name="account">The account index.</param>
    /// <param name="column">The column index.</param>
    /// <param name="value">The value; null (or NaN) = missing.</param>
    /// <exception cref="ArgumentOutOfRangeException">No such account or column.</exception>
    /// <exception cref="ArgumentException">The column is not a number column.</exception>
    public void SetNumber(int account, int column, double? value) => _columns.SetNumber(account, column, value);

    /// <summary>Sets a text signal (dictionary-encoded; ordinal, case-sensitive). Any number of distinct values: one-byte
    /// codes up to 255 values, wider codes beyond (<see cref="PortfolioSnapshot.GetTextCodeWidth"/>).</summary>
    /// <param name="account">The account index.</param>
    /// <param name="column">The column index.</param>
    /// <param name="value">The value; null = missing.</param>
    /// <exception cref="ArgumentOutOfRangeException">No such account or column.</exception>
    /// <exception cref="ArgumentException">The column is not a text column.</exception>
    public void SetText(int account, int column, string? value) => _columns.SetText(account, column, value);

    /// <summary>Sets a date signal.</summary>
    /// <param name="account">The account index.</param>
    /// <param name="column">The column index.</param>
    /// <param name="value">The value; null = missing.</param>
    /// <exception cref="ArgumentOutOfRangeException">No such account or column.</exception>
    /// <exception cref="ArgumentException">The column is not a date column.</exception>
    public void SetDate(int account, int column, LocalDate? value) => _columns.SetDate(account, column, value);

    /// <summary>Sets a boolean signal.</summary>
    /// <param name="account">The account index.</param>
    /// <param name="column">The column index.</param>
    /// <param name="value">The value; null = missing.</param>
    /// <exception cref="ArgumentOutOfRangeException">No such account or column.</exception>
    /// <exception cref="ArgumentException">The column is not a boolean column.</exception>
    public void SetBoolean(int account, int column, bool? value) => _columns.SetBoolean(account, column, value);

    /// <summary>Builds the immutable snapshot from the accounts added so far.</summary>
    /// <returns>The snapshot.</returns>
    public PortfolioSnapshot Build()
    {
        int count = _columns.Count;
        return new PortfolioSnapshot(_columns.Build(), _owners.AsSpan(0, count).ToArray(), _segments.AsSpan(0, count).ToArray(), OwnerCount, SegmentCount);
    }
}
