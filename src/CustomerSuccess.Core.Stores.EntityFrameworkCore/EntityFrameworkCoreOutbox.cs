using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CustomerSuccess.Core.Stores.EntityFrameworkCore;

/// <summary>One event of the outbox: stored in the same transaction as the state change that recorded it.</summary>
/// <param name="Position">The row's position; increasing in insertion order (on PostgreSQL, rows of concurrent
/// transactions may become visible out of position order: acknowledge what you dispatched, do not skip past a position).</param>
/// <param name="PortalId">The portal of the event.</param>
/// <param name="AggregateType">The aggregate type that recorded it, e.g. <c>workspace-directory</c>.</param>
/// <param name="AggregateKey">The key of that aggregate, as its persisted form renders it.</param>
/// <param name="TypeName">The event's stable type name, e.g. <c>workspace.created</c>.</param>
/// <param name="OccurredAt">When the command that recorded it was given.</param>
/// <param name="Event">The event, read back from its payload.</param>
public sealed record OutboxMessage(long Position, PortalId PortalId, string AggregateType, string AggregateKey, string TypeName, Instant OccurredAt, IDomainEvent Event);

/// <summary>
/// Reads and acknowledges the outbox (<c>cs_outbox</c>): every domain event stored with a successful write, in the
/// order of the writes. A relay reads a batch, dispatches it, and acknowledges (deletes) what it dispatched.
/// </summary>
/// <remarks>
/// <para>Delivery is at least once: a relay that crashes between dispatching and acknowledging dispatches the batch
/// again, so handlers must be idempotent (the position is a natural deduplication key). Run one relay per database, or
/// claim batches with your own locking.</para>
/// <threadsafety>Thread-safe: every call uses its own context.</threadsafety>
/// </remarks>
public sealed class EntityFrameworkCoreOutbox
{
    private readonly StoreContextFactory _contexts;

    internal EntityFrameworkCoreOutbox(StoreContextFactory contexts) => _contexts = contexts;

    /// <summary>Reads the oldest events not yet acknowledged.</summary>
    /// <param name="maxCount">The most events to read (1 or more).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The events, by position.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxCount"/> is less than 1.</exception>
    /// <exception cref="PersistedStateException">A stored event cannot be read back.</exception>
    public async Task<IReadOnlyList<OutboxMessage>> ReadAsync(int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        cancellationToken.ThrowIfCancellationRequested();
        await using var context = _contexts.Create();
        var rows = await context.Outbox.AsNoTracking().OrderBy(r => r.Position).Take(maxCount).ToListAsync(cancellationToken).ConfigureAwait(false);
        return
        [
            .. rows.Select(r => new OutboxMessage(
                r.Position, PortalId.From(r.PortalId), r.AggregateType, r.AggregateKey, r.TypeName, r.OccurredAt,
                PersistedForms.Events.Read(r.TypeName, Encoding.UTF8.GetBytes(r.Payload)))),
        ];
    }

    /// <summary>Deletes dispatched events.</summary>
    /// <param name="positions">The positions of the events dispatched.</param>
    /// <param name="cancellationToken">Cancels the delete.</param>
    /// <returns>The number of events deleted.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="positions"/> is <see langword="null"/>.</exception>
    public async Task<int> AcknowledgeAsync(IReadOnlyCollection<long> positions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(positions);
        cancellationToken.ThrowIfCancellationRequested();
        if (positions.Count == 0)
        {
            return 0;
        }

        long[] wanted = [.. positions];
        await using var context = _contexts.Create();
        return await context.Outbox.Where(r => wanted.Contains(r.Position)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
    }
}
