using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using NodaTime;

namespace CustomerSuccess.Core.HealthScores.History;

/// <summary>
/// The history of a portal's health scores, built from its scoring runs and kept as compact columns: the latest run of
/// each score, the status changes of recent runs (what alerts are raised from, rule 35), and per calendar month the
/// closing scores of every account and the month's aggregates per portfolio, owner and segment (rules 39, 85).
/// </summary>
/// <remarks>
/// <para><b>Recording</b> (<see cref="Record"/>) is idempotent: a run whose id was recorded before changes nothing and
/// returns no changes. A run older than the score's latest run is refused (<see cref="RunRecordingStatus.OutOfOrder"/>).
/// Otherwise the run's status changes against the score's previous run are computed in one pass over the status columns
/// (when both runs scored the same accounts in the same order, which is checked, the columns are compared index by
/// index and the new run shares the previous run's account-id column), the run becomes the score's latest, and it
/// becomes the closing run of its month (months are calendar months in <see cref="ScoreHistoryOptions.Zone"/>).</para>
/// <para><b>Memory</b>: per score, the latest run (15 bytes an account), per month the closing run's score and status
/// columns (2 bytes an account, sharing account ids with other months when they are equal) and a few aggregates, and the
/// change columns of the last <see cref="ScoreHistoryOptions.RetainedChangeSets"/> runs. Queries never replay runs.</para>
/// <threadsafety>All members are thread-safe (one lock per history).</threadsafety>
/// </remarks>
public sealed class ScoreHistory
{
    private readonly Lock _gate = new();
    private readonly ScoreHistoryOptions _options;
    // A run id names a run within its score: two scores' runs may share an id (say, the date of a daily job).
    private readonly HashSet<(HealthScoreId Score, ScoringRunId Run)> _recorded = [];
    private readonly Dictionary<HealthScoreId, Track> _tracks = [];

    /// <summary>Initializes an empty history.</summary>
    /// <param name="options">Options; null for the defaults.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public ScoreHistory(ScoreHistoryOptions? options = null)
    {
        options ??= new ScoreHistoryOptions();
        ArgumentNullException.ThrowIfNull(options.Zone, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.RetainedChangeSets, nameof(options));
        _options = options with { };
    }

    /// <summary>Gets the number of runs recorded.</summary>
    /// <value>Distinct runs: a run id counts once per score.</value>
    public int RunCount
    {
        get
        {
            lock (_gate)
            {
                return _recorded.Count;
            }
        }
    }

    /// <summary>Records a run and returns its status changes against the score's previous run.</summary>
    /// <param name="run">The run (with any overrides already applied: <see cref="ScoringRun.WithOverrides(System.Collections.Generic.IEnumerable{ScoreOverride}, ScoreVersion)"/>).</param>
    /// <returns>The outcome and the changes (empty unless <see cref="RunRecordingStatus.Recorded"/>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="run"/> is null.</exception>
    public RunRecording Record(ScoringRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        lock (_gate)
        {
            if (_recorded.Contains((run.ScoreId, run.Id)))
            {
                return new RunRecording(RunRecordingStatus.AlreadyRecorded, StatusChangeSet.Empty(run, null));
            }

            if (!_tracks.TryGetValue(run.ScoreId, out var track))
            {
                track = new Track();
                _tracks.Add(run.ScoreId, track);
            }

            ScoringRun? previous = track.Latest;
            if (previous is not null && run.ScoredAt < previous.ScoredAt)
            {
                return new RunRecording(RunRecordingStatus.OutOfOrder, StatusChangeSet.Empty(run, previous));
            }

            bool aligned = previous is not null && previous.AccountIds.SequenceEqual(run.AccountIds);
            if (aligned)
            {
                run = run.WithSharedAccountIds(previous!.AccountIdArray);
            }

            StatusChangeSet changes = previous is null
                ? StatusChangeSet.Empty(run, null)
                : aligned ? AlignedChanges(run, previous) : JoinedChanges(run, previous);
            track.Latest = run;
            track.Changes.Add(changes);
            if (track.Changes.Count > _options.RetainedChangeSets)
            {
                track.Changes.RemoveAt(0);
            }

            var month = YearMonthOf(run.ScoredAt);
            track.Months[month] = MonthClose.Of(run);
            _recorded.Add((run.ScoreId, run.Id));
            return new RunRecording(RunRecordingStatus.Recorded, changes);
        }
    }

    /// <summary>Determines whether a run of any score was recorded under an id.</summary>
    /// <param name="runId">The run id.</param>
    /// <returns><see langword="true"/> when recorded.</returns>
    public bool Contains(ScoringRunId runId)
    {
        lock (_gate)
        {
            return _recorded.Any(r => r.Run == runId);
        }
    }

    /// <summary>Determines whether a score's run was recorded.</summary>
    /// <param name="scoreId">The score.</param>
    /// <param name="runId">The run id (unique within the score).</param>
    /// <returns><see langword="true"/> when recorded.</returns>
    public bool Contains(HealthScoreId scoreId, ScoringRunId runId)
    {
        lock (_gate)
        {
            return _recorded.Contains((scoreId, runId));
        }
    }

    /// <summary>Returns the latest run of a score.</summary>
    /// <param name="scoreId">The score.</param>
    /// <returns>The run, or null when the score has none.</returns>
    public ScoringRun? Latest(HealthScoreId scoreId)
    {
        lock (_gate)
        {
            return _tracks.TryGetValue(scoreId, out var track) ? track.Latest : null;
        }
    }

    /// <summary>The Health Score card of one record (rule 85, reading R85): its current score, status and coverage (with
    /// the override in force, if any), its recent status changes and its monthly score trend (the closing score of each
    /// month).</summary>
    /// <param name="scoreId">The score.</param>
    /// <param name="accountId">The account (record) id.</param>
    /// <param name="recentChanges">How many recent changes to list at most (newest first).</param>
    /// <returns>The card; <see cref="RecordCard.Current"/> is null when the latest run did not score the account.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="recentChanges"/> is negative.</exception>
    public RecordCard GetRecordCard(HealthScoreId scoreId, long accountId, int recentChanges = 10)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(recentChanges);
        lock (_gate)
        {
            if (!_tracks.TryGetValue(scoreId, out var track) || track.Latest is not { } latest)
            {
                return new RecordCard(scoreId, accountId, null, [], []);
            }

            RecordPoint? current = null;
            int index = latest.IndexOf(accountId);
            if (index >= 0)
            {
                current = new RecordPoint(latest.Id, latest.Version, latest.ScoredAt, latest.Scores[index], latest.Statuses[index], (double)latest.Coverage[index] / ScoringRun.CoverageScale, latest.OverrideAt(index));
            }

            var changes = ImmutableArray.CreateBuilder<StatusChange>();
            for (int i = track.Changes.Count - 1; i >= 0 && changes.Count < recentChanges; i--)
            {
                int row = track.Changes[i].Find(accountId);
                if (row >= 0)
                {
                    changes.Add(track.Changes[i][row]);
                }
            }

            var trend = ImmutableArray.CreateBuilder<MonthlyScore>();
            foreach (var (month, close) in track.Months)
            {
                int at = close.Run.IndexOf(accountId);
                if (at >= 0)
                {
                    trend.Add(new MonthlyScore(month, close.Run.Scores[at], close.Run.Statuses[at], close.Run.OverrideAt(at) is not null));
                }
            }

            return new RecordCard(scoreId, accountId, current, changes.ToImmutable(), trend.ToImmutable());
        }
    }

    /// <summary>The average score over time (rule 39's report): one point per calendar month from
    /// <paramref name="from"/> to <paramref name="to"/> (inclusive), from each month's closing run, for the whole
    /// portfolio, one owner or one segment.</summary>
    /// <param name="scoreId">The score.</param>
    /// <param name="from">The first month.</param>
    /// <param name="to">The last month (inclusive).</param>
    /// <param name="scope">Which accounts: <see cref="TrendScope.Portfolio"/>, <see cref="TrendScope.Owner"/> or
    /// <see cref="TrendScope.Segment"/>.</param>
    /// <returns>One point per month; a month without a run has 0 accounts and no average.</returns>
    /// <exception cref="ArgumentException"><paramref name="to"/> is before <paramref name="from"/>, or they use different calendars.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scope"/> has an undefined kind, or a segment outside
    /// 0–4.</exception>
    public ImmutableArray<MonthlyAverage> AverageOverTime(HealthScoreId scoreId, YearMonth from, YearMonth to, TrendScope scope)
    {
        if (to.CompareTo(from) < 0)
        {
            throw new ArgumentException("The last month is before the first.", nameof(to));
        }

        // TrendScope's constructor is public: a scope built without TrendScope.Segment is checked here.
        if (!Enum.IsDefined(scope.Kind) || (scope.Kind == TrendScopeKind.Segment && (ulong)scope.Value >= Snapshots.PortfolioSnapshot.MaxSegments))
        {
            throw new ArgumentOutOfRangeException(nameof(scope), scope, "A trend is kept for the portfolio, an owner or a segment 0 to 4.");
        }

        lock (_gate)
        {
            _tracks.TryGetValue(scoreId, out var track);
            var points = ImmutableArray.CreateBuilder<MonthlyAverage>();
            // Stops at 'to' without stepping past it (the month after the calendar's last one does not exist).
            for (var month = from; ; month = month.PlusMonths(1))
            {
                points.Add(track is not null && track.Months.TryGetValue(month, out var close)
                    ? close.Point(month, scope)
                    : new MonthlyAverage(month, 0, null, 0, 0, 0, 0));
                if (month.CompareTo(to) >= 0)
                {
                    break;
                }
            }

            return points.ToImmutable();
        }
    }

    private YearMonth YearMonthOf(Instant instant)
    {
        var date = instant.InZone(_options.Zone).Date;
        return new YearMonth(date.Year, date.Month);
    }

    private static StatusChangeSet AlignedChanges(ScoringRun run, ScoringRun previous)
    {
        ReadOnlySpan<HealthStatus> now = run.Statuses;
        ReadOnlySpan<HealthStatus> before = previous.Statuses;
        int count = 0;
        for (int i = 0; i < now.Length; i++)
        {
            count += now[i] != before[i] ? 1 : 0;
        }

        var set = new ChangeBuilder(count);
        if (count > 0)
        {
            for (int i = 0; i < now.Length; i++)
            {
                if (now[i] != before[i])
                {
                    set.Add(run, i, previous, i);
                }
            }
        }

        return set.Build(run, previous);
    }

    private static StatusChangeSet JoinedChanges(ScoringRun run, ScoringRun previous)
    {
        var rows = new List<(int Now, int Before)>();
        ReadOnlySpan<long> ids = run.AccountIds;
        for (int i = 0; i < ids.Length; i++)
        {
            int j = previous.IndexOf(ids[i]);
            if (j >= 0 && previous.Statuses[j] != run.Statuses[i])
            {
                rows.Add((i, j));
            }
        }

        var set = new ChangeBuilder(rows.Count);
        foreach (var (i, j) in rows)
        {
            set.Add(run, i, previous, j);
        }

        return set.Build(run, previous);
    }

    private sealed class Track
    {
        public ScoringRun? Latest { get; set; }

        public List<StatusChangeSet> Changes { get; } = [];

        public SortedDictionary<YearMonth, MonthClose> Months { get; } = [];
    }

    private sealed class ChangeBuilder(int count)
    {
        private readonly long[] _ids = new long[count];
        private readonly long[] _owners = new long[count];
        private readonly HealthStatus[] _from = new HealthStatus[count];
        private readonly HealthStatus[] _to = new HealthStatus[count];
        private readonly byte[] _before = new byte[count];
        private readonly byte[] _after = new byte[count];
        private int _n;

        public void Add(ScoringRun run, int i, ScoringRun previous, int j)
        {
            _ids[_n] = run.AccountIds[i];
            _owners[_n] = run.OwnerOf(i);
            _from[_n] = previous.Statuses[j];
            _to[_n] = run.Statuses[i];
            _before[_n] = previous.Scores[j];
            _after[_n] = run.Scores[i];
            _n++;
        }

        public StatusChangeSet Build(ScoringRun run, ScoringRun previous) => new(run, previous, _ids, _owners, _from, _to, _before, _after);
    }

    /// <summary>A month's closing run, reduced to its account ids, scores, statuses and overrides, and its
    /// aggregates.</summary>
    private sealed class MonthClose
    {
        private readonly Bucket _portfolio;
        private readonly Dictionary<long, Bucket> _owners;
        private readonly Bucket[] _segments;

        private MonthClose(ScoringRun run, Bucket portfolio, Dictionary<long, Bucket> owners, Bucket[] segments)
        {
            Run = run;
            _portfolio = portfolio;
            _owners = owners;
            _segments = segments;
        }

        public ScoringRun Run { get; }

        /// <summary>Bits of a stored segment mask (a byte); only the first five are segments a trend can ask for.</summary>
        private const int MaskBits = 8;

        public static MonthClose Of(ScoringRun run)
        {
            int codes = run.OwnerIds.Length;
            var byCode = new Bucket[codes];
            var segments = new Bucket[MaskBits];
            var portfolio = new Bucket();
            for (int c = 0; c < codes; c++)
            {
                byCode[c] = new Bucket();
            }

            for (int s = 0; s < segments.Length; s++)
            {
                segments[s] = new Bucket();
            }

            ReadOnlySpan<byte> scores = run.Scores;
            ReadOnlySpan<HealthStatus> statuses = run.Statuses;
            ReadOnlySpan<ushort> owners = run.OwnerCodes;
            ReadOnlySpan<byte> masks = run.SegmentMasks;
            for (int i = 0; i < scores.Length; i++)
            {
                byte score = scores[i];
                int status = (int)statuses[i];
                byCode[owners[i]].Add(score, status);
                int mask = masks[i];
                while (mask != 0)
                {
                    int bit = System.Numerics.BitOperations.TrailingZeroCount(mask);
                    segments[bit].Add(score, status);
                    mask &= mask - 1;
                }
            }

            foreach (AppliedOverride applied in run.Overrides)
            {
                byCode[owners[applied.AccountIndex]].Overridden++;
                int mask = masks[applied.AccountIndex];
                for (int s = 0; s < MaskBits; s++)
                {
                    segments[s].Overridden += (mask >> s) & 1;
                }
            }

            var byOwner = new Dictionary<long, Bucket>();
            for (int c = 0; c < codes; c++)
            {
                portfolio.Merge(byCode[c]);
                long owner = run.OwnerIds[c];
                if (byOwner.TryGetValue(owner, out var existing))
                {
                    existing.Merge(byCode[c]);
                }
                else
                {
                    byOwner[owner] = byCode[c];
                }
            }

            return new MonthClose(run.ClosingColumns(), portfolio, byOwner, segments);
        }

        public MonthlyAverage Point(YearMonth month, TrendScope scope)
        {
            Bucket? bucket = scope.Kind switch
            {
                TrendScopeKind.Portfolio => _portfolio,
                TrendScopeKind.Owner => _owners.GetValueOrDefault(scope.Value),
                _ => _segments[scope.Value],
            };
            return bucket is null ? new MonthlyAverage(month, 0, null, 0, 0, 0, 0) : bucket.Point(month);
        }
    }

    private sealed class Bucket
    {
        private long _sum;
        private int _count;
        private int _atRisk;
        private int _neutral;
        private int _healthy;

        public int Overridden { get; set; }

        public void Add(byte score, int status)
        {
            _sum += score;
            _count++;
            switch (status)
            {
                case 0: _atRisk++; break;
                case 1: _neutral++; break;
                default: _healthy++; break;
            }
        }

        public void Merge(Bucket other)
        {
            _sum += other._sum;
            _count += other._count;
            _atRisk += other._atRisk;
            _neutral += other._neutral;
            _healthy += other._healthy;
            Overridden += other.Overridden;
        }

        public MonthlyAverage Point(YearMonth month) =>
            new(month, _count, _count == 0 ? null : (double)_sum / _count, _atRisk, _neutral, _healthy, Overridden);
    }
}

/// <summary>Options of a <see cref="ScoreHistory"/>.</summary>
public sealed record ScoreHistoryOptions
{
    /// <summary>Gets the zone whose calendar months the monthly trend uses.</summary>
    /// <value>UTC by default.</value>
    public DateTimeZone Zone { get; init; } = DateTimeZone.Utc;

    /// <summary>Gets how many runs' status changes are kept per score (for the record card's recent changes).</summary>
    /// <value>400 by default (more than a year of daily runs).</value>
    public int RetainedChangeSets { get; init; } = 400;
}

/// <summary>The outcome of <see cref="ScoreHistory.Record"/>.</summary>
public enum RunRecordingStatus
{
    /// <summary>The run was recorded; its changes are returned.</summary>
    Recorded,

    /// <summary>A run of the same score with the same id was recorded before: nothing changed and no changes are returned.</summary>
    AlreadyRecorded,

    /// <summary>The run is older than the score's latest run: nothing was recorded.</summary>
    OutOfOrder,
}

/// <summary>What recording a run did.</summary>
/// <param name="Status">Whether it was recorded.</param>
/// <param name="Changes">Its status changes against the previous run of the score (empty unless recorded).</param>
public sealed record RunRecording(RunRecordingStatus Status, StatusChangeSet Changes);

/// <summary>Which accounts a trend covers.</summary>
public enum TrendScopeKind
{
    /// <summary>Every account.</summary>
    Portfolio,

    /// <summary>The accounts of one owner.</summary>
    Owner,

    /// <summary>The accounts of one segment.</summary>
    Segment,
}

/// <summary>Which accounts a trend covers: the portfolio, an owner (user id; 0 = no owner) or a segment (0–4).</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Value">The owner's user id or the segment index; 0 for the portfolio.</param>
public readonly record struct TrendScope(TrendScopeKind Kind, long Value)
{
    /// <summary>Gets the whole portfolio.</summary>
    public static TrendScope Portfolio => new(TrendScopeKind.Portfolio, 0);

    /// <summary>Returns the scope of one owner.</summary>
    /// <param name="ownerId">The owner's user id (0 = accounts without owner).</param>
    /// <returns>The scope.</returns>
    public static TrendScope Owner(long ownerId) => new(TrendScopeKind.Owner, ownerId);

    /// <summary>Returns the scope of one segment.</summary>
    /// <param name="segment">The segment index, 0 to 4.</param>
    /// <returns>The scope.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="segment"/> is outside 0–4.</exception>
    public static TrendScope Segment(int segment)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(segment);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(segment, Snapshots.PortfolioSnapshot.MaxSegments);
        return new(TrendScopeKind.Segment, segment);
    }
}

/// <summary>One month of a trend.</summary>
/// <param name="Month">The month.</param>
/// <param name="Accounts">The accounts scored by the month's closing run (in the scope).</param>
/// <param name="Average">Their average score, or null without accounts.</param>
/// <param name="AtRisk">How many were At risk.</param>
/// <param name="Neutral">How many were Neutral.</param>
/// <param name="Healthy">How many were Healthy.</param>
/// <param name="Overridden">How many of them had a manual override in force.</param>
public sealed record MonthlyAverage(YearMonth Month, int Accounts, double? Average, int AtRisk, int Neutral, int Healthy, int Overridden);

/// <summary>An account's score in one run.</summary>
/// <param name="RunId">The run.</param>
/// <param name="Version">The score version.</param>
/// <param name="At">When the run was made.</param>
/// <param name="Score">The effective score.</param>
/// <param name="Status">The effective status.</param>
/// <param name="Coverage">The coverage in [0, 1].</param>
/// <param name="Override">The override that decided the score, with its author and reason, or null.</param>
public sealed record RecordPoint(ScoringRunId RunId, ScoreVersionKey Version, Instant At, int Score, HealthStatus Status, double Coverage, AppliedOverride? Override);

/// <summary>An account's closing score of a month.</summary>
/// <param name="Month">The month.</param>
/// <param name="Score">The effective score of the month's closing run.</param>
/// <param name="Status">The effective status.</param>
/// <param name="Overridden">Whether an override decided it.</param>
public sealed record MonthlyScore(YearMonth Month, int Score, HealthStatus Status, bool Overridden);

/// <summary>The Health Score card of a record (rule 85).</summary>
/// <param name="ScoreId">The score.</param>
/// <param name="AccountId">The account.</param>
/// <param name="Current">Its score in the latest run, or null when not scored.</param>
/// <param name="RecentChanges">Its recent status changes, newest first.</param>
/// <param name="MonthlyTrend">Its closing score per month with a run, oldest first.</param>
public sealed record RecordCard(HealthScoreId ScoreId, long AccountId, RecordPoint? Current, ImmutableArray<StatusChange> RecentChanges, ImmutableArray<MonthlyScore> MonthlyTrend);
