using System;
using NodaTime;

namespace CustomerSuccess.Core.Tasks;

/// <summary>The task properties a bulk "edit" can set to a new value (rule 58). The assignee has its own action
/// (<see cref="TaskBulkAction.AssignTo"/>).</summary>
public enum TaskProperty
{
    /// <summary>The title.</summary>
    Title = 1,

    /// <summary>The notes.</summary>
    Notes = 2,

    /// <summary>The task type.</summary>
    Type = 3,

    /// <summary>The priority.</summary>
    Priority = 4,

    /// <summary>The due instant.</summary>
    Due = 5,
}

/// <summary>"Set one property to a new value" (rule 58): which property and the value, built with one factory per
/// property so the value always has the property's type.</summary>
/// <remarks><threadsafety>Immutable; thread-safe.</threadsafety></remarks>
public sealed record TaskPropertyUpdate
{
    private TaskPropertyUpdate(TaskProperty property) => Property = property;

    /// <summary>Gets the property to set.</summary>
    public TaskProperty Property { get; }

    /// <summary>Gets the new title, when <see cref="Property"/> is <see cref="TaskProperty.Title"/>.</summary>
    public string? TitleValue { get; private init; }

    /// <summary>Gets the new notes (<see langword="null"/> clears them), when <see cref="Property"/> is <see cref="TaskProperty.Notes"/>.</summary>
    public string? NotesValue { get; private init; }

    /// <summary>Gets the new type, when <see cref="Property"/> is <see cref="TaskProperty.Type"/>.</summary>
    public TaskType TypeValue { get; private init; }

    /// <summary>Gets the new priority, when <see cref="Property"/> is <see cref="TaskProperty.Priority"/>.</summary>
    public TaskPriority PriorityValue { get; private init; }

    /// <summary>Gets the new due instant, when <see cref="Property"/> is <see cref="TaskProperty.Due"/>.</summary>
    public Instant DueValue { get; private init; }

    /// <summary>Sets the title.</summary>
    /// <param name="title">The new title (checked like any title: <c>task.title_invalid</c>).</param>
    /// <returns>The update.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="title"/> is <see langword="null"/>.</exception>
    public static TaskPropertyUpdate Title(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        return new(TaskProperty.Title) { TitleValue = title };
    }

    /// <summary>Sets or clears the notes.</summary>
    /// <param name="notes">The new notes, or <see langword="null"/> to clear them.</param>
    /// <returns>The update.</returns>
    public static TaskPropertyUpdate Notes(string? notes) => new(TaskProperty.Notes) { NotesValue = notes };

    /// <summary>Sets the task type.</summary>
    /// <param name="type">The new type.</param>
    /// <returns>The update.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="type"/> is not a defined value.</exception>
    public static TaskPropertyUpdate Type(TaskType type) =>
        Enum.IsDefined(type) ? new(TaskProperty.Type) { TypeValue = type } : throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown task type.");

    /// <summary>Sets the priority.</summary>
    /// <param name="priority">The new priority.</param>
    /// <returns>The update.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="priority"/> is not a defined value.</exception>
    public static TaskPropertyUpdate Priority(TaskPriority priority) =>
        Enum.IsDefined(priority) ? new(TaskProperty.Priority) { PriorityValue = priority } : throw new ArgumentOutOfRangeException(nameof(priority), priority, "Unknown task priority.");

    /// <summary>Sets the due instant.</summary>
    /// <param name="due">The new due instant.</param>
    /// <returns>The update.</returns>
    public static TaskPropertyUpdate Due(Instant due) => new(TaskProperty.Due) { DueValue = due };

    /// <summary>Returns <paramref name="details"/> with the property set.</summary>
    /// <param name="details">The current details.</param>
    /// <returns>The new details (not yet validated).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="details"/> is <see langword="null"/>.</exception>
    public TaskDetails ApplyTo(TaskDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        return Property switch
        {
            TaskProperty.Title => details with { Title = TitleValue! },
            TaskProperty.Notes => details with { Notes = NotesValue },
            TaskProperty.Type => details with { Type = TypeValue },
            TaskProperty.Priority => details with { Priority = PriorityValue },
            _ => details with { DueAt = DueValue },
        };
    }
}
