using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using CustomerSuccess.Core.HealthScores.Activity;
using CustomerSuccess.Core.HealthScores.Engine;
using CustomerSuccess.Core.HealthScores.Snapshots;
using NodaTime;

namespace CustomerSuccess.Core.HealthScores.History;

/// <summary>
/// One scoring run of a portfolio under one score version, kept as a few columns: per account its id, score, status,
/// coverage, owner code and segment mask. A run of 1M accounts is six arrays (15 bytes an account), not a million
/// objects.
/// </summary>
/// <remarks>
/// <para>The columns are aligned: index <c>i</c> of every column is the same account. Owner codes index
/// <see cref="OwnerIds"/> (the owner's user id; 0 = no owner), as in <see cref="PortfolioSnapshot.OwnerCodes"/>.
/// Coverage is kept in basis points (<see cref="CoverageScale"/> = 100 %), so the stored value is within 0.00005 of the
/// engine's.</para>
/// <para>Account ids must be positive and distinct. When they are strictly ascending (the usual order of an export),
/// looking an account up is a binary search; otherwise the run builds an index once, which also rejects duplicates.</para>
/// <para>Manual overrides (<see cref="ScoreOverride"/>) applied to the run are kept beside the columns
/// (<see cref="Overrides"/>): the columns hold the effective score and status, each override the computed ones, so the
/// run never loses what the definition said, and never overwrites what a person decided.</para>
/// <threadsafety>Immutable; thread-safe.</threadsafety>
/// </remarks>
public sealed class ScoringRun
{
    /// <summary>The stored coverage value that stands for 100 %.</summary>
    public const int CoverageScale = 10_000;

    private readonly long[] _accountIds;
    private readonly byte[] _scores;
    private readonly HealthStatus[] _statuses;
    private readonly ushort[] _coverage;
    private readonly ushort[] _owners;
    private readonly byte[] _segments;
    private readonly bool _ascending;
    private Dictionary<long, int>? _index;

    private ScoringRun(
        ScoringRunId id,
        ScoreVersionKey version,
        Instant scoredAt,
        LocalDate asOf,
        long[] accountIds,
        byte[] scores,
        HealthStatus[] statuses,
        ushort[] coverage,
        ushort[] owners,
        ImmutableArray<long> ownerIds,
        byte[] segments,
        ImmutableArray<AppliedOverride> overrides,
        bool ascending)
    {
        Id = id;
        Version = version;
        ScoredAt = scoredAt;
        AsOf = asOf;
        _accountIds = accountIds;
        _scores = scores;
        _statuses = statuses;
        _coverage = coverage;
        _owners = owners;
        OwnerIds = ownerIds;
        _segments = segments;
        Overrides = overrides;
        _ascending = ascending;
    }

    /// <summary>Gets the run's id.</summary>
    /// <value>Chosen by the caller; recorded once (<see cref="ScoreHistory.Record"/>).</value>
    public ScoringRunId Id { get; }

    /// <summary>Gets the score version the run scored with.</summary>
    /// <value>The score id and version number.</value>
    public ScoreVersionKey Version { get; }

    /// <summary>Gets the score the run belongs to.</summary>
    /// <value><c>Version.ScoreId</c>.</value>
    public HealthScoreId ScoreId => Version.ScoreId;

    /// <summary>Gets the instant the run was made; alerts it raises are raised at this instant.</summary>
    /// <value>An instant.</value>
    public Instant ScoredAt { get; }

    /// <summary>Gets the as-of date the run scored date conditions and event windows with.</summary>
    /// <value>A date.</value>
    public LocalDate AsOf { get; }

    /// <summary>Gets the number of accounts.</summary>
    /// <value>The length of every column.</value>
    public int AccountCount => _accountIds.Length;

    /// <summary>Gets the account ids (positive, distinct).</summary>
    /// <value>One per account.</value>
    public ReadOnlySpan<long> AccountIds => _accountIds;

    /// <summary>Gets the effective scores (0–100): computed, or overridden.</summary>
    /// <value>One per account.</value>
    public ReadOnlySpan<byte> Scores => _scores;

    /// <summary>Gets the effective statuses: computed, or overridden.</summary>
    /// <value>One per account.</value>
    public ReadOnlySpan<HealthStatus> Statuses => _statuses;

    /// <summary>Gets the coverage in basis points (0 to <see cref="CoverageScale"/>).</summary>
    /// <value>One per account.</value>
    public ReadOnlySpan<ushort> Coverage => _coverage;

    /// <summary>Gets the owner codes, indexes into <see cref="OwnerIds"/>.</summary>
    /// <value>One per account.</value>
    public ReadOnlySpan<ushort> OwnerCodes => _owners;

    /// <summary>Gets the owner (CSM) user id of each owner code; 0 stands for "no owner".</summary>
    /// <value>Every owner code of the run is an index into this array.</value>
    public ImmutableArray<long> OwnerIds { get; }

    /// <summary>Gets the segment bitmasks (bit <c>s</c> set = the account is in segment <c>s</c>).</summary>
    /// <value>One per account.</value>
    public ReadOnlySpan<byte> SegmentMasks => _segments;

    /// <summary>Gets the overrides that decided an account's score or status in this run, ordered by account index.</summary>
    /// <value>Empty when none applied.</value>
    public ImmutableArray<AppliedOverride> Overrides { get; }

    internal long[] AccountIdArray => _accountIds;

    internal byte[] ScoreArray => _scores;

    internal HealthStatus[] StatusArray => _statuses;

    internal bool IsAscending => _ascending;

    /// <summary>Records a run from columns the caller already has (the outputs of
    /// <see cref="CompiledHealthScore.EvaluateRange"/> with coverage); the columns are copied.</summary>
    /// <param name="id">The run's id.</param>
    /// <param name="version">The score version.</param>
    /// <param name="scoredAt">When the run was made.</param>
    /// <param name="asOf">The as-of date of the evaluation.</param>
    /// <param name="accountIds">The account ids, positive and distinct.</param>
    /// <param name="scores">The scores, 0–100.</param>
    /// <param name="statuses">The statuses.</param>
    /// <param name="coverage">The coverage in [0, 1].</param>
    /// <param name="ownerCodes">The owner codes, indexes into <paramref name="ownerIds"/>.</param>
    /// <param name="ownerIds">The owner user id of each code (0 = no owner).</param>
    /// <param name="segmentMasks">The segment bitmasks.</param>
    /// <returns>The run.</returns>
    /// <exception cref="ArgumentException">An id is default, the columns differ in length, an account id is not
    /// positive or appears twice, a score is above 100, a status is undefined, a coverage is outside [0, 1] or an owner
    /// code is outside <paramref name="ownerIds"/>.</exception>
    public static ScoringRun Create(
        ScoringRunId id,
        ScoreVersionKey version,
        Instant scoredAt,
        LocalDate asOf,
        ReadOnlySpan<long> accountIds,
        ReadOnlySpan<byte> scores,
        ReadOnlySpan<HealthStatus> statuses,
        ReadOnlySpan<double> coverage,
        ReadOnlySpan<ushort> ownerCodes,
        ImmutableArray<long> ownerIds,
        ReadOnlySpan<byte> segmentMasks)
    {
        if (id.IsDefault)
        {
            throw new ArgumentException("The run id must not be default.", nameof(id));
        }

        if (version.ScoreId.IsDefault || version.Number < 1)
        {
            throw new ArgumentException("The version must name a score and a version number of 1 or more.", nameof(version));
        }

        int n = accountIds.Length;
        if (scores.Length != n || statuses.Length != n || coverage.Length != n || ownerCodes.Length != n || segmentMasks.Length != n)
        {
            throw new ArgumentException("Every column must have one value per account.", nameof(scores));
        }

        if (ownerIds.IsDefaultOrEmpty)
        {
            throw new ArgumentException("At least one owner code (0 = no owner) is needed.", nameof(ownerIds));
        }

        var ids = accountIds.ToArray();
        var scoreColumn = scores.ToArray();
        var statusColumn = statuses.ToArray();
        var coverageColumn = new ushort[n];
        var owners = ownerCodes.ToArray();
        bool ascending = true;
        long previous = 0;
        for (int i = 0; i < n; i++)
        {
            long account = ids[i];
            if (account <= 0)
            {
                throw new ArgumentException($"Account id {account} at index {i} is not positive.", nameof(accountIds));
            }

            ascending &= account > previous;
            previous = account;
            if (scoreColumn[i] > HealthScoreDefinition.TotalMaxPoints || (byte)statusColumn[i] > (byte)HealthStatus.Healthy)
            {
                throw new ArgumentException($"The score or status of account {account} is out of range.", nameof(scores));
            }

            double c = coverage[i];
            if (!(c >= 0 && c <= 1))
            {
                throw new ArgumentException($"The coverage of account {account} is outside [0, 1].", nameof(coverage));
            }

            coverageColumn[i] = (ushort)Math.Round(c * CoverageScale);
            if (owners[i] >= ownerIds.Length)
            {
                throw new ArgumentException($"The owner code of account {account} has no owner id.", nameof(ownerCodes));
            }
        }

        var run = new ScoringRun(id, version, scoredAt, asOf, ids, scoreColumn, statusColumn, coverageColumn, owners, ownerIds, segmentMasks.ToArray(), [], ascending);
        if (!ascending)
        {
            _ = run.Index();
        }

        return run;
    }

    /// <summary>Scores a snapshot and records the outcome as a run in one step.</summary>
    /// <param name="id">The run's id.</param>
    /// <param name="score">The compiled score version.</param>
    /// <param name="snapshot">The portfolio; its owner codes index <paramref name="ownerIds"/>.</param>
    /// <param name="eventCounts">The event counts (when the version has event criteria).</param>
    /// <param name="asOf">The as-of date.</param>
    /// <param name="scoredAt">When the run is made.</param>
    /// <param name="accountIds">One id per snapshot account.</param>
    /// <param name="ownerIds">The owner user id of each owner code of the snapshot (0 = no owner).</param>
    /// <param name="options">Evaluation options.</param>
    /// <returns>The run.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="score"/> or <paramref name="snapshot"/> is null.</exception>
    /// <exception cref="ArgumentException">See <see cref="Create"/> and <see cref="CompiledHealthScore.EvaluateRange"/>.</exception>
    public static ScoringRun Score(
        ScoringRunId id,
        CompiledHealthScore score,
        PortfolioSnapshot snapshot,
        ActivityCounts? eventCounts,
        LocalDate asOf,
        Instant scoredAt,
        ReadOnlySpan<long> accountIds,
        ImmutableArray<long> ownerIds,
        EvaluationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(score);
        ArgumentNullException.ThrowIfNull(snapshot);
        int n = snapshot.AccountCount;
        var scores = new byte[n];
        var statuses = new HealthStatus[n];
        var coverage = new double[n];
        score.EvaluateRange(snapshot, eventCounts, asOf, 0, scores, statuses, coverage, options);
        return Create(id, ScoreVersionKey.Of(score.Version), scoredAt, asOf, accountIds, scores, statuses, coverage, snapshot.OwnerCodes, ownerIds, snapshot.SegmentMasks);
    }

    /// <summary>Returns the index of an account in the columns.</summary>
    /// <param name="accountId">The account id.</param>
    /// <returns>Its index, or −1 when the run did not score it.</returns>
    public int IndexOf(long accountId)
    {
        if (_ascending)
        {
            int i = Array.BinarySearch(_accountIds, accountId);
            return i >= 0 ? i : -1;
        }

        return Index().TryGetValue(accountId, out int index) ? index : -1;
    }

    /// <summary>Returns the owner user id of an account (0 = no owner).</summary>
    /// <param name="index">The account index.</param>
    /// <returns>The owner's user id.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is out of range.</exception>
    public long OwnerOf(int index) => OwnerIds[_owners[index]];

    /// <summary>Returns the override applied to an account in this run, if any.</summary>
    /// <param name="index">The account index.</param>
    /// <returns>The applied override, or null.</returns>
    public AppliedOverride? OverrideAt(int index)
    {
        int lo = 0;
        int hi = Overrides.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            int at = Overrides[mid].AccountIndex;
            if (at == index)
            {
                return Overrides[mid];
            }

            if (at < index)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return null;
    }

    /// <summary>Applies manual overrides (see <see cref="WithOverrides(IEnumerable{ScoreOverride}, StatusThresholds)"/>)
    /// with the thresholds of the version the run was scored with, which must be <paramref name="version"/>.</summary>
    /// <param name="overrides">The overrides.</param>
    /// <param name="version">The run's score version (<see cref="Version"/>): its thresholds give the status of an
    /// override that sets only a score.</param>
    /// <returns>A run with the overrides applied (this run when none applies).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="overrides"/> or <paramref name="version"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="version"/> is not the run's version, or two overrides in force
    /// name the same account.</exception>
    /// <exception cref="InvalidOperationException">Overrides were applied to this run already.</exception>
    public ScoringRun WithOverrides(IEnumerable<ScoreOverride> overrides, ScoreVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (ScoreVersionKey.Of(version) != Version)
        {
            throw new ArgumentException($"Run {Id} was scored with version {Version.Number} of score {Version.ScoreId}, not version {version.Number} of score {version.ScoreId}.", nameof(version));
        }

        return WithOverrides(overrides, version.Definition.Thresholds);
    }

    /// <summary>Applies manual overrides: every override of this run's score that is in force at
    /// <see cref="ScoredAt"/> replaces its account's score and/or status; the computed values are kept in
    /// <see cref="Overrides"/>. Overrides of other scores, of accounts the run did not score, or not in force are
    /// ignored.</summary>
    /// <param name="overrides">The overrides.</param>
    /// <param name="thresholds">The version's thresholds: the status of an override that sets only a score.</param>
    /// <returns>A run with the overrides applied (this run when none applies).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="overrides"/> or <paramref name="thresholds"/> is null.</exception>
    /// <exception cref="ArgumentException">Two overrides in force name the same account.</exception>
    /// <exception cref="InvalidOperationException">Overrides were applied to this run already.</exception>
    public ScoringRun WithOverrides(IEnumerable<ScoreOverride> overrides, StatusThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        ArgumentNullException.ThrowIfNull(thresholds);
        if (!Overrides.IsEmpty)
        {
            throw new InvalidOperationException($"Overrides were applied to run {Id} already.");
        }

        var applied = new List<AppliedOverride>();
        byte[]? scores = null;
        HealthStatus[]? statuses = null;
        foreach (ScoreOverride o in overrides)
        {
            if (o.ScoreId != ScoreId || !o.IsInForceAt(ScoredAt))
            {
                continue;
            }

            int index = IndexOf(o.AccountId);
            if (index < 0)
            {
                continue;
            }

            scores ??= (byte[])_scores.Clone();
            statuses ??= (HealthStatus[])_statuses.Clone();
            applied.Add(new AppliedOverride(index, _scores[index], _statuses[index], o));
            scores[index] = (byte)(o.Score ?? _scores[index]);
            statuses[index] = o.Status ?? thresholds.StatusOf(o.Score!.Value);
        }

        if (applied.Count == 0)
        {
            return this;
        }

        applied.Sort((a, b) => a.AccountIndex.CompareTo(b.AccountIndex));
        for (int i = 1; i < applied.Count; i++)
        {
            if (applied[i].AccountIndex == applied[i - 1].AccountIndex)
            {
                throw new ArgumentException($"Account {_accountIds[applied[i].AccountIndex]} has two overrides in force for score {ScoreId}.", nameof(overrides));
            }
        }

        return new ScoringRun(Id, Version, ScoredAt, AsOf, _accountIds, scores!, statuses!, _coverage, _owners, OwnerIds, _segments, [.. applied], _ascending) { _index = _index };
    }

    internal ScoringRun WithSharedAccountIds(long[] accountIds) =>
        ReferenceEquals(accountIds, _accountIds)
            ? this
            : new ScoringRun(Id, Version, ScoredAt, AsOf, accountIds, _scores, _statuses, _coverage, _owners, OwnerIds, _segments, Overrides, _ascending) { _index = _index };

    /// <summary>The run reduced to what a month's close keeps: account ids (shared), scores, statuses, overrides.</summary>
    internal ScoringRun ClosingColumns() =>
        new(Id, Version, ScoredAt, AsOf, _accountIds, _scores, _statuses, [], [], OwnerIds, [], Overrides, _ascending) { _index = _index };

    private Dictionary<long, int> Index()
    {
        if (_index is { } index)
        {
            return index;
        }

        var built = new Dictionary<long, int>(_accountIds.Length);
        for (int i = 0; i < _accountIds.Length; i++)
        {
            if (!built.TryAdd(_accountIds[i], i))
            {
                throw new ArgumentException($"Account id {_accountIds[i]} appears twice in run {Id}.", "accountIds");
            }
        }

        _index = built;
        return built;
    }
}

/// <summary>Names one score version: the score and its version number.</summary>
/// <param name="ScoreId">The score.</param>
/// <param name="Number">The version number (1, 2, …).</param>
public readonly record struct ScoreVersionKey(HealthScoreId ScoreId, int Number)
{
    /// <summary>Returns the key of a version.</summary>
    /// <param name="version">The version.</param>
    /// <returns>Its key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="version"/> is null.</exception>
    public static ScoreVersionKey Of(ScoreVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return new ScoreVersionKey(version.ScoreId, version.Number);
    }
}
