using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json.Serialization;
using CustomerSuccess.Core.Records;
using NodaTime;

namespace CustomerSuccess.Core.Tasks;

/// <summary>
/// One task as it is stored and listed (rules 55–59): the immutable state of a <see cref="TaskItem"/> and the read model
/// that task views, filters (<see cref="TaskFilterTarget"/>) and the task query (<see cref="ITaskQuery"/>) work on.
/// </summary>
/// <remarks>
/// <para>Init-only properties rather than a positional record, so that System.Text.Json round-trips it and a LINQ
/// provider (EF Core) can map every member; the derived members (<see cref="Key"/>, <see cref="IsCompleted"/>,
/// <see cref="Exists"/>, <see cref="Details"/>) are not serialised. <see cref="Associations"/> is copied into an
/// immutable array when set, so a state never aliases a list its creator can still change.</para>
/// <para>A task is open while <see cref="CompletedAt"/> is <see langword="null"/>. A state whose
/// <see cref="CreatedBy"/> is <c>default</c> is the state of a key that holds no task
/// (<see cref="TaskItem.CreateInitialState"/>); stores never hold one.</para>
/// <threadsafety>Immutable; thread-safe.</threadsafety>
/// </remarks>
public sealed record TaskState : IPortalScoped
{
    private readonly IReadOnlyList<RecordReference> _associations = ImmutableArray<RecordReference>.Empty;

    /// <summary>Gets the portal the task belongs to.</summary>
    /// <value>Default: <c>default(PortalId)</c> (invalid).</value>
    public PortalId PortalId { get; init; }

    /// <summary>Gets the task id, unique within the portal.</summary>
    /// <value>Default: <c>default(TaskId)</c> (invalid).</value>
    public TaskId Id { get; init; }

    /// <summary>Gets the title.</summary>
    /// <value>Default: empty.</value>
    public string Title { get; init; } = string.Empty;

    /// <summary>Gets the notes.</summary>
    /// <value>Default <see langword="null"/> (none).</value>
    public string? Notes { get; init; }

    /// <summary>Gets the task type.</summary>
    /// <value>Default <see cref="TaskType.ToDo"/>.</value>
    public TaskType Type { get; init; } = TaskType.ToDo;

    /// <summary>Gets the priority.</summary>
    /// <value>Default <see cref="TaskPriority.None"/>.</value>
    public TaskPriority Priority { get; init; }

    /// <summary>Gets the user the task is assigned to.</summary>
    /// <value>Default <see langword="null"/> (unassigned).</value>
    public UserId? AssigneeId { get; init; }

    /// <summary>Gets when the task is due ("today" is judged in each viewer's zone, see <see cref="DefaultTaskViewSpec"/>).</summary>
    /// <value>Default: the Unix epoch.</value>
    public Instant DueAt { get; init; }

    /// <summary>Gets when the task was completed.</summary>
    /// <value>Default <see langword="null"/>: the task is open.</value>
    public Instant? CompletedAt { get; init; }

    /// <summary>Gets the records the task is associated with, each once, in order.</summary>
    /// <value>Default: empty. Setting it copies the elements; <see langword="null"/> reads as empty.</value>
    /// <exception cref="ArgumentException">The value contains <see langword="null"/>.</exception>
    public IReadOnlyList<RecordReference> Associations
    {
        get => _associations;
        init
        {
            if (value is ImmutableArray<RecordReference>)
            {
                _associations = value;
                return;
            }

            var copy = value is null ? ImmutableArray<RecordReference>.Empty : ImmutableArray.CreateRange(value);
            if (copy.Contains(null!))
            {
                throw new ArgumentException("The associations must not contain null.", nameof(value));
            }

            _associations = copy;
        }
    }

    /// <summary>Gets the user who created the task.</summary>
    /// <value>Default: <c>default(UserId)</c>, which marks the state of a key that holds no task.</value>
    public UserId CreatedBy { get; init; }

    /// <summary>Gets when the task was created.</summary>
    /// <value>Default: the Unix epoch.</value>
    public Instant CreatedAt { get; init; }

    /// <summary>Gets the task's key.</summary>
    /// <exception cref="ArgumentException">The portal or the id is <c>default</c>.</exception>
    [JsonIgnore]
    public TaskKey Key => TaskKey.Create(PortalId, Id);

    /// <summary>Gets a value indicating whether the task is completed (<see cref="CompletedAt"/> is set).</summary>
    [JsonIgnore]
    public bool IsCompleted => CompletedAt is not null;

    /// <summary>Gets a value indicating whether this is a created task, not the state of an empty key.</summary>
    [JsonIgnore]
    public bool Exists => !CreatedBy.IsDefault;

    /// <summary>Gets what a person entered for the task.</summary>
    [JsonIgnore]
    public TaskDetails Details => new(Title, Type, DueAt)
    {
        Notes = Notes,
        Priority = Priority,
        AssigneeId = AssigneeId,
        Associations = [.. Associations],
    };

    /// <summary>Determines whether the task is <paramref name="user"/>'s own: assigned to them or created by them
    /// (reading R58 of who may change it).</summary>
    /// <param name="user">The user.</param>
    /// <returns><see langword="true"/> if it is theirs.</returns>
    public bool IsOwnedBy(UserId user) => AssigneeId == user || CreatedBy == user;

    /// <inheritdoc />
    public bool Equals(TaskState? other) =>
        other is not null
        && PortalId == other.PortalId
        && Id == other.Id
        && string.Equals(Title, other.Title, StringComparison.Ordinal)
        && string.Equals(Notes, other.Notes, StringComparison.Ordinal)
        && Type == other.Type
        && Priority == other.Priority
        && AssigneeId == other.AssigneeId
        && DueAt == other.DueAt
        && CompletedAt == other.CompletedAt
        && CreatedBy == other.CreatedBy
        && CreatedAt == other.CreatedAt
        && Associations.SequenceEqual(other.Associations);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(PortalId, Id, Title, DueAt, CompletedAt, AssigneeId, Associations.Count);

    /// <summary>Returns the state with <paramref name="details"/> applied (everything a person enters).</summary>
    internal TaskState With(TaskDetails details) => this with
    {
        Title = details.Title,
        Notes = details.Notes,
        Type = details.Type,
        Priority = details.Priority,
        AssigneeId = details.AssigneeId,
        DueAt = details.DueAt,
        Associations = details.Associations,
    };
}
