using NodaTime;

namespace CustomerSuccess.Core.Workspaces.Events;

/// <summary>A section of one workspace's settings changed (rules 15–24).</summary>
/// <param name="PortalId">The portal.</param>
/// <param name="WorkspaceId">The workspace.</param>
/// <param name="Section">Which settings tab changed.</param>
/// <param name="Settings">The workspace's settings after the change.</param>
/// <param name="Initiator">Who made the change.</param>
/// <param name="OccurredAt">When.</param>
public sealed record WorkspaceSettingsChanged(PortalId PortalId, WorkspaceId WorkspaceId, WorkspaceSettingsSection Section, WorkspaceSettings Settings, Initiator Initiator, Instant OccurredAt)
    : IDomainEvent;
