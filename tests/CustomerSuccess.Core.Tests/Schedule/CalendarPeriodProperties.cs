using System.Linq;
using CustomerSuccess.Core.Schedule;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace CustomerSuccess.Core.Tests.Schedule;

/// <summary>
/// Calendar periods reached by navigation tile time (rule 60): in any zone (the five of the task properties, and zones
/// whose midnight is skipped or whose offset moves by 30 minutes), from any date, in any mode and with any first day of
/// the week, consecutive periods meet exactly, going back undoes going forward, every instant of the walk lies in
/// exactly one period, and the days of a period tile it.
/// </summary>
public sealed class CalendarPeriodProperties
{
    private static readonly string[] Zones =
    [
        "UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Pacific/Chatham",
        "America/Havana", "America/Santiago", "Asia/Beirut", "Australia/Lord_Howe",
    ];

    private static Arbitrary<Walk> Walks() => Arb.From(
        from zone in Gen.Elements(Zones)
        from days in Gen.Choose(0, 365 * 30)
        from mode in Gen.Elements(CalendarMode.Day, CalendarMode.Week, CalendarMode.Month)
        from weekStart in Gen.Choose(1, 7)
        from hide in Gen.Elements(false, true)
        from steps in Gen.Choose(1, 40)
        from probe in Gen.Choose(0, int.MaxValue - 1)
        select new Walk(zone, new LocalDate(2000, 1, 1).PlusDays(days), mode, (IsoDayOfWeek)weekStart, hide, steps, probe));

    [Property(MaxTest = 500)]
    [Trait("Rule", "60")]
    public Property PeriodsReachedByNavigation_TileTime_WithNoGapAndNoOverlap_AcrossDaylightSavingChanges() =>
        Prop.ForAll(Walks(), walk =>
        {
            var zone = DateTimeZoneProviders.Tzdb[walk.ZoneId];
            var first = CalendarPeriod.Containing(walk.Start, walk.Mode, zone, walk.WeekStart, walk.HideWeekends);
            var periods = new[] { first }.ToList();
            for (var i = 0; i < walk.Steps; i++)
            {
                periods.Add(periods[^1].Next());
            }

            for (var i = 0; i + 1 < periods.Count; i++)
            {
                Assert.Equal(periods[i].Range.End, periods[i + 1].Range.Start);
                Assert.Equal(periods[i].LastDay.PlusDays(1), periods[i + 1].FirstDay);
                Assert.Equal(periods[i], periods[i + 1].Previous());
            }

            foreach (var period in periods)
            {
                Assert.True(period.Range.Start < period.Range.End);
                Assert.Equal(period, CalendarPeriod.Containing(period.LastDay, walk.Mode, zone, walk.WeekStart, walk.HideWeekends));
                var all = Enumerable.Range(0, Period.Between(period.FirstDay, period.LastDay, PeriodUnits.Days).Days + 1).Select(period.FirstDay.PlusDays).ToList();
                Assert.Equal(period.Range.Start, period.DayRange(all[0]).Start);
                Assert.Equal(period.Range.End, period.DayRange(all[^1]).End);
                for (var d = 0; d + 1 < all.Count; d++)
                {
                    Assert.Equal(period.DayRange(all[d]).End, period.DayRange(all[d + 1]).Start);
                }

                Assert.All(all, d => Assert.InRange(period.DayRange(d).Duration.TotalHours, 22, 26));
                Assert.Equal(all.Where(period.IsShown), period.Days);
                Assert.True(walk.Mode == CalendarMode.Day || !walk.HideWeekends
                    ? period.Days.Count == all.Count
                    : period.Days.All(d => !CalendarPeriod.IsWeekend(d.DayOfWeek)));
            }

            // Every instant of the walk lies in exactly one period, and "today" finds that period.
            var span = periods[^1].Range.End - periods[0].Range.Start;
            var instant = periods[0].Range.Start + Duration.FromTicks((long)(span.TotalTicks * (walk.Probe / (double)int.MaxValue)));
            var containing = periods.Where(p => p.Range.Contains(instant)).ToList();
            var single = Assert.Single(containing);
            Assert.Equal(single, first.Today(instant));
            return true;
        });

    internal sealed record Walk(string ZoneId, LocalDate Start, CalendarMode Mode, IsoDayOfWeek WeekStart, bool HideWeekends, int Steps, int Probe);
}
