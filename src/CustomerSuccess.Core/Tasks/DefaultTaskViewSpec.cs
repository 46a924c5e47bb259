using System;
using CustomerSuccess.Core.Specification;
using NodaTime;

namespace CustomerSuccess.Core.Tasks;

/// <summary>
/// The specification of a default task view (rules 33, 34, 55) for a viewer: built from an instant and the viewer's
/// zone, with half-open bounds computed here, outside the expressions, so any LINQ provider translates it.
/// </summary>
/// <remarks>
/// <para>With <c>today</c> the viewer's date at <see cref="AsOf"/> and <c>start(d)</c> the first instant of day
/// <c>d</c> in <see cref="Zone"/> (<see cref="CalendarRange"/>; days of 23 or 25 hours around daylight-saving changes
/// are right):</para>
/// <list type="table">
/// <listheader><term>view</term><description>tasks</description></listheader>
/// <item><term><see cref="DefaultTaskView.Overdue"/></term><description>open, <c>due &lt; start(today)</c></description></item>
/// <item><term><see cref="DefaultTaskView.DueToday"/></term><description>open, <c>start(today) ≤ due &lt; start(today + 1)</c></description></item>
/// <item><term><see cref="DefaultTaskView.DueTomorrow"/></term><description>open, <c>start(today + 1) ≤ due &lt; start(today + 2)</c></description></item>
/// <item><term><see cref="DefaultTaskView.AllOpen"/></term><description>open</description></item>
/// <item><term><see cref="DefaultTaskView.AllCompleted"/></term><description>completed</description></item>
/// </list>
/// <para>So a task due at 23:30 in the viewer's zone is due today even when its UTC date is tomorrow, and overdue,
/// due today, due tomorrow and "later" (<c>due ≥ start(today + 2)</c>) split the open tasks into four parts with no
/// overlap (reading R34: a task due earlier today is still "due today", not overdue, until the day ends). With an
/// <see cref="AssigneeId"/> only that user's tasks match (reading R55: default views and task progress show the viewer's
/// own tasks). Ordered by due instant (completed: by completion, most recent first), then by id.</para>
/// <threadsafety>Do not change a specification while it is being evaluated; otherwise thread-safe.</threadsafety>
/// </remarks>
public sealed class DefaultTaskViewSpec : Specification<TaskState>
{
    /// <summary>Initializes the specification of a default view.</summary>
    /// <param name="view">The view.</param>
    /// <param name="asOf">The instant "now" (from the clock, read once).</param>
    /// <param name="zone">The viewer's zone.</param>
    /// <param name="assigneeId">Only tasks assigned to this user, or <see langword="null"/> for every user's.</param>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="view"/> is not a defined value.</exception>
    /// <exception cref="ArgumentException"><paramref name="assigneeId"/> is <c>default</c>.</exception>
    public DefaultTaskViewSpec(DefaultTaskView view, Instant asOf, DateTimeZone zone, UserId? assigneeId = null)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (!Enum.IsDefined(view))
        {
            throw new ArgumentOutOfRangeException(nameof(view), view, "Unknown default task view.");
        }

        View = view;
        AsOf = asOf;
        Zone = zone;
        AssigneeId = assigneeId;
        Today = CalendarRange.DateOf(asOf, zone);
        DueRange = view switch
        {
            DefaultTaskView.Overdue => new Interval(null, CalendarRange.StartOf(Today, zone)),
            DefaultTaskView.DueToday => CalendarRange.Day(Today, zone),
            DefaultTaskView.DueTomorrow => CalendarRange.Day(Today.PlusDays(1), zone),
            _ => null,
        };

        if (view == DefaultTaskView.AllCompleted)
        {
            Query.Where(t => t.CompletedAt != null);
        }
        else
        {
            Query.Where(t => t.CompletedAt == null);
        }

        TasksDueInSpec.AddBounds(this, DueRange, assigneeId);
        if (view == DefaultTaskView.AllCompleted)
        {
            Query.OrderByDescending(t => t.CompletedAt).ThenBy(t => t.Id);
        }
        else
        {
            Query.OrderBy(t => t.DueAt).ThenBy(t => t.Id);
        }
    }

    /// <summary>Gets the view.</summary>
    public DefaultTaskView View { get; }

    /// <summary>Gets the instant the view was computed for.</summary>
    public Instant AsOf { get; }

    /// <summary>Gets the viewer's zone.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>Gets the assignee the view is limited to, or <see langword="null"/>.</summary>
    public UserId? AssigneeId { get; }

    /// <summary>Gets the viewer's date at <see cref="AsOf"/>.</summary>
    public LocalDate Today { get; }

    /// <summary>Gets the half-open range of due instants the view selects (without a start for
    /// <see cref="DefaultTaskView.Overdue"/>), or <see langword="null"/> for the views that do not look at the due instant.</summary>
    public Interval? DueRange { get; }

    /// <summary>Returns the name a default view is shown with.</summary>
    /// <param name="view">The view.</param>
    /// <returns><c>Due today</c>, <c>Overdue</c>, <c>Due tomorrow</c>, <c>All open</c> or <c>All completed</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="view"/> is not a defined value.</exception>
    public static string NameOf(DefaultTaskView view) => view switch
    {
        DefaultTaskView.DueToday => "Due today",
        DefaultTaskView.Overdue => "Overdue",
        DefaultTaskView.DueTomorrow => "Due tomorrow",
        DefaultTaskView.AllOpen => "All open",
        DefaultTaskView.AllCompleted => "All completed",
        _ => throw new ArgumentOutOfRangeException(nameof(view), view, "Unknown default task view."),
    };
}
