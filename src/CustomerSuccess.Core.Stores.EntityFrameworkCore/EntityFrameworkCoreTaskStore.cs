using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.Core.Persistence;
using CustomerSuccess.Core.Specification;
using CustomerSuccess.Core.Stores.EntityFrameworkCore.Model;
using CustomerSuccess.Core.Tasks;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CustomerSuccess.Core.Stores.EntityFrameworkCore;

/// <summary>
/// <see cref="ITaskStore"/> and <see cref="ITaskQuery"/> on EF Core: one row per task in <c>cs_tasks</c> with a typed
/// column for every member a task specification filters or sorts on (portal, id, title, type, priority, assignee, due,
/// completed-at, creator, created-at), the task's persisted document (<see cref="PersistedForms.Task"/>) and an
/// application-managed version column; its associated records in <c>cs_task_associations</c> (with the
/// <c>object/id</c> key a filter compares); the last id of each portal in <c>cs_task_ids</c>.
/// </summary>
/// <remarks>
/// <para>Writes are those of the aggregate store: one transaction with a conditional statement (<c>UPDATE … WHERE
/// version = @expected</c> or <c>DELETE … WHERE version = @expected</c>, or <c>INSERT … ON CONFLICT DO NOTHING</c> to
/// create), the association rows replaced, the events into <c>cs_outbox</c>; zero rows touched is
/// <c>concurrency.conflict</c> and nothing is written. A delete removes the rows and keeps the task's last version in
/// <c>cs_task_tombstones</c>, from which a task created again under the key continues, so a token read before the delete
/// never matches again; the task table holds only live tasks, so counts read its indexes alone. A batch
/// (<see cref="WriteManyAsync"/>) runs every write's statements in one transaction with one commit: a write whose
/// conditional statement touches no row is a conflict and writes nothing else, the others go on;
/// <see cref="LoadManyAsync"/> reads a batch with one query. Ids come from one
/// <c>INSERT … ON CONFLICT DO UPDATE … RETURNING</c> per call, so they are never handed out twice.</para>
/// <para>Queries rewrite the specification from <see cref="TaskState"/> onto <see cref="TaskRow"/>
/// (<see cref="SpecificationRowRewriter"/>): filters and ordering run in SQL (an association filter is an
/// <c>EXISTS</c>, type, priority and status a <c>CASE</c>), the portal is the first filter, a specification without an order is ordered by id, and only the page's documents and versions are read.
/// Nothing is evaluated on the client: a specification that cannot be translated throws. The typed columns hold the
/// database's precision (PostgreSQL: microseconds); the document keeps nanoseconds.</para>
/// <threadsafety>Thread-safe: every operation uses its own context.</threadsafety>
/// </remarks>
internal sealed class EntityFrameworkCoreTaskStore : ITaskStore, ITaskQuery
{
    private readonly StoreContextFactory _contexts;

    public EntityFrameworkCoreTaskStore(StoreContextFactory contexts) => _contexts = contexts;

    private static StateDocumentFormat<TaskKey, TaskState> Format => PersistedForms.Task;

    public async Task<TaskId> NextIdAsync(PortalId portalId, CancellationToken cancellationToken = default)
    {
        if (portalId.IsDefault)
        {
            throw new ArgumentException("The portal id must not be default.", nameof(portalId));
        }

        cancellationToken.ThrowIfCancellationRequested();
        await using var context = _contexts.Create();
        await context.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = context.Database.GetDbConnection().CreateCommand();
        command.CommandText = "INSERT INTO \"cs_task_ids\" (\"portal_id\", \"last_id\") VALUES (@portal, 1) "
            + "ON CONFLICT (\"portal_id\") DO UPDATE SET \"last_id\" = \"cs_task_ids\".\"last_id\" + 1 RETURNING \"last_id\"";
        var portal = command.CreateParameter();
        portal.ParameterName = "@portal";
        portal.Value = portalId.Value;
        command.Parameters.Add(portal);
        var last = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return TaskId.From(Convert.ToInt64(last, System.Globalization.CultureInfo.InvariantCulture));
    }

    public async Task<Versioned<TaskState>?> LoadAsync(TaskKey key, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var (portal, id) = (key.PortalId, key.TaskId);
        await using var context = _contexts.Create();
        var row = await context.Tasks.AsNoTracking()
            .Where(r => r.PortalId == portal && r.Id == id)
            .Select(r => new { r.Version, r.Document })
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return row is null ? null : new Versioned<TaskState>(Read(key, row.Document), StoreWrites.Token(row.Version));
    }

    public async Task<IReadOnlyList<Versioned<TaskState>?>> LoadManyAsync(PortalId portalId, IReadOnlyList<TaskId> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (portalId.IsDefault)
        {
            throw new ArgumentException("The portal id must not be default.", nameof(portalId));
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (ids.Count == 0)
        {
            return [];
        }

        List<TaskId> wanted = [.. ids.Distinct()];
        await using var context = _contexts.Create();
        var rows = await context.Tasks.AsNoTracking()
            .Where(r => r.PortalId == portalId && wanted.Contains(r.Id))
            .Select(r => new { r.Id, r.Version, r.Document })
            .ToDictionaryAsync(r => r.Id, cancellationToken).ConfigureAwait(false);
        return [.. ids.Select(id => rows.TryGetValue(id, out var row)
            ? new Versioned<TaskState>(Read(TaskKey.Create(portalId, id), row.Document), StoreWrites.Token(row.Version))
            : null)];
    }

    public async Task<Result<VersionToken>> SaveAsync(TaskKey key, TaskState state, VersionToken expected, IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(events);
        if (state.PortalId != key.PortalId || state.Id != key.TaskId || !state.Exists)
        {
            throw new ArgumentException($"The state of task {state.PortalId}/{state.Id} (created: {state.Exists}) cannot be stored under key {key}.", nameof(state));
        }

        return (await WriteManyAsync([TaskWrite.Save(state, expected, events)], cancellationToken).ConfigureAwait(false))[0];
    }

    public async Task<Result> DeleteAsync(TaskKey key, VersionToken expected, IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken = default) =>
        (await WriteManyAsync([TaskWrite.Delete(key, expected, events)], cancellationToken).ConfigureAwait(false))[0].ToResult();

    /// <summary>Every write in one transaction, each its own conditional statement: a write whose statement touches no
    /// row is a conflict and writes nothing else, the others go on; one commit (one file sync) for the batch.</summary>
    public async Task<IReadOnlyList<Result<VersionToken>>> WriteManyAsync(IReadOnlyList<TaskWrite> writes, CancellationToken cancellationToken = default)
    {
        TaskWrite.CheckBatch(writes);

        // Everything that can fail on the caller's input is prepared before the first statement.
        var prepared = writes.Select(w =>
        {
            var keyText = Format.FormatKey(w.Key);
            return new PreparedWrite(
                w,
                keyText,
                w.State is null ? null : Encoding.UTF8.GetString(Format.Write(w.Key, w.State)),
                StoreWrites.OutboxRows(Format.AggregateType, keyText, w.Events));
        }).ToList();
        cancellationToken.ThrowIfCancellationRequested();
        if (prepared.Count == 0)
        {
            return [];
        }

        await using var context = _contexts.Create();
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var results = new Result<VersionToken>[prepared.Count];
        List<OutboxRow> outbox = [];
        for (var i = 0; i < prepared.Count; i++)
        {
            var write = prepared[i];
            long? version = write.Write.State is { } state
                ? await SaveRowsAsync(context, state, write.Write.Expected, write.Document!, cancellationToken).ConfigureAwait(false)
                : await DeleteRowsAsync(context, write.Write.Key, write.Write.Expected, cancellationToken).ConfigureAwait(false);
            if (version is null)
            {
                results[i] = Result.Failure<VersionToken>(ConcurrencyErrors.Conflict("task " + write.KeyText));
                continue;
            }

            results[i] = Result.Success(write.Write.IsDelete ? VersionToken.None : StoreWrites.Token(version.Value));
            outbox.AddRange(write.Outbox);
        }

        await StoreWrites.CommitAsync(context, transaction, [.. outbox], cancellationToken).ConfigureAwait(false);
        return results;
    }

    public async Task<TaskPage> QueryAsync(TaskQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        cancellationToken.ThrowIfCancellationRequested();
        var spec = SpecificationRowRewriter.Rewrite(query.Specification);
        var portal = query.PortalId;
        await using var context = _contexts.Create();
        var scoped = Scoped(context, portal);
        int? total = query.IncludeTotal
            ? await SpecificationEvaluator.Default.GetQuery(scoped, spec, evaluateCriteriaOnly: true).CountAsync(cancellationToken).ConfigureAwait(false)
            : null;
        var ordered = SpecificationEvaluator.Default.GetQuery(scoped, spec);
        if (!spec.OrderExpressions.Any())
        {
            ordered = ordered.OrderBy(r => r.Id);
        }

        var rows = await ordered.Skip(query.Page.Skip).Take(query.Page.PageSize)
            .Select(r => new { r.Id, r.Version, r.Document })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        IReadOnlyList<Versioned<TaskState>> items =
            [.. rows.Select(r => new Versioned<TaskState>(Read(TaskKey.Create(portal, r.Id), r.Document), StoreWrites.Token(r.Version)))];
        return new TaskPage(items, total, query.Page);
    }

    public async Task<int> CountAsync(PortalId portalId, ISpecification<TaskState> specification, CancellationToken cancellationToken = default)
    {
        TaskQuery.CheckScope(portalId, specification);
        cancellationToken.ThrowIfCancellationRequested();
        var spec = SpecificationRowRewriter.Rewrite(specification);
        await using var context = _contexts.Create();
        return await SpecificationEvaluator.Default.GetQuery(Scoped(context, portalId), spec, evaluateCriteriaOnly: true)
            .CountAsync(cancellationToken).ConfigureAwait(false);
    }

    private static IQueryable<TaskRow> Scoped(CustomerSuccessDbContext context, PortalId portal) =>
        context.Tasks.AsNoTracking().Where(r => r.PortalId == portal);

    private static TaskState Read(TaskKey key, string document) => Format.Read(key, Encoding.UTF8.GetBytes(document));

    /// <summary>Writes a task's row (conditional insert or update) and replaces its association rows (added to the
    /// context, saved at the commit); returns the new version, or null when the conditional statement touched no row
    /// (then nothing was written).</summary>
    private async Task<long?> SaveRowsAsync(CustomerSuccessDbContext context, TaskState state, VersionToken expected, string document, CancellationToken cancellationToken)
    {
        var (portal, id) = (state.PortalId, state.Id);
        long version;
        if (expected.IsNone)
        {
            // A key created again after a delete continues from the deleted row's version.
            var deletedAt = await context.TaskTombstones.Where(t => t.PortalId == portal.Value && t.TaskId == id.Value)
                .Select(t => (long?)t.Version).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            version = (deletedAt ?? 0) + 1;
            if (await InsertAsync(context, state, document, version, cancellationToken).ConfigureAwait(false) != 1)
            {
                return null;
            }
        }
        else
        {
            if (!StoreWrites.TryParse(expected, out var current)
                || await UpdateAsync(context, state, document, current, cancellationToken).ConfigureAwait(false) != 1)
            {
                return null;
            }

            version = current + 1;
            await context.TaskAssociations.Where(a => a.PortalId == portal && a.TaskId == id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        }

        context.TaskAssociations.AddRange(state.Associations.Select(a => new TaskAssociationRow
        {
            PortalId = portal,
            TaskId = id,
            Key = a.Key,
            ObjectType = a.ObjectType,
            RecordId = a.RecordId,
        }));
        return version;
    }

    /// <summary>Deletes a task's row if it holds the expected version, then its association rows, and keeps its last
    /// version as a tombstone; returns that version, or null when no row matched (then nothing was written).</summary>
    private static async Task<long?> DeleteRowsAsync(CustomerSuccessDbContext context, TaskKey key, VersionToken expected, CancellationToken cancellationToken)
    {
        var (portal, id) = (key.PortalId, key.TaskId);
        if (!StoreWrites.TryParse(expected, out var current)
            || await context.Tasks.Where(r => r.PortalId == portal && r.Id == id && r.Version == current).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false) != 1)
        {
            return null;
        }

        await context.TaskAssociations.Where(a => a.PortalId == portal && a.TaskId == id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        var next = current + 1;
        await context.Database.ExecuteSqlAsync(
            $"""INSERT INTO "cs_task_tombstones" ("portal_id", "task_id", "version") VALUES ({portal.Value}, {id.Value}, {next}) ON CONFLICT ("portal_id", "task_id") DO UPDATE SET "version" = {next}""",
            cancellationToken).ConfigureAwait(false);
        return next;
    }

    /// <summary>Inserts the task's row unless a row of its key exists; returns the rows inserted (0 or 1).</summary>
    private Task<int> InsertAsync(CustomerSuccessDbContext context, TaskState state, string document, long version, CancellationToken cancellationToken)
    {
        var c = Columns(state);
        return context.Database.ExecuteSqlAsync(
            $"""INSERT INTO "cs_tasks" ("portal_id", "id", "title", "type", "priority", "assignee_id", "due_at", "completed_at", "created_by", "created_at", "version", "document") VALUES ({c.Portal}, {c.Id}, {state.Title}, {c.Type}, {c.Priority}, {c.Assignee}, {c.Due}, {c.Completed}, {c.CreatedBy}, {c.CreatedAt}, {version}, {document}) ON CONFLICT ("portal_id", "id") DO NOTHING""",
            cancellationToken);
    }

    /// <summary>Writes every column of the task's row if it holds version <paramref name="expected"/>, with the next
    /// version; returns the rows written (0 or 1).</summary>
    private Task<int> UpdateAsync(CustomerSuccessDbContext context, TaskState state, string document, long expected, CancellationToken cancellationToken)
    {
        var c = Columns(state);
        return context.Database.ExecuteSqlAsync(
            $"""UPDATE "cs_tasks" SET "title" = {state.Title}, "type" = {c.Type}, "priority" = {c.Priority}, "assignee_id" = {c.Assignee}, "due_at" = {c.Due}, "completed_at" = {c.Completed}, "created_by" = {c.CreatedBy}, "created_at" = {c.CreatedAt}, "document" = {document}, "version" = {expected + 1} WHERE "portal_id" = {c.Portal} AND "id" = {c.Id} AND "version" = {expected}""",
            cancellationToken);
    }

    /// <summary>The column values of a task as the provider's model stores them (statements are SQL with parameters,
    /// so the same statement, prepared once, serves every task).</summary>
    private RowValues Columns(TaskState state)
    {
        var sqlite = _contexts.Provider == StoreProvider.Sqlite;
        object Time(Instant instant) => sqlite ? instant.ToUnixTimeTicks() : instant;
        return new RowValues(
            state.PortalId.Value,
            state.Id.Value,
            (int)state.Type,
            (int)state.Priority,
            state.AssigneeId?.Value,
            Time(state.DueAt),
            state.CompletedAt is { } completed ? Time(completed) : null,
            state.CreatedBy.Value,
            Time(state.CreatedAt));
    }

    /// <summary>A write with what it stores, prepared before the transaction starts.</summary>
    private sealed record PreparedWrite(TaskWrite Write, string KeyText, string? Document, OutboxRow[] Outbox);

    private sealed record RowValues(long Portal, long Id, int Type, int Priority, long? Assignee, object Due, object? Completed, long CreatedBy, object CreatedAt);
}
