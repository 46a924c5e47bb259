using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.Core.Crm;
using CustomerSuccess.Core.Filters;
using CustomerSuccess.Core.Records;
using CustomerSuccess.Core.Specification;
using CustomerSuccess.Core.Tasks;
using CustomerSuccess.Core.Tasks.Events;
using CustomerSuccess.Core.Views;
using NodaTime;
using Xunit;

namespace CustomerSuccess.Core.Testing;

/// <summary>A fresh, empty task store for one case of <see cref="TaskStoreConformance"/>: the store and the query over
/// the same tasks (often the same object).</summary>
public sealed class TaskStorePorts
{
    /// <summary>Initializes the ports.</summary>
    /// <param name="store">The task store.</param>
    /// <param name="query">The task query that reads what <paramref name="store"/> writes.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public TaskStorePorts(ITaskStore store, ITaskQuery query)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(query);
        Store = store;
        Query = query;
    }

    /// <summary>Gets the task store.</summary>
    public ITaskStore Store { get; }

    /// <summary>Gets the task query over the store's tasks.</summary>
    public ITaskQuery Query { get; }

    /// <summary>Deconstructs the ports.</summary>
    /// <param name="store">The task store.</param>
    /// <param name="query">The task query.</param>
    public void Deconstruct(out ITaskStore store, out ITaskQuery query)
    {
        store = Store;
        query = Query;
    }
}

/// <summary>
/// The contract of <see cref="ITaskStore"/> and <see cref="ITaskQuery"/> as tests: derive, return a fresh, empty store
/// from <see cref="CreateTaskStoreAsync"/>, read its outbox in <c>ReadOutboxAsync</c>, and every case runs against it,
/// the cases of <see cref="AggregateStoreConformance{TKey, TState}"/> included (one task per portal as the key).
/// </summary>
/// <remarks>
/// <para>The oracle is in-memory evaluation: for each query the expected page is the stored tasks of the asked portal
/// filtered, ordered and paged by the same specification with <see cref="InMemorySpecificationEvaluator"/>, so a SQL
/// store passes only if it translates every task specification with the same results.</para>
/// <para>The cases: ids distinct and positive per portal, never handed out twice; round trips of every field (through
/// a load and through a query, with the version); a state that is not a created task of its key refused; deletes gone
/// from loads, queries and counts; task events kept with the save; the five default views
/// (<see cref="DefaultTaskViewSpec"/>) for every viewer and for one assignee, at two instants (one the day before
/// Berlin's spring change), in UTC, Europe/Berlin, America/New_York, Asia/Kolkata and Pacific/Chatham, over tasks due on
/// and one millisecond around each zone's midnights; custom filters on assignee, type, priority, status, due range,
/// completion, creator, title and associated record; every sort in both directions with the id tie-break; walking all
/// pages; totals whatever the page; tenant isolation; batch loads and batch writes (each write its own
/// compare-and-set); pre-cancelled tokens; null and invalid arguments.</para>
/// <para>Instants in the sample tasks are whole milliseconds, which every database keeps exactly (PostgreSQL's
/// <c>timestamptz</c> keeps microseconds); the round-trip samples have nanoseconds, which the store's document keeps.
/// Text comparisons are ordinal in the oracle; the sample titles sort alike under the usual collations.</para>
/// </remarks>
public abstract class TaskStoreConformance : AggregateStoreConformance<TaskKey, TaskState>
{
    /// <summary>Gets the portal whose tasks the query cases read.</summary>
    protected static PortalId Portal { get; } = PortalId.From(1);

    /// <summary>Gets another portal with tasks of the same ids and values, which no query of <see cref="Portal"/> may see.</summary>
    protected static PortalId OtherPortal { get; } = PortalId.From(2);

    /// <summary>Gets the zones every default view is computed in.</summary>
    protected static IReadOnlyList<DateTimeZone> Zones { get; } =
        [.. new[] { "UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Pacific/Chatham" }.Select(z => DateTimeZoneProviders.Tzdb[z])];

    /// <summary>Gets the instants the default views are computed for: a Friday morning, and Saturday evening before
    /// Berlin's 23-hour day.</summary>
    protected static IReadOnlyList<Instant> Nows { get; } = [Instant.FromUtc(2025, 3, 28, 9, 0), Instant.FromUtc(2025, 3, 29, 20, 30)];

    /// <summary>Creates a fresh, empty task store.</summary>
    /// <returns>The store and its query.</returns>
    protected abstract Task<TaskStorePorts> CreateTaskStoreAsync();

    /// <inheritdoc />
    protected sealed override async Task<IAggregateStore<TaskKey, TaskState>> CreateStoreAsync() => (await CreateTaskStoreAsync().ConfigureAwait(false)).Store;

    /// <inheritdoc />
    protected override TaskKey KeyOf(PortalId portal) => TaskKey.Create(portal, TaskId.From(1));

    /// <inheritdoc />
    protected override TaskState SampleState(TaskKey key, int variant) => variant switch
    {
        0 => NewTask(key.PortalId, key.TaskId.Value),
        1 => NewTask(key.PortalId, key.TaskId.Value) with
        {
            Title = "Renewal call — Zoë ✓ \"quoted\" \\ 😀",
            Notes = "Bring the numbers\nline 2",
            Type = TaskType.Call,
            Priority = TaskPriority.High,
            AssigneeId = UserId.From(2),
            DueAt = SampleInstant,
            CompletedAt = SampleInstant.PlusNanoseconds(1),
            Associations = [new RecordReference(CrmObjectType.Companies, RecordId.From(42)), new RecordReference(CrmObjectType.Custom("p_subscriptions"), RecordId.From(9))],
        },
        _ => NewTask(key.PortalId, key.TaskId.Value) with
        {
            Title = "Email",
            Type = TaskType.Email,
            Priority = TaskPriority.Low,
            AssigneeId = UserId.From(3),
            DueAt = SampleInstant - Duration.FromDays(400),
            Associations = [new RecordReference(CrmObjectType.Contacts, RecordId.From(7))],
        },
    };

    /// <summary>Ids are positive and distinct within a portal, and never handed out again, also after a delete.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public virtual async Task Ids_are_positive_distinct_per_portal_and_never_handed_out_twice()
    {
        var (store, _) = await CreateTaskStoreAsync();
        var a = new List<TaskId>();
        for (var i = 0; i < 5; i++)
        {
            a.Add(await store.NextIdAsync(Portal));
        }

        var task = NewTask(Portal, a[^1].Value);
        var version = await SaveNewAsync(store, task);
        Assert.True((await store.DeleteAsync(task.Key, version, [])).IsSuccess);
        a.Add(await store.NextIdAsync(Portal));
        var b = await store.NextIdAsync(OtherPortal);

        Assert.Equal(a.Count, a.Distinct().Count());
        Assert.All(a, id => Assert.True(id.Value > 0));
        Assert.True(b.Value > 0);
        await Assert.ThrowsAsync<ArgumentException>(() => store.NextIdAsync(default));
    }

    /// <summary>Every field reads back equal, through a load and through a query, with the same version.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public virtual async Task A_task_reads_back_whole_through_load_and_query()
    {
        var (store, query) = await CreateTaskStoreAsync();
        var task = SampleState(TaskKey.Create(Portal, TaskId.From(3)), 1);

        var version = await SaveNewAsync(store, task);
        var loaded = await store.LoadAsync(task.Key);
        var listed = await query.QueryAsync(new TaskQuery(Portal, ById(), PageRequest.First(10)));

        Assert.Equal(task, loaded!.State);
        Assert.Equal(version, loaded.Version);
        Assert.Equal(task, Assert.Single(listed.Items).State);
        Assert.Equal(version, listed.Items[0].Version);
    }

    /// <summary>A state that is not a created task of the key it is saved under is an argument error.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public virtual async Task A_state_that_is_not_a_created_task_of_its_key_is_an_argument_error()
    {
        var (store, _) = await CreateTaskStoreAsync();
        var task = NewTask(Portal, 1);

        await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync(TaskKey.Create(Portal, TaskId.From(2)), task, VersionToken.None, []));
        await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync(task.Key, TaskItem.CreateInitialState(task.Key), VersionToken.None, []));
        Assert.Null(await store.LoadAsync(task.Key));
    }

    /// <summary>A deleted task is gone from loads, queries and counts; the other tasks stay.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public virtual async Task A_deleted_task_is_gone_from_loads_queries_and_counts()
    {
        var (store, query) = await CreateTaskStoreAsync();
        var task = SampleState(TaskKey.Create(Portal, TaskId.From(1)), 1);
        var version = await SaveNewAsync(store, task);
        await SaveNewAsync(store, NewTask(Portal, 2));

        Assert.True((await store.DeleteAsync(task.Key, version, [])).IsSuccess);

        Assert.Null(await store.LoadAsync(task.Key));
        var page = await query.QueryAsync(new TaskQuery(Portal, ById(), PageRequest.First(10)));
        Assert.Equal([2L], page.Items.Select(t => t.State.Id.Value));
        Assert.Equal(1, page.TotalCount);
        Assert.Equal(1, await query.CountAsync(Portal, ById()));
        var associated = Compile(ViewFilter.Condition(TaskFilterTarget.AssociatedRecord, FilterOperator.IsAnyOf, FilterValue.Text("companies/42")), null);
        Assert.Equal(0, await query.CountAsync(Portal, associated));
    }

    /// <summary>Task events handed to a save or a delete are kept with it and read back equal.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public virtual async Task Task_events_are_kept_with_the_write()
    {
        var (store, _) = await CreateTaskStoreAsync();
        var task = SampleState(TaskKey.Create(Portal, TaskId.From(1)), 1);
        var by = Initiator.User(UserId.From(1));
        IDomainEvent created = new TaskCreated(task.Key, task.Details, by, SampleInstant);
        IDomainEvent completed = new TaskCompleted(task.Key, by, SampleInstant.PlusNanoseconds(1));
        IDomainEvent deleted = new TaskDeleted(task.Key, task.Title, by, SampleInstant.PlusNanoseconds(2));

        var v1 = (await store.SaveAsync(task.Key, task, VersionToken.None, [created])).Value;
        var v2 = (await store.SaveAsync(task.Key, task, v1, [completed])).Value;
        Assert.True((await store.DeleteAsync(task.Key, v2, [deleted])).IsSuccess);

        Assert.Equal([created, completed, deleted], await ReadOutboxAsync(store));
    }

    /// <summary>A batch load answers every id in the order given (repeats included), with the versions single loads
    /// give, and null for a missing id or a task of another portal.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public virtual async Task A_batch_load_answers_every_id_in_order()
    {
        var (store, _) = await CreateTaskStoreAsync();
        var first = SampleState(TaskKey.Create(Portal, TaskId.From(1)), 1);
        await SaveNewAsync(store, first);
        var second = NewTask(Portal, 2);
        await SaveNewAsync(store, second);
        await SaveNewAsync(store, NewTask(OtherPortal, 3));

        var loaded = await store.LoadManyAsync(Portal, [TaskId.From(2), TaskId.From(99), TaskId.From(1), TaskId.From(2), TaskId.From(3)]);

        Assert.Equal(5, loaded.Count);
        Assert.Equal(second, loaded[0]?.State);
        Assert.Null(loaded[1]);
        Assert.Equal(first, loaded[2]?.State);
        Assert.Equal((await store.LoadAsync(first.Key))!.Version, loaded[2]!.Version);
        Assert.Equal(loaded[0], loaded[3]);
        Assert.Null(loaded[4]);
        Assert.Empty(await store.LoadManyAsync(Portal, []));
        await Assert.ThrowsAsync<ArgumentNullException>(() => store.LoadManyAsync(Portal, null!));
        await Assert.ThrowsAsync<ArgumentException>(() => store.LoadManyAsync(default, [TaskId.From(1)]));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.LoadManyAsync(Portal, [TaskId.From(1)], cancelled.Token));
    }

    /// <summary>Each write of a batch is its own compare-and-set: a stale write is a conflict that changes nothing, while
    /// the batch's other writes (an update, a create and a delete) are stored with their events; results come in order.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public virtual async Task Each_write_of_a_batch_is_its_own_compare_and_set()
    {
        var (store, query) = await CreateTaskStoreAsync();
        var by = Initiator.User(UserId.From(1));
        var kept = NewTask(Portal, 1);
        var stale = NewTask(Portal, 2);
        var gone = SampleState(TaskKey.Create(Portal, TaskId.From(3)), 1);
        var v1 = await SaveNewAsync(store, kept);
        var v2 = await SaveNewAsync(store, stale);
        var v3 = await SaveNewAsync(store, gone);
        Assert.True((await store.SaveAsync(stale.Key, stale with { Title = "Changed meanwhile" }, v2, [])).IsSuccess);
        var updated = kept with { Title = "Updated", CompletedAt = SampleInstant };
        var created = SampleState(TaskKey.Create(Portal, TaskId.From(4)), 2);
        IDomainEvent completed = new TaskCompleted(kept.Key, by, SampleInstant);
        IDomainEvent lost = new TaskCompleted(stale.Key, by, SampleInstant);
        IDomainEvent added = new TaskCreated(created.Key, created.Details, by, SampleInstant);
        IDomainEvent deleted = new TaskDeleted(gone.Key, gone.Title, by, SampleInstant);

        var results = await store.WriteManyAsync(
        [
            TaskWrite.Save(updated, v1, [completed]),
            TaskWrite.Save(stale with { Title = "Lost" }, v2, [lost]),
            TaskWrite.Save(created, VersionToken.None, [added]),
            TaskWrite.Delete(gone.Key, v3, [deleted]),
        ]);

        Assert.Equal(4, results.Count);
        Assert.True(results[0].IsSuccess);
        Assert.Equal(ConcurrencyErrors.ConflictCode, results[1].Error?.Code);
        Assert.True(results[2].IsSuccess);
        Assert.Equal(VersionToken.None, results[3].Value);
        Assert.Equal(new Versioned<TaskState>(updated, results[0].Value), await store.LoadAsync(kept.Key));
        Assert.Equal("Changed meanwhile", (await store.LoadAsync(stale.Key))!.State.Title);
        Assert.Equal(new Versioned<TaskState>(created, results[2].Value), await store.LoadAsync(created.Key));
        Assert.Null(await store.LoadAsync(gone.Key));
        Assert.Equal([1L, 2L, 4L], (await query.QueryAsync(new TaskQuery(Portal, ById(), PageRequest.First(10)))).Items.Select(t => t.State.Id.Value));
        Assert.Equal([completed, added, deleted], await ReadOutboxAsync(store));
        Assert.Empty(await store.WriteManyAsync([]));
    }

    /// <summary>A batch that names a task twice, holds a null entry or comes with a cancelled token is refused before
    /// anything is written.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public virtual async Task A_bad_or_cancelled_batch_writes_nothing()
    {
        var (store, _) = await CreateTaskStoreAsync();
        var task = NewTask(Portal, 1);
        var version = await SaveNewAsync(store, task);
        var other = NewTask(Portal, 2);

        await Assert.ThrowsAsync<ArgumentException>(() => store.WriteManyAsync(
            [TaskWrite.Save(other, VersionToken.None, []), TaskWrite.Save(task with { Title = "Once" }, version, []), TaskWrite.Delete(task.Key, version, [])]));
        await Assert.ThrowsAsync<ArgumentNullException>(() => store.WriteManyAsync([TaskWrite.Save(other, VersionToken.None, []), null!]));
        await Assert.ThrowsAsync<ArgumentNullException>(() => store.WriteManyAsync(null!));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.WriteManyAsync([TaskWrite.Save(other, VersionToken.None, [])], cancelled.Token));

        Assert.Equal(new Versioned<TaskState>(task, version), await store.LoadAsync(task.Key));
        Assert.Null(await store.LoadAsync(other.Key));
        Assert.Empty(await ReadOutboxAsync(store));
    }

    /// <summary>The five default views, for every viewer and for one assignee, at two instants, in five zones (Pacific/Chatham
    /// among them), select and order exactly what memory does; open tasks fall into exactly one of overdue, due today, due
    /// tomorrow and later.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public virtual async Task Default_views_in_every_zone_answer_as_memory_does()
    {
        var (store, query) = await CreateTaskStoreAsync();
        var tasks = await StoreQueryTasksAsync(store);
        foreach (var now in Nows)
        {
            foreach (var zone in Zones)
            {
                foreach (var assignee in new UserId?[] { null, UserId.From(1) })
                {
                    var counts = new Dictionary<DefaultTaskView, int>();
                    foreach (var view in Enum.GetValues<DefaultTaskView>())
                    {
                        var spec = new DefaultTaskViewSpec(view, now, zone, assignee);
                        counts[view] = await AssertAnswersAsync(query, tasks, spec, PageRequest.First(PageRequest.MaxPageSize), $"{view} at {now} in {zone.Id} for {assignee?.ToString() ?? "everyone"}");
                    }

                    var later = new Specification<TaskState>();
                    var start = CalendarRange.StartOf(CalendarRange.DateOf(now, zone).PlusDays(2), zone);
                    later.Query.Where(t => t.CompletedAt == null && t.DueAt >= start);
                    if (assignee is { } user)
                    {
                        later.Query.Where(t => t.AssigneeId == user);
                    }

                    var open = counts[DefaultTaskView.Overdue] + counts[DefaultTaskView.DueToday] + counts[DefaultTaskView.DueTomorrow] + await query.CountAsync(Portal, later);
                    Assert.Equal(counts[DefaultTaskView.AllOpen], open);
                }
            }
        }
    }

    /// <summary>Custom filters on every task property (assignee, type, priority, status, due range, completion, creator,
    /// title, associated record) and nested groups select and order exactly what memory does.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public virtual async Task Custom_filters_answer_as_memory_does()
    {
        var (store, query) = await CreateTaskStoreAsync();
        var tasks = await StoreQueryTasksAsync(store);
        foreach (var (name, filter, sort) in Filters())
        {
            await AssertAnswersAsync(query, tasks, Compile(filter, sort), PageRequest.First(PageRequest.MaxPageSize), name);
        }
    }

    /// <summary>Every sortable task property (users are not sortable) in both directions orders like memory: unknown
    /// values last, ties broken by the task id ascending.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public virtual async Task Sorts_order_like_memory_with_the_id_tie_break()
    {
        var (store, query) = await CreateTaskStoreAsync();
        var tasks = await StoreQueryTasksAsync(store);
        string[] properties =
        [
            TaskFilterTarget.Title, TaskFilterTarget.Type, TaskFilterTarget.Priority, TaskFilterTarget.Status,
            TaskFilterTarget.Due, TaskFilterTarget.CompletedAt, TaskFilterTarget.CreatedAt,
        ];
        foreach (var property in properties)
        {
            foreach (var direction in new[] { SortDirection.Ascending, SortDirection.Descending })
            {
                var sort = new ViewSort(property, direction);
                await AssertAnswersAsync(query, tasks, Compile(null, sort), PageRequest.First(PageRequest.MaxPageSize), $"sort {sort}");
            }
        }
    }

    /// <summary>Walking every page returns every match once in the full order, with the same total on every page; a page
    /// past the end is empty and keeps the total; without the total, none is counted.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public virtual async Task Walking_all_pages_returns_every_match_once_in_order()
    {
        var (store, query) = await CreateTaskStoreAsync();
        var tasks = await StoreQueryTasksAsync(store);
        foreach (var spec in new ISpecification<TaskState>[]
        {
            new DefaultTaskViewSpec(DefaultTaskView.AllOpen, Nows[0], Zones[1]),
            new DefaultTaskViewSpec(DefaultTaskView.AllCompleted, Nows[0], Zones[4]),
            Compile(null, new ViewSort(TaskFilterTarget.Type, SortDirection.Descending)),
        })
        {
            var all = Expected(tasks, spec);
            var walked = new List<TaskId>();
            for (var number = 1; ; number++)
            {
                var page = await query.QueryAsync(new TaskQuery(Portal, spec, PageRequest.Create(number, 7)));
                Assert.Equal(all.Count, page.TotalCount);
                walked.AddRange(page.Items.Select(t => t.State.Id));
                if (page.Items.Count < 7)
                {
                    break;
                }
            }

            Assert.Equal(all, walked);
            var beyond = await query.QueryAsync(new TaskQuery(Portal, spec, PageRequest.Create(1000, 7)));
            Assert.Empty(beyond.Items);
            Assert.Equal(all.Count, beyond.TotalCount);
            var untotalled = await query.QueryAsync(new TaskQuery(Portal, spec, PageRequest.Create(2, 5)) { IncludeTotal = false });
            Assert.Null(untotalled.TotalCount);
            Assert.Equal(all.Skip(5).Take(5), untotalled.Items.Select(t => t.State.Id));
        }
    }

    /// <summary>A portal never reads, counts or pages through another portal's tasks, even with the same ids and values;
    /// a task of another portal loads as missing.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public virtual async Task A_portal_sees_only_its_own_tasks()
    {
        var (store, query) = await CreateTaskStoreAsync();
        var tasks = await StoreQueryTasksAsync(store);
        var onlyOther = NewTask(OtherPortal, tasks.Count + 1);
        await SaveNewAsync(store, onlyOther);

        var mine = await query.QueryAsync(new TaskQuery(Portal, ById(), PageRequest.First(PageRequest.MaxPageSize)));
        var theirs = await query.QueryAsync(new TaskQuery(OtherPortal, ById(), PageRequest.First(PageRequest.MaxPageSize)));

        Assert.Equal(tasks.Count, mine.TotalCount);
        Assert.All(mine.Items, t => Assert.Equal(Portal, t.State.PortalId));
        Assert.Equal(tasks.Count + 1, theirs.TotalCount);
        Assert.All(theirs.Items, t => Assert.Equal(OtherPortal, t.State.PortalId));
        Assert.Equal(0, await query.CountAsync(PortalId.From(3), ById()));
        Assert.Null(await store.LoadAsync(TaskKey.Create(Portal, onlyOther.Id)));
        Assert.Equal(onlyOther, (await store.LoadAsync(onlyOther.Key))!.State);
    }

    /// <summary>Pre-cancelled tokens throw <see cref="OperationCanceledException"/> from every query method and from
    /// <see cref="ITaskStore.NextIdAsync"/>.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public virtual async Task Cancelled_queries_throw()
    {
        var (store, query) = await CreateTaskStoreAsync();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => query.QueryAsync(new TaskQuery(Portal, ById(), PageRequest.First(5)), cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => query.CountAsync(Portal, ById(), cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.NextIdAsync(Portal, cancelled.Token));
    }

    /// <summary>A null query or specification, a default portal and a specification with its own paging are argument
    /// errors.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public virtual async Task Null_and_invalid_query_arguments_throw()
    {
        var (_, query) = await CreateTaskStoreAsync();
        var paged = new Specification<TaskState>();
        paged.Query.Take(5);

        Assert.Equal("query", (await Assert.ThrowsAsync<ArgumentNullException>(() => query.QueryAsync(null!))).ParamName);
        await Assert.ThrowsAsync<ArgumentNullException>(() => query.CountAsync(Portal, null!));
        await Assert.ThrowsAsync<ArgumentException>(() => query.CountAsync(default, ById()));
        await Assert.ThrowsAsync<ArgumentException>(() => query.CountAsync(Portal, paged));
    }

    /// <summary>Returns a created task with the simplest values: title "Task", due at the sample instant, created by user 1.</summary>
    /// <param name="portal">The portal.</param>
    /// <param name="id">The task id.</param>
    /// <returns>The state.</returns>
    protected static TaskState NewTask(PortalId portal, long id) => new()
    {
        PortalId = portal,
        Id = TaskId.From(id),
        Title = "Task",
        DueAt = Instant.FromUtc(2025, 3, 28, 9, 0),
        CreatedBy = UserId.From(1),
        CreatedAt = Instant.FromUtc(2025, 3, 27, 9, 0),
    };

    /// <summary>Saves a new task and returns its version.</summary>
    /// <param name="store">The store.</param>
    /// <param name="task">The task.</param>
    /// <returns>The version.</returns>
    protected static async Task<VersionToken> SaveNewAsync(ITaskStore store, TaskState task)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(task);
        var saved = await store.SaveAsync(task.Key, task, VersionToken.None, []).ConfigureAwait(false);
        Assert.True(saved.IsSuccess, saved.Error?.Message);
        return saved.Value;
    }

    /// <summary>Tasks of <see cref="Portal"/> due on, one millisecond before and eleven hours after the midnights of every
    /// zone of <see cref="Zones"/> around both <see cref="Nows"/>; of every type and priority; open and completed;
    /// assigned to users 1 and 2 or nobody; created by users 1 and 3; some associated with one or two records.</summary>
    /// <returns>The tasks, ids 1 … n.</returns>
    protected static IReadOnlyList<TaskState> QueryTasks()
    {
        var instants = new List<Instant>();
        foreach (var now in Nows)
        {
            foreach (var zone in Zones)
            {
                var today = CalendarRange.DateOf(now, zone);
                for (var day = -2; day <= 3; day++)
                {
                    var midnight = CalendarRange.StartOf(today.PlusDays(day), zone);
                    instants.AddRange([midnight - Duration.FromMilliseconds(1), midnight, midnight + Duration.FromHours(11)]);
                }
            }
        }

        return [.. instants.Select((due, i) => NewTask(Portal, i + 1) with
        {
            DueAt = due,
            Type = (TaskType)((i % 4) + 1),
            Priority = (TaskPriority)(i % 4),
            AssigneeId = (i % 3) switch { 0 => UserId.From(1), 1 => UserId.From(2), _ => null },
            CompletedAt = i % 5 == 0 ? due + Duration.FromHours(i % 7) : null,
            CreatedBy = UserId.From(i % 2 == 0 ? 1 : 3),
            CreatedAt = Instant.FromUtc(2025, 3, 1, 0, 0) + Duration.FromMinutes(i % 11),
            Associations = (i % 4) switch
            {
                0 => [new RecordReference(CrmObjectType.Companies, RecordId.From(42))],
                1 => [new RecordReference(CrmObjectType.Contacts, RecordId.From(7)), new RecordReference(CrmObjectType.Companies, RecordId.From(43))],
                _ => [],
            },
            Title = (i % 3) switch { 0 => $"Call about renewal {i % 10}", 1 => $"Email {i % 6}", _ => "Onboarding Ω" },
        })];
    }

    private static async Task<IReadOnlyList<TaskState>> StoreQueryTasksAsync(ITaskStore store)
    {
        var tasks = QueryTasks();
        foreach (var task in tasks)
        {
            await SaveNewAsync(store, task).ConfigureAwait(false);
            await SaveNewAsync(store, task with { PortalId = OtherPortal, Title = "Other portal's" }).ConfigureAwait(false);
        }

        return tasks;
    }

    private static IEnumerable<(string Name, ViewFilter Filter, ViewSort? Sort)> Filters()
    {
        var monday = new LocalDate(2025, 3, 27);
        return
        [
            ("assignee is me", ViewFilter.Condition(TaskFilterTarget.Assignee, FilterOperator.IsMe), null),
            ("assignee is any of 2", ViewFilter.Condition(TaskFilterTarget.Assignee, FilterOperator.IsAnyOf, FilterValue.User(UserId.From(2))), new ViewSort(TaskFilterTarget.Due, SortDirection.Ascending)),
            ("assignee unknown", ViewFilter.Condition(TaskFilterTarget.Assignee, FilterOperator.IsUnknown), null),
            ("assignee known", ViewFilter.Condition(TaskFilterTarget.Assignee, FilterOperator.IsKnown), new ViewSort(TaskFilterTarget.Due, SortDirection.Descending)),
            ("type call or email", ViewFilter.Condition(TaskFilterTarget.Type, FilterOperator.IsAnyOf, FilterValue.Text("call"), FilterValue.Text("email")), new ViewSort(TaskFilterTarget.Due, SortDirection.Descending)),
            ("type is not meeting", ViewFilter.Condition(TaskFilterTarget.Type, FilterOperator.IsNot, FilterValue.Text("meeting")), null),
            ("priority high", ViewFilter.Condition(TaskFilterTarget.Priority, FilterOperator.Is, FilterValue.Text("high")), new ViewSort(TaskFilterTarget.Priority, SortDirection.Ascending)),
            ("priority none or low", ViewFilter.Condition(TaskFilterTarget.Priority, FilterOperator.IsAnyOf, FilterValue.Text("none"), FilterValue.Text("low")), null),
            ("status completed", ViewFilter.Condition(TaskFilterTarget.Status, FilterOperator.Is, FilterValue.Text(TaskFilterTarget.Completed)), new ViewSort(TaskFilterTarget.CompletedAt, SortDirection.Descending)),
            ("status open", ViewFilter.Condition(TaskFilterTarget.Status, FilterOperator.Is, FilterValue.Text(TaskFilterTarget.Open)), null),
            ("due between two dates", ViewFilter.Condition(TaskFilterTarget.Due, FilterOperator.Between, FilterValue.Date(monday), FilterValue.Date(monday.PlusDays(1))), null),
            ("due before", ViewFilter.Condition(TaskFilterTarget.Due, FilterOperator.Before, FilterValue.Date(monday)), null),
            ("due after", ViewFilter.Condition(TaskFilterTarget.Due, FilterOperator.After, FilterValue.Date(monday.PlusDays(1))), new ViewSort(TaskFilterTarget.Title, SortDirection.Ascending)),
            ("due in the next 2 days", ViewFilter.Condition(TaskFilterTarget.Due, FilterOperator.InNextDays, FilterValue.Number(2)), new ViewSort(TaskFilterTarget.Title, SortDirection.Ascending)),
            ("due in the last 3 days", ViewFilter.Condition(TaskFilterTarget.Due, FilterOperator.InLastDays, FilterValue.Number(3)), null),
            ("completed after", ViewFilter.Condition(TaskFilterTarget.CompletedAt, FilterOperator.After, FilterValue.Date(monday)), null),
            ("created by 3", ViewFilter.Condition(TaskFilterTarget.CreatedBy, FilterOperator.IsAnyOf, FilterValue.User(UserId.From(3))), new ViewSort(TaskFilterTarget.CreatedAt, SortDirection.Descending)),
            ("associated with company 42", ViewFilter.Condition(TaskFilterTarget.AssociatedRecord, FilterOperator.IsAnyOf, FilterValue.Text("companies/42")), null),
            ("associated with company 42 or contact 7", ViewFilter.Condition(TaskFilterTarget.AssociatedRecord, FilterOperator.IsAnyOf, FilterValue.Text("companies/42"), FilterValue.Text("contacts/7")), null),
            ("not associated with contact 7", ViewFilter.Condition(TaskFilterTarget.AssociatedRecord, FilterOperator.IsNot, FilterValue.Text("contacts/7")), null),
            ("no associated record", ViewFilter.Condition(TaskFilterTarget.AssociatedRecord, FilterOperator.IsUnknown), null),
            ("some associated record", ViewFilter.Condition(TaskFilterTarget.AssociatedRecord, FilterOperator.IsKnown), null),
            ("title contains renewal", ViewFilter.Condition(TaskFilterTarget.Title, FilterOperator.Contains, FilterValue.Text("renewal")), null),
            ("open calls of user 1 or unassigned", ViewFilter.And(
                ViewFilter.Condition(TaskFilterTarget.Status, FilterOperator.Is, FilterValue.Text(TaskFilterTarget.Open)),
                ViewFilter.Condition(TaskFilterTarget.Type, FilterOperator.Is, FilterValue.Text("call")),
                ViewFilter.Or(ViewFilter.Condition(TaskFilterTarget.Assignee, FilterOperator.IsMe), ViewFilter.Condition(TaskFilterTarget.Assignee, FilterOperator.IsUnknown))), new ViewSort(TaskFilterTarget.Due, SortDirection.Ascending)),
        ];
    }

    private static Specification<TaskState> Compile(ViewFilter? filter, ViewSort? sort)
    {
        var compiled = FilterCompiler.Compile(filter, sort, TaskFilterTarget.Default, new FilterContext(UserId.From(1), Nows[0], Zones[1]));
        Assert.True(compiled.IsSuccess, compiled.Error?.Message);
        return compiled.Value!;
    }

    private static Specification<TaskState> ById()
    {
        var spec = new Specification<TaskState>();
        spec.Query.OrderBy(t => t.Id);
        return spec;
    }

    private static List<TaskId> Expected(IReadOnlyList<TaskState> tasks, ISpecification<TaskState> spec) =>
        [.. InMemorySpecificationEvaluator.Default.Evaluate(tasks, spec).Select(t => t.Id)];

    private static async Task<int> AssertAnswersAsync(ITaskQuery query, IReadOnlyList<TaskState> tasks, ISpecification<TaskState> spec, PageRequest page, string what)
    {
        var all = Expected(tasks, spec);
        var want = all.Skip(page.Skip).Take(page.PageSize).ToList();
        var actual = await query.QueryAsync(new TaskQuery(Portal, spec, page)).ConfigureAwait(false);
        var got = actual.Items.Select(t => t.State.Id).ToList();
        Assert.True(want.SequenceEqual(got), $"{what}: the store returns [{string.Join(",", got)}], memory [{string.Join(",", want)}]");
        Assert.True(actual.TotalCount == all.Count, $"{what}: the store counts {actual.TotalCount} matches, memory {all.Count}");
        var counted = await query.CountAsync(Portal, spec).ConfigureAwait(false);
        Assert.True(counted == all.Count, $"{what}: CountAsync says {counted}, memory {all.Count}");
        Assert.All(actual.Items, t => Assert.Equal(tasks[(int)t.State.Id.Value - 1], t.State));
        return all.Count;
    }
}
