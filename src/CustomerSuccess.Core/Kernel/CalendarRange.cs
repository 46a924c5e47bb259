using System;
using NodaTime;

namespace CustomerSuccess.Core;

/// <summary>
/// Local calendar periods (a day, several days, a week, a month) of a time zone as half-open intervals of instants:
/// what "today", "due tomorrow", "in the last 30 days", "this week" and "expires after 14 days" mean for someone in
/// that zone.
/// </summary>
/// <remarks>
/// <para>Every interval is half-open, <c>[start, end)</c>, and starts at the first instant of its first local day
/// (<see cref="DateTimeZone.AtStartOfDay(LocalDate)"/>, which also handles zones whose midnight is skipped by a
/// daylight-saving change). So consecutive periods tile time with no gap and no overlap, and a local day lasts 23 or
/// 25 hours around a daylight-saving change. Compute these bounds outside a specification and pass the instants in;
/// never read a clock or convert zones inside a query expression.</para>
/// <threadsafety>Stateless; thread-safe.</threadsafety>
/// </remarks>
public static class CalendarRange
{
    /// <summary>Returns the local date of <paramref name="instant"/> in <paramref name="zone"/> ("today" for that person).</summary>
    /// <param name="instant">The instant, e.g. the clock's now.</param>
    /// <param name="zone">The person's zone.</param>
    /// <returns>The local date.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is <see langword="null"/>.</exception>
    public static LocalDate DateOf(Instant instant, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return instant.InZone(zone).Date;
    }

    /// <summary>Returns the first instant of a local day in a zone.</summary>
    /// <param name="date">The local date.</param>
    /// <param name="zone">The zone.</param>
    /// <returns>The start of the day.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is <see langword="null"/>.</exception>
    public static Instant StartOf(LocalDate date, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return zone.AtStartOfDay(date).ToInstant();
    }

    /// <summary>Returns one local day: <c>[start of date, start of the next date)</c>.</summary>
    /// <param name="date">The local date.</param>
    /// <param name="zone">The zone.</param>
    /// <returns>The day as a half-open interval.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is <see langword="null"/>.</exception>
    public static Interval Day(LocalDate date, DateTimeZone zone) => Days(date, date, zone);

    /// <summary>Returns the local days from <paramref name="first"/> through <paramref name="last"/>, both included:
    /// <c>[start of first, start of the day after last)</c>.</summary>
    /// <param name="first">The first day.</param>
    /// <param name="last">The last day (included); not before <paramref name="first"/>.</param>
    /// <param name="zone">The zone.</param>
    /// <returns>The days as a half-open interval.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="last"/> is before <paramref name="first"/>, or
    /// the dates use another calendar than ISO.</exception>
    public static Interval Days(LocalDate first, LocalDate last, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (first.Calendar != CalendarSystem.Iso || last.Calendar != CalendarSystem.Iso)
        {
            throw new ArgumentOutOfRangeException(nameof(first), "Dates must use the ISO calendar.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(last, first);
        return new Interval(StartOf(first, zone), StartOf(last.PlusDays(1), zone));
    }

    /// <summary>Returns the local week that contains <paramref name="date"/>, starting on <paramref name="firstDay"/>.</summary>
    /// <param name="date">Any day of the week.</param>
    /// <param name="firstDay">The first day of a week (Monday in ISO 8601; Sunday in the United States).</param>
    /// <param name="zone">The zone.</param>
    /// <returns>The seven days as a half-open interval.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="firstDay"/> is not a day of the week.</exception>
    public static Interval Week(LocalDate date, IsoDayOfWeek firstDay, DateTimeZone zone)
    {
        var start = StartOfWeek(date, firstDay);
        return Days(start, start.PlusDays(6), zone);
    }

    /// <summary>Returns the first day of the week that contains <paramref name="date"/>.</summary>
    /// <param name="date">Any day of the week.</param>
    /// <param name="firstDay">The first day of a week.</param>
    /// <returns>The week's first day (on or before <paramref name="date"/>).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="firstDay"/> is not a day of the week.</exception>
    public static LocalDate StartOfWeek(LocalDate date, IsoDayOfWeek firstDay)
    {
        if (firstDay is < IsoDayOfWeek.Monday or > IsoDayOfWeek.Sunday)
        {
            throw new ArgumentOutOfRangeException(nameof(firstDay), firstDay, "Expected Monday to Sunday.");
        }

        var back = ((int)date.DayOfWeek - (int)firstDay + 7) % 7;
        return date.PlusDays(-back);
    }

    /// <summary>Returns a local month.</summary>
    /// <param name="month">The month.</param>
    /// <param name="zone">The zone.</param>
    /// <returns>Its days as a half-open interval.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is <see langword="null"/>.</exception>
    public static Interval Month(YearMonth month, DateTimeZone zone) => Days(month.OnDayOfMonth(1), month.OnDayOfMonth(1).PlusMonths(1).PlusDays(-1), zone);

    /// <summary>Returns the last <paramref name="days"/> local days before today and today itself ("in the last N days",
    /// today included).</summary>
    /// <param name="now">The current instant.</param>
    /// <param name="days">How many days before today; zero means today only.</param>
    /// <param name="zone">The person's zone.</param>
    /// <returns><c>[start of today − days, start of tomorrow)</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is negative.</exception>
    public static Interval LastDays(Instant now, int days, DateTimeZone zone)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var today = DateOf(now, zone);
        return Days(today.PlusDays(-days), today, zone);
    }

    /// <summary>Returns today and the next <paramref name="days"/> local days ("in the next N days", today included).</summary>
    /// <param name="now">The current instant.</param>
    /// <param name="days">How many days after today; zero means today only.</param>
    /// <param name="zone">The person's zone.</param>
    /// <returns><c>[start of today, start of today + days + 1)</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is negative.</exception>
    public static Interval NextDays(Instant now, int days, DateTimeZone zone)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var today = DateOf(now, zone);
        return Days(today, today.PlusDays(days), zone);
    }
}
