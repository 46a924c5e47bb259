using System;
using System.Linq.Expressions;
using CustomerSuccess.Core.Crm;
using CustomerSuccess.Core.Filters;
using CustomerSuccess.Core.Records;

namespace CustomerSuccess.Core.Tasks;

/// <summary>
/// What task views and personal filters can filter and sort on (rule 57): the <see cref="FilterTarget{T}"/> of
/// <see cref="TaskState"/>, so the one <see cref="FilterCompiler"/> and the same filter JSON serve tasks as they serve
/// records.
/// </summary>
/// <remarks>
/// <para>Properties (name, type): <see cref="Title"/> (text), <see cref="Type"/> (text: <c>todo</c>, <c>call</c>,
/// <c>email</c>, <c>meeting</c>), <see cref="Priority"/> (text: <c>none</c>, <c>low</c>, <c>medium</c>, <c>high</c>),
/// <see cref="Status"/> (text: <see cref="Open"/> or <see cref="Completed"/>), <see cref="Assignee"/> and
/// <see cref="CreatedBy"/> (users: "is me", "is any of"), <see cref="Due"/>, <see cref="CompletedAt"/> and
/// <see cref="CreatedAt"/> (date-times: before, after, between, in the last / next N days, in the viewer's zone), and
/// <see cref="AssociatedRecord"/> (text, multi-valued: the <see cref="RecordReference.Key"/> of each associated record,
/// e.g. <c>companies/42</c>; "is any of" matches a task associated with any of them).</para>
/// <para>Type, priority and status are compared as text through a conditional expression over the member
/// (<c>t.Type == TaskType.Call ? "call" : …</c>), which LINQ providers translate into a <c>CASE</c>.</para>
/// <threadsafety>Immutable; thread-safe.</threadsafety>
/// </remarks>
public static class TaskFilterTarget
{
    /// <summary>The title (<see cref="TaskState.Title"/>).</summary>
    public const string Title = "title";

    /// <summary>The task type (<see cref="TaskState.Type"/>, as text).</summary>
    public const string Type = "type";

    /// <summary>The priority (<see cref="TaskState.Priority"/>, as text).</summary>
    public const string Priority = "priority";

    /// <summary>Open or completed (<see cref="TaskState.CompletedAt"/> unset or set).</summary>
    public const string Status = "status";

    /// <summary>The assignee (<see cref="TaskState.AssigneeId"/>).</summary>
    public const string Assignee = "assignee";

    /// <summary>The due instant (<see cref="TaskState.DueAt"/>).</summary>
    public const string Due = "due";

    /// <summary>The completion instant (<see cref="TaskState.CompletedAt"/>).</summary>
    public const string CompletedAt = "completed_at";

    /// <summary>The creation instant (<see cref="TaskState.CreatedAt"/>).</summary>
    public const string CreatedAt = "created_at";

    /// <summary>The creator (<see cref="TaskState.CreatedBy"/>).</summary>
    public const string CreatedBy = "created_by";

    /// <summary>The associated records (<see cref="TaskState.Associations"/>, each as its <see cref="RecordReference.Key"/>).</summary>
    public const string AssociatedRecord = "associated_record";

    /// <summary>The <see cref="Status"/> of an open task.</summary>
    public const string Open = "open";

    /// <summary>The <see cref="Status"/> of a completed task.</summary>
    public const string Completed = "completed";

    /// <summary>Gets the target of tasks.</summary>
    public static FilterTarget<TaskState> Default { get; } = FilterTarget.Create((TaskState t) => t.Id)
        .Member(Title, CrmPropertyType.Text, t => t.Title)
        .Member(Type, CrmPropertyType.Text, AsText<TaskType>(t => t.Type, TypeValue))
        .Member(Priority, CrmPropertyType.Text, AsText<TaskPriority>(t => t.Priority, PriorityValue))
        .Member(Status, CrmPropertyType.Text, t => t.CompletedAt == null ? Open : Completed)
        .Member(Assignee, CrmPropertyType.User, t => t.AssigneeId)
        .Member(Due, CrmPropertyType.DateTime, t => t.DueAt)
        .Member(CompletedAt, CrmPropertyType.DateTime, t => t.CompletedAt)
        .Member(CreatedAt, CrmPropertyType.DateTime, t => t.CreatedAt)
        .Member(CreatedBy, CrmPropertyType.User, t => t.CreatedBy)
        .Collection(AssociatedRecord, CrmPropertyType.Text, t => t.Associations, a => a.Key)
        .Build();

    /// <summary>Returns the text a filter compares a task type with.</summary>
    /// <param name="type">The type.</param>
    /// <returns><c>todo</c>, <c>call</c>, <c>email</c> or <c>meeting</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="type"/> is not a defined value.</exception>
    public static string TypeValue(TaskType type) => type switch
    {
        TaskType.ToDo => "todo",
        TaskType.Call => "call",
        TaskType.Email => "email",
        TaskType.Meeting => "meeting",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown task type."),
    };

    /// <summary>Returns the text a filter compares a priority with.</summary>
    /// <param name="priority">The priority.</param>
    /// <returns><c>none</c>, <c>low</c>, <c>medium</c> or <c>high</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="priority"/> is not a defined value.</exception>
    public static string PriorityValue(TaskPriority priority) => priority switch
    {
        TaskPriority.None => "none",
        TaskPriority.Low => "low",
        TaskPriority.Medium => "medium",
        TaskPriority.High => "high",
        _ => throw new ArgumentOutOfRangeException(nameof(priority), priority, "Unknown task priority."),
    };

    /// <summary>Builds <c>t =&gt; member == v1 ? text(v1) : member == v2 ? text(v2) : … : text(vLast)</c>, comparing the
    /// enum as its underlying number, as the C# compiler does.</summary>
    private static Expression<Func<TaskState, string>> AsText<TEnum>(Expression<Func<TaskState, TEnum>> member, Func<TEnum, string> text)
        where TEnum : struct, Enum
    {
        var values = Enum.GetValues<TEnum>();
        var number = Expression.Convert(member.Body, typeof(int));
        Expression body = Expression.Constant(text(values[^1]));
        for (var i = values.Length - 2; i >= 0; i--)
        {
            var value = values[i];
            body = Expression.Condition(
                Expression.Equal(number, Expression.Constant(Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture))),
                Expression.Constant(text(value)),
                body);
        }

        return Expression.Lambda<Func<TaskState, string>>(body, member.Parameters);
    }
}
