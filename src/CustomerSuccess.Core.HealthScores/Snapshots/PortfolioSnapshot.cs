using System;
using System.Collections.Immutable;
using NodaTime;

namespace CustomerSuccess.Core.HealthScores.Snapshots;

/// <summary>
/// A columnar (struct-of-arrays) snapshot of a portfolio's signals, built once by <see cref="PortfolioSnapshotBuilder"/>
/// and scored many times by a compiled health score; single values can be updated in place (<see cref="SetNumber"/>,
/// <see cref="SetText"/>, <see cref="SetDate"/>, <see cref="SetBoolean"/>) and the changed accounts rescored
/// (<see cref="Engine.CompiledHealthScore.Rescore"/>).
/// </summary>
/// <remarks>
/// <para>Encoding, one typed array per signal (see <see cref="SignalEncoding"/>): numbers as <see cref="double"/>
/// with NaN = missing; text dictionary-encoded per column (0 = missing, 1, 2, … = the column's dictionary in first-seen
/// order), as one-byte codes while the column has at most 255 distinct values, two-byte codes up to 65,535 and four-byte
/// codes beyond (<see cref="GetTextCodeWidth"/>): any number of distinct values; dates as <see cref="int"/> day numbers
/// since 1970-01-01 with <see cref="int.MinValue"/> = missing; booleans as a byte 0/1/2 = missing/false/true.</para>
/// <para>Every account also carries an owner (CSM) code in [0, <see cref="OwnerCount"/>) and a segment bitmask
/// (bit k set = the account belongs to segment k, k &lt; <see cref="SegmentCount"/> ≤ 5, rule 74), used by the
/// portfolio statistics breakdowns.</para>
/// <para>A snapshot may keep a row copy of its accounts beside the columns (<see cref="KeepRowCopy"/>) for fast
/// incremental rescoring.</para>
/// <para>Any number of threads may read and score a snapshot at once; point updates and <see cref="KeepRowCopy"/>
/// change it and must not run concurrently with readers.</para>
/// </remarks>
public sealed class PortfolioSnapshot
{
    /// <summary>The largest number of segments a snapshot may declare (rule 74: a score applies to at most five segments).</summary>
    public const int MaxSegments = 5;

    /// <summary>The largest number of owners a snapshot may declare (owner codes are 16-bit).</summary>
    public const int MaxOwners = ushort.MaxValue + 1;

    private readonly ColumnTable _table;
    private readonly ushort[] _owners;
    private readonly byte[] _segments;

    internal PortfolioSnapshot(ColumnTable table, ushort[] owners, byte[] segments, int ownerCount, int segmentCount)
    {
        _table = table;
        _owners = owners;
        _segments = segments;
        OwnerCount = ownerCount;
        SegmentCount = segmentCount;
    }

    /// <summary>Gets the schema: the signals in column order.</summary>
    /// <value>The schema the snapshot was built with.</value>
    public PortfolioSchema Schema => _table.Schema;

    /// <summary>Gets the number of accounts (rows).</summary>
    /// <value>The account count; account indexes are 0 to AccountCount − 1.</value>
    public int AccountCount => _table.Count;

    /// <summary>Gets the number of owner codes declared at build time.</summary>
    /// <value>Owner codes are in [0, OwnerCount).</value>
    public int OwnerCount { get; }

    /// <summary>Gets the number of segments declared at build time (0 to <see cref="MaxSegments"/>).</summary>
    /// <value>Segment bits are 0 to SegmentCount − 1.</value>
    public int SegmentCount { get; }

    /// <summary>Gets the bytes held per account by the signal columns plus the owner and segment columns.</summary>
    /// <value>Σ bytes per value of every column (8 number, 1, 2 or 4 text (<see cref="GetTextCodeWidth"/>), 4 date,
    /// 1 boolean) + 2 (owner) + 1 (segments).</value>
    public int BytesPerAccount
    {
        get
        {
            int bytes = sizeof(ushort) + sizeof(byte);
            for (int c = 0; c < Schema.Count; c++)
            {
                bytes += _table.BytesPerValue(c);
            }

            return bytes;
        }
    }

    /// <summary>Gets whether the snapshot keeps a row copy of its accounts (<see cref="KeepRowCopy"/>).</summary>
    /// <value>True once <see cref="KeepRowCopy"/> has been called.</value>
    public bool HasRowCopy => _table.Rows is not null;

    /// <summary>Gets the bytes per account the row copy takes, kept or not.</summary>
    /// <value>8 per number, 4 per date or text signal (text codes are always four bytes in the row copy), 1 per boolean,
    /// 2 for the owner and 1 for the segment mask, rounded up to a multiple of 8.</value>
    public int RowCopyBytesPerAccount => SnapshotRows.StrideOf(Schema);

    /// <summary>Gets the owner code column.</summary>
    /// <value>One owner code per account.</value>
    public ReadOnlySpan<ushort> OwnerCodes => _owners;

    /// <summary>Gets the segment bitmask column.</summary>
    /// <value>One bitmask per account; bit k = member of segment k.</value>
    public ReadOnlySpan<byte> SegmentMasks => _segments;

    internal ColumnTable Table => _table;

    /// <summary>Gets a number column.</summary>
    /// <param name="column">The column index (see <see cref="PortfolioSchema.IndexOf"/>).</param>
    /// <returns>The values; NaN = missing.</returns>
    /// <exception cref="ArgumentOutOfRangeException">No such column.</exception>
    /// <exception cref="ArgumentException">The column is not a number column.</exception>
    public ReadOnlySpan<double> GetNumbers(int column) => _table.Column<double>(column, SignalType.Number);

    /// <summary>Gets the width of a text column's codes: 1 byte while its dictionary has at most
    /// <see cref="SignalEncoding.MaxTextCode"/> (255) values, 2 bytes up to 65,535 values, 4 bytes beyond.</summary>
    /// <param name="column">The column index.</param>
    /// <returns>1, 2 or 4.</returns>
    /// <exception cref="ArgumentOutOfRangeException">No such column.</exception>
    /// <exception cref="ArgumentException">The column is not a text column.</exception>
    public int GetTextCodeWidth(int column) => TextCodes.Width(_table.TextColumn(column));

    /// <summary>Gets a text column's one-byte codes.</summary>
    /// <param name="column">The column index.</param>
    /// <returns>The codes; 0 = missing, code c = <c>GetTextDictionary(column)[c - 1]</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">No such column.</exception>
    /// <exception cref="ArgumentException">The column is not a text column, or its codes are wider than one byte
    /// (<see cref="GetTextCodeWidth"/>; use <see cref="GetUInt16TextCodes"/> or <see cref="GetInt32TextCodes"/>).</exception>
    public ReadOnlySpan<byte> GetTextCodes(int column) => TextCodesOf<byte>(column);

    /// <summary>Gets a text column's two-byte codes (a column with 256 to 65,535 distinct values).</summary>
    /// <param name="column">The column index.</param>
    /// <returns>The codes; 0 = missing, code c = <c>GetTextDictionary(column)[c - 1]</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">No such column.</exception>
    /// <exception cref="ArgumentException">The column is not a text column or its code width is not 2.</exception>
    public ReadOnlySpan<ushort> GetUInt16TextCodes(int column) => TextCodesOf<ushort>(column);

    /// <summary>Gets a text column's four-byte codes (a column with more than 65,535 distinct values).</summary>
    /// <param name="column">The column index.</param>
    /// <returns>The codes; 0 = missing, code c = <c>GetTextDictionary(column)[c - 1]</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">No such column.</exception>
    /// <exception cref="ArgumentException">The column is not a text column or its code width is not 4.</exception>
    public ReadOnlySpan<int> GetInt32TextCodes(int column) => TextCodesOf<int>(column);

    /// <summary>Gets a text column's dictionary.</summary>
    /// <param name="column">The column index.</param>
    /// <returns>The distinct values in code order: code c is element c − 1.</returns>
    /// <exception cref="ArgumentOutOfRangeException">No such column.</exception>
    /// <exception cref="ArgumentException">The column is not a text column.</exception>
    public ImmutableArray<string> GetTextDictionary(int column)
    {
        _ = _table.TextColumn(column);
        return _table.Dictionaries[column]!.ToImmutable();
    }

    /// <summary>Gets a date column's day numbers.</summary>
    /// <param name="column">The column index.</param>
    /// <returns>Days since 1970-01-01; <see cref="int.MinValue"/> = missing.</returns>
    /// <exception cref="ArgumentOutOfRangeException">No such column.</exception>
    /// <exception cref="ArgumentException">The column is not a date column.</exception>
    public ReadOnlySpan<int> GetDayNumbers(int column) => _table.Column<int>(column, SignalType.Date);

    /// <summary>Gets a boolean column.</summary>
    /// <param name="column">The column index.</param>
    /// <returns>Bytes 0 = missing, 1 = false, 2 = true.</returns>
    /// <exception cref="ArgumentOutOfRangeException">No such column.</exception>
    /// <exception cref="ArgumentException">The column is not a boolean column.</exception>
    public ReadOnlySpan<byte> GetBooleans(int column) => _table.Column<byte>(column, SignalType.Boolean);

    /// <summary>
    /// Keeps a row-major copy of every account beside the columns: all its signals, its owner and its segment mask in
    /// one fixed-width row (<see cref="RowCopyBytesPerAccount"/> bytes, the first row aligned to a 64-byte cache line),
    /// maintained by every point update from then on. <see cref="Engine.CompiledHealthScore.Rescore"/> then reads a
    /// changed account's inputs from the one or two cache lines of its row instead of one cache line per input column,
    /// which is what makes rescoring a small set of accounts in a large portfolio cheap. Full evaluations keep reading
    /// the columns. Calling it again does nothing.
    /// </summary>
    /// <remarks>Costs <see cref="RowCopyBytesPerAccount"/> × <see cref="AccountCount"/> bytes of memory and a little
    /// time on every point update. Like the point updates, it must not run while the snapshot is being read.</remarks>
    public void KeepRowCopy() => _table.Rows ??= SnapshotRows.Create(_table, _owners, _segments);

    /// <summary>Changes one number signal in place (a point update; rescore the account afterwards).</summary>
    /// <param name="account">The account index.</param>
    /// <param name="column">The column index.</param>
    /// <param name="value">The new value; null (or NaN) = missing.</param>
    /// <exception cref="ArgumentOutOfRangeException">No such account or column.</exception>
    /// <exception cref="ArgumentException">The column is not a number column.</exception>
    public void SetNumber(int account, int column, double? value) => _table.SetNumber(account, column, value);

    /// <summary>Changes one text signal in place (a point update). A value new to the column is added to its dictionary;
    /// the column's codes are widened (copied once) when the dictionary outgrows them.</summary>
    /// <param name="account">The account index.</param>
    /// <param name="column">The column index.</param>
    /// <param name="value">The new value (ordinal, case-sensitive); null = missing.</param>
    /// <exception cref="ArgumentOutOfRangeException">No such account or column.</exception>
    /// <exception cref="ArgumentException">The column is not a text column.</exception>
    public void SetText(int account, int column, string? value) => _table.SetText(account, column, value);

    /// <summary>Changes one date signal in place (a point update).</summary>
    /// <param name="account">The account index.</param>
    /// <param name="column">The column index.</param>
    /// <param name="value">The new value; null = missing.</param>
    /// <exception cref="ArgumentOutOfRangeException">No such account or column.</exception>
    /// <exception cref="ArgumentException">The column is not a date column.</exception>
    public void SetDate(int account, int column, LocalDate? value) => _table.SetDate(account, column, value);

    /// <summary>Changes one boolean signal in place (a point update).</summary>
    /// <param name="account">The account index.</param>
    /// <param name="column">The column index.</param>
    /// <param name="value">The new value; null = missing.</param>
    /// <exception cref="ArgumentOutOfRangeException">No such account or column.</exception>
    /// <exception cref="ArgumentException">The column is not a boolean column.</exception>
    public void SetBoolean(int account, int column, bool? value) => _table.SetBoolean(account, column, value);

    /// <summary>Decodes one value: a boxed <see cref="double"/>, <see cref="string"/>, <see cref="NodaTime.LocalDate"/> or
    /// <see cref="bool"/>, or null when missing. Meant for explanations and tests, not for hot loops.</summary>
    /// <param name="column">The column index.</param>
    /// <param name="account">The account index.</param>
    /// <returns>The decoded value or null.</returns>
    /// <exception cref="ArgumentOutOfRangeException">No such column or account.</exception>
    public object? GetValue(int column, int account)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(column, nameof(column));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, Schema.Count, nameof(column));
        return _table.GetValue(column, account);
    }

    private ReadOnlySpan<T> TextCodesOf<T>(int column)
    {
        Array codes = _table.TextColumn(column);
        return codes as T[] ?? throw new ArgumentException(
            $"Text column {column} ('{Schema.Signals[column].Name}') has {TextCodes.Width(codes)}-byte codes.", nameof(column));
    }
}
