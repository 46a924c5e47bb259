using System;

namespace CustomerSuccess.Core.Tasks;

/// <summary>Identifies one task aggregate: the portal and the task id. Each task is its own record with its own
/// version, so two people changing two tasks never conflict.</summary>
/// <remarks><c>default</c> is not valid (both parts are unset); use <see cref="Create"/>.
/// <threadsafety>Immutable value type; thread-safe.</threadsafety></remarks>
public readonly record struct TaskKey
{
    private TaskKey(PortalId portalId, TaskId taskId)
    {
        PortalId = portalId;
        TaskId = taskId;
    }

    /// <summary>Gets the portal.</summary>
    public PortalId PortalId { get; }

    /// <summary>Gets the task.</summary>
    public TaskId TaskId { get; }

    /// <summary>Creates a key.</summary>
    /// <param name="portalId">The portal.</param>
    /// <param name="taskId">The task.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentException"><paramref name="portalId"/> or <paramref name="taskId"/> is <c>default</c>.</exception>
    public static TaskKey Create(PortalId portalId, TaskId taskId)
    {
        if (portalId.IsDefault)
        {
            throw new ArgumentException("The portal id must not be default.", nameof(portalId));
        }

        if (taskId.IsDefault)
        {
            throw new ArgumentException("The task id must not be default.", nameof(taskId));
        }

        return new TaskKey(portalId, taskId);
    }

    /// <summary>Returns <c>portal/task</c>.</summary>
    /// <returns>The key as text.</returns>
    public override string ToString() => $"{PortalId}/{TaskId}";
}
