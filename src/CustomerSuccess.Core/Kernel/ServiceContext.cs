using System;
using CustomerSuccess.Core.Access;
using NodaTime;

namespace CustomerSuccess.Core;

/// <summary>What every application service needs besides its stores: the access policy, the clock, the event
/// dispatcher and the retry budget of server-side commands. One instance serves every service of an application.</summary>
/// <remarks><para>Every service takes its ports first and this context after them, so services are built the same way
/// everywhere: <c>new WorkspaceService(store, context)</c>. The DI package registers one instance built from
/// <c>CustomerSuccessOptions</c>.</para>
/// <threadsafety>Immutable; thread-safe if its parts are (the library's are).</threadsafety></remarks>
public sealed class ServiceContext
{
    /// <summary>Initializes a context.</summary>
    /// <param name="policy">The access policy every operation asks (with the options the application configured).</param>
    /// <param name="clock">The clock that stamps commands and resolves relative filters; read once per call.</param>
    /// <param name="events">Receives the events of every successful save; <see langword="null"/> for
    /// <see cref="DomainEventDispatcher.None"/>.</param>
    /// <param name="retry">The retry budget of server-side commands; <see langword="null"/> for
    /// <see cref="CommandRetryOptions.Default"/>. It is validated and copied.</param>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> or <paramref name="clock"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="retry"/> holds a value out of range.</exception>
    public ServiceContext(AccessPolicy policy, IClock clock, IDomainEventDispatcher? events = null, CommandRetryOptions? retry = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(clock);
        var copy = (retry ?? CommandRetryOptions.Default).Clone();
        copy.Validate();
        Policy = policy;
        Clock = clock;
        Events = events ?? DomainEventDispatcher.None;
        Retry = copy;
    }

    /// <summary>Gets the access policy.</summary>
    public AccessPolicy Policy { get; }

    /// <summary>Gets the clock.</summary>
    public IClock Clock { get; }

    /// <summary>Gets the event dispatcher.</summary>
    public IDomainEventDispatcher Events { get; }

    /// <summary>Gets the retry budget of server-side commands (a private copy: do not change it).</summary>
    public CommandRetryOptions Retry { get; }
}
