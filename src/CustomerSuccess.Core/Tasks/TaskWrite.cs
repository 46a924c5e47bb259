using System;
using System.Collections.Generic;

namespace CustomerSuccess.Core.Tasks;

/// <summary>
/// One write of a batch (<see cref="ITaskStore.WriteManyAsync"/>): a task's new state or its deletion, with the events
/// that produced it, by compare-and-set against the version that was read.
/// </summary>
/// <remarks><threadsafety>Immutable; thread-safe (the events are the caller's list, read only).</threadsafety></remarks>
public sealed record TaskWrite
{
    private TaskWrite(TaskKey key, TaskState? state, VersionToken expected, IReadOnlyList<IDomainEvent> events)
    {
        Key = key;
        State = state;
        Expected = expected;
        Events = events;
    }

    /// <summary>Gets the task's key.</summary>
    public TaskKey Key { get; }

    /// <summary>Gets the new state, or <see langword="null"/> for a deletion.</summary>
    public TaskState? State { get; }

    /// <summary>Gets the version that was read (<see cref="VersionToken.None"/> to create).</summary>
    public VersionToken Expected { get; }

    /// <summary>Gets the domain events of the change, in order (possibly empty).</summary>
    public IReadOnlyList<IDomainEvent> Events { get; }

    /// <summary>Gets a value indicating whether the write deletes the task.</summary>
    public bool IsDelete => State is null;

    /// <summary>A write that stores a task's new state (see <see cref="IAggregateStore{TKey, TState}.SaveAsync"/>).</summary>
    /// <param name="state">The new state: a created task (<see cref="TaskState.Exists"/>); its key is the write's key.</param>
    /// <param name="expected">The version that was read, or <see cref="VersionToken.None"/> to create.</param>
    /// <param name="events">The events of the change, in order (possibly empty).</param>
    /// <returns>The write.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="state"/> or <paramref name="events"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The state is not a created task.</exception>
    public static TaskWrite Save(TaskState state, VersionToken expected, IReadOnlyList<IDomainEvent> events)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(events);
        if (!state.Exists)
        {
            throw new ArgumentException($"Task {state.PortalId}/{state.Id} was never created: there is nothing to store.", nameof(state));
        }

        return new TaskWrite(state.Key, state, expected, events);
    }

    /// <summary>A write that deletes a task (see <see cref="IAggregateStore{TKey, TState}.DeleteAsync"/>).</summary>
    /// <param name="key">The task's key.</param>
    /// <param name="expected">The version that was read.</param>
    /// <param name="events">The events of the deletion, in order (possibly empty).</param>
    /// <returns>The write.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="events"/> is <see langword="null"/>.</exception>
    public static TaskWrite Delete(TaskKey key, VersionToken expected, IReadOnlyList<IDomainEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return new TaskWrite(key, null, expected, events);
    }

    /// <summary>Checks a batch of writes before anything is written: no <see langword="null"/> entry, every key once.</summary>
    /// <param name="writes">The batch.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writes"/> or an entry is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Two writes name the same task.</exception>
    public static void CheckBatch(IReadOnlyList<TaskWrite> writes)
    {
        ArgumentNullException.ThrowIfNull(writes);
        var keys = new HashSet<TaskKey>();
        foreach (var write in writes)
        {
            ArgumentNullException.ThrowIfNull(write, nameof(writes));
            if (!keys.Add(write.Key))
            {
                throw new ArgumentException($"Task {write.Key} is written twice in one batch.", nameof(writes));
            }
        }
    }
}
