using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.Core.Persistence;
using CustomerSuccess.Core.Scores;
using CustomerSuccess.Core.Stores.EntityFrameworkCore.Model;
using CustomerSuccess.Core.Views;
using CustomerSuccess.Core.Workspaces;
using Microsoft.EntityFrameworkCore;

namespace CustomerSuccess.Core.Stores.EntityFrameworkCore;

/// <summary>
/// <see cref="IAggregateStore{TKey, TState}"/> on EF Core: one row per aggregate in <c>cs_aggregates</c> holding the
/// persisted document, and an application-managed version column as the concurrency token.
/// </summary>
/// <remarks>
/// <para>Every write is one transaction: a conditional statement (<c>UPDATE … WHERE version = @expected</c>, or an
/// <c>INSERT … ON CONFLICT DO NOTHING</c> to create), then the events into <c>cs_outbox</c>, then commit. A statement
/// that touches no row is <c>concurrency.conflict</c> and the transaction is rolled back, so neither the state nor the
/// outbox changes; no EF concurrency exception ever crosses the port. A delete keeps the row as a tombstone without a
/// document, so the version keeps counting and a token read before the delete never matches the record created after
/// it.</para>
/// <threadsafety>Thread-safe: every operation uses its own context and connection.</threadsafety>
/// </remarks>
internal class EntityFrameworkCoreAggregateStore<TKey, TState> : IAggregateStore<TKey, TState>
    where TKey : notnull
    where TState : class
{
    private readonly StoreContextFactory _contexts;
    private readonly StateDocumentFormat<TKey, TState> _format;

    public EntityFrameworkCoreAggregateStore(StoreContextFactory contexts, StateDocumentFormat<TKey, TState> format)
    {
        _contexts = contexts;
        _format = format;
    }

    public async Task<Versioned<TState>?> LoadAsync(TKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        cancellationToken.ThrowIfCancellationRequested();
        var type = _format.AggregateType;
        var keyText = _format.FormatKey(key);
        await using var context = _contexts.Create();
        var row = await context.Aggregates.AsNoTracking()
            .Where(r => r.AggregateType == type && r.Key == keyText)
            .Select(r => new { r.Version, r.Document })
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return row?.Document is null
            ? null
            : new Versioned<TState>(_format.Read(key, Encoding.UTF8.GetBytes(row.Document)), StoreWrites.Token(row.Version));
    }

    public async Task<Result<VersionToken>> SaveAsync(TKey key, TState state, VersionToken expected, IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(events);
        var document = Encoding.UTF8.GetString(_format.Write(key, state));
        var type = _format.AggregateType;
        var keyText = _format.FormatKey(key);
        var outbox = StoreWrites.OutboxRows(type, keyText, events);
        cancellationToken.ThrowIfCancellationRequested();

        var portal = _format.PortalOf(key).Value;
        var schema = _format.SchemaVersion;
        await using var context = _contexts.Create();
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        long version;
        if (expected.IsNone)
        {
            // A tombstone (deleted earlier) is revived with the next version; otherwise the row is inserted unless it exists.
            var revived = await context.Aggregates
                .Where(r => r.AggregateType == type && r.Key == keyText && r.Document == null)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Document, document).SetProperty(r => r.Version, r => r.Version + 1).SetProperty(r => r.SchemaVersion, schema).SetProperty(r => r.PortalId, portal), cancellationToken)
                .ConfigureAwait(false);
            if (revived == 1)
            {
                version = await context.Aggregates.Where(r => r.AggregateType == type && r.Key == keyText).Select(r => r.Version).SingleAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                version = 1;
                var inserted = await context.Database.ExecuteSqlAsync(
                    $"""INSERT INTO "cs_aggregates" ("aggregate_type", "key", "portal_id", "version", "schema_version", "document") VALUES ({type}, {keyText}, {portal}, {version}, {schema}, {document}) ON CONFLICT ("aggregate_type", "key") DO NOTHING""",
                    cancellationToken).ConfigureAwait(false);
                if (inserted != 1)
                {
                    return Result.Failure<VersionToken>(ConcurrencyErrors.Conflict(Describe(keyText)));
                }
            }
        }
        else
        {
            if (!StoreWrites.TryParse(expected, out var current))
            {
                return Result.Failure<VersionToken>(ConcurrencyErrors.Conflict(Describe(keyText)));
            }

            version = current + 1;
            var updated = await context.Aggregates
                .Where(r => r.AggregateType == type && r.Key == keyText && r.Version == current && r.Document != null)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Document, document).SetProperty(r => r.Version, version).SetProperty(r => r.SchemaVersion, schema), cancellationToken)
                .ConfigureAwait(false);
            if (updated != 1)
            {
                return Result.Failure<VersionToken>(ConcurrencyErrors.Conflict(Describe(keyText)));
            }
        }

        await StoreWrites.CommitAsync(context, transaction, outbox, cancellationToken).ConfigureAwait(false);
        return Result.Success(StoreWrites.Token(version));
    }

    public async Task<Result> DeleteAsync(TKey key, VersionToken expected, IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(events);
        var type = _format.AggregateType;
        var keyText = _format.FormatKey(key);
        var outbox = StoreWrites.OutboxRows(type, keyText, events);
        cancellationToken.ThrowIfCancellationRequested();
        if (!StoreWrites.TryParse(expected, out var current))
        {
            return Result.Failure(ConcurrencyErrors.Conflict(Describe(keyText)));
        }

        await using var context = _contexts.Create();
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var deleted = await context.Aggregates
            .Where(r => r.AggregateType == type && r.Key == keyText && r.Version == current && r.Document != null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Document, (string?)null).SetProperty(r => r.Version, current + 1), cancellationToken)
            .ConfigureAwait(false);
        if (deleted != 1)
        {
            return Result.Failure(ConcurrencyErrors.Conflict(Describe(keyText)));
        }

        await StoreWrites.CommitAsync(context, transaction, outbox, cancellationToken).ConfigureAwait(false);
        return Result.Success();
    }

    private string Describe(string keyText) => $"{_format.AggregateType} {keyText}";
}

/// <summary>The EF Core <see cref="IWorkspaceDirectoryStore"/>.</summary>
internal sealed class EntityFrameworkCoreWorkspaceDirectoryStore(StoreContextFactory contexts)
    : EntityFrameworkCoreAggregateStore<PortalId, WorkspaceDirectoryState>(contexts, PersistedForms.WorkspaceDirectory), IWorkspaceDirectoryStore;

/// <summary>The EF Core <see cref="IWorkspaceConfigurationStore"/>.</summary>
internal sealed class EntityFrameworkCoreWorkspaceConfigurationStore(StoreContextFactory contexts)
    : EntityFrameworkCoreAggregateStore<PortalId, WorkspaceConfigurationState>(contexts, PersistedForms.WorkspaceConfiguration), IWorkspaceConfigurationStore;

/// <summary>The EF Core <see cref="IViewCatalogStore"/>.</summary>
internal sealed class EntityFrameworkCoreViewCatalogStore(StoreContextFactory contexts)
    : EntityFrameworkCoreAggregateStore<ViewCatalogKey, ViewCatalogState>(contexts, PersistedForms.ViewCatalog), IViewCatalogStore;

/// <summary>The EF Core <see cref="IHealthScoreCatalogStore"/>.</summary>
internal sealed class EntityFrameworkCoreHealthScoreCatalogStore(StoreContextFactory contexts)
    : EntityFrameworkCoreAggregateStore<PortalId, HealthScoreCatalogState>(contexts, PersistedForms.HealthScoreCatalog), IHealthScoreCatalogStore;

/// <summary>The EF Core <see cref="Alerts.IAlertBookStore"/>.</summary>
internal sealed class EntityFrameworkCoreAlertBookStore(StoreContextFactory contexts)
    : EntityFrameworkCoreAggregateStore<PortalId, Alerts.AlertBookState>(contexts, PersistedForms.AlertBook), Alerts.IAlertBookStore;

/// <summary>The EF Core <see cref="IScoreOverrideStore"/>.</summary>
internal sealed class EntityFrameworkCoreScoreOverrideStore(StoreContextFactory contexts)
    : EntityFrameworkCoreAggregateStore<PortalId, ScoreOverrideBookState>(contexts, PersistedForms.ScoreOverrideBook), IScoreOverrideStore;

/// <summary>What every EF Core write shares: the outbox rows of its events, the commit, and the version tokens.</summary>
internal static class StoreWrites
{
    /// <summary>Adds the outbox rows (and whatever else the context tracks) and commits.</summary>
    public static async Task CommitAsync(CustomerSuccessDbContext context, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, OutboxRow[] outbox, CancellationToken cancellationToken)
    {
        context.Outbox.AddRange(outbox);
        if (context.ChangeTracker.HasChanges())
        {
            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The outbox rows of a write's events (checked before anything is written).</summary>
    public static OutboxRow[] OutboxRows(string type, string keyText, IReadOnlyList<IDomainEvent> events)
    {
        return
        [
            .. events.Select(e =>
            {
                ArgumentNullException.ThrowIfNull(e, nameof(events));
                return new OutboxRow
                {
                    PortalId = e.PortalId.Value,
                    AggregateType = type,
                    AggregateKey = keyText,
                    TypeName = PersistedForms.Events.TypeNameOf(e),
                    Payload = Encoding.UTF8.GetString(PersistedForms.Events.Write(e)),
                    OccurredAt = e.OccurredAt,
                };
            }),
        ];
    }

    /// <summary>The token of a version.</summary>
    public static VersionToken Token(long version) => VersionToken.From(version.ToString(CultureInfo.InvariantCulture));

    /// <summary>Reads a token written by <see cref="Token"/>.</summary>
    public static bool TryParse(VersionToken token, out long version) =>
        long.TryParse(token.Value, NumberStyles.None, CultureInfo.InvariantCulture, out version) && version > 0;
}
