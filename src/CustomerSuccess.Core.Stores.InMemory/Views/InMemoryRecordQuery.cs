using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.Core.Crm;
using CustomerSuccess.Core.Records;
using CustomerSuccess.Core.Specification;

namespace CustomerSuccess.Core.Stores.InMemory;

/// <summary>
/// The reference <see cref="IRecordQuery"/> and <see cref="IRecordStore"/>: a thread-safe list of records evaluated
/// with <see cref="InMemorySpecificationEvaluator.Default"/>.
/// </summary>
/// <remarks>
/// <para>The total count uses the specification's filters only; the page is taken after its ordering. Text comparisons
/// are ordinal (case-sensitive), which a SQL collation may not be; see <c>docs/views.md</c>. It passes the record-query
/// conformance kit, whose oracle it is.</para>
/// <threadsafety>All members are thread-safe; a query sees one consistent snapshot of the records.</threadsafety>
/// </remarks>
public sealed class InMemoryRecordQuery : IRecordQuery, IRecordStore
{
    private ImmutableList<CrmRecord> _records;

    /// <summary>Initializes the query over some records.</summary>
    /// <param name="records">The records; <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentException"><paramref name="records"/> contains <see langword="null"/>, a record without
    /// portal or object, or two records with the same portal, object and id.</exception>
    public InMemoryRecordQuery(IEnumerable<CrmRecord>? records = null)
    {
        _records = [];
        foreach (var record in records ?? [])
        {
            if (record is null)
            {
                throw new ArgumentException("The records must not contain null.", nameof(records));
            }

            RecordStoreArguments.CheckRecord(record, nameof(records));
            if (_records.Exists(r => SameKey(r, record)))
            {
                throw new ArgumentException($"Record {record.ObjectType}/{record.Id} of portal {record.PortalId} is listed twice.", nameof(records));
            }

            _records = _records.Add(record);
        }
    }

    /// <summary>Gets every record of every portal (a snapshot).</summary>
    public IReadOnlyList<CrmRecord> Records => _records;

    /// <summary>Adds a record, or replaces the record with the same portal, object and id.</summary>
    /// <param name="record">The record.</param>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The record has no portal, object or id.</exception>
    public void Upsert(CrmRecord record)
    {
        RecordStoreArguments.CheckRecord(record, nameof(record));
        ImmutableInterlocked.Update(ref _records, list => Upsert(list, record));
    }

    /// <inheritdoc />
    public Task UpsertAsync(IReadOnlyCollection<CrmRecord> records, CancellationToken cancellationToken = default)
    {
        RecordStoreArguments.CheckBatch(records, nameof(records));
        cancellationToken.ThrowIfCancellationRequested();
        CrmRecord[] batch = [.. records];
        ImmutableInterlocked.Update(ref _records, list =>
        {
            foreach (var record in batch)
            {
                list = Upsert(list, record);
            }

            return list;
        });
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<int> DeleteAsync(PortalId portalId, CrmObjectType objectType, IReadOnlyCollection<RecordId> ids, CancellationToken cancellationToken = default)
    {
        RecordStoreArguments.CheckScope(portalId, objectType);
        ArgumentNullException.ThrowIfNull(ids);
        cancellationToken.ThrowIfCancellationRequested();
        var wanted = ids.ToHashSet();
        var deleted = 0;
        ImmutableInterlocked.Update(ref _records, list =>
        {
            var kept = list.RemoveAll(r => r.PortalId == portalId && r.ObjectType == objectType && wanted.Contains(r.Id));
            deleted = list.Count - kept.Count;
            return kept;
        });
        return Task.FromResult(deleted);
    }

    /// <inheritdoc />
    public Task<RecordPage> QueryAsync(RecordQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        cancellationToken.ThrowIfCancellationRequested();
        var scoped = Volatile.Read(ref _records).Where(r => r.PortalId == query.PortalId && r.ObjectType == query.ObjectType);
        var matches = InMemorySpecificationEvaluator.Default.Evaluate(scoped, query.Specification).ToList();
        IReadOnlyList<CrmRecord> items = [.. matches.Skip(query.Page.Skip).Take(query.Page.PageSize).Select(query.Project)];
        return Task.FromResult(new RecordPage(items, matches.Count, query.Page));
    }

    private static bool SameKey(CrmRecord a, CrmRecord b) => a.PortalId == b.PortalId && a.ObjectType == b.ObjectType && a.Id == b.Id;

    /// <summary>Stores a copy of the record's property list, so a caller that mutates its list changes nothing stored.</summary>
    private static ImmutableList<CrmRecord> Upsert(ImmutableList<CrmRecord> list, CrmRecord record)
    {
        record = record with { Properties = [.. record.Properties ?? []] };
        var index = list.FindIndex(r => SameKey(r, record));
        return index < 0 ? list.Add(record) : list.SetItem(index, record);
    }
}
