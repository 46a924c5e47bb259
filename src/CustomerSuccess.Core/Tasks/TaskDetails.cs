using System;
using System.Collections.Immutable;
using System.Linq;
using CustomerSuccess.Core.Records;
using NodaTime;

namespace CustomerSuccess.Core.Tasks;

/// <summary>What a person enters for a task (rule 56): title, type and due instant, and optionally notes, priority,
/// assignee and associated records. Creating and editing a task both take one.</summary>
/// <param name="Title">The title: 1 to <see cref="TaskItem.MaxTitleLength"/> characters after trimming.</param>
/// <param name="Type">To-do, call, email or meeting.</param>
/// <param name="DueAt">When the task is due: an instant, so "due today" is judged in each viewer's own zone.</param>
/// <remarks>Equality is structural (associations compared in order). The aggregate checks the values and returns
/// <c>task.*</c> refusals; only a <see langword="null"/> title or an undefined enum value is an argument mistake.
/// <threadsafety>Immutable; thread-safe.</threadsafety></remarks>
public sealed record TaskDetails(string Title, TaskType Type, Instant DueAt)
{
    /// <summary>Gets the title.</summary>
    /// <exception cref="ArgumentNullException">The title is <see langword="null"/>.</exception>
    public string Title { get; init; } = Title ?? throw new ArgumentNullException(nameof(Title));

    /// <summary>Gets the notes.</summary>
    /// <value>Default <see langword="null"/> (none); at most <see cref="TaskItem.MaxNotesLength"/> characters.</value>
    public string? Notes { get; init; }

    /// <summary>Gets the priority.</summary>
    /// <value>Default <see cref="TaskPriority.None"/>.</value>
    public TaskPriority Priority { get; init; }

    /// <summary>Gets the user the task is assigned to.</summary>
    /// <value>Default <see langword="null"/> (unassigned).</value>
    public UserId? AssigneeId { get; init; }

    /// <summary>Gets the records the task is associated with, each once, in order.</summary>
    /// <value>Default: none (<c>default</c> reads as empty); at most <see cref="TaskItem.MaxAssociations"/>.</value>
    public ImmutableArray<RecordReference> Associations
    {
        get => _associations.IsDefault ? [] : _associations;
        init => _associations = value;
    }

    private readonly ImmutableArray<RecordReference> _associations;

    /// <inheritdoc />
    public bool Equals(TaskDetails? other) =>
        other is not null
        && string.Equals(Title, other.Title, StringComparison.Ordinal)
        && Type == other.Type
        && DueAt == other.DueAt
        && string.Equals(Notes, other.Notes, StringComparison.Ordinal)
        && Priority == other.Priority
        && AssigneeId == other.AssigneeId
        && Associations.SequenceEqual(other.Associations);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Title, Type, DueAt, Notes, Priority, AssigneeId, Associations.Length);
}
