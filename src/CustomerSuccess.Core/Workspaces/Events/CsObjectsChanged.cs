using NodaTime;

namespace CustomerSuccess.Core.Workspaces.Events;

/// <summary>The account-level object choices changed (rules 14, 17, 19, 20, 23).</summary>
/// <param name="PortalId">The portal.</param>
/// <param name="Objects">The new choices.</param>
/// <param name="Initiator">Who made the change.</param>
/// <param name="OccurredAt">When.</param>
/// <remarks>Settings that referred to an object no longer chosen were reset in every workspace in the same change.</remarks>
public sealed record CsObjectsChanged(PortalId PortalId, CsObjectSettings Objects, Initiator Initiator, Instant OccurredAt)
    : IDomainEvent;
