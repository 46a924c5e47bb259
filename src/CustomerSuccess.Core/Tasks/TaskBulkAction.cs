using System;
using CustomerSuccess.Core.Access;
using NodaTime;

namespace CustomerSuccess.Core.Tasks;

/// <summary>The bulk actions on a selection of tasks (rule 58).</summary>
public enum TaskBulkActionKind
{
    /// <summary>Mark completed.</summary>
    MarkCompleted = 1,

    /// <summary>Mark incomplete.</summary>
    MarkIncomplete = 2,

    /// <summary>Assign to one user (or unassign).</summary>
    Assign = 3,

    /// <summary>Set one property to a new value.</summary>
    SetProperty = 4,

    /// <summary>Delete.</summary>
    Delete = 5,
}

/// <summary>What a bulk action does to each selected task (rule 58): one of <see cref="MarkCompleted"/>,
/// <see cref="MarkIncomplete"/>, <see cref="AssignTo"/>, <see cref="Set"/>, <see cref="Delete"/>. Each task is changed
/// by the same operation of <see cref="TaskItem"/> a single change uses, with the same rules.</summary>
/// <remarks><threadsafety>Immutable; thread-safe.</threadsafety></remarks>
public sealed record TaskBulkAction
{
    private TaskBulkAction(TaskBulkActionKind kind) => Kind = kind;

    /// <summary>Gets the action that marks every selected task completed.</summary>
    public static TaskBulkAction MarkCompleted { get; } = new(TaskBulkActionKind.MarkCompleted);

    /// <summary>Gets the action that marks every selected task incomplete.</summary>
    public static TaskBulkAction MarkIncomplete { get; } = new(TaskBulkActionKind.MarkIncomplete);

    /// <summary>Gets the action that deletes every selected task.</summary>
    public static TaskBulkAction Delete { get; } = new(TaskBulkActionKind.Delete);

    /// <summary>Gets what the action does.</summary>
    public TaskBulkActionKind Kind { get; }

    /// <summary>Gets the new assignee of <see cref="TaskBulkActionKind.Assign"/> (<see langword="null"/> unassigns).</summary>
    public UserId? AssigneeId { get; private init; }

    /// <summary>Gets the property and value of <see cref="TaskBulkActionKind.SetProperty"/>.</summary>
    public TaskPropertyUpdate? Update { get; private init; }

    /// <summary>Returns the action that assigns every selected task to one user.</summary>
    /// <param name="assigneeId">The user, or <see langword="null"/> to unassign.</param>
    /// <returns>The action.</returns>
    /// <exception cref="ArgumentException"><paramref name="assigneeId"/> is <c>default</c>.</exception>
    public static TaskBulkAction AssignTo(UserId? assigneeId) =>
        assigneeId is { IsDefault: true }
            ? throw new ArgumentException("The assignee must not be default; pass null to unassign.", nameof(assigneeId))
            : new(TaskBulkActionKind.Assign) { AssigneeId = assigneeId };

    /// <summary>Returns the action that sets one property of every selected task to a new value.</summary>
    /// <param name="update">The property and its value.</param>
    /// <returns>The action.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="update"/> is <see langword="null"/>.</exception>
    public static TaskBulkAction Set(TaskPropertyUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        return new(TaskBulkActionKind.SetProperty) { Update = update };
    }

    /// <summary>Checks the action's value before any task is touched (a blank title, notes too long, a due date out of
    /// range), so that a bad value refuses the whole action instead of every task.</summary>
    /// <returns>Success, or the validation refusal of <see cref="TaskItem.Validate"/>.</returns>
    public Result Validate() => Update is null
        ? Result.Success()
        : TaskItem.Validate(Update.ApplyTo(new TaskDetails("-", TaskType.ToDo, TaskItem.EarliestDue))).ToResult();

    /// <summary>Applies the action to one task.</summary>
    /// <param name="task">The task.</param>
    /// <param name="actor">Who acts.</param>
    /// <param name="account">The account.</param>
    /// <param name="now">The current instant.</param>
    /// <returns>What the task's operation returns.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="task"/> is <see langword="null"/>.</exception>
    public Result<TaskState> ApplyTo(TaskItem task, Actor actor, AccountContext account, Instant now)
    {
        ArgumentNullException.ThrowIfNull(task);
        return Kind switch
        {
            TaskBulkActionKind.MarkCompleted => task.Complete(actor, account, now),
            TaskBulkActionKind.MarkIncomplete => task.Reopen(actor, account, now),
            TaskBulkActionKind.Assign => task.Assign(actor, account, AssigneeId, now),
            TaskBulkActionKind.SetProperty => task.Set(actor, account, Update!, now),
            _ => task.Delete(actor, account, now),
        };
    }
}
