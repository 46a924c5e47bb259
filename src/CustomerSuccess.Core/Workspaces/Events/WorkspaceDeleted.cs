using System.Collections.Generic;
using NodaTime;

namespace CustomerSuccess.Core.Workspaces.Events;

/// <summary>A team workspace was deleted, irreversibly and after explicit confirmation (rule 31).</summary>
/// <param name="PortalId">The portal.</param>
/// <param name="WorkspaceId">The deleted workspace (its number is never reused).</param>
/// <param name="Name">Its name.</param>
/// <param name="ReleasedTeams">The teams it held; they are free to join another workspace, and their members now see
/// the primary workspace.</param>
/// <param name="Initiator">Who made the change.</param>
/// <param name="OccurredAt">When.</param>
public sealed record WorkspaceDeleted(PortalId PortalId, WorkspaceId WorkspaceId, string Name, IReadOnlyList<TeamId> ReleasedTeams, Initiator Initiator, Instant OccurredAt)
    : IDomainEvent;
