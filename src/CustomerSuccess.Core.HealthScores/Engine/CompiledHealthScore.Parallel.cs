using System;
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

    /// <summary>One multi-threaded evaluation (see <see cref="ParallelJob"/>): tiles are the units; each slot has its own
    /// scratch and statistics, merged exactly at the end; every slot writes straight into the caller's pinned spans.</summary>
    private sealed unsafe class EvaluationJob : ParallelJob
    {
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
        private StatisticsAccumulator[] _statistics = [];

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
            _statistics = new StatisticsAccumulator[workers];
            _statistics[0] = statistics;
            int others = 0;
            try
            {
                others = Run(workers);
            }
            finally
            {
                for (int slot = 1; slot < _statistics.Length; slot++)
                {
                    if (_statistics[slot] is { } result)
                    {
                        if (slot <= others)
                        {
                            statistics.Add(result);
                        }

                        result.Dispose();
                    }
                }
            }
        }

        protected override void Work(int slot)
        {
            StatisticsAccumulator statistics = _statistics[slot] ??= new StatisticsAccumulator(_snapshot.OwnerCount, _snapshot.SegmentCount);
            using var scratch = new TileScratch(_owner.Schema.Count, _owner.EventCriteria.Length, _tile, _bytes);
            int tiles = (_count + _tile - 1) / _tile;
            for (int unit = ClaimUnit(tiles); unit >= 0; unit = ClaimUnit(tiles))
            {
                int offset = unit * _tile;
                int length = Math.Min(_tile, _count - offset);
                var scores = new Span<byte>(_scores + offset, length);
                var statuses = new Span<byte>(_statuses + offset, length);
                Span<double> coverage = _coverage is null ? default : new Span<double>(_coverage + offset, length);
                _owner.ScoreTile(_snapshot, _counts, _binding, _start + offset, length, scratch, scores, statuses, coverage, statistics);
            }
        }
    }
}
