using System.Linq;
using CustomerSuccess.Core.Access;
using CustomerSuccess.Core.Specification;
using CustomerSuccess.Core.Tasks;
using NodaTime;
using static CustomerSuccess.Core.Tests.Tasks.TaskTestData;

namespace CustomerSuccess.Core.Tests.Tasks;

public sealed class DefaultTaskViewTests
{
    private static TaskState Task(long id, Instant due, Instant? completed = null, Actor? assignee = null) => new()
    {
        PortalId = Portal,
        Id = TaskId.From(id),
        Title = $"Task {id}",
        DueAt = due,
        CompletedAt = completed,
        AssigneeId = (assignee ?? Csm1).UserId,
        CreatedBy = Csm1.UserId,
    };

    private static long[] Ids(DefaultTaskView view, Instant asOf, DateTimeZone zone, params TaskState[] tasks) =>
        [.. new DefaultTaskViewSpec(view, asOf, zone).Evaluate(tasks).Select(t => t.Id.Value)];

    [Fact]
    [Trait("Rule", "55")]
    [Trait("Rule", "34")]
    public void DueAt2330Local_IsDueToday_EvenWhenItsUtcDateIsTomorrow()
    {
        // 2025-06-10 12:00 in New York (16:00 UTC); the task is due 23:30 New York = 2025-06-11 03:30 UTC.
        var now = Instant.FromUtc(2025, 6, 10, 16, 0);
        var late = Task(1, Instant.FromUtc(2025, 6, 11, 3, 30));
        var tomorrowMorning = Task(2, Instant.FromUtc(2025, 6, 11, 4, 0));   // 00:00 New York, tomorrow

        Assert.Equal([1L], Ids(DefaultTaskView.DueToday, now, NewYork, late, tomorrowMorning));
        Assert.Equal([2L], Ids(DefaultTaskView.DueTomorrow, now, NewYork, late, tomorrowMorning));
        Assert.Empty(Ids(DefaultTaskView.Overdue, now, NewYork, late, tomorrowMorning));
        // Seen from Kolkata (UTC+05:30) the same instant 03:30 UTC is 09:00 on June 11: due tomorrow there.
        Assert.Equal([1L, 2L], Ids(DefaultTaskView.DueTomorrow, now, Kolkata, late, tomorrowMorning));
    }

    [Fact]
    [Trait("Rule", "33")]
    [Trait("Rule", "55")]
    public void Overdue_IsDueBeforeTheStartOfToday_ATaskDueEarlierTodayIsStillDueToday()
    {
        var now = Instant.FromUtc(2025, 3, 28, 15, 0);                      // 16:00 in Berlin
        var earlierToday = Task(1, Instant.FromUtc(2025, 3, 28, 7, 0));     // 08:00 today: left for the day (R34)
        var yesterday = Task(2, Instant.FromUtc(2025, 3, 27, 22, 59));      // 23:59 yesterday in Berlin
        var completedYesterday = Task(3, Instant.FromUtc(2025, 3, 27, 10, 0), completed: now);

        Assert.Equal([2L], Ids(DefaultTaskView.Overdue, now, Berlin, earlierToday, yesterday, completedYesterday));
        Assert.Equal([1L], Ids(DefaultTaskView.DueToday, now, Berlin, earlierToday, yesterday, completedYesterday));
        Assert.Equal([2L, 1L], Ids(DefaultTaskView.AllOpen, now, Berlin, earlierToday, yesterday, completedYesterday));
        Assert.Equal([3L], Ids(DefaultTaskView.AllCompleted, now, Berlin, earlierToday, yesterday, completedYesterday));
    }

    [Fact]
    [Trait("Rule", "55")]
    public void DaylightSavingDays_Last23And25Hours()
    {
        // Berlin springs forward on 2025-03-30 and falls back on 2025-10-26.
        var spring = new DefaultTaskViewSpec(DefaultTaskView.DueToday, Instant.FromUtc(2025, 3, 30, 10, 0), Berlin);
        var autumn = new DefaultTaskViewSpec(DefaultTaskView.DueTomorrow, Instant.FromUtc(2025, 10, 25, 10, 0), Berlin);
        var chatham = new DefaultTaskViewSpec(DefaultTaskView.DueToday, Instant.FromUtc(2025, 4, 5, 12, 0), Chatham);   // 2025-04-06 local, DST ends

        Assert.Equal(Duration.FromHours(23), spring.DueRange!.Value.Duration);
        Assert.Equal(Duration.FromHours(25), autumn.DueRange!.Value.Duration);
        Assert.Equal(Duration.FromHours(25), chatham.DueRange!.Value.Duration);
        Assert.Equal(new LocalDate(2025, 4, 6), chatham.Today);
        Assert.Equal(Instant.FromUtc(2025, 3, 29, 23, 0), spring.DueRange.Value.Start);
    }

    [Fact]
    [Trait("Rule", "55")]
    public void Views_AreOrderedByDueThenId_CompletedByMostRecentCompletion_AndLimitedToTheAssignee()
    {
        var now = Instant.FromUtc(2025, 3, 28, 9, 0);
        var a = Task(5, now, completed: now - Duration.FromDays(2));
        var b = Task(4, now, completed: now - Duration.FromDays(1));
        var c = Task(3, now + Duration.FromHours(1));
        var d = Task(2, now + Duration.FromHours(1), assignee: Csm2);
        var e = Task(1, now + Duration.FromHours(2));

        Assert.Equal([4L, 5L], Ids(DefaultTaskView.AllCompleted, now, Berlin, a, b, c, d, e));
        Assert.Equal([2L, 3L, 1L], Ids(DefaultTaskView.DueToday, now, Berlin, a, b, c, d, e));
        Assert.Equal([3L, 1L], new DefaultTaskViewSpec(DefaultTaskView.DueToday, now, Berlin, Csm1.UserId).Evaluate([a, b, c, d, e]).Select(t => t.Id.Value));
        Assert.Equal(
            new DefaultTaskViewSpec(DefaultTaskView.DueToday, now, Berlin, Csm1.UserId).Evaluate([a, b, c, d, e]),
            new[] { a, b, c, d, e }.AsQueryable().WithSpecification(new DefaultTaskViewSpec(DefaultTaskView.DueToday, now, Berlin, Csm1.UserId)));
    }

    [Fact]
    [Trait("Rule", "55")]
    public void DefaultViews_HaveTheirNames_AndCheckTheirArguments()
    {
        Assert.Equal(
            ["Due today", "Overdue", "Due tomorrow", "All open", "All completed"],
            System.Enum.GetValues<DefaultTaskView>().Select(DefaultTaskViewSpec.NameOf));
        Assert.Throws<System.ArgumentOutOfRangeException>(() => new DefaultTaskViewSpec((DefaultTaskView)9, Now, Berlin));
        Assert.Throws<System.ArgumentNullException>(() => new DefaultTaskViewSpec(DefaultTaskView.DueToday, Now, null!));
        Assert.Throws<System.ArgumentException>(() => new DefaultTaskViewSpec(DefaultTaskView.DueToday, Now, Berlin, default(UserId)));
    }
}
