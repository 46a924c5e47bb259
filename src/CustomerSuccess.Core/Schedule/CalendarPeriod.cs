using System;
using System.Collections.Generic;
using NodaTime;

namespace CustomerSuccess.Core.Schedule;

/// <summary>
/// One page of the schedule's calendar (rule 60): a day, a week or a month of a chosen time zone, with the first day of
/// the week and "hide weekends" as chosen, and navigation to the previous, the next and today's period.
/// </summary>
/// <remarks>
/// <para><see cref="Range"/> is half-open, <c>[start of the first day, start of the day after the last)</c>, from
/// <see cref="CalendarRange"/>: the periods reached by <see cref="Next"/> and <see cref="Previous"/> tile time with no
/// gap and no overlap, and a day lasts 23 or 25 hours around a daylight-saving change (or whatever the zone's rules
/// say: the day starts at its first valid instant when midnight is skipped).</para>
/// <para>"Hide weekends" applies to week and month periods only (reading R60: Saturday and Sunday are the weekend,
/// <see cref="IsWeekend"/>; a day period always shows its day). It hides days from <see cref="Days"/>, the days the
/// calendar shows; <see cref="Range"/> still covers the whole week or month, so navigation is unchanged.</para>
/// <para>Equality compares the mode, the days, the zone, the first day of the week and the weekend setting.</para>
/// <threadsafety>Immutable; thread-safe.</threadsafety>
/// </remarks>
public sealed record CalendarPeriod
{
    private CalendarPeriod(CalendarMode mode, LocalDate firstDay, DateTimeZone zone, IsoDayOfWeek weekStart, bool hideWeekends)
    {
        Mode = mode;
        FirstDay = firstDay;
        LastDay = mode switch
        {
            CalendarMode.Day => firstDay,
            CalendarMode.Week => firstDay.PlusDays(6),
            _ => firstDay.PlusMonths(1).PlusDays(-1),
        };
        Zone = zone;
        WeekStart = weekStart;
        HideWeekends = hideWeekends;
    }

    /// <summary>Gets the mode: day, week or month.</summary>
    public CalendarMode Mode { get; }

    /// <summary>Gets the first day of the period.</summary>
    public LocalDate FirstDay { get; }

    /// <summary>Gets the last day of the period (included).</summary>
    public LocalDate LastDay { get; }

    /// <summary>Gets the zone the days are days of.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>Gets the first day of a week.</summary>
    /// <value>Monday unless chosen otherwise.</value>
    public IsoDayOfWeek WeekStart { get; }

    /// <summary>Gets a value indicating whether weekends are hidden (in week and month periods).</summary>
    public bool HideWeekends { get; }

    /// <summary>Gets the period as a half-open interval of instants.</summary>
    public Interval Range => CalendarRange.Days(FirstDay, LastDay, Zone);

    /// <summary>Gets the days the calendar shows, in order: every day of the period, without Saturdays and Sundays when
    /// weekends are hidden in a week or month period.</summary>
    public IReadOnlyList<LocalDate> Days
    {
        get
        {
            var days = new List<LocalDate>(Period.Between(FirstDay, LastDay, PeriodUnits.Days).Days + 1);
            for (var day = FirstDay; day <= LastDay; day = day.PlusDays(1))
            {
                if (IsShown(day))
                {
                    days.Add(day);
                }
            }

            return days;
        }
    }

    /// <summary>Returns the period of a mode that contains a date.</summary>
    /// <param name="date">Any date of the period (ISO calendar).</param>
    /// <param name="mode">Day, week or month.</param>
    /// <param name="zone">The zone.</param>
    /// <param name="weekStart">The first day of a week (Monday by default; Sunday in the United States).</param>
    /// <param name="hideWeekends">Whether week and month periods hide Saturdays and Sundays.</param>
    /// <returns>The period.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mode"/> or <paramref name="weekStart"/> is not a
    /// defined value, or <paramref name="date"/> is not an ISO date.</exception>
    public static CalendarPeriod Containing(LocalDate date, CalendarMode mode, DateTimeZone zone, IsoDayOfWeek weekStart = IsoDayOfWeek.Monday, bool hideWeekends = false)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (date.Calendar != CalendarSystem.Iso)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, "Dates must use the ISO calendar.");
        }

        if (weekStart is < IsoDayOfWeek.Monday or > IsoDayOfWeek.Sunday)
        {
            throw new ArgumentOutOfRangeException(nameof(weekStart), weekStart, "Expected Monday to Sunday.");
        }

        var first = mode switch
        {
            CalendarMode.Day => date,
            CalendarMode.Week => CalendarRange.StartOfWeek(date, weekStart),
            CalendarMode.Month => new LocalDate(date.Year, date.Month, 1),
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown calendar mode."),
        };

        return new CalendarPeriod(mode, first, zone, weekStart, hideWeekends);
    }

    /// <summary>Returns the period of a mode that contains an instant in a zone ("today", "this week", "this month").</summary>
    /// <param name="now">The instant, e.g. the clock's now.</param>
    /// <param name="mode">Day, week or month.</param>
    /// <param name="zone">The zone.</param>
    /// <param name="weekStart">The first day of a week.</param>
    /// <param name="hideWeekends">Whether week and month periods hide Saturdays and Sundays.</param>
    /// <returns>The period.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mode"/> or <paramref name="weekStart"/> is not a defined value.</exception>
    public static CalendarPeriod Current(Instant now, CalendarMode mode, DateTimeZone zone, IsoDayOfWeek weekStart = IsoDayOfWeek.Monday, bool hideWeekends = false) =>
        Containing(CalendarRange.DateOf(now, zone), mode, zone, weekStart, hideWeekends);

    /// <summary>Determines whether a day of the week is a weekend day: Saturday or Sunday (reading R60).</summary>
    /// <param name="day">The day of the week.</param>
    /// <returns><see langword="true"/> for Saturday and Sunday.</returns>
    public static bool IsWeekend(IsoDayOfWeek day) => day is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday;

    /// <summary>Returns the next period of the same mode and settings.</summary>
    /// <returns>The period that starts where this one ends.</returns>
    public CalendarPeriod Next() => Shift(1);

    /// <summary>Returns the previous period of the same mode and settings.</summary>
    /// <returns>The period that ends where this one starts.</returns>
    public CalendarPeriod Previous() => Shift(-1);

    /// <summary>Returns the period of the same mode and settings that contains <paramref name="now"/> ("today").</summary>
    /// <param name="now">The instant, e.g. the clock's now.</param>
    /// <returns>The period.</returns>
    public CalendarPeriod Today(Instant now) => Current(now, Mode, Zone, WeekStart, HideWeekends);

    /// <summary>Returns the period of another mode that contains this period's first day (switching day / week / month).</summary>
    /// <param name="mode">The new mode.</param>
    /// <returns>The period.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mode"/> is not a defined value.</exception>
    public CalendarPeriod WithMode(CalendarMode mode) => Containing(FirstDay, mode, Zone, WeekStart, HideWeekends);

    /// <summary>Returns the same days in another zone (rule 60: the time zone is selectable).</summary>
    /// <param name="zone">The new zone.</param>
    /// <returns>The period.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is <see langword="null"/>.</exception>
    public CalendarPeriod InZone(DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return new CalendarPeriod(Mode, FirstDay, zone, WeekStart, HideWeekends);
    }

    /// <summary>Returns one day of the period as a half-open interval of instants.</summary>
    /// <param name="date">A day of the period.</param>
    /// <returns><c>[start of the day, start of the next day)</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is not a day of the period.</exception>
    public Interval DayRange(LocalDate date)
    {
        if (date < FirstDay || date > LastDay)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, $"The day is outside the period {FirstDay} to {LastDay}.");
        }

        return CalendarRange.Day(date, Zone);
    }

    /// <summary>Determines whether the calendar shows a day: a day of the period, not a hidden weekend day.</summary>
    /// <param name="date">The day.</param>
    /// <returns><see langword="true"/> if it is shown.</returns>
    public bool IsShown(LocalDate date) =>
        date >= FirstDay && date <= LastDay && !(HideWeekends && Mode != CalendarMode.Day && IsWeekend(date.DayOfWeek));

    private CalendarPeriod Shift(int count) => new(
        Mode,
        Mode switch
        {
            CalendarMode.Day => FirstDay.PlusDays(count),
            CalendarMode.Week => FirstDay.PlusWeeks(count),
            _ => FirstDay.PlusMonths(count),
        },
        Zone,
        WeekStart,
        HideWeekends);
}
