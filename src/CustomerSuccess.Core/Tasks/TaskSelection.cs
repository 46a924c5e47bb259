using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace CustomerSuccess.Core.Tasks;

/// <summary>One task picked by id, with the version the person saw if they saw one.</summary>
/// <param name="Id">The task.</param>
/// <param name="ExpectedVersion">The version the person saw: if the task changed since, its outcome is
/// <see cref="TaskOutcomeKind.Conflict"/>; <see langword="null"/> applies the action to the current version.</param>
public readonly record struct TaskRef(TaskId Id, VersionToken? ExpectedVersion = null);

/// <summary>
/// Which tasks a bulk action applies to (rule 59): <see cref="Of(IEnumerable{TaskRef})"/> individual rows,
/// <see cref="Page"/> all rows of the current page, or <see cref="AllMatching"/> every task matching the current view
/// and filters ("Select all [n] tasks"). A page or a filter is resolved when the action runs, not when it was shown.
/// </summary>
/// <remarks><threadsafety>Immutable; thread-safe.</threadsafety></remarks>
public abstract record TaskSelection
{
    private protected TaskSelection()
    {
    }

    /// <summary>Selects individual tasks by id (the versions are not checked).</summary>
    /// <param name="ids">The tasks; repeated ids count once.</param>
    /// <returns>The selection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ids"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An id is <c>default</c>.</exception>
    public static TaskIdSelection Of(IEnumerable<TaskId> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return Of(ids.Select(id => new TaskRef(id)));
    }

    /// <summary>Selects individual tasks, each with the version the person saw.</summary>
    /// <param name="tasks">The tasks; a repeated id counts once (its first entry).</param>
    /// <returns>The selection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="tasks"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An id is <c>default</c>.</exception>
    public static TaskIdSelection Of(IEnumerable<TaskRef> tasks)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        var seen = new HashSet<TaskId>();
        var builder = ImmutableArray.CreateBuilder<TaskRef>();
        foreach (var task in tasks)
        {
            if (task.Id.IsDefault)
            {
                throw new ArgumentException("A selected task id must not be default.", nameof(tasks));
            }

            if (seen.Add(task.Id))
            {
                builder.Add(task);
            }
        }

        return new TaskIdSelection(builder.ToImmutable());
    }

    /// <summary>Selects the tasks of one page of a task list, as the page reads when the action runs.</summary>
    /// <param name="request">The view, filters, zone and page on screen.</param>
    /// <returns>The selection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    public static TaskPageSelection Page(TaskListRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new TaskPageSelection(request);
    }

    /// <summary>Selects every task matching a view and its filters ("Select all [n] tasks"); the page of the request is
    /// ignored.</summary>
    /// <param name="request">The view, filters and zone on screen.</param>
    /// <param name="confirmedCount">The number of tasks the person confirmed: the action is refused
    /// (<c>task.bulk_count_changed</c>) when the filter selects another number when it runs.</param>
    /// <returns>The selection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confirmedCount"/> is negative.</exception>
    public static TaskFilterSelection AllMatching(TaskListRequest request, int confirmedCount)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegative(confirmedCount);
        return new TaskFilterSelection(request, confirmedCount);
    }
}

/// <summary>Individual tasks (rule 59: individual rows); built by <see cref="TaskSelection.Of(IEnumerable{TaskRef})"/>.</summary>
public sealed record TaskIdSelection : TaskSelection
{
    internal TaskIdSelection(ImmutableArray<TaskRef> tasks) => Tasks = tasks;

    /// <summary>Gets the tasks, each once, in order.</summary>
    public ImmutableArray<TaskRef> Tasks { get; }
}

/// <summary>The tasks of one page of a list (rule 59: all rows of the current page); built by
/// <see cref="TaskSelection.Page"/>.</summary>
public sealed record TaskPageSelection : TaskSelection
{
    internal TaskPageSelection(TaskListRequest request) => Request = request;

    /// <summary>Gets the view, filters, zone and page.</summary>
    public TaskListRequest Request { get; }
}

/// <summary>Every task matching a view and its filters (rule 59: "Select all [n] tasks"); built by
/// <see cref="TaskSelection.AllMatching"/>.</summary>
public sealed record TaskFilterSelection : TaskSelection
{
    internal TaskFilterSelection(TaskListRequest request, int confirmedCount)
    {
        Request = request;
        ConfirmedCount = confirmedCount;
    }

    /// <summary>Gets the view, filters and zone (its page is ignored).</summary>
    public TaskListRequest Request { get; }

    /// <summary>Gets the number of tasks the person confirmed.</summary>
    public int ConfirmedCount { get; }
}
