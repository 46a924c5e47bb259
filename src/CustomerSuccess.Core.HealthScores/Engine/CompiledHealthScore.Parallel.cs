using System;
using System.Runtime.ExceptionServices;
using System.Threading;
using CustomerSuccess.Core.HealthScores.Activity;
using CustomerSuccess.Core.HealthScores.Snapshots;
using CustomerSuccess.Core.HealthScores.Statistics;
using NodaTime;

namespace CustomerSuccess.Core.HealthScores.Engine;

/// <summary>The evaluation driver: tiles of <see cref="EvaluationOptions.BlockSize"/> accounts, handed out one at a
/// time to the calling thread and to thread-pool workers, every worker writing straight into the caller's spans.</summary>
public sealed partial class CompiledHealthScore
{
    private unsafe PortfolioStatistics EvaluateCore(PortfolioSnapshot snapshot, ActivityCounts? eventCounts, LocalDate asOf, int start, Span<byte> scores, Span<byte> statuses, Span<double> coverage, EvaluationOptions options)
    {
        int count = scores.Length;
        bool bytes = UsesBytes(!coverage.IsEmpty, options);
        int tile = options.BlockSize;
        int tiles = (count + tile - 1) / tile;
        int workers = count >= options.ParallelThreshold ? Math.Min(options.MaxDegreeOfParallelism, tiles) : 1;
        int[][]? counts = eventCounts?.Columns;
        Binding binding = Bind(snapshot.Table, asOf);
        try
        {
            using var statistics = new StatisticsAccumulator(snapshot.OwnerCount, snapshot.SegmentCount);
            if (workers <= 1)
            {
                using var scratch = new TileScratch(Schema.Count, EventCriteria.Length, tile, bytes);
                for (int from = 0; from < count; from += tile)
                {
                    int length = Math.Min(tile, count - from);
                    Span<double> tileCoverage = coverage.IsEmpty ? default : coverage.Slice(from, length);
                    ScoreTile(snapshot, counts, binding, start + from, length, scratch, scores.Slice(from, length), statuses.Slice(from, length), tileCoverage, statistics);
                }
            }
            else
            {
                // The caller's spans stay pinned until every worker that started has finished (the caller waits).
                fixed (byte* scoresPointer = scores)
                fixed (byte* statusesPointer = statuses)
                fixed (double* coveragePointer = coverage)
                {
                    var job = new EvaluationJob(this, snapshot, counts, binding, start, count, tile, bytes, scoresPointer, statusesPointer, coverage.IsEmpty ? null : coveragePointer);
                    job.Run(workers, statistics);
                }
            }

            return statistics.ToStatistics(Version.ScoreId, Version.Number, Version.Definition.Thresholds);
        }
        finally
        {
            binding.Return();
        }
    }

    /// <summary>
    /// One multi-threaded evaluation. Tiles are claimed with an atomic counter, so a worker that starts late (or a core
    /// that is busy with other work) simply claims fewer tiles; the caller never waits for a worker that has not
    /// started: when the tiles run out it closes the job, and only workers that had registered before are waited for.
    /// Each worker has its own scratch and statistics; statistics are merged exactly at the end.
    /// </summary>
    private sealed unsafe class EvaluationJob : IThreadPoolWorkItem
    {
        private const int Closed = int.MinValue;

        private readonly CompiledHealthScore _owner;
        private readonly PortfolioSnapshot _snapshot;
        private readonly int[][]? _counts;
        private readonly Binding _binding;
        private readonly int _start;
        private readonly int _count;
        private readonly int _tile;
        private readonly bool _bytes;
        private readonly byte* _scores;
        private readonly byte* _statuses;
        private readonly double* _coverage;
        private StatisticsAccumulator?[] _results = [];
        private int _nextTile;
        private int _registered;
        private int _finished;
        private ExceptionDispatchInfo? _error;

        public EvaluationJob(CompiledHealthScore owner, PortfolioSnapshot snapshot, int[][]? counts, Binding binding, int start, int count, int tile, bool bytes, byte* scores, byte* statuses, double* coverage)
        {
            _owner = owner;
            _snapshot = snapshot;
            _counts = counts;
            _binding = binding;
            _start = start;
            _count = count;
            _tile = tile;
            _bytes = bytes;
            _scores = scores;
            _statuses = statuses;
            _coverage = coverage;
        }

        public void Run(int workers, StatisticsAccumulator statistics)
        {
            _results = new StatisticsAccumulator?[workers - 1];
            for (int w = 1; w < workers; w++)
            {
                ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
            }

            try
            {
                Work(statistics);
            }
            catch (Exception e)
            {
                _error ??= ExceptionDispatchInfo.Capture(e);
                Volatile.Write(ref _nextTile, int.MaxValue / 2);
            }

            // No tiles left: close registration; wait for the workers that registered before.
            int registered = Interlocked.Exchange(ref _registered, Closed);
            var wait = default(SpinWait);
            while (Volatile.Read(ref _finished) < registered)
            {
                wait.SpinOnce(sleep1Threshold: -1);
            }

            for (int w = 0; w < registered; w++)
            {
                StatisticsAccumulator result = _results[w]!;
                statistics.Add(result);
                result.Dispose();
            }

            _error?.Throw();
        }

        /// <summary>A thread-pool worker: registers unless the job is closed, then claims tiles like the caller.</summary>
        public void Execute()
        {
            int slot;
            while (true)
            {
                int registered = Volatile.Read(ref _registered);
                if (registered == Closed)
                {
                    return;
                }

                if (Interlocked.CompareExchange(ref _registered, registered + 1, registered) == registered)
                {
                    slot = registered;
                    break;
                }
            }

            var statistics = new StatisticsAccumulator(_snapshot.OwnerCount, _snapshot.SegmentCount);
            try
            {
                Work(statistics);
            }
            catch (Exception e)
            {
                _error = ExceptionDispatchInfo.Capture(e);
                Volatile.Write(ref _nextTile, int.MaxValue / 2);
            }
            finally
            {
                _results[slot] = statistics;
                Interlocked.Increment(ref _finished);
            }
        }

        private void Work(StatisticsAccumulator statistics)
        {
            using var scratch = new TileScratch(_owner.Schema.Count, _owner.EventCriteria.Length, _tile, _bytes);
            while (true)
            {
                long from = (long)Interlocked.Increment(ref _nextTile) - 1;
                from *= _tile;
                if (from >= _count)
                {
                    return;
                }

                int offset = (int)from;
                int length = Math.Min(_tile, _count - offset);
                var scores = new Span<byte>(_scores + offset, length);
                var statuses = new Span<byte>(_statuses + offset, length);
                Span<double> coverage = _coverage is null ? default : new Span<double>(_coverage + offset, length);
                _owner.ScoreTile(_snapshot, _counts, _binding, _start + offset, length, scratch, scores, statuses, coverage, statistics);
            }
        }
    }
}
