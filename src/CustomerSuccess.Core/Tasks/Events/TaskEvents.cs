using NodaTime;

namespace CustomerSuccess.Core.Tasks.Events;

/// <summary>A task was created (rule 56).</summary>
/// <param name="Task">The task.</param>
/// <param name="Details">What was entered (title, type, due, notes, priority, assignee, associations).</param>
/// <param name="Initiator">Who created it.</param>
/// <param name="OccurredAt">When.</param>
public sealed record TaskCreated(TaskKey Task, TaskDetails Details, Initiator Initiator, Instant OccurredAt) : IDomainEvent
{
    /// <inheritdoc />
    public PortalId PortalId => Task.PortalId;
}

/// <summary>A task's title, notes, type, priority, due instant, assignee or associations changed (rule 58: "set one
/// property to a new value" records one of these too).</summary>
/// <param name="Task">The task.</param>
/// <param name="Details">The new details.</param>
/// <param name="Initiator">Who edited it.</param>
/// <param name="OccurredAt">When.</param>
public sealed record TaskEdited(TaskKey Task, TaskDetails Details, Initiator Initiator, Instant OccurredAt) : IDomainEvent
{
    /// <inheritdoc />
    public PortalId PortalId => Task.PortalId;
}

/// <summary>A task was assigned to another user, or unassigned (rule 58).</summary>
/// <param name="Task">The task.</param>
/// <param name="PreviousAssigneeId">Who it was assigned to, or <see langword="null"/>.</param>
/// <param name="AssigneeId">Who it is assigned to now, or <see langword="null"/>.</param>
/// <param name="Initiator">Who assigned it.</param>
/// <param name="OccurredAt">When.</param>
public sealed record TaskAssigned(TaskKey Task, UserId? PreviousAssigneeId, UserId? AssigneeId, Initiator Initiator, Instant OccurredAt) : IDomainEvent
{
    /// <inheritdoc />
    public PortalId PortalId => Task.PortalId;
}

/// <summary>A task was marked completed (rule 58); it was completed at <see cref="OccurredAt"/>.</summary>
/// <param name="Task">The task.</param>
/// <param name="Initiator">Who completed it.</param>
/// <param name="OccurredAt">When.</param>
public sealed record TaskCompleted(TaskKey Task, Initiator Initiator, Instant OccurredAt) : IDomainEvent
{
    /// <inheritdoc />
    public PortalId PortalId => Task.PortalId;
}

/// <summary>A completed task was marked incomplete again (rule 58).</summary>
/// <param name="Task">The task.</param>
/// <param name="Initiator">Who reopened it.</param>
/// <param name="OccurredAt">When.</param>
public sealed record TaskReopened(TaskKey Task, Initiator Initiator, Instant OccurredAt) : IDomainEvent
{
    /// <inheritdoc />
    public PortalId PortalId => Task.PortalId;
}

/// <summary>A task was deleted (rule 58); its record is gone.</summary>
/// <param name="Task">The task.</param>
/// <param name="Title">Its title, for people reading the history.</param>
/// <param name="Initiator">Who deleted it.</param>
/// <param name="OccurredAt">When.</param>
public sealed record TaskDeleted(TaskKey Task, string Title, Initiator Initiator, Instant OccurredAt) : IDomainEvent
{
    /// <inheritdoc />
    public PortalId PortalId => Task.PortalId;
}
