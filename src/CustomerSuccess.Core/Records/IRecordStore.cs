using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.Core.Crm;

namespace CustomerSuccess.Core.Records;

/// <summary>
/// The write port of the CRM records an <see cref="IRecordQuery"/> lists: a store is fed copies of the records the
/// integration reads from the CRM, whole records at a time, in batches.
/// </summary>
/// <remarks>
/// <para>Records are a read model, not aggregates: the CRM owns them, so there is no version and no outbox; the last
/// upsert of a record wins. A record is identified by its portal, object and id.</para>
/// <para>Contract (checked by the record-query conformance kit through the records it stores): an upsert replaces the
/// whole record, its property bag included (properties absent from the new record are gone); a batch is applied
/// whole or not at all; a record without portal, object or id is an argument error and nothing of the batch is
/// written; a cancelled token throws <see cref="System.OperationCanceledException"/> before any write.</para>
/// </remarks>
public interface IRecordStore
{
    /// <summary>Adds the records, or replaces the stored records with the same portal, object and id.</summary>
    /// <param name="records">The records; each at most once.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the batch is stored.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="records"/> or one of them is <see langword="null"/>.</exception>
    /// <exception cref="System.ArgumentException">A record has no portal, object or id, or appears twice.</exception>
    Task UpsertAsync(IReadOnlyCollection<CrmRecord> records, CancellationToken cancellationToken = default);

    /// <summary>Deletes records of one portal and object.</summary>
    /// <param name="portalId">The portal.</param>
    /// <param name="objectType">The object.</param>
    /// <param name="ids">The ids; ids that are not stored are ignored.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The number of records deleted.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="ids"/> is <see langword="null"/>.</exception>
    /// <exception cref="System.ArgumentException"><paramref name="portalId"/> or <paramref name="objectType"/> is <c>default</c>.</exception>
    Task<int> DeleteAsync(PortalId portalId, CrmObjectType objectType, IReadOnlyCollection<RecordId> ids, CancellationToken cancellationToken = default);
}
