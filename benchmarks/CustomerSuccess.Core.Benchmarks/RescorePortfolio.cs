using System;
using System.Runtime.InteropServices;
using CustomerSuccess.Core.HealthScores;
using CustomerSuccess.Core.HealthScores.Activity;
using CustomerSuccess.Core.HealthScores.Engine;
using CustomerSuccess.Core.HealthScores.Snapshots;
using CustomerSuccess.Core.HealthScores.Statistics;

namespace CustomerSuccess.Core.Benchmarks;

/// <summary>How a <see cref="RescorePortfolio"/> keeps its portfolio: columns only, with row copies
/// (<c>KeepRowCopy</c>) and <c>CompiledHealthScore.Rescore</c> into arrays, or as <c>LiveScores</c>.</summary>
public enum RescoreLayout
{
    Columns,
    RowCopy,
    Live,
}

/// <summary>One copy of the benchmark portfolio for <c>--rescore</c>: snapshot, counts, the scores and their chained
/// statistics, kept in one of the <see cref="RescoreLayout"/>s.</summary>
public sealed class RescorePortfolio
{
    private readonly LiveScores? _live;

    public RescorePortfolio(PortfolioData data, RescoreLayout layout)
    {
        Layout = layout;
        Snapshot = data.BuildSnapshot();
        Counts = ActivityCounts.FromColumns(Snapshot.AccountCount, data.ActivityCounts);
        if (layout == RescoreLayout.RowCopy)
        {
            Snapshot.KeepRowCopy();
            Counts.KeepRowCopy();
        }

        Compiled = HealthScoreCompiler.Compile(BenchmarkDefinition.Version, Snapshot.Schema).GetValueOrThrow();
        Scores = new byte[Snapshot.AccountCount];
        Statuses = new HealthStatus[Snapshot.AccountCount];
        if (layout == RescoreLayout.Live)
        {
            _live = Compiled.CreateLiveScores(Snapshot, Counts, PortfolioData.AsOf);
            Statistics = _live.Statistics;
        }
        else
        {
            Statistics = Compiled.Evaluate(Snapshot, Counts, PortfolioData.AsOf, Scores, Statuses);
        }
    }

    public RescoreLayout Layout { get; }

    /// <summary>The live scores' bytes per account (0 unless kept live).</summary>
    public int LiveBytesPerAccount => _live?.BytesPerAccount ?? 0;

    public PortfolioSnapshot Snapshot { get; }

    public ActivityCounts Counts { get; }

    public CompiledHealthScore Compiled { get; }

    public byte[] Scores { get; }

    public HealthStatus[] Statuses { get; }

    public PortfolioStatistics Statistics { get; private set; }

    /// <summary>A point update of a number, through the live scores when the portfolio is kept live.</summary>
    public void SetNumber(int account, int column, double? value)
    {
        if (_live is null)
        {
            Snapshot.SetNumber(account, column, value);
        }
        else
        {
            _live.SetNumber(account, column, value);
        }
    }

    /// <summary>Rescores the updated accounts (live: the pending ones, which are these).</summary>
    public void Rescore(int[] accounts) =>
        Statistics = _live is null
            ? Compiled.Rescore(Snapshot, Counts, PortfolioData.AsOf, accounts, Scores, Statuses, Statistics)
            : _live.Rescore();

    /// <summary>Throws unless the chained statistics, scores and statuses equal a full evaluation's.</summary>
    public void Verify(byte[] full, HealthStatus[] fullStatuses)
    {
        _live?.CopyTo(Scores, Statuses);
        PortfolioStatistics check = Compiled.Evaluate(Snapshot, Counts, PortfolioData.AsOf, full, fullStatuses);
        if (!check.Equals(Statistics) || !full.AsSpan().SequenceEqual(Scores) || !fullStatuses.AsSpan().SequenceEqual(Statuses))
        {
            throw new InvalidOperationException($"Incremental rescoring drifted from a full evaluation ({Layout}).");
        }
    }
}

/// <summary>The floor of a rescoring from row copies: a block shaped like the row copies (the snapshot's rows,
/// cache-line aligned, and the counts' rows) plus a score and a status array, whose first line of each chosen row is
/// written after a cache flush, as a point update of a number leaves it; <see cref="Read"/> reads every line a
/// rescoring of those accounts has to touch: the row, the counts, the old score and the status.</summary>
public sealed class RowModel
{
    private readonly byte[] _rows;
    private readonly byte[] _counts;
    private readonly byte[] _scores;
    private readonly byte[] _statuses;
    private readonly int _stride;
    private readonly int _countStride;
    private readonly int _n;
    private readonly int _first;

    public RowModel(int n, int stride, int countStride)
    {
        _n = n;
        _stride = stride;
        _countStride = countStride;
        _rows = GC.AllocateArray<byte>((n * stride) + 64, pinned: true);
        _counts = GC.AllocateArray<byte>((n * countStride) + 64, pinned: true);
        _first = (int)((64 - (Marshal.UnsafeAddrOfPinnedArrayElement(_rows, 0) & 63)) & 63);
        _scores = new byte[n];
        _statuses = new byte[n];
        _rows.AsSpan().Fill(1);
        _counts.AsSpan().Fill(1);
    }

    public void Touch(int[] accounts, Random random, BandwidthProbe flush)
    {
        for (int i = 0; i < accounts.Length; i++)
        {
            accounts[i] = random.Next(_n);
        }

        flush.Read(1);
        foreach (int a in accounts)
        {
            _rows[_first + (a * _stride)]++;
        }
    }

    /// <summary>What a rescoring from rows that hold everything (<c>LiveScores</c>) has to read: the line of each row
    /// that the update did not write (the row's last byte).</summary>
    public long ReadOneLine(int[] accounts)
    {
        long sum = 0;
        foreach (int a in accounts)
        {
            sum += _rows[_first + (a * _stride) + _stride - 1];
        }

        return sum;
    }

    public long Read(int[] accounts)
    {
        long sum = 0;
        foreach (int a in accounts)
        {
            int row = _first + (a * _stride);
            for (int offset = 0; offset < _stride; offset += 64)
            {
                sum += _rows[row + offset];
            }

            sum += _rows[row + _stride - 1] + _counts[a * _countStride] + _counts[(a * _countStride) + _countStride - 1] + _scores[a] + _statuses[a];
        }

        return sum;
    }
}
