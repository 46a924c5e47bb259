using System;
using System.Collections.Generic;
using CustomerSuccess.Core.HealthScores.Snapshots;

namespace CustomerSuccess.Core.HealthScores.Activity;

/// <summary>
/// Per-account event counts, one <see cref="int"/> column per event criterion, in the order of
/// <see cref="Engine.CompiledHealthScore.EventCriteria"/> (= <see cref="ActivityAggregator.Criteria"/>). The engine reads
/// them as never-missing numeric signals.
/// </summary>
/// <remarks>Produced by <see cref="ActivityAggregator"/> or from pre-aggregated counts with <see cref="FromColumns"/>.
/// Any number of threads may read the counts at once; <see cref="SetCount"/> changes one count in place (a point update,
/// followed by <see cref="Engine.CompiledHealthScore.Rescore"/>) and <see cref="KeepRowCopy"/> must not run concurrently
/// with readers.</remarks>
public sealed class ActivityCounts
{
    private readonly int[][] _columns;

    internal ActivityCounts(int accountCount, int[][] columns)
    {
        AccountCount = accountCount;
        _columns = columns;
    }

    /// <summary>Gets the number of accounts.</summary>
    /// <value>The length of every column.</value>
    public int AccountCount { get; }

    /// <summary>Gets the number of event criteria (columns).</summary>
    /// <value>The column count.</value>
    public int CriterionCount => _columns.Length;

    /// <summary>Creates counts from pre-aggregated columns (copied).</summary>
    /// <param name="accountCount">The number of accounts.</param>
    /// <param name="columns">One count column per event criterion, each of length <paramref name="accountCount"/>.</param>
    /// <returns>The counts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="columns"/> or an element is null.</exception>
    /// <exception cref="ArgumentException">A column has the wrong length or a negative count.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="accountCount"/> is negative.</exception>
    public static ActivityCounts FromColumns(int accountCount, IReadOnlyList<int[]> columns)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(accountCount);
        ArgumentNullException.ThrowIfNull(columns);
        var copy = new int[columns.Count][];
        for (int c = 0; c < copy.Length; c++)
        {
            int[] column = columns[c] ?? throw new ArgumentNullException(nameof(columns));
            if (column.Length != accountCount)
            {
                throw new ArgumentException($"Column {c} has {column.Length} counts, expected {accountCount}.", nameof(columns));
            }

            if (column.AsSpan().IndexOfAnyInRange(int.MinValue, -1) >= 0)
            {
                throw new ArgumentException($"Column {c} has a negative count.", nameof(columns));
            }

            copy[c] = (int[])column.Clone();
        }

        return new ActivityCounts(accountCount, copy);
    }

    /// <summary>Gets one criterion's counts.</summary>
    /// <param name="criterion">The event criterion index.</param>
    /// <returns>One count per account.</returns>
    /// <exception cref="ArgumentOutOfRangeException">No such criterion.</exception>
    public ReadOnlySpan<int> GetCounts(int criterion)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(criterion, nameof(criterion));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(criterion, _columns.Length, nameof(criterion));
        return _columns[criterion];
    }

    /// <summary>Changes one count in place (a point update: rescore the account afterwards).</summary>
    /// <param name="criterion">The event criterion index.</param>
    /// <param name="account">The account index.</param>
    /// <param name="count">The new count, at least 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">No such criterion or account, or a negative count.</exception>
    public void SetCount(int criterion, int account, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(criterion, nameof(criterion));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(criterion, _columns.Length, nameof(criterion));
        ArgumentOutOfRangeException.ThrowIfNegative(account, nameof(account));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(account, AccountCount, nameof(account));
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _columns[criterion][account] = count;
        Rows?.Write(account, criterion * sizeof(int), count);
    }

    /// <summary>Gets whether the counts keep a row copy (<see cref="KeepRowCopy"/>).</summary>
    /// <value>True once <see cref="KeepRowCopy"/> has been called.</value>
    public bool HasRowCopy => Rows is not null;

    /// <summary>
    /// Keeps a row-major copy of the counts beside the columns: an account's counts side by side (4 bytes per event
    /// criterion, the first row aligned to a 64-byte cache line), maintained by <see cref="SetCount"/> from then on, so
    /// that <see cref="Engine.CompiledHealthScore.Rescore"/> reads a changed account's counts from one cache line
    /// (see <see cref="Snapshots.PortfolioSnapshot.KeepRowCopy"/>). Calling it again does nothing.
    /// </summary>
    /// <remarks>Costs 4 × <see cref="CriterionCount"/> × <see cref="AccountCount"/> bytes of memory. Must not run while
    /// the counts are being read.</remarks>
    public void KeepRowCopy()
    {
        if (Rows is not null)
        {
            return;
        }

        var rows = new AlignedRows(AccountCount, Math.Max(1, _columns.Length) * sizeof(int));
        for (int c = 0; c < _columns.Length; c++)
        {
            rows.WriteColumn<int>(_columns[c], c * sizeof(int));
        }

        Rows = rows;
    }

    internal int[] Column(int criterion) => _columns[criterion];

    internal int[][] Columns => _columns;

    /// <summary>The row copy (one int per criterion per account), or null.</summary>
    internal AlignedRows? Rows { get; private set; }
}
