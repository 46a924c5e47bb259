using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.Core.Crm;
using CustomerSuccess.Core.Filters;
using CustomerSuccess.Core.Views;
using CustomerSuccess.Core.Records;
using CustomerSuccess.Core.Specification;
using CustomerSuccess.Core.Tasks;
using NodaTime;

namespace CustomerSuccess.Core.Tests.Stores;

/// <summary>
/// The contract of the task ports (<see cref="ITaskStore"/> and <see cref="ITaskQuery"/>) as a base class every store
/// derives from: ids, compare-and-set, deletion, round trips of every field, tenant isolation, paging and totals, and
/// the query cases (the default task views and the task filters) whose results must equal in-memory evaluation of the
/// same specification, so a SQL store answers exactly as the in-memory one does.
/// </summary>
public abstract class TaskStoreContract
{
    protected static readonly PortalId PortalA = PortalId.From(1);
    protected static readonly PortalId PortalB = PortalId.From(2);
    protected static readonly Instant Now = Instant.FromUtc(2025, 3, 28, 9, 0);
    protected static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];

    /// <summary>Creates an empty store; the query must read the store's tasks.</summary>
    /// <returns>The store and its query port (often the same object).</returns>
    protected abstract (ITaskStore Store, ITaskQuery Query) CreateStore();

    protected static TaskState Task(PortalId portal, long id, Action<TaskStateBuilder>? configure = null)
    {
        var builder = new TaskStateBuilder(portal, id);
        configure?.Invoke(builder);
        return builder.Build();
    }

    protected static async Task<VersionToken> SaveNewAsync(ITaskStore store, TaskState state)
    {
        var saved = await store.SaveAsync(state.Key, state, VersionToken.None, []);
        Assert.True(saved.IsSuccess, saved.ToString());
        return saved.Value;
    }

    [Fact]
    public virtual async Task NextIdAsync_HandsOutDistinctPositiveIds_PerPortal()
    {
        var (store, _) = CreateStore();
        var a = new List<TaskId>();
        for (var i = 0; i < 5; i++)
        {
            a.Add(await store.NextIdAsync(PortalA));
        }

        var b = await store.NextIdAsync(PortalB);

        Assert.Equal(5, a.Distinct().Count());
        Assert.All(a, id => Assert.True(id.Value > 0));
        Assert.True(b.Value > 0);
        await Assert.ThrowsAsync<ArgumentException>(() => store.NextIdAsync(default));
    }

    [Fact]
    public virtual async Task SaveThenLoad_RoundTripsEveryField()
    {
        var (store, query) = CreateStore();
        var task = Task(PortalA, 1, t => t.Full());

        var version = await SaveNewAsync(store, task);
        var loaded = await store.LoadAsync(task.Key);
        var listed = await query.QueryAsync(new TaskQuery(PortalA, All(), PageRequest.First(10)));

        Assert.Equal(task, loaded!.State);
        Assert.Equal(version, loaded.Version);
        Assert.Equal(task, Assert.Single(listed.Items).State);
        Assert.Equal(version, listed.Items[0].Version);
    }

    [Fact]
    public virtual async Task Save_WithAStaleOrMissingVersion_IsAConflict_AndChangesNothing()
    {
        var (store, query) = CreateStore();
        var task = Task(PortalA, 1);
        var first = await SaveNewAsync(store, task);
        var second = (await store.SaveAsync(task.Key, task with { Title = "Second" }, first, [])).Value;

        var stale = await store.SaveAsync(task.Key, task with { Title = "Stale" }, first, []);
        var again = await store.SaveAsync(task.Key, task with { Title = "Again" }, VersionToken.None, []);

        Assert.Equal(ConcurrencyErrors.ConflictCode, stale.Error!.Code);
        Assert.Equal(ConcurrencyErrors.ConflictCode, again.Error!.Code);
        Assert.NotEqual(first, second);
        Assert.Equal("Second", (await store.LoadAsync(task.Key))!.State.Title);
        Assert.Equal("Second", (await query.QueryAsync(new TaskQuery(PortalA, All(), PageRequest.First(10)))).Items[0].State.Title);
    }

    [Fact]
    public virtual async Task Delete_ByCompareAndSet_RemovesTheTaskFromLoadsQueriesAndCounts()
    {
        var (store, query) = CreateStore();
        var task = Task(PortalA, 1);
        var version = await SaveNewAsync(store, task);
        await SaveNewAsync(store, Task(PortalA, 2));

        var wrong = await store.DeleteAsync(task.Key, VersionToken.From("not-it"), []);
        var deleted = await store.DeleteAsync(task.Key, version, []);

        Assert.Equal(ConcurrencyErrors.ConflictCode, wrong.Error!.Code);
        Assert.True(deleted.IsSuccess, deleted.ToString());
        Assert.Null(await store.LoadAsync(task.Key));
        Assert.Equal([2L], (await query.QueryAsync(new TaskQuery(PortalA, All(), PageRequest.First(10)))).Items.Select(t => t.State.Id.Value));
        Assert.Equal(1, await query.CountAsync(PortalA, All()));
        Assert.Equal(ConcurrencyErrors.ConflictCode, (await store.DeleteAsync(task.Key, version, [])).Error!.Code);
    }

    [Fact]
    public virtual async Task Query_ReadsAndCountsOnlyItsPortal_ATaskOfAnotherPortalLoadsAsMissing()
    {
        var (store, query) = CreateStore();
        await SaveNewAsync(store, Task(PortalA, 1));
        await SaveNewAsync(store, Task(PortalB, 1, t => t.Title = "B's"));
        await SaveNewAsync(store, Task(PortalB, 2));

        var a = await query.QueryAsync(new TaskQuery(PortalA, All(), PageRequest.First(10)));

        Assert.Equal([PortalA], a.Items.Select(t => t.State.PortalId));
        Assert.Equal(1, a.TotalCount);
        Assert.Equal(2, await query.CountAsync(PortalB, All()));
        Assert.Equal(0, await query.CountAsync(PortalId.From(3), All()));
        Assert.Null(await store.LoadAsync(TaskKey.Create(PortalA, TaskId.From(2))));
        Assert.Equal("B's", (await store.LoadAsync(TaskKey.Create(PortalB, TaskId.From(1))))!.State.Title);
    }

    [Fact]
    public virtual async Task Query_TakesThePageAfterOrdering_AndCountsEveryMatch()
    {
        var (store, query) = CreateStore();
        for (var id = 1; id <= 7; id++)
        {
            await SaveNewAsync(store, Task(PortalA, id, t => t.DueAt = Now - Duration.FromHours(id)));
        }

        var spec = new Specification<TaskState>();
        spec.Query.Where(t => t.Id != TaskId.From(4)).OrderBy(t => t.DueAt).ThenBy(t => t.Id);
        var second = await query.QueryAsync(new TaskQuery(PortalA, spec, PageRequest.Create(2, 4)));
        var withoutTotal = await query.QueryAsync(new TaskQuery(PortalA, spec, PageRequest.Create(1, 4)) { IncludeTotal = false });

        var byId = new Specification<TaskState>();
        byId.Query.Where(t => t.Id != TaskId.From(4)).OrderBy(t => t.Id);
        var byIdSecond = await query.QueryAsync(new TaskQuery(PortalA, byId, PageRequest.Create(2, 4)));
        var beyond = await query.QueryAsync(new TaskQuery(PortalA, byId, PageRequest.Create(3, 4)));

        Assert.Equal([2L, 1L], second.Items.Select(t => t.State.Id.Value));
        Assert.Equal(6, second.TotalCount);
        Assert.Equal([6L, 7L], byIdSecond.Items.Select(t => t.State.Id.Value));
        Assert.Equal(6, byIdSecond.TotalCount);
        Assert.Empty(beyond.Items);
        Assert.Equal(6, beyond.TotalCount);
        Assert.Null(withoutTotal.TotalCount);
        Assert.Equal([7L, 6L, 5L, 3L], withoutTotal.Items.Select(t => t.State.Id.Value));
    }

    [Fact]
    public virtual async Task Query_ACancelledTokenThrows_AndPagingInTheSpecificationIsRefused()
    {
        var (_, query) = CreateStore();
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();
        var paged = new Specification<TaskState>();
        paged.Query.Take(5);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => query.QueryAsync(new TaskQuery(PortalA, All(), PageRequest.First(5)), cancel.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => query.CountAsync(PortalA, All(), cancel.Token));
        Assert.Throws<ArgumentException>(() => new TaskQuery(PortalA, paged, PageRequest.First(5)));
        await Assert.ThrowsAsync<ArgumentException>(() => query.CountAsync(PortalA, paged));
    }

    /// <summary>The query cases: the five default views (for a viewer in Berlin and in Kolkata) and one filter per task
    /// property, over tasks due around the viewer's midnights; each store must answer exactly as in-memory evaluation
    /// of the same specification does (same tasks, same order, same count).</summary>
    [Fact]
    public virtual async Task QueryCases_DefaultViewsAndTaskFilters_AnswerAsInMemoryEvaluationDoes()
    {
        var (store, query) = CreateStore();
        var tasks = QueryCaseTasks();
        foreach (var task in tasks)
        {
            await SaveNewAsync(store, task);
        }

        await SaveNewAsync(store, Task(PortalB, 1, t => t.Assignee = UserId.From(1)));
        foreach (var (name, spec) in QueryCases())
        {
            var expected = spec.Evaluate(tasks).Select(t => t.Id).ToList();
            var page = await query.QueryAsync(new TaskQuery(PortalA, spec, PageRequest.First(PageRequest.MaxPageSize)));
            Assert.True(expected.SequenceEqual(page.Items.Select(t => t.State.Id)), $"{name}: expected [{string.Join(", ", expected)}], got [{string.Join(", ", page.Items.Select(t => t.State.Id))}]");
            Assert.Equal(expected.Count, page.TotalCount);
            Assert.Equal(expected.Count, await query.CountAsync(PortalA, spec));
        }
    }

    protected static Specification<TaskState> All()
    {
        var spec = new Specification<TaskState>();
        spec.Query.OrderBy(t => t.Id);
        return spec;
    }

    /// <summary>Tasks due on and one millisecond around the midnights of Berlin and Kolkata, of every type and priority,
    /// open and completed, assigned to users 1 and 2 or nobody, some associated with records.</summary>
    protected static IReadOnlyList<TaskState> QueryCaseTasks()
    {
        var kolkata = DateTimeZoneProviders.Tzdb["Asia/Kolkata"];
        var instants = new List<Instant>();
        foreach (var zone in new[] { Berlin, kolkata })
        {
            var today = Now.InZone(zone).Date;
            for (var day = -2; day <= 3; day++)
            {
                var midnight = CalendarRange.StartOf(today.PlusDays(day), zone);
                instants.AddRange([midnight - Duration.FromMilliseconds(1), midnight, midnight + Duration.FromHours(11)]);
            }
        }

        return [.. instants.Select((due, i) => Task(PortalA, i + 1, t =>
        {
            t.DueAt = due;
            t.Type = (TaskType)(i % 4 + 1);
            t.Priority = (TaskPriority)(i % 4);
            t.Assignee = (i % 3) switch { 0 => UserId.From(1), 1 => UserId.From(2), _ => null };
            t.CompletedAt = i % 5 == 0 ? due + Duration.FromHours(i) : null;
            t.Associations = i % 4 == 0 ? [new RecordReference(CrmObjectType.Companies, RecordId.From(42))] : i % 4 == 1 ? [new RecordReference(CrmObjectType.Contacts, RecordId.From(7)), new RecordReference(CrmObjectType.Companies, RecordId.From(43))] : [];
            t.Title = i % 2 == 0 ? $"Call about renewal {i}" : $"Email {i}";
        }))];
    }

    protected static IEnumerable<(string Name, ISpecification<TaskState> Spec)> QueryCases()
    {
        var kolkata = DateTimeZoneProviders.Tzdb["Asia/Kolkata"];
        foreach (var zone in new[] { Berlin, kolkata })
        {
            foreach (var view in Enum.GetValues<DefaultTaskView>())
            {
                yield return ($"{view} in {zone.Id}", new DefaultTaskViewSpec(view, Now, zone));
                yield return ($"{view} of user 1 in {zone.Id}", new DefaultTaskViewSpec(view, Now, zone, UserId.From(1)));
            }
        }

        var context = new FilterContext(UserId.From(1), Now, Berlin);
        var filters = new (string Name, ViewFilter Filter, ViewSort? Sort)[]
        {
            ("assignee is me", ViewFilter.Condition(TaskFilterTarget.Assignee, FilterOperator.IsMe), null),
            ("assignee unknown", ViewFilter.Condition(TaskFilterTarget.Assignee, FilterOperator.IsUnknown), null),
            ("type call or email", ViewFilter.Condition(TaskFilterTarget.Type, FilterOperator.IsAnyOf, FilterValue.Text("call"), FilterValue.Text("email")), new ViewSort(TaskFilterTarget.Due, SortDirection.Descending)),
            ("priority high", ViewFilter.Condition(TaskFilterTarget.Priority, FilterOperator.Is, FilterValue.Text("high")), new ViewSort(TaskFilterTarget.Priority, SortDirection.Ascending)),
            ("status completed", ViewFilter.Condition(TaskFilterTarget.Status, FilterOperator.Is, FilterValue.Text(TaskFilterTarget.Completed)), new ViewSort(TaskFilterTarget.CompletedAt, SortDirection.Descending)),
            ("due between", ViewFilter.Condition(TaskFilterTarget.Due, FilterOperator.Between, FilterValue.Date(new LocalDate(2025, 3, 27)), FilterValue.Date(new LocalDate(2025, 3, 28))), null),
            ("due in the next 2 days", ViewFilter.Condition(TaskFilterTarget.Due, FilterOperator.InNextDays, FilterValue.Number(2)), new ViewSort(TaskFilterTarget.Title, SortDirection.Ascending)),
            ("associated with company 42", ViewFilter.Condition(TaskFilterTarget.AssociatedRecord, FilterOperator.IsAnyOf, FilterValue.Text("companies/42")), null),
            ("not associated with contact 7", ViewFilter.Condition(TaskFilterTarget.AssociatedRecord, FilterOperator.IsNot, FilterValue.Text("contacts/7")), null),
            ("no associated record", ViewFilter.Condition(TaskFilterTarget.AssociatedRecord, FilterOperator.IsUnknown), null),
            ("title contains renewal", ViewFilter.Condition(TaskFilterTarget.Title, FilterOperator.Contains, FilterValue.Text("renewal")), null),
            ("open calls of user 1 or unassigned", ViewFilter.And(
                ViewFilter.Condition(TaskFilterTarget.Status, FilterOperator.Is, FilterValue.Text(TaskFilterTarget.Open)),
                ViewFilter.Or(ViewFilter.Condition(TaskFilterTarget.Assignee, FilterOperator.IsMe), ViewFilter.Condition(TaskFilterTarget.Assignee, FilterOperator.IsUnknown))), null),
        };
        foreach (var (name, filter, sort) in filters)
        {
            yield return (name, FilterCompiler.Compile(filter, sort, TaskFilterTarget.Default, context).Value);
        }
    }

    /// <summary>Builds task states for the contract's cases.</summary>
    protected sealed class TaskStateBuilder(PortalId portal, long id)
    {
        public string Title { get; set; } = "Task";

        public Instant DueAt { get; set; } = Now;

        public TaskType Type { get; set; } = TaskType.ToDo;

        public TaskPriority Priority { get; set; }

        public UserId? Assignee { get; set; }

        public Instant? CompletedAt { get; set; }

        public IReadOnlyList<RecordReference> Associations { get; set; } = [];

        public string? Notes { get; set; }

        /// <summary>Sets every optional field.</summary>
        public void Full()
        {
            Title = "Renewal call";
            Notes = "Bring the numbers";
            Type = TaskType.Call;
            Priority = TaskPriority.High;
            Assignee = UserId.From(2);
            DueAt = Now + Duration.FromHours(5);
            CompletedAt = Now + Duration.FromMinutes(1);
            Associations = [new RecordReference(CrmObjectType.Companies, RecordId.From(42)), new RecordReference(CrmObjectType.Custom("p_subscriptions"), RecordId.From(9))];
        }

        public TaskState Build() => new()
        {
            PortalId = portal,
            Id = TaskId.From(id),
            Title = Title,
            Notes = Notes,
            Type = Type,
            Priority = Priority,
            AssigneeId = Assignee,
            DueAt = DueAt,
            CompletedAt = CompletedAt,
            Associations = Associations,
            CreatedBy = UserId.From(1),
            CreatedAt = Now - Duration.FromDays(1),
        };
    }
}
