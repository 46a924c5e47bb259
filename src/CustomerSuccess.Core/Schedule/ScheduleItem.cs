using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Core.Crm;
using CustomerSuccess.Core.Records;
using CustomerSuccess.Core.Tasks;
using NodaTime;

namespace CustomerSuccess.Core.Schedule;

/// <summary>One entry of the schedule (rules 38, 61): a meeting, or a task at its due instant.</summary>
/// <remarks><threadsafety>Immutable; thread-safe.</threadsafety></remarks>
public sealed record ScheduleItem
{
    private ScheduleItem(ScheduleKinds kind, string title, Instant start, Instant end, Meeting? meeting, TaskState? task)
    {
        Kind = kind;
        Title = title;
        Start = start;
        End = end;
        Meeting = meeting;
        Task = task;
    }

    /// <summary>Gets the item's kind: <see cref="ScheduleKinds.Meetings"/> or the kind of its task's type.</summary>
    public ScheduleKinds Kind { get; }

    /// <summary>Gets the title.</summary>
    public string Title { get; }

    /// <summary>Gets when the item starts (a task's due instant).</summary>
    public Instant Start { get; }

    /// <summary>Gets when the item ends (a task's due instant: tasks have no duration).</summary>
    public Instant End { get; }

    /// <summary>Gets the meeting, or <see langword="null"/> for a task.</summary>
    public Meeting? Meeting { get; }

    /// <summary>Gets the task, or <see langword="null"/> for a meeting.</summary>
    public TaskState? Task { get; }

    /// <summary>Returns the item of a meeting.</summary>
    /// <param name="meeting">The meeting.</param>
    /// <returns>The item.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="meeting"/> is <see langword="null"/>.</exception>
    public static ScheduleItem For(Meeting meeting)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        return new(ScheduleKinds.Meetings, meeting.Title, meeting.Start, meeting.End < meeting.Start ? meeting.Start : meeting.End, meeting, null);
    }

    /// <summary>Returns the item of a task, at its due instant.</summary>
    /// <param name="task">The task.</param>
    /// <returns>The item.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="task"/> is <see langword="null"/>.</exception>
    public static ScheduleItem For(TaskState task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return new(task.Type.ToScheduleKind(), task.Title, task.DueAt, task.DueAt, null, task);
    }

    /// <summary>Determines whether the item takes place within a half-open range (see <see cref="Meeting.Overlaps"/>).</summary>
    /// <param name="range">The range, e.g. a calendar day.</param>
    /// <returns><see langword="true"/> if it overlaps.</returns>
    public bool Overlaps(Interval range) => Meeting.Overlap(Start, End, range);

    /// <summary>Summarises the item for a person in a zone (rule 63): what is shown when the item is selected.</summary>
    /// <param name="zone">The viewer's zone.</param>
    /// <param name="now">The current instant (a meeting that has not ended can be started).</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is <see langword="null"/>.</exception>
    public ScheduleItemSummary Summarize(DateTimeZone zone, Instant now)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var start = Start.InZone(zone).LocalDateTime;
        if (Meeting is { } meeting)
        {
            return new ScheduleItemSummary(Kind, Title, start)
            {
                End = End.InZone(zone).LocalDateTime,
                Notes = meeting.Description,
                Owner = meeting.OrganizerId,
                Records = [.. meeting.ContactIds.Select(c => new RecordReference(CrmObjectType.Contacts, c))],
                CanStartMeeting = now < End,
            };
        }

        var task = Task!;
        return new ScheduleItemSummary(Kind, Title, start)
        {
            Notes = task.Notes,
            Owner = task.AssigneeId,
            Records = task.Associations,
            TaskType = task.Type,
            Priority = task.Priority,
            IsCompleted = task.IsCompleted,
        };
    }
}

/// <summary>What the schedule shows for a selected item (rule 63).</summary>
/// <param name="Kind">Meeting, or the task's kind.</param>
/// <param name="Title">The title.</param>
/// <param name="Start">When it starts (a task: when it is due), in the viewer's zone.</param>
/// <remarks><threadsafety>Immutable; thread-safe.</threadsafety></remarks>
public sealed record ScheduleItemSummary(ScheduleKinds Kind, string Title, LocalDateTime Start)
{
    /// <summary>Gets when a meeting ends, in the viewer's zone; <see langword="null"/> for a task.</summary>
    public LocalDateTime? End { get; init; }

    /// <summary>Gets the meeting's description or the task's notes.</summary>
    public string? Notes { get; init; }

    /// <summary>Gets the meeting's organiser or the task's assignee.</summary>
    public UserId? Owner { get; init; }

    /// <summary>Gets the records involved: a meeting's contacts, a task's associated records.</summary>
    /// <value>Default: none.</value>
    public IReadOnlyList<RecordReference> Records { get; init; } = [];

    /// <summary>Gets a task's type; <see langword="null"/> for a meeting.</summary>
    public TaskType? TaskType { get; init; }

    /// <summary>Gets a task's priority; <see langword="null"/> for a meeting.</summary>
    public TaskPriority? Priority { get; init; }

    /// <summary>Gets a value indicating whether a task is completed.</summary>
    public bool IsCompleted { get; init; }

    /// <summary>Gets a value indicating whether the item is a meeting that has not ended, which can be started (rules 38,
    /// 63; starting it is the application's).</summary>
    public bool CanStartMeeting { get; init; }
}
