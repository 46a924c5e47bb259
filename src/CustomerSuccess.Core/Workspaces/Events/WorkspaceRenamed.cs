using NodaTime;

namespace CustomerSuccess.Core.Workspaces.Events;

/// <summary>A workspace was renamed (rule 30).</summary>
/// <param name="PortalId">The portal.</param>
/// <param name="WorkspaceId">The workspace.</param>
/// <param name="OldName">The name before.</param>
/// <param name="NewName">The name after.</param>
/// <param name="Initiator">Who made the change.</param>
/// <param name="OccurredAt">When.</param>
public sealed record WorkspaceRenamed(PortalId PortalId, WorkspaceId WorkspaceId, string OldName, string NewName, Initiator Initiator, Instant OccurredAt)
    : IDomainEvent;
