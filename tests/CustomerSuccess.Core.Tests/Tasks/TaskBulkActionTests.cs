using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.Core.Access;
using CustomerSuccess.Core.Filters;
using CustomerSuccess.Core.Records;
using CustomerSuccess.Core.Specification;
using CustomerSuccess.Core.Stores.InMemory;
using CustomerSuccess.Core.Tasks;
using CustomerSuccess.Core.Tasks.Events;
using NodaTime;
using static CustomerSuccess.Core.Tests.Tasks.TaskTestData;

namespace CustomerSuccess.Core.Tests.Tasks;

public sealed class TaskBulkActionTests
{
    private readonly TaskHarness _h = new();

    private static TaskListRequest AllOpen(int pageNumber = 1, int pageSize = 50) =>
        new(TaskViewRef.Default(DefaultTaskView.AllOpen), Berlin, PageRequest.Create(pageNumber, pageSize));

    private async Task<List<TaskState>> CreateManyAsync(int count, Actor assignee, Func<int, TaskDetails>? details = null)
    {
        List<TaskState> tasks = [];
        for (var i = 0; i < count; i += TaskService.MaxCreateBatch)
        {
            var batch = Enumerable.Range(i, Math.Min(TaskService.MaxCreateBatch, count - i))
                .Select(n => details?.Invoke(n) ?? Details($"Task {n}", due: Now + Duration.FromMinutes(n), assignee: assignee))
                .ToList();
            var created = await _h.Service.CreateTasksAsync(assignee, Account, batch);
            Assert.True(created.IsSuccess, created.ToString());
            tasks.AddRange(created.Value.Output.Select(t => t.State));
        }

        return tasks;
    }

    [Fact]
    [Trait("Rule", "58")]
    [Trait("Rule", "59")]
    public async Task MarkCompleted_OnIndividualRows_ReportsChangedUnchangedAndNotFound()
    {
        var tasks = await CreateManyAsync(3, Csm1);
        await _h.Service.CompleteTaskAsync(Csm1, Account, tasks[1].Id);
        var progress = new Recorder();

        var report = await _h.Service.ApplyBulkActionAsync(Csm1, Account, TaskBulkAction.MarkCompleted, TaskSelection.Of([tasks[0].Id, tasks[1].Id, TaskId.From(999), tasks[0].Id]), progress);

        Assert.True(report.IsSuccess, report.ToString());
        Assert.Equal((3, 1, 1, 0, 1, 0), (report.Value.Processed, report.Value.Changed, report.Value.Unchanged, report.Value.Forbidden, report.Value.NotFound, report.Value.Conflicts));
        Assert.Equal(
            [(tasks[1].Id, TaskOutcomeKind.Unchanged), (TaskId.From(999), TaskOutcomeKind.NotFound)],
            report.Value.NotChanged.Select(o => (o.TaskId, o.Kind)));
        var batch = Assert.Single(progress.Reports);
        Assert.Equal((3, 3), (batch.Processed, batch.Expected));
        Assert.Equal([TaskOutcomeKind.Changed, TaskOutcomeKind.Unchanged, TaskOutcomeKind.NotFound], batch.Batch.Select(o => o.Kind));
        Assert.Equal((await _h.Tasks.LoadAsync(tasks[0].Key))!.Version, batch.Batch[0].Version);
        Assert.True((await _h.Tasks.LoadAsync(tasks[0].Key))!.State.IsCompleted);
        Assert.False((await _h.Tasks.LoadAsync(tasks[2].Key))!.State.IsCompleted);
    }

    [Fact]
    [Trait("Rule", "58")]
    public async Task IndividualRows_WithTheVersionsSeen_AreConflictsWhenTheyChangedMeanwhile()
    {
        var tasks = await CreateManyAsync(2, Csm1);
        var seen = (await _h.Service.ListTasksAsync(Csm1, Account, AllOpen())).Value.Items.Select(t => new TaskRef(t.State.Id, t.Version)).ToList();
        await _h.Service.EditTaskAsync(Csm1, Account, tasks[0].Id, tasks[0].Details with { Title = "Renamed" });

        var report = await _h.Service.ApplyBulkActionAsync(Csm1, Account, TaskBulkAction.Set(TaskPropertyUpdate.Priority(TaskPriority.High)), TaskSelection.Of(seen));

        Assert.Equal((1, 1), (report.Value.Changed, report.Value.Conflicts));
        var conflict = Assert.Single(report.Value.NotChanged);
        Assert.Equal((tasks[0].Id, TaskOutcomeKind.Conflict, ConcurrencyErrors.ConflictCode), (conflict.TaskId, conflict.Kind, conflict.Error!.Code));
        Assert.Equal(TaskPriority.None, (await _h.Tasks.LoadAsync(tasks[0].Key))!.State.Priority);
        Assert.Equal(TaskPriority.High, (await _h.Tasks.LoadAsync(tasks[1].Key))!.State.Priority);
    }

    [Fact]
    [Trait("Rule", "58")]
    public async Task OtherUsersTasks_AreForbiddenForACsm_AndChangedForAManager()
    {
        var own = await _h.CreateAsync(Csm1, Details("Own", assignee: Csm1));
        var others = await _h.CreateAsync(Csm2, Details("Csm2's", assignee: Csm2));

        var byCsm = await _h.Service.ApplyBulkActionAsync(Csm1, Account, TaskBulkAction.Delete, TaskSelection.Of([own.Id, others.Id]));
        var byManager = await _h.Service.ApplyBulkActionAsync(Manager, Account, TaskBulkAction.AssignTo(Manager.UserId), TaskSelection.Of([others.Id]));

        Assert.Equal((1, 1), (byCsm.Value.Changed, byCsm.Value.Forbidden));
        var forbidden = Assert.Single(byCsm.Value.NotChanged);
        Assert.Equal((others.Id, AccessErrors.PermissionRequiredCode), (forbidden.TaskId, forbidden.Error!.Code));
        Assert.Null(await _h.Tasks.LoadAsync(own.Key));
        Assert.Equal(1, byManager.Value.Changed);
        Assert.Equal(Manager.UserId, (await _h.Tasks.LoadAsync(others.Key))!.State.AssigneeId);
    }

    [Fact]
    [Trait("Rule", "58")]
    public async Task EveryAction_ChangesEachTaskWithTheSingleTaskRules()
    {
        var tasks = await CreateManyAsync(2, Csm1);
        var ids = TaskSelection.Of(tasks.Select(t => t.Id));
        var due = Instant.FromUtc(2025, 4, 2, 7, 0);

        Assert.Equal(2, (await _h.Service.ApplyBulkActionAsync(Csm1, Account, TaskBulkAction.MarkCompleted, ids)).Value.Changed);
        Assert.Equal(2, (await _h.Service.ApplyBulkActionAsync(Csm1, Account, TaskBulkAction.MarkIncomplete, ids)).Value.Changed);
        Assert.Equal(2, (await _h.Service.ApplyBulkActionAsync(Csm1, Account, TaskBulkAction.AssignTo(null), ids)).Value.Changed);
        Assert.Equal(2, (await _h.Service.ApplyBulkActionAsync(Csm1, Account, TaskBulkAction.Set(TaskPropertyUpdate.Due(due)), ids)).Value.Changed);
        Assert.Equal(2, (await _h.Service.ApplyBulkActionAsync(Csm1, Account, TaskBulkAction.Set(TaskPropertyUpdate.Type(TaskType.Email)), ids)).Value.Changed);
        Assert.Equal(2, (await _h.Service.ApplyBulkActionAsync(Csm1, Account, TaskBulkAction.Set(TaskPropertyUpdate.Notes("Bring the contract")), ids)).Value.Changed);
        Assert.Equal(2, (await _h.Service.ApplyBulkActionAsync(Csm1, Account, TaskBulkAction.Set(TaskPropertyUpdate.Title("Follow up")), ids)).Value.Changed);

        var after = await _h.AllAsync();
        Assert.All(after, t => Assert.Equal((false, (UserId?)null, due, TaskType.Email, "Bring the contract", "Follow up"), (t.IsCompleted, t.AssigneeId, t.DueAt, t.Type, t.Notes, t.Title)));
        Assert.Equal(2, (await _h.Service.ApplyBulkActionAsync(Csm1, Account, TaskBulkAction.Delete, ids)).Value.Changed);
        Assert.Empty(await _h.AllAsync());
    }

    [Fact]
    [Trait("Rule", "58")]
    public async Task ABadValue_RefusesTheWholeAction_BeforeAnyTaskIsTouched()
    {
        var tasks = await CreateManyAsync(2, Csm1);
        var before = await _h.AllAsync();

        var blank = await _h.Service.ApplyBulkActionAsync(Csm1, Account, TaskBulkAction.Set(TaskPropertyUpdate.Title("  ")), TaskSelection.Of(tasks.Select(t => t.Id)));
        var early = await _h.Service.ApplyBulkActionAsync(Csm1, Account, TaskBulkAction.Set(TaskPropertyUpdate.Due(TaskItem.EarliestDue - Duration.FromDays(1))), TaskSelection.Of(tasks.Select(t => t.Id)));

        Assert.Equal(TaskErrors.TitleInvalidCode, blank.Error!.Code);
        Assert.Equal(TaskErrors.DueInvalidCode, early.Error!.Code);
        Assert.Equal(before, await _h.AllAsync());
    }

    [Fact]
    [Trait("Rule", "59")]
    public async Task CurrentPage_ChangesTheTasksOfThatPageAsTheyReadWhenTheActionRuns()
    {
        var tasks = await CreateManyAsync(5, Csm1);
        var secondPage = AllOpen(pageNumber: 2, pageSize: 2);

        var report = await _h.Service.ApplyBulkActionAsync(Csm1, Account, TaskBulkAction.Set(TaskPropertyUpdate.Priority(TaskPriority.Low)), TaskSelection.Page(secondPage));

        Assert.Equal(2, report.Value.Changed);
        Assert.Equal(
            [TaskPriority.None, TaskPriority.None, TaskPriority.Low, TaskPriority.Low, TaskPriority.None],
            (await _h.AllAsync()).Select(t => t.Priority));
        Assert.Equal(tasks.Select(t => t.Id), (await _h.AllAsync()).Select(t => t.Id));
    }

    [Fact]
    [Trait("Rule", "59")]
    public async Task AllMatching_TheConfirmedCountDiffers_IsRefusedClearly_AndNothingChanges()
    {
        await CreateManyAsync(3, Csm1);
        var shown = (await _h.Service.ListTasksAsync(Csm1, Account, AllOpen())).Value.TotalCount!.Value;
        await _h.CreateAsync(Csm1, Details("Arrived after the count", assignee: Csm1));
        var before = await _h.AllAsync();

        var report = await _h.Service.ApplyBulkActionAsync(Csm1, Account, TaskBulkAction.MarkCompleted, TaskSelection.AllMatching(AllOpen(), shown));

        Assert.Equal(TaskErrors.BulkCountChangedCode, report.Error!.Code);
        Assert.Contains("You confirmed 3 tasks, but the filter now selects 4", report.Error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await _h.AllAsync());
    }

    [Fact]
    [Trait("Rule", "58")]
    [Trait("Rule", "59")]
    public async Task AllMatching_OverSeveralBatches_ChangesEveryMatch_ReportingProgressPerBatch()
    {
        const int Count = 2 * TaskService.BulkBatchSize + 34;
        await CreateManyAsync(Count, Csm1);
        await _h.CreateAsync(Csm2, Details("Not in Csm1's view", assignee: Csm2));
        var progress = new Recorder();

        var report = await _h.Service.ApplyBulkActionAsync(Csm1, Account, TaskBulkAction.MarkCompleted, TaskSelection.AllMatching(AllOpen(), Count), progress);

        Assert.True(report.IsSuccess, report.ToString());
        Assert.Equal((Count, Count), (report.Value.Processed, report.Value.Changed));
        Assert.Empty(report.Value.NotChanged);
        Assert.Equal([TaskService.BulkBatchSize, 2 * TaskService.BulkBatchSize, Count], progress.Reports.Select(p => p.Processed));
        Assert.All(progress.Reports, p => Assert.Equal(Count, p.Expected));
        Assert.Equal(Count, progress.Reports.SelectMany(p => p.Batch).Select(o => o.TaskId).Distinct().Count());
        var all = await _h.AllAsync();
        Assert.Equal(Count, all.Count(t => t.IsCompleted));
        Assert.False(all.Single(t => t.AssigneeId == Csm2.UserId).IsCompleted);
    }

    [Fact]
    [Trait("Rule", "59")]
    public async Task AllMatching_ATaskThatStopsMatchingBeforeItsTurn_IsLeftAsItWas_AndReportedNotFound()
    {
        const int Count = TaskService.BulkBatchSize + 10;
        var tasks = await CreateManyAsync(Count, Csm1);
        var late = tasks[^1];
        var query = new Interleaving(_h.Tasks, afterQuery: 2, () => _h.Service.CompleteTaskAsync(Csm1, Account, late.Id));
        var service = new TaskService(_h.Tasks, query, _h.Views, _h.Directories, _h.Context);

        var report = await service.ApplyBulkActionAsync(Csm1, Account, TaskBulkAction.Set(TaskPropertyUpdate.Priority(TaskPriority.High)), TaskSelection.AllMatching(AllOpen(), Count));

        Assert.Equal((Count - 1, 0, 1), (report.Value.Changed, report.Value.Unchanged, report.Value.NotFound));
        var skipped = Assert.Single(report.Value.NotChanged);
        Assert.Equal((late.Id, TaskErrors.NotSelectedCode), (skipped.TaskId, skipped.Error!.Code));
        Assert.Equal(TaskPriority.None, (await _h.Tasks.LoadAsync(late.Key))!.State.Priority);
    }

    [Fact]
    [Trait("Rule", "59")]
    public async Task AllMatching_CustomViewAndPersonalFilters_SelectExactlyTheListedTasks()
    {
        var tasks = await CreateManyAsync(6, Csm1, n => Details($"Task {n}", type: n % 2 == 0 ? TaskType.Email : TaskType.Call, assignee: n < 3 ? Csm1 : Csm2));
        var view = await new TaskHarnessViews(_h).EveryoneViewAsync(ViewFilter.Condition(TaskFilterTarget.Type, FilterOperator.Is, FilterValue.Text("email")));
        var request = new TaskListRequest(TaskViewRef.Custom(TasksTab, view), Berlin, PageRequest.First(50))
        {
            Filters = [ViewFilter.Condition(TaskFilterTarget.Assignee, FilterOperator.IsMe)],
        };
        var listed = (await _h.Service.ListTasksAsync(Csm2, Account, request)).Value;

        var report = await _h.Service.ApplyBulkActionAsync(Csm2, Account, TaskBulkAction.MarkCompleted, TaskSelection.AllMatching(request, listed.TotalCount!.Value));

        Assert.Equal(listed.TotalCount, report.Value.Changed);
        Assert.Equal(listed.Items.Select(t => t.State.Id), (await _h.AllAsync()).Where(t => t.IsCompleted).Select(t => t.Id));
        Assert.Equal([tasks[4].Id], listed.Items.Select(t => t.State.Id));
    }

    [Fact]
    [Trait("Rule", "58")]
    public async Task Cancelling_StopsBeforeTheNextTask()
    {
        var tasks = await CreateManyAsync(3, Csm1);
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            _h.Service.ApplyBulkActionAsync(Csm1, Account, TaskBulkAction.MarkCompleted, TaskSelection.Of(tasks.Select(t => t.Id)), null, cancel.Token));

        Assert.All(await _h.AllAsync(), t => Assert.False(t.IsCompleted));
    }

    [Fact]
    [Trait("Rule", "58")]
    public async Task ATaskChangedBetweenTheBatchLoadAndItsWrite_IsRunAgainOnFreshState_AndKeepsBothChanges()
    {
        var tasks = await CreateManyAsync(3, Csm1);
        var store = new ChangingBetweenLoadAndWrite(_h.Tasks, tasks[1].Key, state => state with { Title = "Renamed meanwhile" });
        var dispatched = new DispatchRecorder();
        var context = new ServiceContext(AccessPolicy.Default, _h.Clock, dispatched, new CommandRetryOptions { MaxAttempts = 100 });
        var service = new TaskService(store, _h.Tasks, _h.Views, _h.Directories, context);

        var report = await service.ApplyBulkActionAsync(Csm1, Account, TaskBulkAction.Set(TaskPropertyUpdate.Priority(TaskPriority.High)), TaskSelection.Of(tasks.Select(t => t.Id)));

        Assert.Equal((3, 3, 0), (report.Value.Processed, report.Value.Changed, report.Value.Conflicts));
        var renamed = (await _h.Tasks.LoadAsync(tasks[1].Key))!.State;
        Assert.Equal(("Renamed meanwhile", TaskPriority.High), (renamed.Title, renamed.Priority));
        Assert.All(await _h.AllAsync(), t => Assert.Equal(TaskPriority.High, t.Priority));
        Assert.Equal(1, store.WriteBatches);
        Assert.Equal(3, dispatched.Calls.Count);
        Assert.Equal(tasks.Select(t => t.Id.Value).Order(), dispatched.Calls.Select(events => ((TaskEdited)Assert.Single(events)).Task.TaskId.Value).Order());
    }

    private sealed class Recorder : IProgress<TaskBulkProgress>
    {
        public List<TaskBulkProgress> Reports { get; } = [];

        public void Report(TaskBulkProgress value) => Reports.Add(value);
    }

    private sealed class DispatchRecorder : IDomainEventDispatcher
    {
        public List<IReadOnlyList<IDomainEvent>> Calls { get; } = [];

        public ValueTask DispatchAsync(IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken)
        {
            Calls.Add(events);
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>A task store where someone else changes one task right after a batch load read it, so that the batch's
    /// write of that task meets a newer version.</summary>
    private sealed class ChangingBetweenLoadAndWrite(InMemoryTaskStore inner, TaskKey victim, Func<TaskState, TaskState> change) : ITaskStore
    {
        public int WriteBatches { get; private set; }

        public async Task<IReadOnlyList<Versioned<TaskState>?>> LoadManyAsync(PortalId portalId, IReadOnlyList<TaskId> ids, CancellationToken cancellationToken = default)
        {
            var loaded = await ((ITaskStore)inner).LoadManyAsync(portalId, ids, cancellationToken);
            if (ids.Contains(victim.TaskId) && await inner.LoadAsync(victim, cancellationToken) is { } current)
            {
                Assert.True((await inner.SaveAsync(victim, change(current.State), current.Version, [], cancellationToken)).IsSuccess);
            }

            return loaded;
        }

        public Task<IReadOnlyList<Result<VersionToken>>> WriteManyAsync(IReadOnlyList<TaskWrite> writes, CancellationToken cancellationToken = default)
        {
            WriteBatches++;
            return ((ITaskStore)inner).WriteManyAsync(writes, cancellationToken);
        }

        public Task<TaskId> NextIdAsync(PortalId portalId, CancellationToken cancellationToken = default) => inner.NextIdAsync(portalId, cancellationToken);

        public Task<Versioned<TaskState>?> LoadAsync(TaskKey key, CancellationToken cancellationToken = default) => inner.LoadAsync(key, cancellationToken);

        public Task<Result<VersionToken>> SaveAsync(TaskKey key, TaskState state, VersionToken expected, IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken = default) =>
            inner.SaveAsync(key, state, expected, events, cancellationToken);

        public Task<Result> DeleteAsync(TaskKey key, VersionToken expected, IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken = default) =>
            inner.DeleteAsync(key, expected, events, cancellationToken);
    }

    /// <summary>A task query that runs an action after its n-th query: a change made by someone else while a bulk
    /// action is between two batches.</summary>
    private sealed class Interleaving(ITaskQuery inner, int afterQuery, Func<Task> change) : ITaskQuery
    {
        private int _queries;

        public async Task<TaskPage> QueryAsync(TaskQuery query, CancellationToken cancellationToken = default)
        {
            var page = await inner.QueryAsync(query, cancellationToken);
            if (++_queries == afterQuery)
            {
                await change();
            }

            return page;
        }

        public Task<int> CountAsync(PortalId portalId, ISpecification<TaskState> specification, CancellationToken cancellationToken = default) =>
            inner.CountAsync(portalId, specification, cancellationToken);
    }
}

/// <summary>Creates task views in the harness's Tasks tab.</summary>
internal sealed class TaskHarnessViews(TaskHarness harness)
{
    public async Task<CustomerSuccess.Core.Views.ViewId> EveryoneViewAsync(ViewFilter? filter)
    {
        var created = await harness.ViewService.CreateViewAsync(
            Manager, Account, TasksTab, CustomerSuccess.Core.Views.ViewDefinition.Create("View", CustomerSuccess.Core.Views.ViewSharing.Everyone, [TaskFilterTarget.Title], filter), TaskFilterTarget.Default);
        Assert.True(created.IsSuccess, created.ToString());
        return created.Value.Output.Id;
    }
}
