using System;
using System.Linq;
using System.Threading.Tasks;
using CustomerSuccess.Core.Access;
using CustomerSuccess.Core.Filters;
using CustomerSuccess.Core.Records;
using CustomerSuccess.Core.Tasks;
using CustomerSuccess.Core.Tasks.Events;
using CustomerSuccess.Core.Views;
using CustomerSuccess.Core.Workspaces;
using NodaTime;
using static CustomerSuccess.Core.Tests.Tasks.TaskTestData;

namespace CustomerSuccess.Core.Tests.Tasks;

public sealed class TaskServiceTests
{
    private readonly TaskHarness _h = new();

    private static TaskListRequest Default(DefaultTaskView view, DateTimeZone? zone = null, int pageSize = 50) =>
        new(TaskViewRef.Default(view), zone ?? Berlin, PageRequest.First(pageSize));

    private static long[] Ids(Result<TaskPage> page) => [.. page.Value.Items.Select(t => t.State.Id.Value)];

    [Fact]
    [Trait("Rule", "56")]
    public async Task CreateTaskAsync_ADefaultAssignee_IsAnArgumentError_AndNothingIsStored()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _h.Service.CreateTaskAsync(Csm1, Account, Details() with { AssigneeId = default(UserId) }));

        Assert.Empty(await _h.AllAsync());
        Assert.Empty(_h.Tasks.Outbox);
    }

    [Fact]
    [Trait("Rule", "56")]
    public async Task CreateTaskAsync_ARefusedTitle_TakesNoId()
    {
        var refused = await _h.Service.CreateTaskAsync(Csm1, Account, Details() with { Title = "  " });
        var created = await _h.Service.CreateTaskAsync(Csm1, Account, Details());

        Assert.Equal(TaskErrors.TitleInvalidCode, refused.Error?.Code);
        Assert.Equal(1, created.Value.Output.Id.Value);
    }

    [Fact]
    [Trait("Rule", "56")]
    public async Task CreateTaskAsync_SavesTheTaskWithItsOwnVersion_AndTheEventInTheOutbox()
    {
        var created = await _h.Service.CreateTaskAsync(Csm1, Account, Details());

        Assert.True(created.IsSuccess, created.ToString());
        var loaded = await _h.Service.GetTaskAsync(Csm1, Account, created.Value.Output.Id);
        Assert.Equal(created.Value.Output, loaded.Value.State);
        Assert.Equal(created.Value.Version, loaded.Value.Version);
        Assert.IsType<TaskCreated>(Assert.Single(_h.Tasks.Outbox));
        Assert.Equal(created.Value.Events, _h.Tasks.Outbox);
    }

    [Fact]
    [Trait("Rule", "56")]
    public async Task CreateTasksAsync_CreateAndAddAnother_CreatesEveryTaskInOrder_EachItsOwnRecord()
    {
        var batch = await _h.Service.CreateTasksAsync(Csm1, Account, [Details("First"), Details("Second", type: TaskType.Email), Details("Third", type: TaskType.ToDo)]);

        Assert.True(batch.IsSuccess, batch.ToString());
        Assert.Equal(["First", "Second", "Third"], batch.Value.Output.Select(t => t.State.Title));
        Assert.Equal(3, batch.Value.Output.Select(t => t.State.Id).Distinct().Count());
        Assert.Equal(3, batch.Value.Events.OfType<TaskCreated>().Count());
        Assert.Equal(VersionToken.None, batch.Value.Version);
        foreach (var task in batch.Value.Output)
        {
            Assert.Equal(task.Version, (await _h.Tasks.LoadAsync(task.State.Key))!.Version);
        }
    }

    [Fact]
    [Trait("Rule", "56")]
    public async Task CreateTasksAsync_OneBadEntry_CreatesNothing_AndNamesItsPosition()
    {
        var batch = await _h.Service.CreateTasksAsync(Csm1, Account, [Details("First"), Details(" "), Details("Third")]);

        Assert.Equal(TaskErrors.TitleInvalidCode, batch.Error!.Code);
        Assert.StartsWith("Task 2 of 3:", batch.Error.Message, StringComparison.Ordinal);
        Assert.Equal("[1].Title", batch.Error.Target);
        Assert.Equal(0, _h.Tasks.Count);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _h.Service.CreateTasksAsync(Csm1, Account, []));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _h.Service.CreateTasksAsync(Csm1, Account, [.. Enumerable.Repeat(Details(), TaskService.MaxCreateBatch + 1)]));
    }

    [Fact]
    [Trait("Rule", "58")]
    public async Task EditTaskAsync_WithTheVersionAPersonSaw_ConflictsWhenTheTaskChangedMeanwhile()
    {
        var task = await _h.CreateAsync(Csm1, Details());
        var seen = (await _h.Service.GetTaskAsync(Csm1, Account, task.Id)).Value.Version;
        Assert.True((await _h.Service.CompleteTaskAsync(Csm1, Account, task.Id)).IsSuccess);

        var stale = await _h.Service.EditTaskAsync(Csm1, Account, task.Id, Details("Renamed"), seen);

        Assert.Equal(ConcurrencyErrors.ConflictCode, stale.Error!.Code);
        Assert.Equal("Call Acme", (await _h.Service.GetTaskAsync(Csm1, Account, task.Id)).Value.State.Title);
    }

    [Fact]
    [Trait("Rule", "58")]
    public async Task EachTaskHasItsOwnVersion_ChangingOneNeverConflictsWithAnother()
    {
        var a = await _h.CreateAsync(Csm1, Details("A"));
        var b = await _h.CreateAsync(Csm1, Details("B"));
        var seenB = (await _h.Service.GetTaskAsync(Csm1, Account, b.Id)).Value.Version;

        Assert.True((await _h.Service.CompleteTaskAsync(Csm1, Account, a.Id)).IsSuccess);
        var editB = await _h.Service.AssignTaskAsync(Csm1, Account, b.Id, Csm2.UserId, seenB);

        Assert.True(editB.IsSuccess, editB.ToString());
        Assert.NotEqual(seenB, editB.Value.Version);
    }

    [Fact]
    [Trait("Rule", "58")]
    public async Task DeleteTaskAsync_RemovesTheRecord_TheEventIsInTheOutbox_ThenTheTaskIsNotFound()
    {
        var task = await _h.CreateAsync(Csm1, Details());

        var deleted = await _h.Service.DeleteTaskAsync(Csm1, Account, task.Id);

        Assert.True(deleted.IsSuccess, deleted.ToString());
        Assert.Equal(VersionToken.None, deleted.Value.Version);
        Assert.Equal(task.Id, deleted.Value.Output.Id);
        Assert.Null(await _h.Tasks.LoadAsync(task.Key));
        Assert.IsType<TaskDeleted>(_h.Tasks.Outbox[^1]);
        Assert.Equal(TaskErrors.NotFoundCode, (await _h.Service.GetTaskAsync(Csm1, Account, task.Id)).Error!.Code);
        Assert.Equal(TaskErrors.NotFoundCode, (await _h.Service.ReopenTaskAsync(Csm1, Account, task.Id)).Error!.Code);
        Assert.Empty(Ids(await _h.Service.ListTasksAsync(Csm1, Account, Default(DefaultTaskView.AllOpen))));
        Assert.NotEqual(task.Id, (await _h.CreateAsync(Csm1, Details())).Id);
    }

    [Fact]
    [Trait("Rule", "55")]
    [Trait("Rule", "33")]
    public async Task ListTasksAsync_DefaultViews_ListTheViewersOwnTasks_JudgingTodayInTheirZone()
    {
        // Friday 2025-03-28 10:00 in Berlin.
        var overdue = await _h.CreateAsync(Csm1, Details("Overdue", due: Instant.FromUtc(2025, 3, 27, 12, 0), assignee: Csm1));
        var today = await _h.CreateAsync(Csm1, Details("Late today", due: Instant.FromUtc(2025, 3, 28, 22, 30), assignee: Csm1));    // 23:30 Berlin
        var tomorrow = await _h.CreateAsync(Csm1, Details("Tomorrow", due: Instant.FromUtc(2025, 3, 29, 8, 0), assignee: Csm1));
        var done = await _h.CreateAsync(Csm1, Details("Done", due: Instant.FromUtc(2025, 3, 28, 8, 0), assignee: Csm1));
        await _h.CreateAsync(Csm1, Details("Someone else's", due: Instant.FromUtc(2025, 3, 28, 10, 0), assignee: Csm2));
        await _h.Service.CompleteTaskAsync(Csm1, Account, done.Id);

        Assert.Equal([overdue.Id.Value], Ids(await _h.Service.ListTasksAsync(Csm1, Account, Default(DefaultTaskView.Overdue))));
        Assert.Equal([today.Id.Value], Ids(await _h.Service.ListTasksAsync(Csm1, Account, Default(DefaultTaskView.DueToday))));
        Assert.Equal([tomorrow.Id.Value], Ids(await _h.Service.ListTasksAsync(Csm1, Account, Default(DefaultTaskView.DueTomorrow))));
        Assert.Equal([overdue.Id.Value, today.Id.Value, tomorrow.Id.Value], Ids(await _h.Service.ListTasksAsync(Csm1, Account, Default(DefaultTaskView.AllOpen))));
        Assert.Equal([done.Id.Value], Ids(await _h.Service.ListTasksAsync(Csm1, Account, Default(DefaultTaskView.AllCompleted))));

        // 23:30 in Berlin is already Saturday in Kolkata: due tomorrow there. The clock moving on moves the views.
        Assert.Equal([today.Id.Value, tomorrow.Id.Value], Ids(await _h.Service.ListTasksAsync(Csm1, Account, Default(DefaultTaskView.DueTomorrow, Kolkata))));
        _h.Clock.Advance(Duration.FromDays(1));
        Assert.Equal([overdue.Id.Value, today.Id.Value], Ids(await _h.Service.ListTasksAsync(Csm1, Account, Default(DefaultTaskView.Overdue))));
    }

    [Fact]
    [Trait("Rule", "57")]
    public async Task ListTasksAsync_PersonalFilters_NarrowAView_AndCountEveryMatch()
    {
        await _h.CreateAsync(Csm1, Details("Call", assignee: Csm1));
        var email = await _h.CreateAsync(Csm1, Details("Email", type: TaskType.Email, assignee: Csm1) with { Associations = [Acme] });
        await _h.CreateAsync(Csm1, Details("Email 2", type: TaskType.Email, assignee: Csm1));

        var request = Default(DefaultTaskView.AllOpen, pageSize: 1) with
        {
            Filters = [ViewFilter.Condition(TaskFilterTarget.Type, FilterOperator.Is, FilterValue.Text("email"))],
        };
        var page = await _h.Service.ListTasksAsync(Csm1, Account, request);
        var associated = await _h.Service.ListTasksAsync(Csm1, Account, request with
        {
            Filters = [ViewFilter.Condition(TaskFilterTarget.AssociatedRecord, FilterOperator.IsAnyOf, FilterValue.Text(Acme.Key))],
        });
        var bad = await _h.Service.ListTasksAsync(Csm1, Account, request with
        {
            Filters = [ViewFilter.Condition(TaskFilterTarget.Due, FilterOperator.Contains, FilterValue.Text("x"))],
        });

        Assert.Equal(2, page.Value.TotalCount);
        Assert.Single(page.Value.Items);
        Assert.Equal([email.Id.Value], Ids(associated));
        Assert.Equal(ViewErrors.FilterInvalidCode, bad.Error!.Code);
    }

    [Fact]
    [Trait("Rule", "57")]
    [Trait("Rule", "9")]
    [Trait("Rule", "44")]
    public async Task CustomTaskViews_LiveInTheWorkspacesTasksCatalog_WithPrivateEveryoneAndDefaultViewRules()
    {
        var call = await _h.CreateAsync(Csm1, Details("Call", assignee: Csm1));
        var email = await _h.CreateAsync(Csm2, Details("Email", type: TaskType.Email, assignee: Csm2));
        var json = """{"kind":"property","property":"type","operator":"isAnyOf","values":[{"type":"text","value":"email"}]}""";
        var emails = ViewDefinition.Create("Emails", ViewSharing.Everyone, [TaskFilterTarget.Title, TaskFilterTarget.Due], ViewFilter.FromJson(json));
        var mine = ViewDefinition.Create("My open tasks", ViewSharing.Private, [TaskFilterTarget.Title], ViewFilter.And(
            ViewFilter.Condition(TaskFilterTarget.Assignee, FilterOperator.IsMe),
            ViewFilter.Condition(TaskFilterTarget.Status, FilterOperator.Is, FilterValue.Text(TaskFilterTarget.Open))));

        var shared = await _h.ViewService.CreateViewAsync(Manager, Account, TasksTab, emails, TaskFilterTarget.Default);
        var personal = await _h.ViewService.CreateViewAsync(Csm1, Account, TasksTab, mine, TaskFilterTarget.Default);
        var sharedByCsm = await _h.ViewService.CreateViewAsync(Csm1, Account, TasksTab, emails, TaskFilterTarget.Default);
        var badColumn = await _h.ViewService.CreateViewAsync(Csm1, Account, TasksTab, ViewDefinition.Create("X", ViewSharing.Private, ["csm_owner"]), TaskFilterTarget.Default);
        Assert.True(shared.IsSuccess && personal.IsSuccess, $"{shared} {personal}");
        Assert.Equal(AccessErrors.PermissionRequiredCode, sharedByCsm.Error!.Code);
        Assert.Equal(ViewErrors.ColumnsInvalidCode, badColumn.Error!.Code);

        TaskListRequest Custom(ViewId id) => new(TaskViewRef.Custom(TasksTab, id), Berlin, PageRequest.First(50));
        Assert.Equal([email.Id.Value], Ids(await _h.Service.ListTasksAsync(Csm1, Account, Custom(shared.Value.Output.Id))));
        Assert.Equal([call.Id.Value], Ids(await _h.Service.ListTasksAsync(Csm1, Account, Custom(personal.Value.Output.Id))));
        Assert.Equal(ViewErrors.NotFoundCode, (await _h.Service.ListTasksAsync(Csm2, Account, Custom(personal.Value.Output.Id))).Error!.Code);

        // The same default-view rules as every catalogue: only Everyone views, with a description, by managers.
        var managersOwn = await _h.ViewService.CreateViewAsync(Manager, Account, TasksTab, mine, TaskFilterTarget.Default);
        Assert.True((await _h.ViewService.SetDefaultViewAsync(Manager, Account, TasksTab, shared.Value.Output.Id, "Emails to send")).IsSuccess);
        Assert.Equal(ViewErrors.DefaultRequiresEveryoneCode, (await _h.ViewService.SetDefaultViewAsync(Manager, Account, TasksTab, managersOwn.Value.Output.Id, "Mine")).Error!.Code);
        Assert.Equal(ViewErrors.NotFoundCode, (await _h.ViewService.SetDefaultViewAsync(Manager, Account, TasksTab, personal.Value.Output.Id, "Csm1's")).Error!.Code);
        Assert.Equal(AccessErrors.PermissionRequiredCode, (await _h.ViewService.UnsetDefaultViewAsync(Csm1, Account, TasksTab, shared.Value.Output.Id)).Error!.Code);
        var views = await _h.ViewService.GetViewsAsync(Csm2, Account, TasksTab);
        Assert.Equal([shared.Value.Output.Id], views.Value.State.Views.Select(v => v.Id));
        Assert.Equal([shared.Value.Output.Id], views.Value.State.DefaultViews.Select(v => v.Id));
    }

    [Fact]
    [Trait("Rule", "28")]
    [Trait("Rule", "57")]
    public async Task CustomTaskViews_OfAWorkspaceTheUserDoesNotSee_AreRefused()
    {
        var directory = new WorkspaceService(_h.Directories, _h.Context);
        var enterprise = Account with { Tier = ServiceHubTier.Enterprise };
        var emea = await directory.CreateTeamWorkspaceAsync(Manager, enterprise, "EMEA", null, [TeamId.From(9)]);
        var emeaTasks = ViewCatalogKey.Create(Portal, emea.Value.Output.Id, ViewTab.Tasks);
        var view = await _h.ViewService.CreateViewAsync(SuperAdmin, enterprise, emeaTasks, ViewDefinition.Create("All", ViewSharing.Everyone, []), TaskFilterTarget.Default);
        Assert.True(view.IsSuccess, view.ToString());

        var outsider = await _h.Service.ListTasksAsync(Csm1, enterprise, new TaskListRequest(TaskViewRef.Custom(emeaTasks, view.Value.Output.Id), Berlin, PageRequest.First(10)));
        var member = await _h.Service.ListTasksAsync(Actor.Csm(UserId.From(8), TeamId.From(9)), enterprise, new TaskListRequest(TaskViewRef.Custom(emeaTasks, view.Value.Output.Id), Berlin, PageRequest.First(10)));

        Assert.Equal(AccessErrors.WorkspaceNotVisibleCode, outsider.Error!.Code);
        Assert.True(member.IsSuccess, member.ToString());
    }

    [Fact]
    [Trait("Rule", "33")]
    [Trait("Rule", "34")]
    public async Task GetTaskProgressAsync_CountsTheCards_AndEachViewAllOpensItsOwnView()
    {
        await _h.CreateAsync(Csm1, Details("Overdue 1", due: Instant.FromUtc(2025, 3, 26, 12, 0), assignee: Csm1));
        await _h.CreateAsync(Csm1, Details("Overdue 2", due: Instant.FromUtc(2025, 3, 27, 12, 0), assignee: Csm1));
        await _h.CreateAsync(Csm1, Details("Today", due: Instant.FromUtc(2025, 3, 28, 18, 0), assignee: Csm1));
        await _h.CreateAsync(Csm1, Details("Tomorrow", due: Instant.FromUtc(2025, 3, 29, 8, 0), assignee: Csm1));
        await _h.CreateAsync(Csm1, Details("Not mine", due: Instant.FromUtc(2025, 3, 28, 18, 0), assignee: Csm2));

        var progress = await _h.Service.GetTaskProgressAsync(Csm1, Account, Berlin);

        Assert.True(progress.IsSuccess, progress.ToString());
        Assert.Equal(new LocalDate(2025, 3, 28), progress.Value.Today);
        Assert.Equal((1, 2, 1), (progress.Value.DueToday.Count, progress.Value.Overdue.Count, progress.Value.DueTomorrow.Count));
        Assert.Equal(2, progress.Value.Select(DefaultTaskView.Overdue).Count);   // rule 33's selector
        foreach (var view in new[] { DefaultTaskView.DueToday, DefaultTaskView.Overdue, DefaultTaskView.DueTomorrow })
        {
            // B8: each card's "view all" opens its own view: the same tasks the task index lists for it.
            var card = progress.Value.Select(view);
            Assert.Equal(view, card.View);
            Assert.Equal(view, card.ViewAll.View);
            var viewAll = await _h.Tasks.QueryAsync(new TaskQuery(Portal, card.ViewAll, PageRequest.First(50)));
            var index = await _h.Service.ListTasksAsync(Csm1, Account, Default(view));
            Assert.Equal(Ids(index), viewAll.Items.Select(t => t.State.Id.Value));
            Assert.Equal(card.Count, index.Value.TotalCount);
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => progress.Value.Select(DefaultTaskView.AllOpen));
    }

    [Fact]
    [Trait("Rule", "3")]
    [Trait("Rule", "33")]
    [Trait("Rule", "41")]
    public async Task SummaryOnlyAndViewAsUser_ReadWhatTheyMay_AndChangeNothing()
    {
        var task = await _h.CreateAsync(Csm1, Details("Today", due: Instant.FromUtc(2025, 3, 28, 18, 0), assignee: Csm1));
        var asCsm1 = Manager.ViewAs(Csm1);

        Assert.True((await _h.Service.GetTaskProgressAsync(SeatlessSuperAdmin, Account, Berlin)).IsSuccess);
        Assert.Equal(AccessErrors.SummaryOnlyCode, (await _h.Service.ListTasksAsync(SeatlessSuperAdmin, Account, Default(DefaultTaskView.DueToday))).Error!.Code);
        Assert.Equal(1, (await _h.Service.GetTaskProgressAsync(asCsm1, Account, Berlin)).Value.DueToday.Count);
        Assert.Equal([task.Id.Value], Ids(await _h.Service.ListTasksAsync(asCsm1, Account, Default(DefaultTaskView.DueToday))));
        Assert.Equal(AccessErrors.ViewAsReadOnlyCode, (await _h.Service.CompleteTaskAsync(asCsm1, Account, task.Id)).Error!.Code);
        Assert.Equal(AccessErrors.ViewAsReadOnlyCode, (await _h.Service.CreateTaskAsync(asCsm1, Account, Details())).Error!.Code);
        Assert.Equal(AccessErrors.ViewAsReadOnlyCode, (await _h.Service.ApplyBulkActionAsync(asCsm1, Account, TaskBulkAction.MarkCompleted, TaskSelection.Of([task.Id]))).Error!.Code);
        Assert.False((await _h.Service.GetTaskAsync(Csm1, Account, task.Id)).Value.State.IsCompleted);
    }

    [Fact]
    public async Task TasksOfAnotherPortal_AreAnsweredLikeTasksThatDoNotExist()
    {
        var task = await _h.CreateAsync(Csm1, Details());
        var other = new AccountContext(OtherPortal.PortalId, ServiceHubTier.Professional);

        var read = await _h.Service.GetTaskAsync(Csm1, other, task.Id);
        var complete = await _h.Service.CompleteTaskAsync(Csm1, other, task.Id);
        var list = await _h.Service.ListTasksAsync(Csm1, other, Default(DefaultTaskView.AllOpen));

        Assert.Equal(TaskErrors.NotFoundCode, read.Error!.Code);
        Assert.Equal(TaskErrors.NotFoundCode, complete.Error!.Code);
        Assert.Empty(list.Value.Items);
        Assert.Equal(0, list.Value.TotalCount);
        Assert.False((await _h.Service.GetTaskAsync(Csm1, Account, task.Id)).Value.State.IsCompleted);
    }

    [Fact]
    public async Task Commands_ArgumentMistakes_Throw()
    {
        await Assert.ThrowsAsync<ArgumentNullException>(() => _h.Service.CreateTaskAsync(Csm1, Account, null!));
        await Assert.ThrowsAsync<ArgumentException>(() => _h.Service.CompleteTaskAsync(Csm1, Account, default));
        await Assert.ThrowsAsync<ArgumentNullException>(() => _h.Service.ListTasksAsync(Csm1, Account, null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => _h.Service.ApplyBulkActionAsync(Csm1, Account, null!, TaskSelection.Of([TaskId.From(1)])));
        Assert.Throws<ArgumentException>(() => TaskViewRef.Custom(ViewCatalogKey.Create(Portal, WorkspaceId.From(1), ViewTab.Customers), ViewId.From(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => TaskSelection.AllMatching(Default(DefaultTaskView.AllOpen), -1));
        Assert.Throws<ArgumentException>(() => TaskSelection.Of([default(TaskId)]));
    }

    [Fact]
    [Trait("Rule", "57")]
    public void TaskFilterTarget_OffersTheTaskProperties_WithTheirTypes()
    {
        Assert.Equal(
            [TaskFilterTarget.Title, TaskFilterTarget.Type, TaskFilterTarget.Priority, TaskFilterTarget.Status, TaskFilterTarget.Assignee, TaskFilterTarget.Due, TaskFilterTarget.CompletedAt, TaskFilterTarget.CreatedAt, TaskFilterTarget.CreatedBy, TaskFilterTarget.AssociatedRecord],
            TaskFilterTarget.Default.Properties.Select(p => p.Name));
        Assert.Equal(["todo", "call", "email", "meeting"], Enum.GetValues<TaskType>().Select(TaskFilterTarget.TypeValue));
        Assert.Equal(["none", "low", "medium", "high"], Enum.GetValues<TaskPriority>().Select(TaskFilterTarget.PriorityValue));
    }
}
