using System;
using System.Collections.Immutable;

namespace CustomerSuccess.Core.HealthScores;

/// <summary>A named group of criteria with a Max points limit (rules 77, 78, 80).</summary>
/// <param name="Name">The group name, unique within the definition.</param>
/// <param name="Kind">Property group or event group (rule 77).</param>
/// <param name="MaxPoints">The group limit (1..100); the limits of all groups of an active score sum to 100 (rule 78).</param>
/// <param name="Criteria">The criteria: only <see cref="PropertyCriterion"/> in a property group, only <see cref="EventCriterion"/> in an event group.</param>
/// <remarks>
/// The group's contribution to the total is clamp(sum of the points of the matched criteria, 0, MaxPoints) (rules 79, 80).
/// The model accepts incomplete or inconsistent drafts (e.g. no criteria, wrong criterion kind); validation reports them.
/// Equality compares <see cref="Criteria"/> element by element. Immutable and thread-safe.
/// </remarks>
public sealed record ScoreGroup(string Name, ScoreGroupKind Kind, int MaxPoints, ImmutableArray<Criterion> Criteria)
{
    /// <summary>Gets the group name.</summary>
    /// <value>Never <see langword="null"/>; may be blank in a draft.</value>
    /// <exception cref="ArgumentNullException">The value set is <see langword="null"/>.</exception>
    public string Name
    {
        get;
        init => field = Guard.NotNull(value, nameof(Name));
    } = Guard.NotNull(Name, nameof(Name));

    /// <summary>Gets the criteria.</summary>
    /// <value>Never default (a default array is stored as empty); no <see langword="null"/> elements.</value>
    /// <exception cref="ArgumentException">The value set contains a <see langword="null"/> element.</exception>
    public ImmutableArray<Criterion> Criteria
    {
        get;
        init => field = Guard.Elements(value, nameof(Criteria));
    } = Guard.Elements(Criteria, nameof(Criteria));

    /// <summary>Compares name, kind, max points and the criterion sequence.</summary>
    /// <param name="other">The other group.</param>
    /// <returns><see langword="true"/> when all members are equal.</returns>
    public bool Equals(ScoreGroup? other) =>
        other is not null
        && string.Equals(Name, other.Name, StringComparison.Ordinal)
        && Kind == other.Kind
        && MaxPoints == other.MaxPoints
        && Guard.SequenceEqual(Criteria, other.Criteria);

    /// <summary>Returns a hash code consistent with <see cref="Equals(ScoreGroup)"/>.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode()
    {
        HashCode hash = default;
        hash.Add(Name, StringComparer.Ordinal);
        hash.Add(Kind);
        hash.Add(MaxPoints);
        Guard.AddSequence(ref hash, Criteria);
        return hash.ToHashCode();
    }
}
