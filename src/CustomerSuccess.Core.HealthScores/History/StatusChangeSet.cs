using System;
using NodaTime;

namespace CustomerSuccess.Core.HealthScores.History;

/// <summary>
/// The health-status changes of one run against the previous run under the same score (rule 35: what alerts are raised
/// from), as columns: per changed account its id, owner, status and score before and after.
/// </summary>
/// <remarks>
/// <para>An account counts as changed when both runs scored it and its effective status differs. An account the previous
/// run did not score (new) or this run does not score (gone) is no change. The first run of a score has no previous run
/// and no changes.</para>
/// <para>Rows are in the run's account order. <threadsafety>Immutable; thread-safe.</threadsafety></para>
/// </remarks>
public sealed class StatusChangeSet
{
    private readonly long[] _accountIds;
    private readonly long[] _ownerIds;
    private readonly HealthStatus[] _from;
    private readonly HealthStatus[] _to;
    private readonly byte[] _before;
    private readonly byte[] _after;

    // Rows follow the run's account order: ascending ids are searched by halves, others scanned.
    private readonly bool _ascending;

    internal StatusChangeSet(ScoringRun run, ScoringRun? previous, long[] accountIds, long[] ownerIds, HealthStatus[] from, HealthStatus[] to, byte[] before, byte[] after)
    {
        RunId = run.Id;
        Version = run.Version;
        At = run.ScoredAt;
        PreviousRunId = previous?.Id;
        PreviousVersion = previous?.Version;
        _accountIds = accountIds;
        _ownerIds = ownerIds;
        _from = from;
        _to = to;
        _before = before;
        _after = after;
        _ascending = run.IsAscending;
    }

    /// <summary>Gets the run the changes belong to.</summary>
    public ScoringRunId RunId { get; }

    /// <summary>Gets the score version of the run.</summary>
    public ScoreVersionKey Version { get; }

    /// <summary>Gets the score.</summary>
    public HealthScoreId ScoreId => Version.ScoreId;

    /// <summary>Gets the instant of the run: when the changes were observed.</summary>
    public Instant At { get; }

    /// <summary>Gets the previous run of the score, or null for its first run.</summary>
    public ScoringRunId? PreviousRunId { get; }

    /// <summary>Gets the version of the previous run, or null for the first run (it differs when the score was turned on
    /// again with a new definition).</summary>
    public ScoreVersionKey? PreviousVersion { get; }

    /// <summary>Gets the number of changed accounts.</summary>
    public int Count => _accountIds.Length;

    /// <summary>Gets the changed accounts' ids.</summary>
    public ReadOnlySpan<long> AccountIds => _accountIds;

    /// <summary>Gets the owners (CSM user ids; 0 = none) as of this run.</summary>
    public ReadOnlySpan<long> OwnerIds => _ownerIds;

    /// <summary>Gets the statuses in the previous run.</summary>
    public ReadOnlySpan<HealthStatus> From => _from;

    /// <summary>Gets the statuses in this run.</summary>
    public ReadOnlySpan<HealthStatus> To => _to;

    /// <summary>Gets the scores in the previous run.</summary>
    public ReadOnlySpan<byte> ScoresBefore => _before;

    /// <summary>Gets the scores in this run.</summary>
    public ReadOnlySpan<byte> ScoresAfter => _after;

    /// <summary>Returns one change as a value.</summary>
    /// <param name="index">The row, 0 to <see cref="Count"/> − 1.</param>
    /// <returns>The change.</returns>
    /// <exception cref="IndexOutOfRangeException"><paramref name="index"/> is out of range.</exception>
    public StatusChange this[int index] =>
        new(_accountIds[index], _ownerIds[index], _from[index], _to[index], _before[index], _after[index], Version, At);

    internal static StatusChangeSet Empty(ScoringRun run, ScoringRun? previous) => new(run, previous, [], [], [], [], [], []);

    /// <summary>The row of an account, or −1 when it did not change.</summary>
    internal int Find(long accountId)
    {
        if (_ascending)
        {
            int found = Array.BinarySearch(_accountIds, accountId);
            return found >= 0 ? found : -1;
        }

        for (int i = 0; i < _accountIds.Length; i++)
        {
            if (_accountIds[i] == accountId)
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>One account's status change between two runs of a score.</summary>
/// <param name="AccountId">The account.</param>
/// <param name="OwnerId">Its owner (CSM user id; 0 = none) as of the later run.</param>
/// <param name="From">The earlier status.</param>
/// <param name="To">The later status.</param>
/// <param name="ScoreBefore">The earlier score.</param>
/// <param name="ScoreAfter">The later score.</param>
/// <param name="Version">The score version of the later run.</param>
/// <param name="At">The instant of the later run.</param>
public readonly record struct StatusChange(long AccountId, long OwnerId, HealthStatus From, HealthStatus To, int ScoreBefore, int ScoreAfter, ScoreVersionKey Version, Instant At);
