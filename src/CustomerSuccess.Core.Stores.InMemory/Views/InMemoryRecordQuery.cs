using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.Core.Records;
using CustomerSuccess.Core.Specification;

namespace CustomerSuccess.Core.Stores.InMemory;

/// <summary>
/// The reference <see cref="IRecordQuery"/>: a thread-safe list of records evaluated with
/// <see cref="InMemorySpecificationEvaluator.Default"/>.
/// </summary>
/// <remarks>
/// <para>The total count uses the specification's filters only; the page is taken after its ordering. Text comparisons
/// are ordinal (case-sensitive), which a SQL collation may not be; see <c>docs/views.md</c>.</para>
/// <threadsafety>All members are thread-safe; a query sees one consistent snapshot of the records.</threadsafety>
/// </remarks>
public sealed class InMemoryRecordQuery : IRecordQuery
{
    private ImmutableList<CrmRecord> _records;

    /// <summary>Initializes the query over some records.</summary>
    /// <param name="records">The records; <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentException"><paramref name="records"/> contains <see langword="null"/>.</exception>
    public InMemoryRecordQuery(IEnumerable<CrmRecord>? records = null)
    {
        var list = (records ?? []).ToImmutableList();
        if (list.Contains(null!))
        {
            throw new ArgumentException("The records must not contain null.", nameof(records));
        }

        _records = list;
    }

    /// <summary>Gets a snapshot of the records.</summary>
    public IReadOnlyList<CrmRecord> Records => _records;

    /// <summary>Adds a record, or replaces the record with the same object type and id.</summary>
    /// <param name="record">The record.</param>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is <see langword="null"/>.</exception>
    public void Upsert(CrmRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        ImmutableInterlocked.Update(ref _records, list =>
        {
            var index = list.FindIndex(r => r.Id == record.Id && string.Equals(r.ObjectType, record.ObjectType, StringComparison.Ordinal));
            return index < 0 ? list.Add(record) : list.SetItem(index, record);
        });
    }

    /// <inheritdoc />
    public Task<RecordPage> QueryAsync(ISpecification<CrmRecord> specification, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(specification);
        if (specification.Skip >= 0 || specification.Take >= 0)
        {
            throw new ArgumentException("Paging comes from the page request: the specification must not set Skip or Take.", nameof(specification));
        }

        if (page.PageSize <= 0)
        {
            throw new ArgumentException("The page request is default; use PageRequest.Create.", nameof(page));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var matches = InMemorySpecificationEvaluator.Default.Evaluate(_records, specification).ToList();
        IReadOnlyList<CrmRecord> items = [.. matches.Skip(page.Skip).Take(page.PageSize)];
        return Task.FromResult(new RecordPage(items, matches.Count, page));
    }
}
