using System;
using System.Linq;
using CustomerSuccess.Core.Schedule;
using NodaTime;

namespace CustomerSuccess.Core.Tests.Schedule;

public sealed class CalendarPeriodTests
{
    private static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];
    private static readonly DateTimeZone Chatham = DateTimeZoneProviders.Tzdb["Pacific/Chatham"];

    [Fact]
    [Trait("Rule", "60")]
    public void DayWeekAndMonth_ContainTheDate_WeeksStartOnMondayUnlessChosenOtherwise()
    {
        var date = new LocalDate(2025, 3, 27);   // a Thursday

        var day = CalendarPeriod.Containing(date, CalendarMode.Day, Berlin);
        var week = CalendarPeriod.Containing(date, CalendarMode.Week, Berlin);
        var sundayWeek = CalendarPeriod.Containing(date, CalendarMode.Week, NewYork, IsoDayOfWeek.Sunday);
        var month = CalendarPeriod.Containing(date, CalendarMode.Month, Berlin);

        Assert.Equal((date, date), (day.FirstDay, day.LastDay));
        Assert.Equal((new LocalDate(2025, 3, 24), new LocalDate(2025, 3, 30)), (week.FirstDay, week.LastDay));
        Assert.Equal(IsoDayOfWeek.Monday, week.WeekStart);
        Assert.Equal((new LocalDate(2025, 3, 23), new LocalDate(2025, 3, 29)), (sundayWeek.FirstDay, sundayWeek.LastDay));
        Assert.Equal((new LocalDate(2025, 3, 1), new LocalDate(2025, 3, 31)), (month.FirstDay, month.LastDay));
        Assert.Equal(31, month.Days.Count);
    }

    [Fact]
    [Trait("Rule", "60")]
    public void PreviousNextAndToday_Navigate_AndPeriodsMeetWithoutGap()
    {
        var now = Instant.FromUtc(2025, 3, 27, 9, 0);
        var week = CalendarPeriod.Current(now, CalendarMode.Week, Berlin);

        var next = week.Next();
        var previous = week.Previous();

        Assert.Equal(new LocalDate(2025, 3, 31), next.FirstDay);
        Assert.Equal(new LocalDate(2025, 3, 17), previous.FirstDay);
        Assert.Equal(week.Range.End, next.Range.Start);
        Assert.Equal(previous.Range.End, week.Range.Start);
        Assert.Equal(week, next.Next().Today(now));
        Assert.Equal(week, next.Previous());
        Assert.Equal(new LocalDate(2025, 2, 1), CalendarPeriod.Containing(new LocalDate(2025, 1, 31), CalendarMode.Month, Berlin).Next().FirstDay);
        Assert.Equal(new LocalDate(2025, 3, 28), CalendarPeriod.Containing(new LocalDate(2025, 3, 27), CalendarMode.Day, Berlin).Next().FirstDay);
        Assert.Equal(CalendarPeriod.Containing(new LocalDate(2025, 3, 24), CalendarMode.Month, Berlin), week.WithMode(CalendarMode.Month));
    }

    [Fact]
    [Trait("Rule", "60")]
    public void DaysAroundDaylightSavingChanges_Last23Or25Hours_InTheChosenZone()
    {
        var spring = CalendarPeriod.Containing(new LocalDate(2025, 3, 30), CalendarMode.Day, Berlin);
        var autumn = CalendarPeriod.Containing(new LocalDate(2025, 11, 2), CalendarMode.Day, NewYork);
        var chathamAutumn = CalendarPeriod.Containing(new LocalDate(2025, 4, 6), CalendarMode.Day, Chatham);
        var springWeek = CalendarPeriod.Containing(new LocalDate(2025, 3, 30), CalendarMode.Week, Berlin);

        Assert.Equal(Duration.FromHours(23), spring.Range.Duration);
        Assert.Equal(Duration.FromHours(25), autumn.Range.Duration);
        Assert.Equal(Duration.FromHours(25), chathamAutumn.Range.Duration);
        Assert.Equal(Duration.FromHours(7 * 24 - 1), springWeek.Range.Duration);
        Assert.Equal(Instant.FromUtc(2025, 3, 29, 23, 0), spring.Range.Start);
        Assert.Equal(spring.Range, springWeek.DayRange(new LocalDate(2025, 3, 30)));
        Assert.Equal(spring.Range.Duration, spring.InZone(DateTimeZone.Utc).Range.Duration + Duration.FromHours(-1));
    }

    [Fact]
    [Trait("Rule", "60")]
    public void HideWeekends_HidesSaturdayAndSundayInWeekAndMonthPeriods_NeverADayPeriod()
    {
        var week = CalendarPeriod.Containing(new LocalDate(2025, 3, 27), CalendarMode.Week, Berlin, hideWeekends: true);
        var sundayWeek = CalendarPeriod.Containing(new LocalDate(2025, 3, 27), CalendarMode.Week, Berlin, IsoDayOfWeek.Sunday, hideWeekends: true);
        var month = CalendarPeriod.Containing(new LocalDate(2025, 3, 27), CalendarMode.Month, Berlin, hideWeekends: true);
        var saturday = CalendarPeriod.Containing(new LocalDate(2025, 3, 29), CalendarMode.Day, Berlin, hideWeekends: true);

        Assert.Equal([24, 25, 26, 27, 28], week.Days.Select(d => d.Day));
        Assert.Equal([24, 25, 26, 27, 28], sundayWeek.Days.Select(d => d.Day));
        Assert.Equal(21, month.Days.Count);
        Assert.DoesNotContain(month.Days, d => CalendarPeriod.IsWeekend(d.DayOfWeek));
        Assert.Equal([new LocalDate(2025, 3, 29)], saturday.Days);
        Assert.Equal(Duration.FromHours(7 * 24 - 1), week.Range.Duration);   // navigation still covers the whole week
        Assert.Equal(week.Range.End, week.Next().Range.Start);
        Assert.False(week.IsShown(new LocalDate(2025, 3, 29)));
        Assert.True(week.IsShown(new LocalDate(2025, 3, 28)));
    }

    [Fact]
    public void ArgumentMistakes_Throw()
    {
        var date = new LocalDate(2025, 3, 27);

        Assert.Throws<ArgumentOutOfRangeException>(() => CalendarPeriod.Containing(date, (CalendarMode)9, Berlin));
        Assert.Throws<ArgumentOutOfRangeException>(() => CalendarPeriod.Containing(date, CalendarMode.Day, Berlin, (IsoDayOfWeek)0));
        Assert.Throws<ArgumentNullException>(() => CalendarPeriod.Containing(date, CalendarMode.Day, null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => CalendarPeriod.Containing(new LocalDate(2025, 3, 27, CalendarSystem.Julian), CalendarMode.Day, Berlin));
        Assert.Throws<ArgumentOutOfRangeException>(() => CalendarPeriod.Containing(date, CalendarMode.Week, Berlin).DayRange(date.PlusDays(30)));
    }
}
