using System;
using NodaTime;

namespace CustomerSuccess.Core.Tasks;

/// <summary>One task card of the Summary tab (rule 34): how many open tasks are in a default view, and the
/// specification that its "view all" opens: the same view, for the same viewer, zone and instant (ambiguity B8: each
/// card opens its own filter).</summary>
/// <param name="View">The default view.</param>
/// <param name="Count">How many of the viewer's open tasks it holds.</param>
/// <param name="ViewAll">What "view all / show more" lists: the specification the count was taken with.</param>
public sealed record TaskProgressCard(DefaultTaskView View, int Count, DefaultTaskViewSpec ViewAll);

/// <summary>Task progress on the Summary tab (rules 33, 34): the viewer's open tasks due today ("tasks left for the
/// day"), overdue and due tomorrow, each with the specification its "view all" opens.</summary>
/// <param name="Today">The viewer's date the counts were taken on.</param>
/// <param name="DueToday">Open tasks due today.</param>
/// <param name="Overdue">Open tasks due before today.</param>
/// <param name="DueTomorrow">Open tasks due tomorrow.</param>
public sealed record TaskProgress(LocalDate Today, TaskProgressCard DueToday, TaskProgressCard Overdue, TaskProgressCard DueTomorrow)
{
    /// <summary>Returns the card the "Due today" selector of rule 33 shows: the tasks left for the day
    /// (<see cref="DefaultTaskView.DueToday"/>) or the overdue tasks (<see cref="DefaultTaskView.Overdue"/>); also
    /// <see cref="DefaultTaskView.DueTomorrow"/>.</summary>
    /// <param name="view">The selected view.</param>
    /// <returns>Its card.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="view"/> is not one of the three card views.</exception>
    public TaskProgressCard Select(DefaultTaskView view) => view switch
    {
        DefaultTaskView.DueToday => DueToday,
        DefaultTaskView.Overdue => Overdue,
        DefaultTaskView.DueTomorrow => DueTomorrow,
        _ => throw new ArgumentOutOfRangeException(nameof(view), view, "Task progress has cards for due today, overdue and due tomorrow only."),
    };
}
