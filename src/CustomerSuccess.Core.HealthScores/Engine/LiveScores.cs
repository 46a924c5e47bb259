using System;
using System.Runtime.InteropServices;
using CustomerSuccess.Core.HealthScores.Activity;
using CustomerSuccess.Core.HealthScores.Snapshots;
using CustomerSuccess.Core.HealthScores.Statistics;
using NodaTime;

namespace CustomerSuccess.Core.HealthScores.Engine;

/// <summary>
/// A portfolio kept scored as its signals change (<see cref="CompiledHealthScore.CreateLiveScores"/>): point updates
/// made here change the snapshot (and the event counts) and mark their account as changed; <see cref="Rescore"/>
/// rescores the changed accounts and moves the portfolio statistics exactly, so that <see cref="Statistics"/>,
/// <see cref="GetScore"/> and <see cref="GetStatus"/> always equal a full evaluation of the snapshot as of the last
/// rescoring.
/// </summary>
/// <remarks>
/// <para>Layout: each account's inputs to the score (the signals its criteria read), its event counts, owner, segment
/// mask, score and status sit side by side in one row of <see cref="BytesPerAccount"/> bytes (rows aligned to 64-byte
/// cache lines), beside the snapshot's columns. A point update writes the account's row and, the first time it marks
/// the account, asks the processor for the row's other lines (x86), so the rescoring that follows finds everything it
/// needs in lines the updates already brought into the cache; the rescoring's binding and scratch are kept between
/// rescorings. Its time is proportional to the number of changed accounts and, for a few thousand accounts, a small
/// fraction of a full evaluation.</para>
/// <para>The snapshot and the event counts must from now on be changed only through these methods (a change made
/// directly is not seen here). Reading them (full evaluations, explanations) stays valid. A change to a signal the
/// score does not read changes the snapshot without marking the account.</para>
/// <para>Thread-safety: any number of threads may read scores and statistics at once; updates and rescoring must not
/// run concurrently with readers or each other.</para>
/// </remarks>
public sealed class LiveScores
{
    private const int CacheLine = 64;
    private readonly ulong[] _pendingBits;
    private int[] _pending;
    private int _pendingCount;

    // The rescoring's binding and scratch, kept between rescorings; dropped when a text column the score reads gains a
    // value (the binding resolved the conditions' text values against the dictionaries as they were).
    private CompiledHealthScore.RescoreBuffers? _buffers;

    internal LiveScores(CompiledHealthScore score, PortfolioSnapshot snapshot, ActivityCounts? eventCounts, LocalDate asOf, int[] inputColumns, byte[] scores, HealthStatus[] statuses, PortfolioStatistics statistics)
    {
        Score = score;
        Snapshot = snapshot;
        EventCounts = eventCounts;
        AsOf = asOf;
        Statistics = statistics;
        Offsets = new int[snapshot.Schema.Count];
        Offsets.AsSpan().Fill(-1);
        int criteria = eventCounts?.CriterionCount ?? 0;
        int next = RowLayout.Place(snapshot.Schema, inputColumns, Offsets, sizeof(double), 0);
        next = RowLayout.Place(snapshot.Schema, inputColumns, Offsets, sizeof(int), next);
        CountOffset = next;
        OwnerOffset = next + (criteria * sizeof(int));
        next = RowLayout.Place(snapshot.Schema, inputColumns, Offsets, sizeof(byte), OwnerOffset + sizeof(ushort));
        SegmentOffset = next;
        ScoreOffset = next + 1;
        StatusOffset = next + 2;
        Rows = new AlignedRows(snapshot.AccountCount, StrideOf(next + 3));
        Fill(snapshot, eventCounts, inputColumns, scores, statuses);
        _pendingBits = new ulong[(snapshot.AccountCount + 63) / 64];
        _pending = new int[Math.Min(snapshot.AccountCount, 1024)];
    }

    /// <summary>Gets the compiled score these live scores keep current.</summary>
    /// <value>The score the rows were laid out for.</value>
    public CompiledHealthScore Score { get; }

    /// <summary>Gets the portfolio (change it only through these live scores).</summary>
    /// <value>The snapshot given at creation.</value>
    public PortfolioSnapshot Snapshot { get; }

    /// <summary>Gets the event counts (change them only through these live scores).</summary>
    /// <value>Null when the score has no event criteria.</value>
    public ActivityCounts? EventCounts { get; }

    /// <summary>Gets the as-of date of every scoring.</summary>
    /// <value>Fixed at creation; for another date, create new live scores.</value>
    public LocalDate AsOf { get; }

    /// <summary>Gets the number of accounts.</summary>
    /// <value>The snapshot's account count.</value>
    public int AccountCount => Snapshot.AccountCount;

    /// <summary>Gets the number of accounts changed since the last rescoring.</summary>
    /// <value>0 right after <see cref="Rescore"/>.</value>
    public int PendingCount => _pendingCount;

    /// <summary>Gets the bytes per account of the rows kept beside the snapshot.</summary>
    /// <value>8 per number input, 4 per date or text input and per event criterion, 1 per boolean input, 5 for owner,
    /// segment mask, score and status; rounded up to a power of two up to 64 and to a multiple of 64 beyond.</value>
    public int BytesPerAccount => Rows.Stride;

    /// <summary>Gets the portfolio statistics as of the last rescoring (or the creation).</summary>
    /// <value>Equal to a full evaluation's statistics of the snapshot when <see cref="PendingCount"/> is 0.</value>
    public PortfolioStatistics Statistics { get; private set; }

    internal AlignedRows Rows { get; }

    /// <summary>Per schema column its offset in a row; −1 for a column the score does not read.</summary>
    internal int[] Offsets { get; }

    internal int CountOffset { get; }

    internal int OwnerOffset { get; }

    internal int SegmentOffset { get; }

    internal int ScoreOffset { get; }

    internal int StatusOffset { get; }

    /// <summary>Gets an account's score as of the last rescoring.</summary>
    /// <param name="account">The account index.</param>
    /// <returns>The score, 0 to 100.</returns>
    /// <exception cref="ArgumentOutOfRangeException">No such account.</exception>
    public byte GetScore(int account)
    {
        CheckAccount(account);
        return Rows.Read<byte>(account, ScoreOffset);
    }

    /// <summary>Gets an account's status as of the last rescoring.</summary>
    /// <param name="account">The account index.</param>
    /// <returns>The status.</returns>
    /// <exception cref="ArgumentOutOfRangeException">No such account.</exception>
    public HealthStatus GetStatus(int account)
    {
        CheckAccount(account);
        return (HealthStatus)Rows.Read<byte>(account, StatusOffset);
    }

    /// <summary>Copies every account's score and status (as of the last rescoring) into the caller's arrays.</summary>
    /// <param name="scores">Receives one score per account; length = <see cref="AccountCount"/>.</param>
    /// <param name="statuses">Receives one status per account; same length.</param>
    /// <exception cref="ArgumentException">A span does not have one element per account.</exception>
    public void CopyTo(Span<byte> scores, Span<HealthStatus> statuses)
    {
        if (scores.Length != AccountCount || statuses.Length != AccountCount)
        {
            throw new ArgumentException($"scores and statuses must have {AccountCount} elements.", nameof(scores));
        }

        for (int account = 0; account < scores.Length; account++)
        {
            scores[account] = Rows.Read<byte>(account, ScoreOffset);
            statuses[account] = (HealthStatus)Rows.Read<byte>(account, StatusOffset);
        }
    }

    /// <summary>Changes one number signal (see <see cref="PortfolioSnapshot.SetNumber"/>) and marks the account when the
    /// score reads it.</summary>
    /// <param name="account">The account index.</param>
    /// <param name="column">The column index.</param>
    /// <param name="value">The new value; null (or NaN) = missing.</param>
    /// <exception cref="ArgumentOutOfRangeException">No such account or column.</exception>
    /// <exception cref="ArgumentException">The column is not a number column.</exception>
    public void SetNumber(int account, int column, double? value)
    {
        Snapshot.SetNumber(account, column, value);
        Changed(account, column, value ?? double.NaN);
    }

    /// <summary>Changes one text signal (see <see cref="PortfolioSnapshot.SetText"/>) and marks the account when the
    /// score reads it.</summary>
    /// <param name="account">The account index.</param>
    /// <param name="column">The column index.</param>
    /// <param name="value">The new value (ordinal, case-sensitive); null = missing.</param>
    /// <exception cref="ArgumentOutOfRangeException">No such account or column.</exception>
    /// <exception cref="ArgumentException">The column is not a text column.</exception>
    public void SetText(int account, int column, string? value)
    {
        int known = KnownValues(column);
        Snapshot.SetText(account, column, value);
        if (KnownValues(column) != known && Offsets[column] >= 0)
        {
            _buffers = null;
        }

        Changed(account, column, TextCodes.Get(Snapshot.Table.Columns[column], account));
    }

    /// <summary>Changes one date signal (see <see cref="PortfolioSnapshot.SetDate"/>) and marks the account when the
    /// score reads it.</summary>
    /// <param name="account">The account index.</param>
    /// <param name="column">The column index.</param>
    /// <param name="value">The new value; null = missing.</param>
    /// <exception cref="ArgumentOutOfRangeException">No such account or column.</exception>
    /// <exception cref="ArgumentException">The column is not a date column.</exception>
    public void SetDate(int account, int column, LocalDate? value)
    {
        Snapshot.SetDate(account, column, value);
        Changed(account, column, Snapshot.GetDayNumbers(column)[account]);
    }

    /// <summary>Changes one boolean signal (see <see cref="PortfolioSnapshot.SetBoolean"/>) and marks the account when
    /// the score reads it.</summary>
    /// <param name="account">The account index.</param>
    /// <param name="column">The column index.</param>
    /// <param name="value">The new value; null = missing.</param>
    /// <exception cref="ArgumentOutOfRangeException">No such account or column.</exception>
    /// <exception cref="ArgumentException">The column is not a boolean column.</exception>
    public void SetBoolean(int account, int column, bool? value)
    {
        Snapshot.SetBoolean(account, column, value);
        Changed(account, column, Snapshot.GetBooleans(column)[account]);
    }

    /// <summary>Changes one event count (see <see cref="ActivityCounts.SetCount"/>) and marks the account.</summary>
    /// <param name="criterion">The event criterion index (<see cref="CompiledHealthScore.EventCriteria"/> order).</param>
    /// <param name="account">The account index.</param>
    /// <param name="count">The new count, at least 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">No such criterion (the score has none) or account, or a negative
    /// count.</exception>
    public void SetCount(int criterion, int account, int count)
    {
        if (EventCounts is null)
        {
            throw new ArgumentOutOfRangeException(nameof(criterion), criterion, "The score has no event criteria.");
        }

        EventCounts.SetCount(criterion, account, count);
        Rows.Write(account, CountOffset + (criterion * sizeof(int)), count);
        MarkPending(account);
    }

    /// <summary>Rescores the accounts changed since the last rescoring (their inputs are read from their rows) and
    /// moves the statistics: afterwards scores, statuses and <see cref="Statistics"/> equal a full evaluation of the
    /// snapshot. Time is proportional to the number of changed accounts.</summary>
    /// <returns>The new statistics (also <see cref="Statistics"/>).</returns>
    public PortfolioStatistics Rescore()
    {
        if (_pendingCount == 0)
        {
            return Statistics;
        }

        ReadOnlySpan<int> pending = _pending.AsSpan(0, _pendingCount);
        _buffers ??= Score.CreateLiveBuffers(Snapshot, AsOf);
        Statistics = Score.RescoreLive(this, pending, Statistics, _buffers);
        foreach (int account in pending)
        {
            _pendingBits[account >> 6] &= ~(1UL << account);
        }

        _pendingCount = 0;
        return Statistics;
    }

    private static int StrideOf(int bytes)
    {
        if (bytes > CacheLine)
        {
            return (bytes + CacheLine - 1) & ~(CacheLine - 1);
        }

        int stride = 8;
        while (stride < bytes)
        {
            stride *= 2;
        }

        return stride;
    }

    private void Changed<T>(int account, int column, T value)
        where T : unmanaged
    {
        int offset = Offsets[column];
        if (offset >= 0)
        {
            Rows.Write(account, offset, value);
            MarkPending(account);
        }
    }

    private void MarkPending(int account)
    {
        ref ulong word = ref _pendingBits[account >> 6];
        ulong bit = 1UL << account;
        if ((word & bit) != 0)
        {
            return;
        }

        word |= bit;

        // The rescoring will read the whole row: its other lines start coming in now, while the caller goes on, so that
        // the rescoring finds every row it reads in the cache.
        Rows.Prefetch(account);
        if (_pendingCount == _pending.Length)
        {
            Array.Resize(ref _pending, Math.Min(AccountCount, _pending.Length * 2));
        }

        _pending[_pendingCount++] = account;
    }

    /// <summary>The number of distinct values of a text column (0 for a column out of range or of another type: the
    /// snapshot rejects those).</summary>
    private int KnownValues(int column) =>
        (uint)column < (uint)Snapshot.Table.Dictionaries.Length ? Snapshot.Table.Dictionaries[column]?.Count ?? 0 : 0;

    private void CheckAccount(int account)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(account);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(account, AccountCount);
    }

    private void Fill(PortfolioSnapshot snapshot, ActivityCounts? eventCounts, int[] inputColumns, byte[] scores, HealthStatus[] statuses)
    {
        foreach (int c in inputColumns)
        {
            Rows.WriteColumn(snapshot.Table, c, Offsets[c]);
        }

        for (int e = 0; e < (eventCounts?.CriterionCount ?? 0); e++)
        {
            Rows.WriteColumn(eventCounts!.GetCounts(e), CountOffset + (e * sizeof(int)));
        }

        Rows.WriteColumn(snapshot.OwnerCodes, OwnerOffset);
        Rows.WriteColumn(snapshot.SegmentMasks, SegmentOffset);
        Rows.WriteColumn<byte>(scores, ScoreOffset);
        Rows.WriteColumn<byte>(MemoryMarshal.AsBytes(statuses.AsSpan()), StatusOffset);
    }
}
