using System.Collections.Generic;
using NodaTime;

namespace CustomerSuccess.Core.Workspaces.Events;

/// <summary>A team workspace was created (rule 29).</summary>
/// <param name="PortalId">The portal.</param>
/// <param name="WorkspaceId">The new workspace.</param>
/// <param name="Name">Its name.</param>
/// <param name="Teams">The teams assigned to it, ordered by id.</param>
/// <param name="Initiator">Who made the change.</param>
/// <param name="OccurredAt">When.</param>
public sealed record WorkspaceCreated(PortalId PortalId, WorkspaceId WorkspaceId, string Name, IReadOnlyList<TeamId> Teams, Initiator Initiator, Instant OccurredAt)
    : IDomainEvent;
