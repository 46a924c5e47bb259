using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace CustomerSuccess.Core;

/// <summary>The port through which in-process subscribers learn about domain events: called by
/// <see cref="OptimisticCommand"/> once per successful save, with the events saved, in order.</summary>
/// <remarks>
/// <para>Dispatch happens after the state was saved, at most once, in the caller's flow. It is meant for in-process
/// reactions (caches, notifications, projections that may be rebuilt). Anything that must never miss an event reads the
/// store's outbox instead: every store receives the events together with the state it saves
/// (<see cref="IAggregateStore{TKey, TState}.SaveAsync"/>).</para>
/// <para>An exception thrown by the dispatcher propagates to the command's caller; the state is saved then.</para>
/// </remarks>
public interface IDomainEventDispatcher
{
    /// <summary>Passes the events of one successful save to the subscribers.</summary>
    /// <param name="events">The events, in the order they were recorded; never empty.</param>
    /// <param name="cancellationToken">Cancels the dispatch.</param>
    /// <returns>A task that completes when every subscriber has seen the events.</returns>
    ValueTask DispatchAsync(IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken);
}

/// <summary>An in-process reaction to domain events (see <see cref="IDomainEventDispatcher"/>).</summary>
public interface IDomainEventSubscriber
{
    /// <summary>Handles one event of a successful save.</summary>
    /// <param name="domainEvent">The event.</param>
    /// <param name="cancellationToken">Cancels the handling.</param>
    /// <returns>A task that completes when the event was handled.</returns>
    ValueTask HandleAsync(IDomainEvent domainEvent, CancellationToken cancellationToken);
}
