using NodaTime;

namespace CustomerSuccess.Core.Workspaces.Events;

/// <summary>A team was assigned to a team workspace (rules 27, 30).</summary>
/// <param name="PortalId">The portal.</param>
/// <param name="WorkspaceId">The workspace.</param>
/// <param name="TeamId">The team.</param>
/// <param name="Initiator">Who made the change.</param>
/// <param name="OccurredAt">When.</param>
public sealed record TeamAddedToWorkspace(PortalId PortalId, WorkspaceId WorkspaceId, TeamId TeamId, Initiator Initiator, Instant OccurredAt)
    : IDomainEvent;
