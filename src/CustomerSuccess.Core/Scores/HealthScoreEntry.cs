using System;
using System.Collections.Immutable;
using System.Linq;
using CustomerSuccess.Core.HealthScores;

namespace CustomerSuccess.Core.Scores;

/// <summary>One health score of a portal's <see cref="HealthScoreCatalog"/>: its status, its working definition and
/// its immutable activated versions (rules 71, 83).</summary>
/// <param name="Id">The score's id, assigned by the catalog and never reused.</param>
/// <param name="Status">Draft, active or inactive.</param>
/// <param name="Definition">The working definition: what the builder shows and edits. For a draft it may be incomplete
/// (it always passes <c>ValidationMode.Draft</c> and targets the customer object it was saved for). For an active score
/// it becomes effective only at the next activation.</param>
/// <param name="Versions">Every version created by an activation, numbered 1, 2, 3… in activation order; never changed
/// or removed while the score exists.</param>
/// <remarks>
/// <para>The version an active score is computed with is always the last one (<see cref="ActiveVersion"/>): each
/// activation appends a version, and nothing else does.</para>
/// <para>Equality compares every member, <see cref="Versions"/> element by element.
/// <threadsafety>Immutable; thread-safe.</threadsafety></para>
/// </remarks>
public sealed record HealthScoreEntry(
    HealthScoreId Id,
    HealthScoreStatus Status,
    HealthScoreDefinition Definition,
    ImmutableArray<ScoreVersion> Versions)
{
    /// <summary>Gets the working definition.</summary>
    /// <value>Never <see langword="null"/>.</value>
    /// <exception cref="ArgumentNullException">The value set is <see langword="null"/>.</exception>
    public HealthScoreDefinition Definition
    {
        get;
        init
        {
            ArgumentNullException.ThrowIfNull(value, nameof(Definition));
            field = value;
        }
    } = Definition ?? throw new ArgumentNullException(nameof(Definition));

    /// <summary>Gets the activated versions, oldest first.</summary>
    /// <value>Never default (a default array is stored as empty).</value>
    public ImmutableArray<ScoreVersion> Versions
    {
        get;
        init => field = value.IsDefault ? [] : value;
    } = Versions.IsDefault ? [] : Versions;

    /// <summary>Gets the score's name (the working definition's name).</summary>
    /// <value>Never <see langword="null"/>; may be blank in a draft.</value>
    public string Name => Definition.Name;

    /// <summary>Gets a value indicating whether the score counts as a draft (rule 72): it is not currently active.</summary>
    /// <value><see langword="true"/> for <see cref="HealthScoreStatus.Draft"/> and <see cref="HealthScoreStatus.Inactive"/>.</value>
    public bool IsDraft => Status != HealthScoreStatus.Active;

    /// <summary>Gets the latest activated version, or <see langword="null"/> if the score was never turned on.</summary>
    public ScoreVersion? LatestVersion => Versions.IsEmpty ? null : Versions[^1];

    /// <summary>Gets the version records are scored with, or <see langword="null"/> when the score is not active.</summary>
    public ScoreVersion? ActiveVersion => Status == HealthScoreStatus.Active ? LatestVersion : null;

    /// <summary>Gets the number of <see cref="ActiveVersion"/>, or <see langword="null"/> when the score is not active.</summary>
    public int? ActiveVersionNumber => ActiveVersion?.Number;

    /// <summary>Gets a value indicating whether the score is active and its working definition differs from its active
    /// version (edits kept as a draft until the next activation, rule 83).</summary>
    public bool HasPendingChanges => ActiveVersion is { } active && !active.Definition.Equals(Definition);

    /// <summary>Finds a version by number.</summary>
    /// <param name="number">The version number (1-based).</param>
    /// <returns>The version, or <see langword="null"/> if the score has no version with that number.</returns>
    public ScoreVersion? FindVersion(int number) => Versions.FirstOrDefault(v => v.Number == number);

    /// <summary>Compares every member; <see cref="Versions"/> element by element.</summary>
    /// <param name="other">The other entry.</param>
    /// <returns><see langword="true"/> when all members are equal.</returns>
    public bool Equals(HealthScoreEntry? other) =>
        other is not null
        && Id == other.Id
        && Status == other.Status
        && Definition.Equals(other.Definition)
        && Versions.SequenceEqual(other.Versions);

    /// <summary>Returns a hash code consistent with <see cref="Equals(HealthScoreEntry)"/>.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => HashCode.Combine(Id, Status, Definition, Versions.Length);
}
