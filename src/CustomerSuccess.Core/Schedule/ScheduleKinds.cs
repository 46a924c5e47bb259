using System;
using CustomerSuccess.Core.Tasks;

namespace CustomerSuccess.Core.Schedule;

/// <summary>The "Key" checkboxes of the schedule (rule 61): which kinds of meetings and tasks the calendar shows.</summary>
[Flags]
public enum ScheduleKinds
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary>Meetings.</summary>
    Meetings = 1,

    /// <summary>To-do tasks.</summary>
    ToDoTasks = 2,

    /// <summary>Call tasks.</summary>
    CallTasks = 4,

    /// <summary>Email tasks.</summary>
    EmailTasks = 8,

    /// <summary>Meeting tasks.</summary>
    MeetingTasks = 16,

    /// <summary>Every kind of task.</summary>
    Tasks = ToDoTasks | CallTasks | EmailTasks | MeetingTasks,

    /// <summary>Meetings and every kind of task (the default).</summary>
    All = Meetings | Tasks,
}

/// <summary>Maps tasks to the schedule's kinds.</summary>
public static class ScheduleKindsExtensions
{
    /// <summary>Returns the kind a task of a type is shown as.</summary>
    /// <param name="type">The task type.</param>
    /// <returns>Its kind.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="type"/> is not a defined value.</exception>
    public static ScheduleKinds ToScheduleKind(this TaskType type) => type switch
    {
        TaskType.ToDo => ScheduleKinds.ToDoTasks,
        TaskType.Call => ScheduleKinds.CallTasks,
        TaskType.Email => ScheduleKinds.EmailTasks,
        TaskType.Meeting => ScheduleKinds.MeetingTasks,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown task type."),
    };
}
