using System;
using System.Collections.Generic;

namespace CustomerSuccess.Core;

/// <summary>What a successful command did: its output, the aggregate's version after it, and the domain events it
/// recorded (the same events the store saved with the state and the dispatcher received).</summary>
/// <typeparam name="T">The command's output, e.g. the created workspace or the edited view.</typeparam>
/// <remarks><para>A command that changed nothing returns the version it read and no events, and wrote nothing.</para>
/// <threadsafety>Immutable if <typeparamref name="T"/> is; thread-safe.</threadsafety></remarks>
public sealed record Change<T>
{
    /// <summary>Initializes a change.</summary>
    /// <param name="output">The command's output.</param>
    /// <param name="version">The aggregate's version after the command (<see cref="VersionToken.None"/> when nothing
    /// was ever stored and nothing changed).</param>
    /// <param name="events">The events recorded; empty when nothing changed.</param>
    /// <exception cref="ArgumentNullException"><paramref name="events"/> is <see langword="null"/>.</exception>
    public Change(T output, VersionToken version, IReadOnlyList<IDomainEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        Output = output;
        Version = version;
        Events = events;
    }

    /// <summary>Gets the command's output.</summary>
    public T Output { get; }

    /// <summary>Gets the aggregate's version after the command: pass it back as the expected version of the next edit.</summary>
    public VersionToken Version { get; }

    /// <summary>Gets the domain events the command recorded, in order; empty when it changed nothing.</summary>
    public IReadOnlyList<IDomainEvent> Events { get; }

    /// <summary>Gets a value indicating whether the command changed anything (and therefore saved and recorded events).</summary>
    public bool Changed => Events.Count > 0;
}
