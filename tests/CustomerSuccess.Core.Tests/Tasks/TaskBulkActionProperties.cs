using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Core.Access;
using CustomerSuccess.Core.Filters;
using CustomerSuccess.Core.Records;
using CustomerSuccess.Core.Tasks;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using static CustomerSuccess.Core.Tests.Tasks.TaskTestData;

namespace CustomerSuccess.Core.Tests.Tasks;

/// <summary>
/// A bulk action over "all tasks matching the filter" (rules 58, 59) touches exactly the tasks the filter selects when
/// the action runs, and nothing else; when tasks change between the count the person confirmed and the action, the
/// action either runs on the tasks matching now (the count still agrees) or is refused and changes nothing.
/// </summary>
public sealed class TaskBulkActionProperties
{
    private static readonly Actor[] Assignees = [Csm1, Csm2, Manager];

    internal enum Change
    {
        Complete,
        Reopen,
        Retype,
        Reprioritise,
        Reassign,
        Delete,
        Create,
    }

    /// <summary>The filters the property draws from: each a view filter over <see cref="TaskFilterTarget"/>.</summary>
    private static readonly ViewFilter[] Filters =
    [
        ViewFilter.Condition(TaskFilterTarget.Type, FilterOperator.Is, FilterValue.Text("call")),
        ViewFilter.Condition(TaskFilterTarget.Priority, FilterOperator.IsAnyOf, FilterValue.Text("low"), FilterValue.Text("high")),
        ViewFilter.Condition(TaskFilterTarget.Status, FilterOperator.Is, FilterValue.Text(TaskFilterTarget.Open)),
        ViewFilter.Condition(TaskFilterTarget.Assignee, FilterOperator.IsMe),
        ViewFilter.Condition(TaskFilterTarget.Due, FilterOperator.InNextDays, FilterValue.Number(1)),
        ViewFilter.Condition(TaskFilterTarget.AssociatedRecord, FilterOperator.IsAnyOf, FilterValue.Text(Acme.Key)),
        ViewFilter.And(
            ViewFilter.Condition(TaskFilterTarget.Status, FilterOperator.Is, FilterValue.Text(TaskFilterTarget.Open)),
            ViewFilter.Or(
                ViewFilter.Condition(TaskFilterTarget.Type, FilterOperator.IsNot, FilterValue.Text("email")),
                ViewFilter.Condition(TaskFilterTarget.Due, FilterOperator.Before, FilterValue.Date(new LocalDate(2025, 3, 29))))),
    ];

    private static readonly TaskBulkAction[] Actions =
    [
        TaskBulkAction.MarkCompleted,
        TaskBulkAction.MarkIncomplete,
        TaskBulkAction.AssignTo(Csm2.UserId),
        TaskBulkAction.Set(TaskPropertyUpdate.Priority(TaskPriority.High)),
        TaskBulkAction.Set(TaskPropertyUpdate.Type(TaskType.Email)),
        TaskBulkAction.Delete,
    ];

    private static Arbitrary<Case> Cases() => Arb.From(
        from count in Gen.Choose(0, 30)
        from tasks in Gen.ListOf(
            from type in Gen.Choose(1, 4)
            from priority in Gen.Choose(0, 3)
            from assignee in Gen.Choose(0, 2)
            from hours in Gen.Choose(-72, 96)
            from completed in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
            from associated in Gen.Frequency((1, Gen.Constant(true)), (2, Gen.Constant(false)))
            select new Seed(type, priority, assignee, hours, completed, associated),
            count)
        from filter in Gen.Choose(0, Filters.Length - 1)
        from changeCount in Gen.Frequency((2, Gen.Constant(0)), (3, Gen.Choose(1, 4)))
        from changes in Gen.ListOf(
            from kind in Gen.Elements(Enum.GetValues<Change>())
            from pick in Gen.Choose(0, 1000)
            from value in Gen.Choose(0, 3)
            select (kind, pick, value),
            changeCount)
        from action in Gen.Choose(0, Actions.Length - 1)
        select new Case([.. tasks], filter, [.. changes], action));

    [Property(MaxTest = 500)]
    [Trait("Rule", "58")]
    [Trait("Rule", "59")]
    public Property AllMatchingTheFilter_TouchesExactlyTheTasksTheFilterSelects_AlsoWhenTasksChangeAfterTheCount() =>
        Prop.ForAll(Cases(), c =>
        {
            var h = new TaskHarness();
            var service = h.Service;
            foreach (var seed in c.Tasks)
            {
                var details = new TaskDetails("Task", (TaskType)seed.Type, Now + Duration.FromHours(seed.DueHours))
                {
                    Priority = (TaskPriority)seed.Priority,
                    AssigneeId = Assignees[seed.Assignee].UserId,
                    Associations = seed.Associated ? [Acme] : [],
                };
                var task = h.CreateAsync(Manager, details).GetAwaiter().GetResult();
                if (seed.Completed)
                {
                    service.CompleteTaskAsync(Manager, Account, task.Id).GetAwaiter().GetResult();
                }
            }

            var view = new TaskHarnessViews(h).EveryoneViewAsync(Filters[c.Filter]).GetAwaiter().GetResult();
            var request = new TaskListRequest(TaskViewRef.Custom(TasksTab, view), Berlin, PageRequest.First(10));
            var confirmed = service.ListTasksAsync(Manager, Account, request).GetAwaiter().GetResult().Value.TotalCount!.Value;

            // Someone changes tasks between the count shown to the person and the action.
            foreach (var (kind, pick, value) in c.Changes)
            {
                Mutate(h, kind, pick, value);
            }

            var before = h.AllAsync().GetAwaiter().GetResult();
            var spec = FilterCompiler.Compile(Filters[c.Filter], null, TaskFilterTarget.Default, new FilterContext(Manager.UserId, h.Clock.GetCurrentInstant(), Berlin)).Value;
            var selected = before.Where(spec.IsSatisfiedBy).Select(t => t.Id).ToHashSet();
            var touched = new List<TaskId>();
            var progress = new Collect(touched);

            var result = service.ApplyBulkActionAsync(Manager, Account, Actions[c.Action], TaskSelection.AllMatching(request, confirmed), progress).GetAwaiter().GetResult();

            var after = h.AllAsync().GetAwaiter().GetResult();
            if (selected.Count != confirmed)
            {
                Assert.True(result.IsFailure && result.Error!.Is(TaskErrors.BulkCountChangedCode), $"{c}\nexpected a refusal, got {result}");
                Assert.Equal(before, after);
                Assert.Empty(touched);
                return true;
            }

            Assert.True(result.IsSuccess, $"{c}\n{result}");
            Assert.Equal(selected.Order(), touched.Order());
            Assert.Equal(selected.Count, result.Value.Changed + result.Value.Unchanged);
            Assert.Equal(0, result.Value.Forbidden + result.Value.NotFound + result.Value.Conflicts);
            var afterById = after.ToDictionary(t => t.Id);
            foreach (var task in before)
            {
                if (!selected.Contains(task.Id))
                {
                    Assert.Equal(task, afterById[task.Id]);
                }
                else if (Actions[c.Action].Kind == TaskBulkActionKind.Delete)
                {
                    Assert.False(afterById.ContainsKey(task.Id));
                }
                else
                {
                    var changed = afterById[task.Id];
                    Assert.Equal(task with { CompletedAt = changed.CompletedAt, AssigneeId = changed.AssigneeId, Priority = changed.Priority, Type = changed.Type }, changed);
                    Assert.True(Actions[c.Action].Kind switch
                    {
                        TaskBulkActionKind.MarkCompleted => changed.IsCompleted,
                        TaskBulkActionKind.MarkIncomplete => !changed.IsCompleted,
                        TaskBulkActionKind.Assign => changed.AssigneeId == Csm2.UserId,
                        _ => changed.Priority == TaskPriority.High || changed.Type == TaskType.Email,
                    });
                }
            }

            return true;
        });

    private static void Mutate(TaskHarness h, Change kind, int pick, int value)
    {
        var tasks = h.AllAsync().GetAwaiter().GetResult();
        if (kind == Change.Create || tasks.Count == 0)
        {
            h.CreateAsync(Manager, Details("New", due: Now + Duration.FromHours(value * 10), type: (TaskType)(value + 1), assignee: Assignees[value % 3])).GetAwaiter().GetResult();
            return;
        }

        var id = tasks[pick % tasks.Count].Id;
        var service = h.Service;
        var done = kind switch
        {
            Change.Complete => service.CompleteTaskAsync(Manager, Account, id).GetAwaiter().GetResult().ToResult(),
            Change.Reopen => service.ReopenTaskAsync(Manager, Account, id).GetAwaiter().GetResult().ToResult(),
            Change.Retype => service.EditTaskAsync(Manager, Account, id, tasks[pick % tasks.Count].Details with { Type = (TaskType)(value + 1) }).GetAwaiter().GetResult().ToResult(),
            Change.Reprioritise => service.EditTaskAsync(Manager, Account, id, tasks[pick % tasks.Count].Details with { Priority = (TaskPriority)value }).GetAwaiter().GetResult().ToResult(),
            Change.Reassign => service.AssignTaskAsync(Manager, Account, id, Assignees[value % 3].UserId).GetAwaiter().GetResult().ToResult(),
            _ => service.DeleteTaskAsync(Manager, Account, id).GetAwaiter().GetResult().ToResult(),
        };
        Assert.True(done.IsSuccess, done.ToString());
    }

    private sealed class Collect(List<TaskId> touched) : IProgress<TaskBulkProgress>
    {
        public void Report(TaskBulkProgress value) =>
            touched.AddRange(value.Batch.Where(o => o.Kind is TaskOutcomeKind.Changed or TaskOutcomeKind.Unchanged).Select(o => o.TaskId));
    }

    internal sealed record Seed(int Type, int Priority, int Assignee, int DueHours, bool Completed, bool Associated);

    internal sealed record Case(IReadOnlyList<Seed> Tasks, int Filter, IReadOnlyList<(Change Kind, int Pick, int Value)> Changes, int Action)
    {
        public override string ToString() =>
            $"filter {Filter}, action {Action}\ntasks: {string.Join("; ", Tasks)}\nchanges: {string.Join("; ", Changes)}";
    }
}
