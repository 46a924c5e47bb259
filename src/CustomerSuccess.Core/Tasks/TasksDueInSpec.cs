using System;
using CustomerSuccess.Core.Specification;
using NodaTime;

namespace CustomerSuccess.Core.Tasks;

/// <summary>The tasks, open or completed, due within a half-open period (a calendar day, week or month of the schedule,
/// rules 38, 60, 61), optionally of one assignee; ordered by due instant, then id.</summary>
/// <remarks><threadsafety>Do not change a specification while it is being evaluated; otherwise thread-safe.</threadsafety></remarks>
public sealed class TasksDueInSpec : Specification<TaskState>
{
    /// <summary>Initializes the specification.</summary>
    /// <param name="period">The period, <c>[start, end)</c>; both ends must be set.</param>
    /// <param name="assigneeId">Only tasks assigned to this user, or <see langword="null"/> for every user's.</param>
    /// <exception cref="ArgumentException"><paramref name="period"/> has no start or no end, or
    /// <paramref name="assigneeId"/> is <c>default</c>.</exception>
    public TasksDueInSpec(Interval period, UserId? assigneeId = null)
    {
        if (!period.HasStart || !period.HasEnd)
        {
            throw new ArgumentException("The period needs a start and an end.", nameof(period));
        }

        Period = period;
        AddBounds(this, period, assigneeId);
        Query.OrderBy(t => t.DueAt).ThenBy(t => t.Id);
    }

    /// <summary>Gets the period.</summary>
    public Interval Period { get; }

    /// <summary>Adds <c>start ≤ due &lt; end</c> (each end only if set) and the assignee to a specification.</summary>
    internal static void AddBounds(Specification<TaskState> spec, Interval? due, UserId? assigneeId)
    {
        if (assigneeId is { IsDefault: true })
        {
            throw new ArgumentException("The assignee must not be default.", nameof(assigneeId));
        }

        if (due is { HasStart: true } from)
        {
            var start = from.Start;
            spec.Query.Where(t => t.DueAt >= start);
        }

        if (due is { HasEnd: true } to)
        {
            var end = to.End;
            spec.Query.Where(t => t.DueAt < end);
        }

        if (assigneeId is not null)
        {
            UserId? assignee = assigneeId;
            spec.Query.Where(t => t.AssigneeId == assignee);
        }
    }
}
