using NodaTime;

namespace CustomerSuccess.Core.Workspaces.Events;

/// <summary>A workspace's description was changed (rule 30).</summary>
/// <param name="PortalId">The portal.</param>
/// <param name="WorkspaceId">The workspace.</param>
/// <param name="Description">The new description (possibly empty).</param>
/// <param name="Initiator">Who made the change.</param>
/// <param name="OccurredAt">When.</param>
public sealed record WorkspaceDescriptionChanged(PortalId PortalId, WorkspaceId WorkspaceId, string Description, Initiator Initiator, Instant OccurredAt)
    : IDomainEvent;
