using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.Core.Crm;
using CustomerSuccess.Core.Records;
using CustomerSuccess.Core.Specification;
using CustomerSuccess.Core.Stores.EntityFrameworkCore.Model;
using Microsoft.EntityFrameworkCore;

namespace CustomerSuccess.Core.Stores.EntityFrameworkCore;

/// <summary>
/// <see cref="IRecordQuery"/> and <see cref="IRecordStore"/> on EF Core: records in <c>cs_records</c>, their property bag
/// in <c>cs_record_properties</c> (one row per property, one typed column per kind of value), so that the specifications
/// <see cref="Filters.FilterCompiler"/> compiles translate to SQL: a bag condition becomes an <c>EXISTS</c>, a bag sort
/// a scalar subquery, the explicit null rank a <c>CASE</c>.
/// </summary>
/// <remarks>
/// <para>The portal and object are the first filter of every query. The total uses the filters only; the page is taken
/// after the ordering; only the bag rows of <see cref="RecordQuery.Columns"/> are read (a filtered include). A specification that cannot be translated throws (<see cref="NotSupportedException"/> from the
/// rewrite onto the row types, or EF Core's <see cref="InvalidOperationException"/>): nothing is ever evaluated in
/// memory.</para>
/// <threadsafety>Thread-safe: every operation uses its own context.</threadsafety>
/// </remarks>
internal sealed class EntityFrameworkCoreRecordStore : IRecordQuery, IRecordStore
{
    private const int DeleteChunk = 500;
    private readonly StoreContextFactory _contexts;

    public EntityFrameworkCoreRecordStore(StoreContextFactory contexts) => _contexts = contexts;

    public async Task<RecordPage> QueryAsync(RecordQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        cancellationToken.ThrowIfCancellationRequested();
        var spec = RecordExpressionRewriter.Rewrite(query.Specification);
        var portal = query.PortalId;
        var objectType = query.ObjectType;
        await using var context = _contexts.Create();
        var scoped = context.Records.AsNoTracking().Where(r => r.PortalId == portal && r.ObjectType == objectType);
        var total = await SpecificationEvaluator.Default.GetQuery(scoped, spec, evaluateCriteriaOnly: true).CountAsync(cancellationToken).ConfigureAwait(false);
        var paged = SpecificationEvaluator.Default.GetQuery(scoped, spec).Skip(query.Page.Skip).Take(query.Page.PageSize);
        List<string>? columns = query.Columns is null ? null : [.. query.Columns];
        var rows = await (columns is null ? paged.Include(r => r.Properties) : paged.Include(r => r.Properties.Where(p => columns.Contains(p.Name))))
            .AsSplitQuery()
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new RecordPage([.. rows.Select(ToRecord)], total, query.Page);
    }

    public async Task UpsertAsync(IReadOnlyCollection<CrmRecord> records, CancellationToken cancellationToken = default)
    {
        RecordStoreArguments.CheckBatch(records, nameof(records));
        var rows = records.Select(ToRow).ToList();
        cancellationToken.ThrowIfCancellationRequested();
        if (rows.Count == 0)
        {
            return;
        }

        await using var context = _contexts.Create();
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var scope in rows.GroupBy(r => (r.PortalId, r.ObjectType)))
        {
            await DeleteRowsAsync(context, scope.Key.PortalId, scope.Key.ObjectType, scope.Select(r => r.Id), cancellationToken).ConfigureAwait(false);
        }

        context.Records.AddRange(rows);
        await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> DeleteAsync(PortalId portalId, CrmObjectType objectType, IReadOnlyCollection<RecordId> ids, CancellationToken cancellationToken = default)
    {
        RecordStoreArguments.CheckScope(portalId, objectType);
        ArgumentNullException.ThrowIfNull(ids);
        cancellationToken.ThrowIfCancellationRequested();
        await using var context = _contexts.Create();
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var deleted = await DeleteRowsAsync(context, portalId, objectType, ids, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return deleted;
    }

    /// <summary>Deletes records and their bag rows by id; ids are numbers, written into the statement in chunks.</summary>
    private static async Task<int> DeleteRowsAsync(CustomerSuccessDbContext context, PortalId portal, CrmObjectType objectType, IEnumerable<RecordId> ids, CancellationToken cancellationToken)
    {
        var deleted = 0;
        foreach (var chunk in ids.Select(i => i.Value).Distinct().Chunk(DeleteChunk))
        {
            var list = string.Join(",", chunk.Select(i => i.ToString(CultureInfo.InvariantCulture)));
#pragma warning disable EF1003 // The only interpolated text is a list of numbers formatted here; portal and object are parameters.
            await context.Database.ExecuteSqlRawAsync(
                "DELETE FROM \"cs_record_properties\" WHERE \"portal_id\" = {0} AND \"object_type\" = {1} AND \"record_id\" IN (" + list + ")",
                [portal.Value, objectType.Name!], cancellationToken).ConfigureAwait(false);
            deleted += await context.Database.ExecuteSqlRawAsync(
                "DELETE FROM \"cs_records\" WHERE \"portal_id\" = {0} AND \"object_type\" = {1} AND \"id\" IN (" + list + ")",
                [portal.Value, objectType.Name!], cancellationToken).ConfigureAwait(false);
#pragma warning restore EF1003
        }

        return deleted;
    }

    private static RecordRow ToRow(CrmRecord record) => new()
    {
        PortalId = record.PortalId,
        ObjectType = record.ObjectType,
        Id = record.Id,
        CsmOwnerId = record.CsmOwnerId,
        OwnerAssignedAt = record.OwnerAssignedAt,
        CreatedAt = record.CreatedAt,
        LastActivityAt = record.LastActivityAt,
        PipelineId = record.PipelineId,
        StageId = record.StageId,
        Amount = record.Amount,
        Properties =
        [
            .. (record.Properties ?? []).Select(p => new RecordPropertyRow
            {
                PortalId = record.PortalId,
                ObjectType = record.ObjectType,
                RecordId = record.Id,
                Name = p.Name,
                TextValue = p.TextValue,
                NumberValue = p.NumberValue,
                DateValue = p.DateValue,
                BoolValue = p.BoolValue,
                UserValue = p.UserValue,
            }),
        ],
    };

    private static CrmRecord ToRecord(RecordRow row) => new()
    {
        PortalId = row.PortalId,
        ObjectType = row.ObjectType,
        Id = row.Id,
        CsmOwnerId = row.CsmOwnerId,
        OwnerAssignedAt = row.OwnerAssignedAt,
        CreatedAt = row.CreatedAt,
        LastActivityAt = row.LastActivityAt,
        PipelineId = row.PipelineId,
        StageId = row.StageId,
        Amount = row.Amount,
        Properties =
        [
            .. row.Properties.OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => new CrmPropertyValue
            {
                Name = p.Name,
                TextValue = p.TextValue,
                NumberValue = p.NumberValue,
                DateValue = p.DateValue,
                BoolValue = p.BoolValue,
                UserValue = p.UserValue,
            }),
        ],
    };
}
