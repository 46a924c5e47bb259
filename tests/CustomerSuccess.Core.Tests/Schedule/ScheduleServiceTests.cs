using System.Linq;
using System.Threading.Tasks;
using CustomerSuccess.Core.Access;
using CustomerSuccess.Core.Crm;
using CustomerSuccess.Core.Records;
using CustomerSuccess.Core.Schedule;
using CustomerSuccess.Core.Stores.InMemory;
using CustomerSuccess.Core.Tasks;
using CustomerSuccess.Core.Tests.Tasks;
using NodaTime;
using static CustomerSuccess.Core.Tests.Tasks.TaskTestData;

namespace CustomerSuccess.Core.Tests.Schedule;

public sealed class ScheduleServiceTests
{
    private readonly TaskHarness _h = new();
    private readonly InMemoryMeetingQuery _meetings = new();

    private ScheduleService Service => new(_h.Tasks, _meetings, new InMemoryPlaybookUsageQuery(), _h.Context);

    private Meeting AddMeeting(long id, Instant start, Duration length, Actor organizer, params long[] contacts)
    {
        var meeting = new Meeting
        {
            PortalId = Portal,
            Id = MeetingId.From(id),
            Title = $"Meeting {id}",
            Description = "Agenda",
            Start = start,
            End = start + length,
            OrganizerId = organizer.UserId,
            AttendeeIds = [Manager.UserId],
            ContactIds = [.. contacts.Select(RecordId.From)],
        };
        _meetings.Upsert(meeting);
        return meeting;
    }

    [Fact]
    [Trait("Rule", "38")]
    public async Task GetTodayAsync_TheSummaryCard_ListsTodaysMeetingsAndTasksInTheViewersZone()
    {
        // Friday 2025-03-28, 10:00 in Berlin.
        var morning = AddMeeting(1, Instant.FromUtc(2025, 3, 28, 8, 0), Duration.FromHours(1), Csm1, 7);
        AddMeeting(2, Instant.FromUtc(2025, 3, 29, 8, 0), Duration.FromHours(1), Csm1, 8);           // tomorrow
        AddMeeting(3, Instant.FromUtc(2025, 3, 28, 9, 0), Duration.FromHours(1), Csm2);              // not Csm1's
        var call = await _h.CreateAsync(Csm1, Details("Call", due: Instant.FromUtc(2025, 3, 28, 22, 30), assignee: Csm1));   // 23:30 Berlin
        await _h.CreateAsync(Csm1, Details("Someone else's", due: Instant.FromUtc(2025, 3, 28, 12, 0), assignee: Csm2));

        var today = await Service.GetTodayAsync(Csm1, Account, Berlin);
        var seatless = await Service.GetTodayAsync(SeatlessSuperAdmin, Account, Berlin);

        Assert.True(today.IsSuccess, today.ToString());
        Assert.Equal(CalendarMode.Day, today.Value.Period.Mode);
        Assert.Equal(new LocalDate(2025, 3, 28), today.Value.Period.FirstDay);
        Assert.Equal([morning.Title, call.Title], today.Value.Items.Select(i => i.Title));
        Assert.True(seatless.IsSuccess);   // the Summary tab is open to a seatless super admin (rule 3)
    }

    [Fact]
    [Trait("Rule", "60")]
    [Trait("Rule", "61")]
    public async Task GetScheduleAsync_AWeekWithHiddenWeekends_ShowsTheKindsAskedForOnTheDaysShown()
    {
        AddMeeting(1, Instant.FromUtc(2025, 3, 26, 9, 0), Duration.FromHours(1), Csm1);
        AddMeeting(2, Instant.FromUtc(2025, 3, 29, 9, 0), Duration.FromHours(1), Csm1);              // Saturday
        var call = await _h.CreateAsync(Csm1, Details("Call", due: Instant.FromUtc(2025, 3, 27, 9, 0), assignee: Csm1));
        var email = await _h.CreateAsync(Csm1, Details("Email", type: TaskType.Email, due: Instant.FromUtc(2025, 3, 27, 10, 0), assignee: Csm1));
        await _h.CreateAsync(Csm1, Details("Sunday call", due: Instant.FromUtc(2025, 3, 30, 9, 0), assignee: Csm1));
        await _h.Service.CompleteTaskAsync(Csm1, Account, email.Id);
        var week = CalendarPeriod.Containing(new LocalDate(2025, 3, 27), CalendarMode.Week, Berlin, hideWeekends: true);

        var everything = await Service.GetScheduleAsync(Csm1, Account, new ScheduleRequest(week));
        var callsOnly = await Service.GetScheduleAsync(Csm1, Account, new ScheduleRequest(week) { Kinds = ScheduleKinds.CallTasks });
        var withWeekend = await Service.GetScheduleAsync(Csm1, Account, new ScheduleRequest(CalendarPeriod.Containing(new LocalDate(2025, 3, 27), CalendarMode.Week, Berlin)) { Kinds = ScheduleKinds.Meetings });

        Assert.Equal(["Meeting 1", "Call", "Email"], everything.Value.Items.Select(i => i.Title));
        Assert.Equal([call.Id], callsOnly.Value.Items.Select(i => i.Task!.Id));
        Assert.Equal(["Meeting 1", "Meeting 2"], withWeekend.Value.Items.Select(i => i.Title));
        Assert.Equal(["Call", "Email"], everything.Value.On(new LocalDate(2025, 3, 27)).Select(i => i.Title));
        Assert.Equal(AccessErrors.SummaryOnlyCode, (await Service.GetScheduleAsync(SeatlessSuperAdmin, Account, new ScheduleRequest(week))).Error!.Code);
    }

    [Fact]
    [Trait("Rule", "60")]
    public async Task AMeetingOverMidnight_IsOnBothDays_AndADaylightSavingDayHoldsItsWholeDay()
    {
        // Berlin springs forward on Sunday 2025-03-30: that day runs from 23:00 UTC on the 29th to 22:00 UTC on the 30th.
        AddMeeting(1, Instant.FromUtc(2025, 3, 29, 22, 30), Duration.FromHours(1), Csm1);           // Saturday 23:30 to Sunday 00:30
        AddMeeting(2, Instant.FromUtc(2025, 3, 30, 21, 59), Duration.Zero, Csm1);                   // Sunday 23:59, no duration
        AddMeeting(3, Instant.FromUtc(2025, 3, 30, 22, 0), Duration.FromMinutes(30), Csm1);         // Monday 00:00
        var week = CalendarPeriod.Containing(new LocalDate(2025, 3, 27), CalendarMode.Week, Berlin);

        var page = (await Service.GetScheduleAsync(Csm1, Account, new ScheduleRequest(week))).Value;

        Assert.Equal(["Meeting 1"], page.On(new LocalDate(2025, 3, 29)).Select(i => i.Title));
        Assert.Equal(["Meeting 1", "Meeting 2"], page.On(new LocalDate(2025, 3, 30)).Select(i => i.Title));
        Assert.Equal(["Meeting 3"], (await Service.GetScheduleAsync(Csm1, Account, new ScheduleRequest(week.Next()))).Value.Items.Select(i => i.Title));
    }

    [Fact]
    [Trait("Rule", "62")]
    public async Task GetContactsMetTodayAsync_ListsTheContactsOfTodaysMeetings_EachOnce_InMeetingOrder()
    {
        AddMeeting(1, Instant.FromUtc(2025, 3, 28, 13, 0), Duration.FromHours(1), Csm1, 9, 7);
        AddMeeting(2, Instant.FromUtc(2025, 3, 28, 7, 0), Duration.FromHours(1), Manager, 7);        // Csm1 is not in it
        AddMeeting(3, Instant.FromUtc(2025, 3, 28, 6, 0), Duration.FromHours(1), Csm1, 11, 9);
        AddMeeting(4, Instant.FromUtc(2025, 3, 27, 13, 0), Duration.FromHours(1), Csm1, 12);         // yesterday

        var contacts = await Service.GetContactsMetTodayAsync(Csm1, Account, Berlin);
        var managers = await Service.GetContactsMetTodayAsync(Manager, Account, Berlin);

        Assert.Equal([11L, 9L, 7L], contacts.Value.Select(c => c.Value));
        Assert.Equal([11L, 9L, 7L], managers.Value.Select(c => c.Value));   // the manager attends every meeting here
    }

    [Fact]
    [Trait("Rule", "63")]
    [Trait("Rule", "38")]
    public async Task Summarize_ShowsWhatASelectedItemIs_InTheViewersZone_AndWhetherAMeetingCanStart()
    {
        AddMeeting(1, Instant.FromUtc(2025, 3, 28, 9, 30), Duration.FromHours(1), Csm1, 7);
        await _h.CreateAsync(Csm1, (Details("Call", due: Instant.FromUtc(2025, 3, 28, 15, 0), assignee: Csm1) with { Notes = "Renewal", Priority = TaskPriority.High, Associations = [Acme] }));
        var items = (await Service.GetTodayAsync(Csm1, Account, NewYork)).Value.Items;

        var meeting = items[0].Summarize(NewYork, _h.Clock.GetCurrentInstant());
        var task = items[1].Summarize(NewYork, _h.Clock.GetCurrentInstant());
        var ended = items[0].Summarize(NewYork, Instant.FromUtc(2025, 3, 28, 10, 30));

        Assert.Equal((ScheduleKinds.Meetings, "Meeting 1", new LocalDateTime(2025, 3, 28, 5, 30), (LocalDateTime?)new LocalDateTime(2025, 3, 28, 6, 30)), (meeting.Kind, meeting.Title, meeting.Start, meeting.End));
        Assert.Equal(("Agenda", (UserId?)Csm1.UserId, true), (meeting.Notes, meeting.Owner, meeting.CanStartMeeting));
        Assert.Equal([new RecordReference(CrmObjectType.Contacts, RecordId.From(7))], meeting.Records);
        Assert.False(ended.CanStartMeeting);
        Assert.Equal((ScheduleKinds.CallTasks, new LocalDateTime(2025, 3, 28, 11, 0), (LocalDateTime?)null), (task.Kind, task.Start, task.End));
        Assert.Equal(("Renewal", (TaskType?)TaskType.Call, (TaskPriority?)TaskPriority.High, false, false), (task.Notes, task.TaskType, task.Priority, task.IsCompleted, task.CanStartMeeting));
        Assert.Equal([Acme], task.Records);
    }
}
