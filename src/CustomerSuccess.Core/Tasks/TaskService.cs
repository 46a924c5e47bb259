using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.Core.Access;
using CustomerSuccess.Core.Filters;
using CustomerSuccess.Core.Records;
using CustomerSuccess.Core.Specification;
using CustomerSuccess.Core.Views;
using CustomerSuccess.Core.Workspaces;
using NodaTime;

namespace CustomerSuccess.Core.Tasks;

/// <summary>
/// The application service for tasks (rules 33, 34, 55–59): a thin adapter that runs one <see cref="TaskItem"/>
/// operation per task through <see cref="OptimisticCommand"/>, lists tasks through an <see cref="ITaskQuery"/> with the
/// default views of the tasks area or the custom views of a workspace's Tasks tab, counts task progress for the Summary
/// tab, and runs bulk actions batch by batch. The rules and their refusals are the aggregate's.
/// </summary>
/// <remarks>
/// <para>Each task is its own aggregate with its own version: pass the version a person saw as
/// <c>expectedVersion</c> to get <c>concurrency.conflict</c> instead of a retry. Reads authorize too: listing needs
/// <see cref="CsOperation.UseWorkspaceTabs"/> (and, for a custom view, a workspace the actor sees, rule 28); task
/// progress needs <see cref="CsOperation.ViewSummaryTab"/>. Default views and task progress show the actor's own tasks
/// (assigned to them, reading R55); for "view as user" that is the viewed user.</para>
/// <para>Time comes from <see cref="ServiceContext.Clock"/>, read once per call; "today" is the viewer's date in the zone
/// the request names.</para>
/// <threadsafety>Thread-safe if the stores are.</threadsafety>
/// </remarks>
public sealed class TaskService
{
    /// <summary>The most tasks one "create and add another" batch may hold.</summary>
    public const int MaxCreateBatch = 50;

    /// <summary>How many tasks a bulk action reads and changes per batch; memory stays bounded by one batch.</summary>
    public const int BulkBatchSize = PageRequest.MaxPageSize;

    private readonly AggregateRepository<TaskKey, TaskState, TaskItem> _tasks;
    private readonly ITaskStore _store;
    private readonly ITaskQuery _query;
    private readonly WorkspaceTabAccess _tabs;
    private readonly ServiceContext _context;

    /// <summary>Initializes the service.</summary>
    /// <param name="store">The task store.</param>
    /// <param name="query">The task query.</param>
    /// <param name="views">The view catalogues (read only): custom task views live in each workspace's Tasks tab.</param>
    /// <param name="directories">The workspace directories (read only), for rule 28.</param>
    /// <param name="context">The access policy, clock, event dispatcher and retry budget.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public TaskService(ITaskStore store, ITaskQuery query, IViewCatalogStore views, IWorkspaceDirectoryStore directories, ServiceContext context)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(views);
        ArgumentNullException.ThrowIfNull(directories);
        ArgumentNullException.ThrowIfNull(context);
        _store = store;
        _query = query;
        _context = context;
        _tabs = new(views, directories, context);
        _tasks = new(store, context, Restore, TaskItem.CreateInitialState);
    }

    /// <summary>Reads one task with its version.</summary>
    /// <param name="actor">The viewer.</param>
    /// <param name="account">The account.</param>
    /// <param name="taskId">The task.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The task and its version, or <c>access.*</c>, <c>task.not_found</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="account"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="taskId"/> is <c>default</c>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<Result<Versioned<TaskState>>> GetTaskAsync(Actor actor, AccountContext account, TaskId taskId, CancellationToken cancellationToken = default)
    {
        var key = Key(account, taskId);
        if (_context.Policy.Authorize(actor, account, CsOperation.UseWorkspaceTabs) is { IsFailure: true } denied)
        {
            return denied.Error;
        }

        var loaded = await _tasks.LoadAsync(key, cancellationToken).ConfigureAwait(false);
        return loaded.State.Exists ? loaded : TaskErrors.NotFound(taskId);
    }

    /// <summary>Lists one page of a task view (rules 55, 57): a default view (the actor's tasks) or a custom view of a
    /// workspace's Tasks tab, narrowed by the personal filters, relative to the clock's instant and the viewer's zone.</summary>
    /// <param name="actor">The viewer ("me" in filters).</param>
    /// <param name="account">The account.</param>
    /// <param name="request">The view, filters, zone and page.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The page with each task's version and the total, or <c>access.*</c>, <c>workspace.not_found</c>,
    /// <c>view.not_found</c>, <c>view.filter_invalid</c>, <c>view.sort_invalid</c>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<Result<TaskPage>> ListTasksAsync(Actor actor, AccountContext account, TaskListRequest request, CancellationToken cancellationToken = default)
    {
        var resolved = await ResolveAsync(actor, account, request, cancellationToken).ConfigureAwait(false);
        if (!resolved.TryGetValue(out var spec))
        {
            return resolved.Error!;
        }

        return await _query.QueryAsync(new TaskQuery(account.PortalId, spec, request.Page), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Counts the actor's task progress for the Summary tab (rules 33, 34): open tasks due today, overdue and
    /// due tomorrow in <paramref name="zone"/>, each with the specification its "view all" opens.</summary>
    /// <param name="actor">The viewer (for "view as user", the viewed user).</param>
    /// <param name="account">The account.</param>
    /// <param name="zone">The viewer's zone.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The progress, or <c>access.*</c>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<Result<TaskProgress>> GetTaskProgressAsync(Actor actor, AccountContext account, DateTimeZone zone, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (_context.Policy.Authorize(actor, account, CsOperation.ViewSummaryTab) is { IsFailure: true } denied)
        {
            return denied.Error;
        }

        var now = _context.Clock.GetCurrentInstant();
        var dueToday = await CardAsync(DefaultTaskView.DueToday).ConfigureAwait(false);
        var overdue = await CardAsync(DefaultTaskView.Overdue).ConfigureAwait(false);
        var dueTomorrow = await CardAsync(DefaultTaskView.DueTomorrow).ConfigureAwait(false);
        return new TaskProgress(dueToday.ViewAll.Today, dueToday, overdue, dueTomorrow);

        async Task<TaskProgressCard> CardAsync(DefaultTaskView view)
        {
            var spec = new DefaultTaskViewSpec(view, now, zone, actor.UserId);
            return new TaskProgressCard(view, await _query.CountAsync(account.PortalId, spec, cancellationToken).ConfigureAwait(false), spec);
        }
    }

    /// <summary>Creates a task (rule 56); see <see cref="TaskItem.Create"/>.</summary>
    /// <param name="actor">Who creates it.</param>
    /// <param name="account">The account.</param>
    /// <param name="details">What was entered.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The new task with its first version and the <c>TaskCreated</c> event, or <c>access.*</c> or a
    /// validation refusal.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The assignee is <c>default</c> (null means nobody).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <remarks>A new task has no version to expect: the store hands out a new id and the task is saved as new. The
    /// details are checked before an id is taken.</remarks>
    public async Task<Result<Change<TaskState>>> CreateTaskAsync(Actor actor, AccountContext account, TaskDetails details, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (_context.Policy.Authorize(actor, account, CsOperation.ManageOwnTasks) is { IsFailure: true } denied)
        {
            return denied.Error;
        }

        if (TaskItem.Validate(details) is { IsFailure: true } invalid)
        {
            return invalid.Error!;
        }

        var id = await _store.NextIdAsync(account.PortalId, cancellationToken).ConfigureAwait(false);
        return await _tasks.ExecuteAsync(TaskKey.Create(account.PortalId, id), (task, now) => task.Create(actor, account, details, now), VersionToken.None, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates several tasks, as "create and add another" does (rule 56): every one is checked before any is
    /// created, so a bad entry refuses the whole batch and creates nothing.</summary>
    /// <param name="actor">Who creates them.</param>
    /// <param name="account">The account.</param>
    /// <param name="details">What was entered, 1 to <see cref="MaxCreateBatch"/> tasks, in order.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The new tasks, each with its own first version, in order, and every <c>TaskCreated</c> event (the
    /// change's own version is <see cref="VersionToken.None"/>: the tasks are separate records); or <c>access.*</c>, or
    /// the first validation refusal, whose message and target name the task's position.</returns>
    /// <exception cref="ArgumentNullException">An argument or an entry is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="details"/> is empty or holds more than
    /// <see cref="MaxCreateBatch"/> tasks.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (the tasks
    /// created before stay created).</exception>
    public async Task<Result<Change<IReadOnlyList<Versioned<TaskState>>>>> CreateTasksAsync(
        Actor actor, AccountContext account, IReadOnlyList<TaskDetails> details, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentOutOfRangeException.ThrowIfZero(details.Count, nameof(details));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(details.Count, MaxCreateBatch, nameof(details));
        List<TaskDetails> batch = [.. details];
        if (_context.Policy.Authorize(actor, account, CsOperation.ManageOwnTasks) is { IsFailure: true } denied)
        {
            return denied.Error;
        }

        for (var i = 0; i < batch.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(batch[i], nameof(details));
            if (TaskItem.Validate(batch[i]) is { IsFailure: true } invalid)
            {
                return TaskErrors.InBatch(invalid.Error!, i, batch.Count);
            }
        }

        List<Versioned<TaskState>> created = [];
        List<IDomainEvent> events = [];
        foreach (var entry in batch)
        {
            var change = await CreateTaskAsync(actor, account, entry, cancellationToken).ConfigureAwait(false);
            if (!change.TryGetValue(out var done))
            {
                return change.Error!;
            }

            created.Add(new Versioned<TaskState>(done.Output, done.Version));
            events.AddRange(done.Events);
        }

        return new Change<IReadOnlyList<Versioned<TaskState>>>(created, VersionToken.None, events);
    }

    /// <inheritdoc cref="TaskItem.Edit"/>
    /// <param name="actor">Who edits it.</param>
    /// <param name="account">The account.</param>
    /// <param name="taskId">The task.</param>
    /// <param name="details">The new details.</param>
    /// <param name="expectedVersion">The version the person saw, or <see langword="null"/> to retry on conflicts.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    public Task<Result<Change<TaskState>>> EditTaskAsync(
        Actor actor, AccountContext account, TaskId taskId, TaskDetails details, VersionToken? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        return ExecuteAsync(account, taskId, (task, now) => task.Edit(actor, account, details, now), expectedVersion, cancellationToken);
    }

    /// <inheritdoc cref="TaskItem.Assign"/>
    /// <param name="actor">Who assigns it.</param>
    /// <param name="account">The account.</param>
    /// <param name="taskId">The task.</param>
    /// <param name="assigneeId">The new assignee, or <see langword="null"/> for nobody.</param>
    /// <param name="expectedVersion">The version the person saw, or <see langword="null"/> to retry on conflicts.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    public Task<Result<Change<TaskState>>> AssignTaskAsync(
        Actor actor, AccountContext account, TaskId taskId, UserId? assigneeId, VersionToken? expectedVersion = null, CancellationToken cancellationToken = default) =>
        ExecuteAsync(account, taskId, (task, now) => task.Assign(actor, account, assigneeId, now), expectedVersion, cancellationToken);

    /// <inheritdoc cref="TaskItem.Complete"/>
    /// <param name="actor">Who completes it.</param>
    /// <param name="account">The account.</param>
    /// <param name="taskId">The task.</param>
    /// <param name="expectedVersion">The version the person saw, or <see langword="null"/> to retry on conflicts.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    public Task<Result<Change<TaskState>>> CompleteTaskAsync(
        Actor actor, AccountContext account, TaskId taskId, VersionToken? expectedVersion = null, CancellationToken cancellationToken = default) =>
        ExecuteAsync(account, taskId, (task, now) => task.Complete(actor, account, now), expectedVersion, cancellationToken);

    /// <inheritdoc cref="TaskItem.Reopen"/>
    /// <param name="actor">Who reopens it.</param>
    /// <param name="account">The account.</param>
    /// <param name="taskId">The task.</param>
    /// <param name="expectedVersion">The version the person saw, or <see langword="null"/> to retry on conflicts.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    public Task<Result<Change<TaskState>>> ReopenTaskAsync(
        Actor actor, AccountContext account, TaskId taskId, VersionToken? expectedVersion = null, CancellationToken cancellationToken = default) =>
        ExecuteAsync(account, taskId, (task, now) => task.Reopen(actor, account, now), expectedVersion, cancellationToken);

    /// <inheritdoc cref="TaskItem.Delete"/>
    /// <param name="actor">Who deletes it.</param>
    /// <param name="account">The account.</param>
    /// <param name="taskId">The task.</param>
    /// <param name="expectedVersion">The version the person saw, or <see langword="null"/> to retry on conflicts.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <remarks>The change's output is the task as it was; its version is <see cref="VersionToken.None"/>.</remarks>
    public Task<Result<Change<TaskState>>> DeleteTaskAsync(
        Actor actor, AccountContext account, TaskId taskId, VersionToken? expectedVersion = null, CancellationToken cancellationToken = default) =>
        ExecuteAsync(account, taskId, (task, now) => task.Delete(actor, account, now), expectedVersion, cancellationToken);

    /// <summary>Runs a bulk action over a selection (rules 58, 59), batch by batch, reporting each task's outcome.</summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="account">The account.</param>
    /// <param name="action">Mark completed, mark incomplete, assign, set one property, or delete.</param>
    /// <param name="selection">Individual tasks, the tasks of the current page, or every task matching the current view
    /// and filters with the number the person confirmed.</param>
    /// <param name="progress">Receives the outcomes of each batch as it is done; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the action before the next batch is written (the batches already written stay written).</param>
    /// <returns>The counts per outcome and every outcome other than "changed"; or, before any task is touched,
    /// <c>access.*</c> (the actor may not change tasks at all), a validation refusal of the action's value,
    /// <c>workspace.not_found</c>, <c>view.*</c> (the selection's view or filters), or <c>task.bulk_count_changed</c>
    /// (the filter no longer selects the confirmed number of tasks).</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <remarks>
    /// <para>Each task is changed by its own compare-and-set, completely or not at all, with the same rules as a single
    /// change (reading R58 decides "forbidden" per task). Tasks are read <see cref="BulkBatchSize"/> at a time:
    /// individual ids in their order; "all matching" by ascending id after the last one done (keyset paging), so a
    /// selection of any size is never loaded at once, and tasks changed by the action itself (completed tasks leaving
    /// an "open" view) neither shift nor repeat the batches.</para>
    /// <para>A page or a filter is resolved when the action runs, with the clock's instant (reading R59): the count of
    /// "all matching" is taken first and must equal the confirmed number; then every task is checked against the filter
    /// again on the state it is changed from, so a task that stopped matching meanwhile is left as it was (outcome "not
    /// found", <c>task.not_selected</c>). Those tasks are changed on their current version (conflicts are retried);
    /// individual tasks given with a version are changed only at that version (outcome "conflict" otherwise).</para>
    /// </remarks>
    public async Task<Result<TaskBulkReport>> ApplyBulkActionAsync(
        Actor actor,
        AccountContext account,
        TaskBulkAction action,
        TaskSelection selection,
        IProgress<TaskBulkProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(selection);
        if (_context.Policy.Authorize(actor, account, CsOperation.ManageOwnTasks) is { IsFailure: true } denied)
        {
            return denied.Error;
        }

        if (action.Validate() is { IsFailure: true } invalid)
        {
            return invalid.Error!;
        }

        switch (selection)
        {
            case TaskIdSelection ids:
            {
                var run = new BulkRun(this, actor, account, action, null, ids.Tasks.Length, progress);
                foreach (var batch in ids.Tasks.Chunk(BulkBatchSize))
                {
                    await run.ApplyAsync(batch, cancellationToken).ConfigureAwait(false);
                }

                return run.Report();
            }

            case TaskPageSelection page:
            {
                var resolved = await ResolveAsync(actor, account, page.Request, cancellationToken).ConfigureAwait(false);
                if (!resolved.TryGetValue(out var spec))
                {
                    return resolved.Error!;
                }

                var listed = await _query.QueryAsync(new TaskQuery(account.PortalId, spec, page.Request.Page) { IncludeTotal = false }, cancellationToken).ConfigureAwait(false);
                var run = new BulkRun(this, actor, account, action, spec, listed.Items.Count, progress);
                await run.ApplyAsync([.. listed.Items.Select(t => new TaskRef(t.State.Id))], cancellationToken).ConfigureAwait(false);
                return run.Report();
            }

            default:
            {
                var all = (TaskFilterSelection)selection;
                var resolved = await ResolveAsync(actor, account, all.Request, cancellationToken).ConfigureAwait(false);
                if (!resolved.TryGetValue(out var spec))
                {
                    return resolved.Error!;
                }

                var count = await _query.CountAsync(account.PortalId, spec, cancellationToken).ConfigureAwait(false);
                if (count != all.ConfirmedCount)
                {
                    return TaskErrors.BulkCountChanged(all.ConfirmedCount, count);
                }

                var run = new BulkRun(this, actor, account, action, spec, count, progress);
                TaskId? after = null;
                while (true)
                {
                    var batch = await _query.QueryAsync(new TaskQuery(account.PortalId, After(spec, after), PageRequest.First(BulkBatchSize)) { IncludeTotal = false }, cancellationToken).ConfigureAwait(false);
                    if (batch.Items.Count == 0)
                    {
                        return run.Report();
                    }

                    await run.ApplyAsync([.. batch.Items.Select(t => new TaskRef(t.State.Id))], cancellationToken).ConfigureAwait(false);
                    after = batch.Items[^1].State.Id;
                }
            }
        }
    }

    /// <summary>The next keyset batch of a filter: its criteria, ids after <paramref name="after"/>, by ascending id.</summary>
    private static Specification<TaskState> After(Specification<TaskState> filter, TaskId? after)
    {
        var spec = new Specification<TaskState>();
        foreach (var where in filter.WhereExpressions)
        {
            spec.Query.Where(where.Filter);
        }

        if (after is { } last)
        {
            spec.Query.Where(t => t.Id > last);
        }

        spec.Query.OrderBy(t => t.Id);
        return spec;
    }

    private static TaskKey Key(AccountContext account, TaskId taskId)
    {
        ArgumentNullException.ThrowIfNull(account);
        return TaskKey.Create(account.PortalId, taskId);
    }

    /// <summary>The aggregate over a stored task (single commands and bulk batches alike).</summary>
    private TaskItem Restore(TaskState state) => new(state, _context.Policy);

    private static TaskOutcomeKind Classify(DomainError error) =>
        error.Code.StartsWith("access.", StringComparison.Ordinal) ? TaskOutcomeKind.Forbidden
        : error.Is(TaskErrors.NotFoundCode) || error.Is(TaskErrors.NotSelectedCode) ? TaskOutcomeKind.NotFound
        : error.Code.StartsWith("concurrency.", StringComparison.Ordinal) ? TaskOutcomeKind.Conflict
        : TaskOutcomeKind.Forbidden;

    private Task<Result<Change<TaskState>>> ExecuteAsync(
        AccountContext account, TaskId taskId, Func<TaskItem, Instant, Result<TaskState>> operation, VersionToken? expectedVersion, CancellationToken cancellationToken, [CallerMemberName] string? command = null) =>
        _tasks.ExecuteAsync(Key(account, taskId), operation, expectedVersion, cancellationToken, command);

    /// <summary>The specification of a task list: a default view of the actor's tasks, or a custom view of a Tasks tab the
    /// actor may use (rule 28), ANDed with the personal filters, relative to the clock's instant and the viewer's zone.</summary>
    private async Task<Result<Specification<TaskState>>> ResolveAsync(Actor actor, AccountContext account, TaskListRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(request);
        var context = new FilterContext(actor.UserId, _context.Clock.GetCurrentInstant(), request.ViewerZone);
        if (request.View.DefaultView is { } view)
        {
            if (_context.Policy.Authorize(actor, account, CsOperation.UseWorkspaceTabs) is { IsFailure: true } denied)
            {
                return denied.Error;
            }

            var spec = new DefaultTaskViewSpec(view, context.AsOf, context.Zone, actor.UserId);
            if (QuickFilters.Combine(null, request.Filters) is not { } personal)
            {
                return spec;
            }

            return FilterCompiler.CompileExpression(personal, TaskFilterTarget.Default, context).Map(where =>
            {
                spec.Query.Where(where);
                return (Specification<TaskState>)spec;
            });
        }

        var found = await _tabs.FindViewAsync(actor, account, request.View.Catalog!.Value, request.View.ViewId!.Value, cancellationToken).ConfigureAwait(false);
        if (!found.TryGetValue(out var custom))
        {
            return found.Error!;
        }

        var filter = QuickFilters.Combine(custom.Definition.Filter, request.Filters);
        return FilterCompiler.Compile(filter, custom.Definition.Sort, TaskFilterTarget.Default, context);
    }

    /// <summary>One bulk action's progress: applies it to batches of tasks and counts the outcomes.</summary>
    private sealed class BulkRun(
        TaskService service,
        Actor actor,
        AccountContext account,
        TaskBulkAction action,
        ISpecification<TaskState>? filter,
        int expected,
        IProgress<TaskBulkProgress>? progress)
    {
        private readonly int[] _counts = new int[6];
        private readonly List<TaskOutcome> _notChanged = [];
        private int _processed;

        /// <summary>Applies the action to one batch: the tasks loaded together, the action applied to each, the changed
        /// ones written together (<see cref="ITaskStore.WriteManyAsync"/>: each its own compare-and-set) and their events
        /// dispatched; a task whose write met a concurrent change (when the caller named no version) then runs again as a
        /// single command, on fresh state. A batch names each task once (selections hold distinct tasks).</summary>
        public async Task ApplyAsync(TaskRef[] batch, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var activity = CommandTelemetry.Start<TaskState>(nameof(ApplyBulkActionAsync));
            var outcomes = new TaskOutcome[batch.Length];
            var retry = new List<int>();
            var writes = new List<TaskWrite>(batch.Length);
            var positions = new List<int>(batch.Length);
            var now = service._context.Clock.GetCurrentInstant();
            var loaded = await service._store.LoadManyAsync(account.PortalId, [.. batch.Select(t => t.Id)], cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < batch.Length; i++)
            {
                var task = batch[i];
                var key = Key(account, task.Id);
                var decision = OptimisticCommand.Decide(key, loaded[i], service.Restore, () => TaskItem.CreateInitialState(key), Operation(task.Id), task.ExpectedVersion, now);
                if (decision.Error is { } refused)
                {
                    outcomes[i] = Refused(task.Id, refused);
                }
                else if (!decision.Writes)
                {
                    outcomes[i] = new TaskOutcome(task.Id, TaskOutcomeKind.Unchanged, decision.Seen);
                }
                else
                {
                    writes.Add(decision.State is null ? TaskWrite.Delete(key, decision.Seen, decision.Events) : TaskWrite.Save(decision.State, decision.Seen, decision.Events));
                    positions.Add(i);
                }
            }

            var saved = writes.Count == 0 ? [] : await service._store.WriteManyAsync(writes, cancellationToken).ConfigureAwait(false);
            List<IReadOnlyList<IDomainEvent>> stored = [];
            for (var j = 0; j < writes.Count; j++)
            {
                var i = positions[j];
                if (saved[j].TryGetValue(out var version))
                {
                    outcomes[i] = new TaskOutcome(batch[i].Id, TaskOutcomeKind.Changed, version);
                    if (writes[j].Events.Count > 0)
                    {
                        stored.Add(writes[j].Events);
                    }
                }
                else if (saved[j].Error!.Is(ConcurrencyErrors.ConflictCode) && batch[i].ExpectedVersion is null)
                {
                    retry.Add(i);
                }
                else
                {
                    outcomes[i] = Refused(batch[i].Id, saved[j].Error!);
                }
            }

            // As after any save: each task's events, once stored, go to the dispatcher (one call per task).
            foreach (var events in stored)
            {
                await service._context.Events.DispatchAsync(events, cancellationToken).ConfigureAwait(false);
            }

            foreach (var i in retry)
            {
                var task = batch[i];
                var result = await service.ExecuteAsync(account, task.Id, Operation(task.Id), task.ExpectedVersion, cancellationToken, nameof(ApplyBulkActionAsync)).ConfigureAwait(false);
                outcomes[i] = result.TryGetValue(out var change)
                    ? new TaskOutcome(task.Id, change.Changed ? TaskOutcomeKind.Changed : TaskOutcomeKind.Unchanged, change.Version)
                    : Refused(task.Id, result.Error!);
            }

            foreach (var outcome in outcomes)
            {
                _counts[(int)outcome.Kind]++;
                if (outcome.Kind != TaskOutcomeKind.Changed)
                {
                    _notChanged.Add(outcome);
                }
            }

            _processed += outcomes.Length;
            progress?.Report(new TaskBulkProgress(_processed, expected, outcomes));
        }

        private static TaskOutcome Refused(TaskId id, DomainError error) => new(id, Classify(error), VersionToken.None, error);

        public TaskBulkReport Report() => new(
            _processed,
            _counts[(int)TaskOutcomeKind.Changed],
            _counts[(int)TaskOutcomeKind.Unchanged],
            _counts[(int)TaskOutcomeKind.Forbidden],
            _counts[(int)TaskOutcomeKind.NotFound],
            _counts[(int)TaskOutcomeKind.Conflict],
            [.. _notChanged]);

        /// <summary>The action on one task, after checking that the task still matches the selection's filter.</summary>
        private Func<TaskItem, Instant, Result<TaskState>> Operation(TaskId id) => (task, now) =>
            filter is not null && task.Exists && !filter.IsSatisfiedBy(task.State)
                ? TaskErrors.NotSelected(id)
                : action.ApplyTo(task, actor, account, now);
    }
}
