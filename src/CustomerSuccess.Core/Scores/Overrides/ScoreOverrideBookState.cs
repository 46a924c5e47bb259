using System;
using System.Collections.Immutable;
using System.Linq;
using CustomerSuccess.Core.HealthScores.History;

namespace CustomerSuccess.Core.Scores;

/// <summary>The immutable state of a portal's <see cref="ScoreOverrideBook"/>: what an <see cref="IScoreOverrideStore"/>
/// persists.</summary>
/// <param name="PortalId">The portal.</param>
/// <param name="Overrides">The overrides not yet expired when the book was last changed, ordered by score, then account;
/// at most one per account and score.</param>
/// <remarks>Equality is structural. <threadsafety>Immutable; thread-safe.</threadsafety></remarks>
public sealed record ScoreOverrideBookState(PortalId PortalId, ImmutableArray<ScoreOverride> Overrides) : IPortalScoped
{
    /// <summary>Gets the overrides.</summary>
    /// <value>Never default (a default array is stored as empty).</value>
    public ImmutableArray<ScoreOverride> Overrides
    {
        get;
        init => field = value.IsDefault ? [] : value;
    } = Overrides.IsDefault ? [] : Overrides;

    /// <summary>Returns the overrides in force at an instant (for <see cref="ScoringRun.WithOverrides(System.Collections.Generic.IEnumerable{ScoreOverride}, CustomerSuccess.Core.HealthScores.ScoreVersion)"/>).</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The overrides with <c>CreatedAt ≤ instant &lt; ExpiresAt</c>.</returns>
    public ImmutableArray<ScoreOverride> InForceAt(NodaTime.Instant instant) => [.. Overrides.Where(o => o.IsInForceAt(instant))];

    /// <summary>Compares every member; <see cref="Overrides"/> element by element.</summary>
    /// <param name="other">The other state.</param>
    /// <returns><see langword="true"/> when all members are equal.</returns>
    public bool Equals(ScoreOverrideBookState? other) =>
        other is not null && PortalId == other.PortalId && Overrides.SequenceEqual(other.Overrides);

    /// <summary>Returns a hash code consistent with <see cref="Equals(ScoreOverrideBookState)"/>.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => HashCode.Combine(PortalId, Overrides.Length);
}
