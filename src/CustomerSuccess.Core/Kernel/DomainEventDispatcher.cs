using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace CustomerSuccess.Core;

/// <summary>The dispatcher that hands every event to each <see cref="IDomainEventSubscriber"/>, in registration order.</summary>
/// <remarks><threadsafety>Thread-safe if the subscribers are.</threadsafety></remarks>
public sealed class DomainEventDispatcher : IDomainEventDispatcher
{
    private readonly IDomainEventSubscriber[] _subscribers;

    /// <summary>Initializes a dispatcher over subscribers.</summary>
    /// <param name="subscribers">The subscribers (copied); may be empty.</param>
    /// <exception cref="ArgumentNullException"><paramref name="subscribers"/> is or contains <see langword="null"/>.</exception>
    public DomainEventDispatcher(IEnumerable<IDomainEventSubscriber> subscribers)
    {
        ArgumentNullException.ThrowIfNull(subscribers);
        _subscribers = [.. subscribers];
        if (_subscribers.Any(s => s is null))
        {
            throw new ArgumentNullException(nameof(subscribers), "A subscriber must not be null.");
        }
    }

    /// <summary>Gets a dispatcher without subscribers: events are only returned and stored.</summary>
    public static DomainEventDispatcher None { get; } = new([]);

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="events"/> is <see langword="null"/>.</exception>
    public async ValueTask DispatchAsync(IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var domainEvent in events)
        {
            foreach (var subscriber in _subscribers)
            {
                await subscriber.HandleAsync(domainEvent, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
