using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;

namespace CustomerSuccess.Core.Schedule;

/// <summary>What the schedule asks for (rules 60, 61): a calendar period and the kinds of items the "Key" shows.</summary>
/// <param name="Period">The day, week or month, in the chosen zone.</param>
/// <remarks><threadsafety>Immutable; thread-safe.</threadsafety></remarks>
public sealed record ScheduleRequest(CalendarPeriod Period)
{
    /// <summary>Gets the period.</summary>
    /// <exception cref="ArgumentNullException">The period is <see langword="null"/>.</exception>
    public CalendarPeriod Period { get; init; } = Period ?? throw new ArgumentNullException(nameof(Period));

    /// <summary>Gets the kinds of items shown.</summary>
    /// <value>Default <see cref="ScheduleKinds.All"/>.</value>
    public ScheduleKinds Kinds { get; init; } = ScheduleKinds.All;
}

/// <summary>One page of the schedule (rules 38, 60, 61): a calendar period and the user's meetings and tasks on the days
/// it shows, of the kinds asked for, by start.</summary>
/// <param name="Period">The period.</param>
/// <param name="Items">The items, by start, meetings before tasks at the same instant, then by id.</param>
/// <remarks><threadsafety>Immutable; thread-safe.</threadsafety></remarks>
public sealed record SchedulePage(CalendarPeriod Period, IReadOnlyList<ScheduleItem> Items)
{
    /// <summary>Returns the items of one day of the period: those that take place within it (a meeting over midnight
    /// appears on both days).</summary>
    /// <param name="date">A day of the period.</param>
    /// <returns>The items, in order.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is not a day of the period.</exception>
    public IReadOnlyList<ScheduleItem> On(LocalDate date)
    {
        var day = Period.DayRange(date);
        return [.. Items.Where(i => i.Overlaps(day))];
    }
}
