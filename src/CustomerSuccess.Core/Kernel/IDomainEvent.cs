using NodaTime;

namespace CustomerSuccess.Core;

/// <summary>
/// Something that happened in an aggregate: the uniform output of every successful command that changed state.
/// </summary>
/// <remarks>
/// <para>Aggregates record events only for operations that succeeded and changed state (a no-change update records
/// none). <see cref="OptimisticCommand"/> hands them to the store together with the state it saves (so a store can
/// write an outbox in the same transaction), returns them in the command's <see cref="Change{T}"/>, and passes them to
/// the <see cref="IDomainEventDispatcher"/> after the save succeeded.</para>
/// <para>Every event names its portal (tenant), its <see cref="Initiator"/> and the instant the command was given (the
/// library never reads a clock itself). Events are immutable sealed records; score history, alerts and the feed are
/// built from them.</para>
/// </remarks>
public interface IDomainEvent
{
    /// <summary>Gets the portal (HubSpot account) the event happened in.</summary>
    PortalId PortalId { get; }

    /// <summary>Gets who set the change in motion: a user, or the system for time-driven transitions.</summary>
    Initiator Initiator { get; }

    /// <summary>Gets the instant at which the event happened.</summary>
    Instant OccurredAt { get; }
}
