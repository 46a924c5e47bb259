using System;
using System.Collections.Immutable;

namespace CustomerSuccess.Core.Workspaces;

/// <summary>One workspace of a portal: the primary one or a team workspace (rules 25–30).</summary>
/// <param name="Id">The workspace's id, unique in the portal and never reused.</param>
/// <param name="Name">The name, trimmed, unique in the portal ignoring case, at most
/// <see cref="WorkspaceDirectory.MaxNameLength"/> characters.</param>
/// <param name="Description">The description, trimmed, possibly empty, at most
/// <see cref="WorkspaceDirectory.MaxDescriptionLength"/> characters.</param>
/// <param name="IsPrimary">Whether this is the primary workspace (rule 25).</param>
/// <param name="Teams">The teams whose members see this workspace (rule 28); always empty for the primary workspace,
/// which every user whose primary team is in no team workspace sees (ambiguity B13).</param>
/// <remarks>Equality is structural (the team set compares by content).</remarks>
public sealed record Workspace(
    WorkspaceId Id,
    string Name,
    string Description,
    bool IsPrimary,
    ImmutableSortedSet<TeamId> Teams)
{
    /// <inheritdoc />
    public bool Equals(Workspace? other) =>
        other is not null
        && Id == other.Id
        && string.Equals(Name, other.Name, StringComparison.Ordinal)
        && string.Equals(Description, other.Description, StringComparison.Ordinal)
        && IsPrimary == other.IsPrimary
        && ValueEquality.Sequence(Teams, other.Teams);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Name, Description, IsPrimary, ValueEquality.Hash(Teams));
}
