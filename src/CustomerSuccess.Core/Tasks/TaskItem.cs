using System;
using System.Linq;
using CustomerSuccess.Core.Access;
using CustomerSuccess.Core.Tasks.Events;
using NodaTime;

namespace CustomerSuccess.Core.Tasks;

/// <summary>
/// One task (rules 56, 58): create, edit, assign, complete, reopen and delete, each checked against the access policy
/// and recorded as an event. Each task is an aggregate of its own, stored with its own version, so concurrent changes of
/// different tasks never conflict and a change of one task is all or nothing.
/// </summary>
/// <remarks>
/// <para>Who may change a task (reading R58): anyone with full workspace access may create tasks and change their own
/// tasks, those assigned to them or created by them (<see cref="CsOperation.ManageOwnTasks"/>); changing or deleting
/// anybody else's task needs <see cref="CsOperation.ManageOthersTasks"/> (super admin or Manage CS Settings). Ownership
/// is judged on the task as it is before the change, so a user may hand their own task to a colleague.</para>
/// <para>Every operation checks, in order: the access policy's operation, that the task exists
/// (<c>task.not_found</c>), ownership, then the values. A refused operation returns its failure and leaves
/// <see cref="AggregateRoot{TState}.State"/> and the events unchanged; an operation that changes nothing (completing a
/// completed task, an edit to the same details) succeeds and records no event.</para>
/// <threadsafety>Not thread-safe: use one instance per operation (the state it holds is immutable).</threadsafety>
/// </remarks>
public sealed class TaskItem : PortalAggregate<TaskState>
{
    /// <summary>The longest title.</summary>
    public const int MaxTitleLength = 200;

    /// <summary>The longest notes.</summary>
    public const int MaxNotesLength = 10_000;

    /// <summary>The most records one task may be associated with.</summary>
    public const int MaxAssociations = 100;

    /// <summary>Initializes the aggregate over a stored state (or <see cref="CreateInitialState"/>).</summary>
    /// <param name="state">The state.</param>
    /// <param name="policy">The access policy (with the options the application configured).</param>
    /// <exception cref="ArgumentNullException"><paramref name="state"/> or <paramref name="policy"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The state's portal or id is <c>default</c>.</exception>
    public TaskItem(TaskState state, AccessPolicy policy)
        : base(CheckKey(state), policy)
    {
    }

    /// <summary>Gets the earliest due instant a task may have: 1900-01-01T00:00Z.</summary>
    public static Instant EarliestDue { get; } = Instant.FromUtc(1900, 1, 1, 0, 0);

    /// <summary>Gets the instant every due instant must be before: 3000-01-01T00:00Z.</summary>
    public static Instant LatestDue { get; } = Instant.FromUtc(3000, 1, 1, 0, 0);

    /// <summary>Gets a value indicating whether the task exists (was created and not deleted).</summary>
    public bool Exists => State.Exists;

    /// <summary>Creates the state of a key that holds no task yet: what <see cref="Create"/> starts from.</summary>
    /// <param name="key">The task's key.</param>
    /// <returns>The empty state.</returns>
    public static TaskState CreateInitialState(TaskKey key) => new() { PortalId = key.PortalId, Id = key.TaskId };

    /// <summary>Checks and normalizes what a person entered: the title trimmed, blank notes read as none.</summary>
    /// <param name="details">The details.</param>
    /// <returns>The normalized details, or <c>task.title_invalid</c>, <c>task.notes_invalid</c>, <c>task.due_invalid</c>,
    /// <c>task.associations_invalid</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="details"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The type or the priority is not a defined value.</exception>
    /// <exception cref="ArgumentException">The assignee is <c>default</c> (null means nobody).</exception>
    public static Result<TaskDetails> Validate(TaskDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (details.AssigneeId is { IsDefault: true })
        {
            throw new ArgumentException("The assignee must not be default; leave it null for nobody.", nameof(details));
        }

        if (!Enum.IsDefined(details.Type))
        {
            throw new ArgumentOutOfRangeException(nameof(details), details.Type, "Unknown task type.");
        }

        if (!Enum.IsDefined(details.Priority))
        {
            throw new ArgumentOutOfRangeException(nameof(details), details.Priority, "Unknown task priority.");
        }

        var title = details.Title.Trim();
        if (title.Length is 0 or > MaxTitleLength)
        {
            return TaskErrors.TitleInvalid(MaxTitleLength);
        }

        var notes = string.IsNullOrWhiteSpace(details.Notes) ? null : details.Notes;
        if (notes?.Length > MaxNotesLength)
        {
            return TaskErrors.NotesInvalid(MaxNotesLength);
        }

        if (details.DueAt < EarliestDue || details.DueAt >= LatestDue)
        {
            return TaskErrors.DueInvalid(details.DueAt);
        }

        var associations = details.Associations;
        if (associations.Any(a => a is null))
        {
            throw new ArgumentException("The associations must not contain null.", nameof(details));
        }

        if (associations.Length > MaxAssociations)
        {
            return TaskErrors.AssociationsInvalid($"a task is associated with at most {MaxAssociations} records.");
        }

        if (associations.Distinct().Count() != associations.Length)
        {
            return TaskErrors.AssociationsInvalid("a record is listed twice.");
        }

        return details with { Title = title, Notes = notes };
    }

    /// <summary>Creates the task (rule 56): the actor becomes its creator, so it is one of their own tasks whoever it is
    /// assigned to.</summary>
    /// <param name="actor">Who creates it.</param>
    /// <param name="account">The account; must be the task's portal.</param>
    /// <param name="details">What was entered.</param>
    /// <param name="now">The current instant.</param>
    /// <returns>The new state, or <c>access.*</c> or a validation refusal (see <see cref="Validate"/>).</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is another portal, or the assignee is <c>default</c>.</exception>
    /// <exception cref="InvalidOperationException">The task exists already (its key was handed out twice).</exception>
    public Result<TaskState> Create(Actor actor, AccountContext account, TaskDetails details, Instant now)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (Authorize(actor, account, CsOperation.ManageOwnTasks) is { IsFailure: true } denied)
        {
            return denied.Error;
        }

        if (Exists)
        {
            throw new InvalidOperationException($"Task {State.Key} exists already: a task id was handed out twice.");
        }

        var valid = Validate(details);
        if (!valid.TryGetValue(out var clean))
        {
            return valid.Error!;
        }

        Commit(
            State.With(clean) with { CreatedBy = actor.UserId, CreatedAt = now, CompletedAt = null },
            new TaskCreated(State.Key, clean, Initiator.User(actor.UserId), now));
        return State;
    }

    /// <summary>Replaces what was entered for the task: title, notes, type, priority, due, assignee, associations.</summary>
    /// <param name="actor">Who edits it.</param>
    /// <param name="account">The account; must be the task's portal.</param>
    /// <param name="details">The new details.</param>
    /// <param name="now">The current instant.</param>
    /// <returns>The state (the same instance, without an event, when nothing changes), or <c>access.*</c>,
    /// <c>task.not_found</c> or a validation refusal.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is another portal, or the assignee is <c>default</c>.</exception>
    public Result<TaskState> Edit(Actor actor, AccountContext account, TaskDetails details, Instant now)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (AuthorizeChange(actor, account) is { IsFailure: true } denied)
        {
            return denied.Error;
        }

        var valid = Validate(details);
        if (!valid.TryGetValue(out var clean))
        {
            return valid.Error!;
        }

        if (clean.Equals(State.Details))
        {
            return State;
        }

        Commit(State.With(clean), new TaskEdited(State.Key, clean, Initiator.User(actor.UserId), now));
        return State;
    }

    /// <summary>Sets one property to a new value (rule 58, bulk "edit"): <see cref="Edit"/> with that property changed.</summary>
    /// <param name="actor">Who changes it.</param>
    /// <param name="account">The account; must be the task's portal.</param>
    /// <param name="update">The property and its new value.</param>
    /// <param name="now">The current instant.</param>
    /// <returns>As <see cref="Edit"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is another portal.</exception>
    public Result<TaskState> Set(Actor actor, AccountContext account, TaskPropertyUpdate update, Instant now)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (AuthorizeChange(actor, account) is { IsFailure: true } denied)
        {
            return denied.Error;
        }

        return Edit(actor, account, update.ApplyTo(State.Details), now);
    }

    /// <summary>Assigns the task to a user, or unassigns it (rule 58).</summary>
    /// <param name="actor">Who assigns it.</param>
    /// <param name="account">The account; must be the task's portal.</param>
    /// <param name="assigneeId">The new assignee, or <see langword="null"/> for nobody.</param>
    /// <param name="now">The current instant.</param>
    /// <returns>The state (unchanged, without an event, when it is already assigned so), or <c>access.*</c>,
    /// <c>task.not_found</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="account"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is another portal, or <paramref name="assigneeId"/> is <c>default</c>.</exception>
    public Result<TaskState> Assign(Actor actor, AccountContext account, UserId? assigneeId, Instant now)
    {
        if (assigneeId is { IsDefault: true })
        {
            throw new ArgumentException("The assignee must not be default; pass null to unassign.", nameof(assigneeId));
        }

        if (AuthorizeChange(actor, account) is { IsFailure: true } denied)
        {
            return denied.Error;
        }

        if (State.AssigneeId == assigneeId)
        {
            return State;
        }

        var previous = State.AssigneeId;
        Commit(State with { AssigneeId = assigneeId }, new TaskAssigned(State.Key, previous, assigneeId, Initiator.User(actor.UserId), now));
        return State;
    }

    /// <summary>Marks the task completed at <paramref name="now"/> (rule 58).</summary>
    /// <param name="actor">Who completes it.</param>
    /// <param name="account">The account; must be the task's portal.</param>
    /// <param name="now">The current instant: the completion instant.</param>
    /// <returns>The state (unchanged, without an event, when it is completed already), or <c>access.*</c>,
    /// <c>task.not_found</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="account"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is another portal.</exception>
    public Result<TaskState> Complete(Actor actor, AccountContext account, Instant now) => SetCompletion(actor, account, completed: true, now);

    /// <summary>Marks a completed task incomplete again (rule 58).</summary>
    /// <param name="actor">Who reopens it.</param>
    /// <param name="account">The account; must be the task's portal.</param>
    /// <param name="now">The current instant.</param>
    /// <returns>The state (unchanged, without an event, when it is open), or <c>access.*</c>, <c>task.not_found</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="account"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is another portal.</exception>
    public Result<TaskState> Reopen(Actor actor, AccountContext account, Instant now) => SetCompletion(actor, account, completed: false, now);

    /// <summary>Deletes the task (rule 58): its record is removed when the command is saved
    /// (<see cref="AggregateRoot{TState}.IsDeleted"/>).</summary>
    /// <param name="actor">Who deletes it.</param>
    /// <param name="account">The account; must be the task's portal.</param>
    /// <param name="now">The current instant.</param>
    /// <returns>The deleted state, or <c>access.*</c>, <c>task.not_found</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="account"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is another portal.</exception>
    public Result<TaskState> Delete(Actor actor, AccountContext account, Instant now)
    {
        if (AuthorizeChange(actor, account) is { IsFailure: true } denied)
        {
            return denied.Error;
        }

        CommitDeletion(new TaskDeleted(State.Key, State.Title, Initiator.User(actor.UserId), now));
        return State;
    }

    /// <summary>Checks the invariants of a stored task: portal, id and creator set, a defined type and priority, an
    /// assignee that is not <c>default</c>, at most <see cref="MaxAssociations"/> associated records, each once.</summary>
    internal static TaskState CheckInvariants(TaskState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        string? problem =
            state.PortalId.IsDefault || state.Id.IsDefault ? "the portal or the id is default"
            : !state.Exists ? "it has no creator (the state of a key that holds no task)"
            : !Enum.IsDefined(state.Type) ? "the type is unknown"
            : !Enum.IsDefined(state.Priority) ? "the priority is unknown"
            : state.AssigneeId is { IsDefault: true } ? "the assignee is default"
            : state.Associations.Count > MaxAssociations ? $"it is associated with more than {MaxAssociations} records"
            : state.Associations.Distinct().Count() != state.Associations.Count ? "a record is associated twice"
            : null;
        return problem is null
            ? state
            : throw new ArgumentException($"The stored task {state.PortalId}/{state.Id} is corrupt: {problem}.", nameof(state));
    }

    private static TaskState CheckKey(TaskState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Id.IsDefault)
        {
            throw new ArgumentException("The task's id must not be default.", nameof(state));
        }

        return state;
    }

    /// <summary>Completes (at <paramref name="now"/>) or reopens the task; no change and no event when it already is so.</summary>
    private Result<TaskState> SetCompletion(Actor actor, AccountContext account, bool completed, Instant now)
    {
        if (AuthorizeChange(actor, account) is { IsFailure: true } denied)
        {
            return denied.Error;
        }

        if (State.IsCompleted == completed)
        {
            return State;
        }

        var initiator = Initiator.User(actor.UserId);
        Commit(
            State with { CompletedAt = completed ? now : null },
            completed ? new TaskCompleted(State.Key, initiator, now) : new TaskReopened(State.Key, initiator, now));
        return State;
    }

    /// <summary>The checks every change of an existing task starts with (reading R58).</summary>
    private Result AuthorizeChange(Actor actor, AccountContext account)
    {
        if (Authorize(actor, account, CsOperation.ManageOwnTasks) is { IsFailure: true } denied)
        {
            return denied;
        }

        if (IsDeleted || !Exists)
        {
            return TaskErrors.NotFound(State.Id);
        }

        return State.IsOwnedBy(actor.UserId) ? Result.Success() : Authorize(actor, account, CsOperation.ManageOthersTasks);
    }
}
