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
}
