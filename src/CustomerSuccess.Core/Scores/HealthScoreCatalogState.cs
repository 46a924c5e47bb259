using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CustomerSuccess.Core.HealthScores;

namespace CustomerSuccess.Core.Scores;

/// <summary>The immutable state of a portal's <see cref="HealthScoreCatalog"/>: what an
/// <see cref="IHealthScoreCatalogStore"/> persists.</summary>
/// <param name="PortalId">The portal.</param>
/// <param name="Scores">Every score of the portal, ordered by id.</param>
/// <param name="LastScoreNumber">The highest score id handed out so far; the next score gets the next number, so ids
/// of deleted scores are never reused.</param>
/// <remarks>
/// <para>Invariants (kept by <see cref="HealthScoreCatalog"/> and checked when one is built over a state): ids are
/// unique, ascending and at most <see cref="LastScoreNumber"/>; each score's versions belong to it and are numbered
/// 1, 2, 3… without gaps; an active score has at least one version. The tier limits (rule 72) are enforced by the
/// operations, not re-checked on load, so lowering a limit does not make a stored catalog unreadable.</para>
/// <para>Equality is structural. <threadsafety>Immutable; thread-safe.</threadsafety></para>
/// </remarks>
public sealed record HealthScoreCatalogState(PortalId PortalId, ImmutableArray<HealthScoreEntry> Scores, long LastScoreNumber)
    : IPortalScoped
{
    /// <summary>Gets the scores, ordered by id.</summary>
    /// <value>Never default (a default array is stored as empty).</value>
    public ImmutableArray<HealthScoreEntry> Scores
    {
        get;
        init => field = value.IsDefault ? [] : value;
    } = Scores.IsDefault ? [] : Scores;

    /// <summary>Gets the number of active scores (counted against <see cref="HealthScoreLimits.MaxActive"/>).</summary>
    public int ActiveCount => Scores.Count(s => s.Status == HealthScoreStatus.Active);

    /// <summary>Gets the number of drafts: scores that are not active (counted against <see cref="HealthScoreLimits.MaxDrafts"/>).</summary>
    public int DraftCount => Scores.Count(s => s.IsDraft);

    /// <summary>Gets the active scores, ordered by id.</summary>
    public IEnumerable<HealthScoreEntry> ActiveScores => Scores.Where(s => s.Status == HealthScoreStatus.Active);

    /// <summary>Gets the version each active score is computed with, ordered by score id. Every computed score names
    /// one of these (score id and version number, rule 83).</summary>
    public IEnumerable<ScoreVersion> ActiveVersions => Scores.Select(s => s.ActiveVersion).OfType<ScoreVersion>();

    /// <summary>Finds a score.</summary>
    /// <param name="id">The score id.</param>
    /// <returns>The score, or <see langword="null"/>.</returns>
    public HealthScoreEntry? Find(HealthScoreId id) => Scores.FirstOrDefault(s => s.Id == id);

    /// <summary>Compares every member; <see cref="Scores"/> element by element.</summary>
    /// <param name="other">The other state.</param>
    /// <returns><see langword="true"/> when all members are equal.</returns>
    public bool Equals(HealthScoreCatalogState? other) =>
        other is not null
        && PortalId == other.PortalId
        && LastScoreNumber == other.LastScoreNumber
        && Scores.SequenceEqual(other.Scores);

    /// <summary>Returns a hash code consistent with <see cref="Equals(HealthScoreCatalogState)"/>.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => HashCode.Combine(PortalId, LastScoreNumber, Scores.Length);
}
