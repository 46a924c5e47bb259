using System;
using System.Collections.Generic;

namespace CustomerSuccess.Core;

/// <summary>
/// Base of every aggregate: a mutable facade over one immutable state record, which is what stores persist.
/// </summary>
/// <typeparam name="TState">The immutable state (a sealed record with immutable collections).</typeparam>
/// <remarks>
/// <para>Each operation of a derived aggregate checks its rules against <see cref="State"/>, builds the candidate next
/// state, and hands it to <see cref="Commit"/>. A refused operation returns its failure before <see cref="Commit"/>,
/// so it leaves <see cref="State"/> and <see cref="DomainEvents"/> exactly as they were: the invariants are enforced in
/// one place, the aggregate, and the state cannot be half-changed.</para>
/// <para>Because the state is immutable, it can be handed to a store and kept by it without copying, and two threads
/// reading the same state cannot interfere. The aggregate object itself is not thread-safe: use one per operation.</para>
/// </remarks>
public abstract class AggregateRoot<TState>
    where TState : class
{
    private readonly List<IDomainEvent> _events = [];

    /// <summary>Initializes the aggregate over a state.</summary>
    /// <param name="state">The current state.</param>
    /// <exception cref="ArgumentNullException"><paramref name="state"/> is <see langword="null"/>.</exception>
    protected AggregateRoot(TState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        State = state;
    }

    /// <summary>Gets the current immutable state.</summary>
    public TState State { get; private set; }

    /// <summary>Gets a value indicating whether an operation deleted the aggregate (<see cref="CommitDeletion"/>):
    /// <see cref="OptimisticCommand"/> then deletes its record instead of saving <see cref="State"/>.</summary>
    /// <value><see langword="false"/> until an operation deletes the aggregate; it never goes back.</value>
    public bool IsDeleted { get; private set; }

    /// <summary>Gets the events recorded by the operations that succeeded since the last <see cref="ClearDomainEvents"/>.</summary>
    public IReadOnlyList<IDomainEvent> DomainEvents => _events;

    /// <summary>Forgets the recorded events (call after dispatching them).</summary>
    public void ClearDomainEvents() => _events.Clear();

    /// <summary>Replaces the state with <paramref name="next"/> and records <paramref name="domainEvent"/>.</summary>
    /// <param name="next">The new state; every rule has been checked against it.</param>
    /// <param name="domainEvent">The event to record, or <see langword="null"/> for none.</param>
    /// <returns>A successful <see cref="Result"/>, for brevity at the call site.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="next"/> is <see langword="null"/>.</exception>
    protected Result Commit(TState next, IDomainEvent? domainEvent)
    {
        ArgumentNullException.ThrowIfNull(next);
        State = next;
        if (domainEvent is not null)
        {
            _events.Add(domainEvent);
        }

        return Result.Success();
    }

    /// <summary>Replaces the state with <paramref name="next"/> and records every event of <paramref name="domainEvents"/>, in
    /// order (for operations that change many parts at once, such as raising the alerts of a scoring run).</summary>
    /// <param name="next">The new state; every rule has been checked against it.</param>
    /// <param name="domainEvents">The events to record (possibly none).</param>
    /// <returns>A successful <see cref="Result"/>, for brevity at the call site.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="next"/> or <paramref name="domainEvents"/> is <see langword="null"/>.</exception>
    protected Result CommitAll(TState next, IEnumerable<IDomainEvent> domainEvents)
    {
        ArgumentNullException.ThrowIfNull(next);
        ArgumentNullException.ThrowIfNull(domainEvents);
        State = next;
        _events.AddRange(domainEvents);
        return Result.Success();
    }

    /// <summary>Marks the aggregate deleted and records <paramref name="domainEvent"/>; <see cref="State"/> keeps the
    /// last state (what was deleted).</summary>
    /// <param name="domainEvent">The event of the deletion.</param>
    /// <returns>A successful <see cref="Result"/>, for brevity at the call site.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="domainEvent"/> is <see langword="null"/>.</exception>
    /// <remarks>For aggregates that are records of their own (one task), not for parts of a larger aggregate (a view
    /// of a catalogue), which are removed from the state with <see cref="Commit"/>.</remarks>
    protected Result CommitDeletion(IDomainEvent domainEvent)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        IsDeleted = true;
        _events.Add(domainEvent);
        return Result.Success();
    }
}
