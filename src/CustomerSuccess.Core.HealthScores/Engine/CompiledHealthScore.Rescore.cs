using System;
using System.Diagnostics;
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

    /// <summary>Accounts gathered at a time by a rescoring from rows. On x86 the cache lines of the next chunk (rows,
    /// score, status) are prefetched while a chunk's statistics are moved, so memory and scoring overlap; a chunk's lines
    /// stay in the level-2 cache from the gather to the write-back.</summary>
    private const int RowRescoreChunk = 256;

    /// <summary>Where a rescoring reads each account's previous score and writes its new score and status.</summary>
    private interface IScoreSlots
    {
        int Previous(int account);

        void Set(int account, byte score, byte status);
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

    /// <summary>Rescores live accounts from their rows: the score and status are read from and written back to the row.</summary>
    internal unsafe PortfolioStatistics RescoreLive(LiveScores live, ReadOnlySpan<int> accounts, PortfolioStatistics statistics) =>
        RescoreCore(
            live.Snapshot, live.EventCounts, live.AsOf, accounts, statistics,
            new RowSource(live.Rows, live.Offsets, live.OwnerOffset, live.SegmentOffset, live.Rows, live.CountOffset),
            new RowSlots(live.Rows, live.ScoreOffset, live.StatusOffset), new RowPrefetch(live.Rows, null, null, null), default, default);

    /// <summary>
    /// The loop shared by <see cref="Rescore"/> and <see cref="LiveScores.Rescore"/>: chunk by chunk, the accounts'
    /// inputs are gathered (from rows when <paramref name="rows"/> is given, else from the columns), scored by the batch
    /// kernels, and each account moved in the statistics from its previous score to its new one (read and written
    /// through <paramref name="slots"/>); with rows, the next chunk's lines are prefetched meanwhile.
    /// </summary>
    private PortfolioStatistics RescoreCore<TSlots>(PortfolioSnapshot snapshot, ActivityCounts? eventCounts, LocalDate asOf, ReadOnlySpan<int> accounts, PortfolioStatistics statistics, RowSource? rows, TSlots slots, RowPrefetch prefetch, ReadOnlySpan<byte> scores, ReadOnlySpan<byte> statuses)
        where TSlots : struct, IScoreSlots
    {
        bool observed = Telemetry.EvaluationObserved;
        long started = observed ? Stopwatch.GetTimestamp() : 0;
        using DiagnosticActivity? activity = observed ? Telemetry.StartEvaluation(HealthScoresTelemetry.RescoreActivityName, _scoreIdTag, _versionTag, accounts.Length, 1) : null;
        StatusThresholds thresholds = Version.Definition.Thresholds;
        long[] data = statistics.CopyData();
        int chunkSize = rows is null ? RescoreChunk : RowRescoreChunk;
        int capacity = Math.Min(chunkSize, (accounts.Length + 63) & ~63);
        ReadOnlySpan<ushort> owners = snapshot.OwnerCodes;
        ReadOnlySpan<byte> masks = snapshot.SegmentMasks;
        Binding binding = Bind(snapshot.Table, asOf);
        try
        {
            using var scratch = new TileScratch(Schema.Count, EventCriteria.Length, Math.Max(capacity, 64), UsesBytes(false, EvaluationOptions.Default));
            prefetch.All(accounts[..Math.Min(chunkSize, accounts.Length)]);
            for (int from = 0; from < accounts.Length; from += chunkSize)
            {
                ReadOnlySpan<int> chunk = accounts.Slice(from, Math.Min(chunkSize, accounts.Length - from));
                int nextFrom = from + chunkSize;
                ReadOnlySpan<int> next = nextFrom < accounts.Length ? accounts.Slice(nextFrom, Math.Min(chunkSize, accounts.Length - nextFrom)) : default;
                Sources gathered = rows is { } source
                    ? GatherRows(source, eventCounts?.Columns, chunk, scores, statuses, scratch, prefetch.Active)
                    : Gather(snapshot.Table, eventCounts?.Columns, chunk, scratch);
                ScoreGathered(gathered, binding, chunk.Length, scratch);
                for (int j = 0; j < chunk.Length; j++)
                {
                    if (j < next.Length)
                    {
                        prefetch.Account(next[j]);
                    }

                    int account = chunk[j];
                    int score = scratch.Scores[j];
                    (int owner, int mask) = rows is { } row ? (row.Owner(account), row.Segments(account)) : (owners[account], masks[account]);
                    PortfolioStatistics.MoveAccount(data, snapshot.OwnerCount, snapshot.SegmentCount, thresholds, owner, mask, slots.Previous(account), score);
                    slots.Set(account, (byte)score, scratch.Statuses[j]);
                }
            }
        }
        finally
        {
            binding.Return();
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

        public int Previous(int account) => _scores[account];

        public void Set(int account, byte score, byte status)
        {
            _scores[account] = score;
            _statuses[account] = status;
        }
    }

    /// <summary>The score and status bytes of live rows.</summary>
    private readonly struct RowSlots : IScoreSlots
    {
        private readonly AlignedRows _rows;
        private readonly int _scoreOffset;
        private readonly int _statusOffset;

        public RowSlots(AlignedRows rows, int scoreOffset, int statusOffset)
        {
            _rows = rows;
            _scoreOffset = scoreOffset;
            _statusOffset = statusOffset;
        }

        public int Previous(int account) => _rows.Read<byte>(account, _scoreOffset);

        public void Set(int account, byte score, byte status)
        {
            _rows.Write(account, _scoreOffset, score);
            _rows.Write(account, _statusOffset, status);
        }
    }
}
