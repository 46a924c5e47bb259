using NodaTime;

namespace CustomerSuccess.Core.Workspaces.Events;

/// <summary>A team was removed from a team workspace (rule 30); its members now see the primary workspace
/// (ambiguity B13).</summary>
/// <param name="PortalId">The portal.</param>
/// <param name="WorkspaceId">The workspace.</param>
/// <param name="TeamId">The team.</param>
/// <param name="Initiator">Who made the change.</param>
/// <param name="OccurredAt">When.</param>
public sealed record TeamRemovedFromWorkspace(PortalId PortalId, WorkspaceId WorkspaceId, TeamId TeamId, Initiator Initiator, Instant OccurredAt)
    : IDomainEvent;
