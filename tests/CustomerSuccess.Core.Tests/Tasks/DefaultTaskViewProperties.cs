using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Core.Specification;
using CustomerSuccess.Core.Tasks;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using static CustomerSuccess.Core.Tests.Tasks.TaskTestData;

namespace CustomerSuccess.Core.Tests.Tasks;

/// <summary>
/// The default task views against an oracle that compares calendar dates in the viewer's zone instead of instant
/// bounds, across UTC, Berlin, New York, Kolkata and Chatham, with "now" and due instants on, and one millisecond around,
/// local midnights and daylight-saving changes.
/// </summary>
public sealed class DefaultTaskViewProperties
{

    private static readonly Instant From = Instant.FromUtc(2024, 1, 1, 0, 0);
    private static readonly Instant To = Instant.FromUtc(2027, 1, 1, 0, 0);

    /// <summary>An instant: uniform in 2024–2026, or near one of the zone's offset changes, or near a local midnight.</summary>
    private static Gen<Instant> Near(DateTimeZone zone, Instant around) =>
        Gen.OneOf(
            from minutes in Gen.Choose(-5 * 24 * 60, 5 * 24 * 60)
            select around + Duration.FromMinutes(minutes),
            from days in Gen.Choose(-3, 4)
            from delta in Gen.Elements(-1L, 0L, 1L, 30 * 60_000L)
            select CalendarRange.StartOf(CalendarRange.DateOf(around, zone).PlusDays(days), zone) + Duration.FromMilliseconds(delta));

    private static Arbitrary<Case> Cases() => Arb.From(
        from zoneId in Gen.Elements(ZoneIds)
        let zone = DateTimeZoneProviders.Tzdb[zoneId]
        let changes = zone.GetZoneIntervals(From, To).Select(i => i.HasStart ? i.Start : From).ToArray()
        from anchor in Gen.OneOf(
            Gen.Choose(0, (int)(To - From).TotalMinutes).Select(m => From + Duration.FromMinutes(m)),
            Gen.Elements(changes))
        from asOf in Near(zone, anchor)
        from count in Gen.Choose(0, 25)
        from dues in Gen.ListOf(Near(zone, asOf), count)
        from completed in Gen.ListOf(Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true))), count)
        select new Case(zoneId, asOf, [.. dues.Zip(completed, (due, done) => new TaskState
        {
            PortalId = Portal,
            Id = TaskId.From(1),
            Title = "t",
            DueAt = due,
            CompletedAt = done ? due : null,
            CreatedBy = Csm1.UserId,
        }).Select((t, i) => t with { Id = TaskId.From(i + 1) })]));

    [Property(MaxTest = 500)]
    [Trait("Rule", "33")]
    [Trait("Rule", "34")]
    [Trait("Rule", "55")]
    public Property EveryOpenTask_IsInExactlyOneOf_OverdueDueTodayDueTomorrowLater() =>
        Prop.ForAll(Cases(), c =>
        {
            var zone = DateTimeZoneProviders.Tzdb[c.ZoneId];
            var today = c.AsOf.InZone(zone).Date;
            var overdue = new DefaultTaskViewSpec(DefaultTaskView.Overdue, c.AsOf, zone);
            var dueToday = new DefaultTaskViewSpec(DefaultTaskView.DueToday, c.AsOf, zone);
            var dueTomorrow = new DefaultTaskViewSpec(DefaultTaskView.DueTomorrow, c.AsOf, zone);
            var allOpen = new DefaultTaskViewSpec(DefaultTaskView.AllOpen, c.AsOf, zone);
            var allCompleted = new DefaultTaskViewSpec(DefaultTaskView.AllCompleted, c.AsOf, zone);
            var laterStart = CalendarRange.StartOf(today.PlusDays(2), zone);
            foreach (var task in c.Tasks)
            {
                // The oracle compares the due instant's calendar date in the viewer's zone with today.
                var dueDate = task.DueAt.InZone(zone).Date;
                var expected = task.IsCompleted ? "none"
                    : dueDate < today ? "overdue"
                    : dueDate == today ? "today"
                    : dueDate == today.PlusDays(1) ? "tomorrow"
                    : "later";
                var buckets = new[]
                {
                    (Name: "overdue", In: overdue.IsSatisfiedBy(task)),
                    (Name: "today", In: dueToday.IsSatisfiedBy(task)),
                    (Name: "tomorrow", In: dueTomorrow.IsSatisfiedBy(task)),
                    (Name: "later", In: !task.IsCompleted && task.DueAt >= laterStart),
                }.Where(b => b.In).Select(b => b.Name).ToList();

                Assert.Equal(task.IsCompleted ? [] : [expected], buckets);
                Assert.Equal(!task.IsCompleted, allOpen.IsSatisfiedBy(task));
                Assert.Equal(task.IsCompleted, allCompleted.IsSatisfiedBy(task));
            }

            // Translatable: the same tasks in the same order through IQueryable as in memory (one view per case, in turn,
            // since every IQueryable evaluation compiles its expression tree).
            var spec = new[] { overdue, dueToday, dueTomorrow, allOpen, allCompleted }[c.Tasks.Count % 5];
            Assert.Equal(spec.Evaluate(c.Tasks).Select(t => t.Id), c.Tasks.AsQueryable().WithSpecification(spec).Select(t => t.Id));

            return true;
        });

    internal sealed record Case(string ZoneId, Instant AsOf, IReadOnlyList<TaskState> Tasks)
    {
        public override string ToString() =>
            $"{ZoneId}, now {AsOf} ({AsOf.InZone(DateTimeZoneProviders.Tzdb[ZoneId])}):\n" +
            string.Join("\n", Tasks.Select(t => $"  {t.Id} due {t.DueAt} ({t.DueAt.InZone(DateTimeZoneProviders.Tzdb[ZoneId])}) completed {t.IsCompleted}"));
    }
}
