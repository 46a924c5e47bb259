using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace CustomerSuccess.Core.Tasks;

/// <summary>
/// The port that stores tasks: one record per task (<see cref="TaskKey"/>), each with its own version, written by
/// compare-and-set like every aggregate store, and deleted by compare-and-set when a task is deleted.
/// </summary>
/// <remarks>
/// <para>Contract, besides that of <see cref="IAggregateStore{TKey, TState}"/>: <see cref="NextIdAsync"/> hands out
/// positive task ids that are never handed out twice in a portal, deleted tasks' ids included (a counter, a database
/// sequence or identity); a store holds only created tasks (<see cref="TaskState.Exists"/>) and answers a key of
/// another portal as missing. The store that implements this port usually implements <see cref="ITaskQuery"/> over the
/// same records.</para>
/// <para>Batches: <see cref="LoadManyAsync"/> and <see cref="WriteManyAsync"/> load and write the tasks of a bulk action
/// many at a time. Their default implementations call <see cref="IAggregateStore{TKey, TState}.LoadAsync"/>,
/// <see cref="IAggregateStore{TKey, TState}.SaveAsync"/> and <see cref="IAggregateStore{TKey, TState}.DeleteAsync"/>
/// once per task; a store whose round trips or commits are expensive (a database) overrides them with one query and one
/// transaction per batch. Either way each write of a batch is its own compare-and-set: it is stored completely, with
/// its events, or not at all, whatever happens to the others.</para>
/// </remarks>
public interface ITaskStore : IAggregateStore<TaskKey, TaskState>
{
    /// <summary>Hands out a new task id of a portal.</summary>
    /// <param name="portalId">The portal.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>An id never handed out before in that portal.</returns>
    /// <exception cref="System.ArgumentException"><paramref name="portalId"/> is <c>default</c>.</exception>
    /// <exception cref="System.OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<TaskId> NextIdAsync(PortalId portalId, CancellationToken cancellationToken = default);

    /// <summary>Loads several tasks of a portal at once.</summary>
    /// <param name="portalId">The portal.</param>
    /// <param name="ids">The tasks (any number; an id may repeat).</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>One entry per id, in the order given: the task and its version, or <see langword="null"/> when no task
    /// of that id is stored in the portal.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ids"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="portalId"/> is <c>default</c>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    async Task<IReadOnlyList<Versioned<TaskState>?>> LoadManyAsync(PortalId portalId, IReadOnlyList<TaskId> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (portalId.IsDefault)
        {
            throw new ArgumentException("The portal id must not be default.", nameof(portalId));
        }

        var loaded = new Versioned<TaskState>?[ids.Count];
        for (var i = 0; i < loaded.Length; i++)
        {
            loaded[i] = await LoadAsync(TaskKey.Create(portalId, ids[i]), cancellationToken).ConfigureAwait(false);
        }

        return loaded;
    }

    /// <summary>Writes several tasks, each by its own compare-and-set (see <see cref="TaskWrite"/>).</summary>
    /// <param name="writes">The writes, each task at most once (<see cref="TaskWrite.CheckBatch"/>).</param>
    /// <param name="cancellationToken">Cancels the writes.</param>
    /// <returns>One result per write, in order: the new version (<see cref="VersionToken.None"/> for a deletion), or
    /// <c>concurrency.conflict</c> for a write whose expected version was not the stored one, which changed
    /// nothing.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="writes"/> or an entry is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A task is written twice, or a state cannot be stored (as
    /// <see cref="IAggregateStore{TKey, TState}.SaveAsync"/> refuses it).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled: before any write
    /// when cancelled on entry; otherwise the writes already made may stay, each complete.</exception>
    async Task<IReadOnlyList<Result<VersionToken>>> WriteManyAsync(IReadOnlyList<TaskWrite> writes, CancellationToken cancellationToken = default)
    {
        TaskWrite.CheckBatch(writes);
        cancellationToken.ThrowIfCancellationRequested();
        var results = new Result<VersionToken>[writes.Count];
        for (var i = 0; i < results.Length; i++)
        {
            var write = writes[i];
            results[i] = write.State is { } state
                ? await SaveAsync(write.Key, state, write.Expected, write.Events, cancellationToken).ConfigureAwait(false)
                : (await DeleteAsync(write.Key, write.Expected, write.Events, cancellationToken).ConfigureAwait(false)).Map(() => VersionToken.None);
        }

        return results;
    }
}
