using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace CustomerSuccess.Core.Workspaces;

/// <summary>The immutable state of a portal's <see cref="WorkspaceDirectory"/>: what a
/// <see cref="IWorkspaceDirectoryStore"/> persists.</summary>
/// <param name="PortalId">The portal.</param>
/// <param name="PrimaryWorkspaceId">The id of the primary workspace (rule 25).</param>
/// <param name="Workspaces">Every workspace by id: the primary one and at most
/// <see cref="WorkspaceDirectory.MaxTeamWorkspaces"/> team workspaces.</param>
/// <param name="LastWorkspaceNumber">The highest workspace number handed out so far; the next workspace gets the next
/// number, so numbers of deleted workspaces are never reused.</param>
/// <remarks>
/// <para>Invariants (kept by <see cref="WorkspaceDirectory"/> and checked when one is built over a state): the primary
/// workspace is present and holds no teams; at most <see cref="WorkspaceDirectory.MaxTeamWorkspaces"/> team
/// workspaces (rule 26, ambiguity B12); a team is in at most one workspace (rule 27); names are unique ignoring case.</para>
/// <para>Equality is structural. <threadsafety>Immutable; thread-safe.</threadsafety></para>
/// </remarks>
public sealed record WorkspaceDirectoryState(
    PortalId PortalId,
    WorkspaceId PrimaryWorkspaceId,
    ImmutableSortedDictionary<WorkspaceId, Workspace> Workspaces,
    long LastWorkspaceNumber)
    : IPortalScoped
{
    /// <summary>Gets the primary workspace.</summary>
    /// <exception cref="InvalidOperationException">The state is corrupt: the primary workspace is missing.</exception>
    public Workspace Primary => Workspaces.TryGetValue(PrimaryWorkspaceId, out var primary)
        ? primary
        : throw new InvalidOperationException($"The workspace directory of portal {PortalId} has no primary workspace {PrimaryWorkspaceId}.");

    /// <summary>Gets the team workspaces (every workspace but the primary), ordered by id.</summary>
    public IEnumerable<Workspace> TeamWorkspaces => Workspaces.Values.Where(w => !w.IsPrimary);

    /// <summary>Gets the number of team workspaces (the primary one is not counted, ambiguity B12).</summary>
    public int TeamWorkspaceCount => Workspaces.Count - 1;

    /// <summary>Gets the team → workspace assignment (rule 27), ordered by team.</summary>
    public ImmutableSortedDictionary<TeamId, WorkspaceId> TeamAssignments =>
        Workspaces.Values.SelectMany(w => w.Teams.Select(t => KeyValuePair.Create(t, w.Id))).ToImmutableSortedDictionary();

    /// <summary>Finds a workspace.</summary>
    /// <param name="id">The workspace id.</param>
    /// <returns>The workspace, or <see langword="null"/>.</returns>
    public Workspace? Find(WorkspaceId id) => Workspaces.TryGetValue(id, out var w) ? w : null;

    /// <summary>Returns the workspace the members of a primary team see (rule 28, ambiguity B13).</summary>
    /// <param name="primaryTeamId">A user's primary team, or <see langword="null"/> if they have none.</param>
    /// <returns>The team workspace holding the team, else the primary workspace. A user sees exactly one workspace,
    /// because a team is in at most one (rule 27).</returns>
    public Workspace VisibleWorkspaceFor(TeamId? primaryTeamId) =>
        (primaryTeamId is { } team ? FindWorkspaceOfTeam(team) : null) ?? Primary;

    /// <summary>Finds the workspace a team is assigned to.</summary>
    /// <param name="teamId">The team.</param>
    /// <returns>The team workspace holding the team, or <see langword="null"/> if it is in none.</returns>
    public Workspace? FindWorkspaceOfTeam(TeamId teamId) => Workspaces.Values.FirstOrDefault(w => w.Teams.Contains(teamId));

    /// <inheritdoc />
    public bool Equals(WorkspaceDirectoryState? other) =>
        other is not null
        && PortalId == other.PortalId
        && PrimaryWorkspaceId == other.PrimaryWorkspaceId
        && ValueEquality.Dictionary(Workspaces, other.Workspaces)
        && LastWorkspaceNumber == other.LastWorkspaceNumber;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(PortalId, PrimaryWorkspaceId, Workspaces.Count, LastWorkspaceNumber);
}
