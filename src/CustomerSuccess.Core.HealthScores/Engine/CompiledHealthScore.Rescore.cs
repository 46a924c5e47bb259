using System;
using System.Buffers;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using CustomerSuccess.Core.HealthScores.Activity;
using CustomerSuccess.Core.HealthScores.Snapshots;
using CustomerSuccess.Core.HealthScores.Statistics;
using NodaTime;
using DiagnosticActivity = System.Diagnostics.Activity;

namespace CustomerSuccess.Core.HealthScores.Engine;

/// <summary>Incremental rescoring: into the caller's arrays (<see cref="Rescore"/>) or within live scores
/// (<see cref="CreateLiveScores"/>).</summary>
public sealed partial class CompiledHealthScore
{
    /// <summary>Accounts gathered and scored at a time by a rescoring from the columns.</summary>
    private const int RescoreChunk = 4096;

    /// <summary>Accounts gathered at a time by a rescoring from rows: a chunk's rows (128 bytes each for a typical
    /// score) and its scratch columns fit the level-1 cache together. On x86 the cache lines of the next chunk (rows,
    /// score, status) are prefetched while a chunk's statistics are moved, so memory and scoring overlap.</summary>
    private const int RowRescoreChunk = 128;

    /// <summary>Where a rescoring reads each account's previous score and writes its new score and status.</summary>
    private interface IScoreSlots
    {
        /// <summary>The account's previous score (<paramref name="row"/>: its row, or a null reference without rows).</summary>
        int Previous(int account, ref byte row);

        /// <summary>The status of the previous score (<paramref name="previous"/>).</summary>
        int PreviousStatus(int account, ref byte row, int previous, StatusThresholds thresholds);

        void Set(int account, ref byte row, byte score, byte status);
    }

    /// <summary>
    /// Scores a portfolio once and keeps it scored as it changes: every point update made through the returned
    /// <see cref="LiveScores"/> marks its account as changed, and <see cref="LiveScores.Rescore"/> rescores the changed
    /// accounts and moves the statistics exactly, as <see cref="Rescore"/> does, with each account's inputs, event
    /// counts, score and status kept side by side in one row, so that a rescoring touches only the rows its updates
    /// already brought into the cache.
    /// </summary>
    /// <param name="snapshot">The portfolio; from now on it must be changed only through the live scores.</param>
    /// <param name="eventCounts">The event counts (required when <see cref="EventCriteria"/> is not empty; otherwise
    /// ignored and may be null); from now on changed only through the live scores.</param>
    /// <param name="asOf">The as-of date for date conditions, fixed for the live scores' lifetime.</param>
    /// <returns>The live scores, evaluated.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> is null.</exception>
    /// <exception cref="ArgumentException">The snapshot's schema differs, or event counts are missing or mismatched.</exception>
    public LiveScores CreateLiveScores(PortfolioSnapshot snapshot, ActivityCounts? eventCounts, LocalDate asOf)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        CheckInputs(snapshot, eventCounts);
        var scores = new byte[snapshot.AccountCount];
        var statuses = new HealthStatus[snapshot.AccountCount];
        PortfolioStatistics statistics = Evaluate(snapshot, eventCounts, asOf, scores, statuses);
        return new LiveScores(this, snapshot, EventCriteria.Length == 0 ? null : eventCounts, asOf, _inputColumns, scores, statuses, statistics);
    }

    /// <summary>Rescores live accounts from their rows (the score and status are read from and written back to the row),
    /// in the live scores' kept buffers. The rows were prefetched by the updates that marked them (x86), so nothing is
    /// prefetched or touched here.</summary>
    internal PortfolioStatistics RescoreLive(LiveScores live, ReadOnlySpan<int> accounts, PortfolioStatistics statistics, RescoreBuffers buffers) =>
        RescoreCore(
            live.Snapshot, live.EventCounts, accounts, statistics,
            new RowSource(live.Rows, live.Offsets, live.OwnerOffset, live.SegmentOffset, live.Rows, live.CountOffset),
            new RowSlots(live.ScoreOffset, live.StatusOffset), default, AlignedRows.PrefetchSupported, buffers, default, default);

    /// <summary>The buffers live scores keep between rescorings (allocated, bound to the snapshot's dictionaries as
    /// they are now).</summary>
    internal RescoreBuffers CreateLiveBuffers(PortfolioSnapshot snapshot, LocalDate asOf) =>
        new(this, snapshot.Table, asOf, RowRescoreChunk, pooled: false);

    /// <summary>Rescores into the caller's arrays (see <see cref="Rescore"/>) in buffers rented for the call.</summary>
    private PortfolioStatistics RescoreInto<TSlots>(PortfolioSnapshot snapshot, ActivityCounts? eventCounts, LocalDate asOf, ReadOnlySpan<int> accounts, PortfolioStatistics statistics, RowSource? rows, TSlots slots, RowPrefetch prefetch, ReadOnlySpan<byte> scores, ReadOnlySpan<byte> statuses)
        where TSlots : struct, IScoreSlots
    {
        int capacity = Math.Min(rows is null ? RescoreChunk : RowRescoreChunk, (accounts.Length + 63) & ~63);
        using var buffers = new RescoreBuffers(this, snapshot.Table, asOf, capacity, pooled: true);
        return RescoreCore(snapshot, eventCounts, accounts, statistics, rows, slots, prefetch, false, buffers, scores, statuses);
    }

    /// <summary>
    /// The loop shared by <see cref="Rescore"/> and <see cref="LiveScores.Rescore"/>: chunk by chunk, the accounts'
    /// inputs are gathered (from rows when <paramref name="rows"/> is given, else from the columns), scored by the batch
    /// kernels, and each account moved in the statistics from its previous score to its new one (read and written
    /// through <paramref name="slots"/>); with rows, the next chunk's lines are prefetched meanwhile (unless
    /// <paramref name="rowsCached"/>: the rows were brought into the cache before the call).
    /// </summary>
    private PortfolioStatistics RescoreCore<TSlots>(PortfolioSnapshot snapshot, ActivityCounts? eventCounts, ReadOnlySpan<int> accounts, PortfolioStatistics statistics, RowSource? rows, TSlots slots, RowPrefetch prefetch, bool rowsCached, RescoreBuffers buffers, ReadOnlySpan<byte> scores, ReadOnlySpan<byte> statuses)
        where TSlots : struct, IScoreSlots
    {
        bool observed = Telemetry.EvaluationObserved;
        long started = observed ? Stopwatch.GetTimestamp() : 0;
        using DiagnosticActivity? activity = observed ? Telemetry.StartEvaluation(HealthScoresTelemetry.RescoreActivityName, _scoreIdTag, _versionTag, accounts.Length, 1) : null;
        StatusThresholds thresholds = Version.Definition.Thresholds;
        long[] data = statistics.CopyData();
        int chunkSize = rows is null ? RescoreChunk : RowRescoreChunk;
        ReadOnlySpan<ushort> owners = snapshot.OwnerCodes;
        ReadOnlySpan<byte> masks = snapshot.SegmentMasks;
        bool fromRows = rows.HasValue;
        RowSource source = rows.GetValueOrDefault();
        int ownerCount = snapshot.OwnerCount;
        int segmentCount = snapshot.SegmentCount;
        Binding binding = buffers.Binding;
        TileScratch scratch = buffers.Scratch;
        Debug.Assert(buffers.Capacity >= Math.Min(chunkSize, accounts.Length), "The buffers hold a chunk.");
        prefetch.All(accounts[..Math.Min(chunkSize, accounts.Length)]);
        for (int from = 0; from < accounts.Length; from += chunkSize)
        {
            ReadOnlySpan<int> chunk = accounts.Slice(from, Math.Min(chunkSize, accounts.Length - from));
            int nextFrom = from + chunkSize;
            ReadOnlySpan<int> next = nextFrom < accounts.Length ? accounts.Slice(nextFrom, Math.Min(chunkSize, accounts.Length - nextFrom)) : default;
            Sources gathered = fromRows
                ? GatherRows(source, eventCounts?.Columns, chunk, scores, statuses, scratch, prefetch.Active || rowsCached)
                : Gather(snapshot.Table, eventCounts?.Columns, chunk, scratch);
            ScoreGathered(gathered, binding, chunk.Length, scratch);

            // First the new scores are written and the accounts whose score changed are listed (without a branch:
            // whether a score changed is unpredictable), then only those are moved in the statistics: two packed
            // ints per account (owner and mask; old and new score and status).
            Span<int> moved = buffers.Moves.AsSpan(0, 2 * chunk.Length);
            int changed = 0;
            for (int j = 0; j < chunk.Length; j++)
            {
                if (j < next.Length)
                {
                    prefetch.Account(next[j]);
                }

                int account = chunk[j];
                byte score = scratch.Scores[j];
                byte status = scratch.Statuses[j];
                ref byte row = ref fromRows ? ref source.Rows.Row(account) : ref Unsafe.NullRef<byte>();
                (int owner, int mask) = fromRows
                    ? (Unsafe.ReadUnaligned<ushort>(ref Unsafe.Add(ref row, source.OwnerOffset)), Unsafe.Add(ref row, source.SegmentOffset))
                    : (owners[account], masks[account]);
                int previous = slots.Previous(account, ref row);
                int previousStatus = slots.PreviousStatus(account, ref row, previous, thresholds);
                slots.Set(account, ref row, score, status);
                moved[2 * changed] = (owner << 8) | mask;
                moved[(2 * changed) + 1] = (previous << 24) | (previousStatus << 16) | (score << 8) | status;
                changed += previous != score ? 1 : 0;
            }

            for (int k = 0; k < changed; k++)
            {
                int who = moved[2 * k];
                int move = moved[(2 * k) + 1];
                PortfolioStatistics.MoveAccount(data, ownerCount, segmentCount, who >>> 8, who & 0xFF, move >>> 24, (move >> 16) & 0xFF, (move >> 8) & 0xFF, move & 0xFF);
            }
        }

        if (observed)
        {
            Telemetry.RecordEvaluation(started, Telemetry.Rescore, _scoreIdTag, _versionTag, accounts.Length, null);
        }

        return new PortfolioStatistics(Version.ScoreId, Version.Number, thresholds, snapshot.OwnerCount, snapshot.SegmentCount, data);
    }

    /// <summary>Scores <paramref name="length"/> gathered accounts into the scratch scores and statuses.</summary>
    private void ScoreGathered(in Sources gathered, Binding binding, int length, TileScratch scratch)
    {
        if (scratch.Bytes)
        {
            int padded = (length + ByteKernels.Lanes - 1) & ~(ByteKernels.Lanes - 1);
            ScoreBytes(gathered, binding, padded, scratch, ref scratch.Scores[0], ref scratch.Statuses[0]);
        }
        else
        {
            ScoreInts(gathered, binding, length, scratch, scratch.Scores, scratch.Statuses, default);
        }
    }

    /// <summary>What a rescoring works in: the binding of the score to the snapshot (day ranges, text codes), the scratch
    /// columns of one chunk and the list of a chunk's changed accounts. A rescoring into arrays rents them for the call;
    /// live scores keep theirs between rescorings (new ones once a text column the score reads gains a value).</summary>
    internal sealed class RescoreBuffers : IDisposable
    {
        public RescoreBuffers(CompiledHealthScore score, ColumnTable table, LocalDate asOf, int capacity, bool pooled)
        {
            Capacity = capacity;
            Binding = score.Bind(table, asOf, pooled);
            Scratch = new TileScratch(score.Schema.Count, score.EventCriteria.Length, Math.Max(capacity, 64), score.UsesBytes(false, EvaluationOptions.Default), pooled);
            Moves = NewBuffer<int>(2 * Math.Max(capacity, 1), pooled);
        }

        /// <summary>Gets the most accounts of a chunk.</summary>
        public int Capacity { get; }

        public Binding Binding { get; }

        public TileScratch Scratch { get; }

        public int[] Moves { get; }

        public void Dispose()
        {
            if (Scratch.Pooled)
            {
                ArrayPool<int>.Shared.Return(Moves);
            }

            Binding.Return();
            Scratch.Dispose();
        }
    }

    /// <summary>The caller's whole-portfolio arrays (pinned for the rescoring).</summary>
    private readonly unsafe struct ArraySlots : IScoreSlots
    {
        private readonly byte* _scores;
        private readonly byte* _statuses;

        public ArraySlots(byte* scores, byte* statuses)
        {
            _scores = scores;
            _statuses = statuses;
        }

        public int Previous(int account, ref byte row) => _scores[account];

        /// <summary>Computed from the score: the caller's status array is written, never trusted.</summary>
        public int PreviousStatus(int account, ref byte row, int previous, StatusThresholds thresholds) => (int)thresholds.StatusOf(previous);

        public void Set(int account, ref byte row, byte score, byte status)
        {
            _scores[account] = score;
            _statuses[account] = status;
        }
    }

    /// <summary>The score and status bytes of live rows.</summary>
    private readonly struct RowSlots : IScoreSlots
    {
        private readonly int _scoreOffset;
        private readonly int _statusOffset;

        public RowSlots(int scoreOffset, int statusOffset)
        {
            _scoreOffset = scoreOffset;
            _statusOffset = statusOffset;
        }

        public int Previous(int account, ref byte row) => Unsafe.Add(ref row, _scoreOffset);

        /// <summary>Read from the row, where the rescoring that wrote the score wrote its status.</summary>
        public int PreviousStatus(int account, ref byte row, int previous, StatusThresholds thresholds) => Unsafe.Add(ref row, _statusOffset);

        public void Set(int account, ref byte row, byte score, byte status)
        {
            Unsafe.Add(ref row, _scoreOffset) = score;
            Unsafe.Add(ref row, _statusOffset) = status;
        }
    }
}
