using System;
using System.Collections.Immutable;

namespace CustomerSuccess.Core.HealthScores;

/// <summary>The definition of a health score: scored object, segments, groups of criteria and status thresholds (rules 71–84).</summary>
/// <param name="Name">The score name.</param>
/// <param name="ObjectType">The scored object type (<c>contacts</c>, <c>companies</c> or a custom object's name); must equal the workspace's customer object (rule 73, B5).</param>
/// <param name="Segments">The segments (lists, ambiguity B4) the score applies to; at most <see cref="MaxSegments"/> (rule 74).</param>
/// <param name="Groups">The score groups.</param>
/// <param name="Thresholds">The status thresholds (rule 88).</param>
/// <remarks>
/// <para>The model accepts drafts (rule 83, B18): an empty group list, a Max points sum other than 100, blank names and
/// the like are representable; <c>HealthScoreValidator</c> reports them (activation requires a sum of exactly
/// <see cref="TotalMaxPoints"/>, rule 78). The total score of a record is the sum of the group contributions and is
/// always in 0..100 (integer).</para>
/// <para>Equality compares every member, arrays element by element, so two definitions with equal contents are equal.
/// Immutable and thread-safe; the group helpers (<see cref="RenameGroup(string, string)"/>, <see cref="CloneGroup(string, string)"/>,
/// <see cref="DeleteGroup(string)"/>, <see cref="ReplaceGroup(string, ScoreGroup)"/>, <see cref="AddGroup"/>, rule 82)
/// return new definitions.</para>
/// </remarks>
public sealed record HealthScoreDefinition(
    string Name,
    string ObjectType,
    ImmutableArray<string> Segments,
    ImmutableArray<ScoreGroup> Groups,
    StatusThresholds Thresholds)
{
    /// <summary>The sum the Max points of all groups of an active score must reach exactly (rule 78); also the highest total score.</summary>
    public const int TotalMaxPoints = 100;

    /// <summary>The largest number of segments a score applies to (rule 74, B4).</summary>
    public const int MaxSegments = 5;

    /// <summary>Gets the score name.</summary>
    /// <value>Never <see langword="null"/>; may be blank in a draft.</value>
    /// <exception cref="ArgumentNullException">The value set is <see langword="null"/>.</exception>
    public string Name
    {
        get;
        init => field = Guard.NotNull(value, nameof(Name));
    } = Guard.NotNull(Name, nameof(Name));

    /// <summary>Gets the scored object type.</summary>
    /// <value>Never <see langword="null"/>; may be blank in a draft.</value>
    /// <exception cref="ArgumentNullException">The value set is <see langword="null"/>.</exception>
    public string ObjectType
    {
        get;
        init => field = Guard.NotNull(value, nameof(ObjectType));
    } = Guard.NotNull(ObjectType, nameof(ObjectType));

    /// <summary>Gets the segment names (ordinal).</summary>
    /// <value>Never default (a default array is stored as empty); no <see langword="null"/> elements.</value>
    /// <exception cref="ArgumentException">The value set contains a <see langword="null"/> element.</exception>
    public ImmutableArray<string> Segments
    {
        get;
        init => field = Guard.Elements(value, nameof(Segments));
    } = Guard.Elements(Segments, nameof(Segments));

    /// <summary>Gets the score groups, in display order.</summary>
    /// <value>Never default (a default array is stored as empty); no <see langword="null"/> elements.</value>
    /// <exception cref="ArgumentException">The value set contains a <see langword="null"/> element.</exception>
    public ImmutableArray<ScoreGroup> Groups
    {
        get;
        init => field = Guard.Elements(value, nameof(Groups));
    } = Guard.Elements(Groups, nameof(Groups));

    /// <summary>Gets the status thresholds.</summary>
    /// <value>Never <see langword="null"/>.</value>
    /// <exception cref="ArgumentNullException">The value set is <see langword="null"/>.</exception>
    public StatusThresholds Thresholds
    {
        get;
        init => field = Guard.NotNull(value, nameof(Thresholds));
    } = Guard.NotNull(Thresholds, nameof(Thresholds));

    /// <summary>Gets the sum of the Max points of all groups (rule 78).</summary>
    /// <value>100 for an activatable definition; any value in a draft.</value>
    public long MaxPointsSum
    {
        get
        {
            long sum = 0;
            foreach (ScoreGroup group in Groups)
            {
                sum += group.MaxPoints;
            }

            return sum;
        }
    }

    /// <summary>Returns the index of the first group whose name equals <paramref name="groupName"/> (ordinal).</summary>
    /// <param name="groupName">The group name.</param>
    /// <returns>The zero-based index, or −1 when no group has that name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="groupName"/> is <see langword="null"/>.</exception>
    public int IndexOfGroup(string groupName)
    {
        ArgumentNullException.ThrowIfNull(groupName);
        for (int i = 0; i < Groups.Length; i++)
        {
            if (string.Equals(Groups[i].Name, groupName, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Returns a definition with <paramref name="group"/> appended (rule 75: building from scratch).</summary>
    /// <param name="group">The group to add.</param>
    /// <returns>A new definition; this one is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="group"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Another group already has the name of <paramref name="group"/>.</exception>
    /// <remarks>The Max points sum is not checked here: drafts may violate rule 78.</remarks>
    public HealthScoreDefinition AddGroup(ScoreGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        EnsureNameFree(group.Name, -1, nameof(group));
        return this with { Groups = Groups.Add(group) };
    }

    /// <summary>Returns a definition in which the group named <paramref name="groupName"/> is renamed (rule 82).</summary>
    /// <param name="groupName">The current name (ordinal; the first match is used).</param>
    /// <param name="newName">The new name; not blank and not the name of another group.</param>
    /// <returns>A new definition; this one is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="groupName"/> or <paramref name="newName"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">No group has that name, <paramref name="newName"/> is blank or used by another group.</exception>
    public HealthScoreDefinition RenameGroup(string groupName, string newName) => RenameGroup(FindGroup(groupName), newName);

    /// <summary>Returns a definition in which the group at <paramref name="index"/> is renamed (rule 82).</summary>
    /// <param name="index">The zero-based group index.</param>
    /// <param name="newName">The new name; not blank and not the name of another group.</param>
    /// <returns>A new definition; this one is unchanged.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the group list.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="newName"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="newName"/> is blank or used by another group.</exception>
    public HealthScoreDefinition RenameGroup(int index, string newName)
    {
        CheckIndex(index);
        ArgumentException.ThrowIfNullOrWhiteSpace(newName);
        EnsureNameFree(newName, index, nameof(newName));
        return this with { Groups = Groups.SetItem(index, Groups[index] with { Name = newName }) };
    }

    /// <summary>Returns a definition with a copy of the group named <paramref name="groupName"/> inserted right after it (rule 82).</summary>
    /// <param name="groupName">The name of the group to clone (ordinal; the first match is used).</param>
    /// <param name="newName">The clone's name; not blank and not used by any group.</param>
    /// <returns>A new definition; this one is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="groupName"/> or <paramref name="newName"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">No group has that name, <paramref name="newName"/> is blank or already used.</exception>
    /// <remarks>The clone keeps kind, Max points and criteria, so the Max points sum grows: the result is a draft until the limits are rebalanced (rule 78).</remarks>
    public HealthScoreDefinition CloneGroup(string groupName, string newName) => CloneGroup(FindGroup(groupName), newName);

    /// <summary>Returns a definition with a copy of the group at <paramref name="index"/> inserted right after it (rule 82).</summary>
    /// <param name="index">The zero-based group index.</param>
    /// <param name="newName">The clone's name; not blank and not used by any group.</param>
    /// <returns>A new definition; this one is unchanged.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the group list.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="newName"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="newName"/> is blank or already used.</exception>
    /// <remarks>The clone keeps kind, Max points and criteria (rule 78 then needs rebalancing before activation).</remarks>
    public HealthScoreDefinition CloneGroup(int index, string newName)
    {
        CheckIndex(index);
        ArgumentException.ThrowIfNullOrWhiteSpace(newName);
        EnsureNameFree(newName, -1, nameof(newName));
        return this with { Groups = Groups.Insert(index + 1, Groups[index] with { Name = newName }) };
    }

    /// <summary>Returns a definition without the group named <paramref name="groupName"/> (rule 82).</summary>
    /// <param name="groupName">The group name (ordinal; the first match is removed).</param>
    /// <returns>A new definition; this one is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="groupName"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">No group has that name.</exception>
    public HealthScoreDefinition DeleteGroup(string groupName) => DeleteGroup(FindGroup(groupName));

    /// <summary>Returns a definition without the group at <paramref name="index"/> (rule 82).</summary>
    /// <param name="index">The zero-based group index.</param>
    /// <returns>A new definition; this one is unchanged.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the group list.</exception>
    public HealthScoreDefinition DeleteGroup(int index)
    {
        CheckIndex(index);
        return this with { Groups = Groups.RemoveAt(index) };
    }

    /// <summary>Returns a definition in which the group named <paramref name="groupName"/> is replaced by <paramref name="replacement"/>.</summary>
    /// <param name="groupName">The group name (ordinal; the first match is replaced).</param>
    /// <param name="replacement">The new group; its name must not be used by another group.</param>
    /// <returns>A new definition; this one is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="groupName"/> or <paramref name="replacement"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">No group has that name, or another group already has the replacement's name.</exception>
    public HealthScoreDefinition ReplaceGroup(string groupName, ScoreGroup replacement) => ReplaceGroup(FindGroup(groupName), replacement);

    /// <summary>Returns a definition in which the group at <paramref name="index"/> is replaced by <paramref name="replacement"/>.</summary>
    /// <param name="index">The zero-based group index.</param>
    /// <param name="replacement">The new group; its name must not be used by another group.</param>
    /// <returns>A new definition; this one is unchanged.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the group list.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="replacement"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Another group already has the replacement's name.</exception>
    public HealthScoreDefinition ReplaceGroup(int index, ScoreGroup replacement)
    {
        CheckIndex(index);
        ArgumentNullException.ThrowIfNull(replacement);
        EnsureNameFree(replacement.Name, index, nameof(replacement));
        return this with { Groups = Groups.SetItem(index, replacement) };
    }

    /// <summary>Compares every member; arrays element by element.</summary>
    /// <param name="other">The other definition.</param>
    /// <returns><see langword="true"/> when all members are equal.</returns>
    public bool Equals(HealthScoreDefinition? other) =>
        other is not null
        && string.Equals(Name, other.Name, StringComparison.Ordinal)
        && string.Equals(ObjectType, other.ObjectType, StringComparison.Ordinal)
        && Thresholds.Equals(other.Thresholds)
        && Guard.SequenceEqual(Segments, other.Segments)
        && Guard.SequenceEqual(Groups, other.Groups);

    /// <summary>Returns a hash code consistent with <see cref="Equals(HealthScoreDefinition)"/>.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode()
    {
        HashCode hash = default;
        hash.Add(Name, StringComparer.Ordinal);
        hash.Add(ObjectType, StringComparer.Ordinal);
        hash.Add(Thresholds);
        Guard.AddSequence(ref hash, Segments);
        Guard.AddSequence(ref hash, Groups);
        return hash.ToHashCode();
    }

    private int FindGroup(string groupName)
    {
        int index = IndexOfGroup(groupName);
        if (index < 0)
        {
            throw new ArgumentException($"No group named '{groupName}' exists in score '{Name}'.", nameof(groupName));
        }

        return index;
    }

    private void CheckIndex(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Groups.Length);
    }

    private void EnsureNameFree(string name, int exceptIndex, string paramName)
    {
        for (int i = 0; i < Groups.Length; i++)
        {
            if (i != exceptIndex && string.Equals(Groups[i].Name, name, StringComparison.Ordinal))
            {
                throw new ArgumentException($"A group named '{name}' already exists in score '{Name}'.", paramName);
            }
        }
    }
}
