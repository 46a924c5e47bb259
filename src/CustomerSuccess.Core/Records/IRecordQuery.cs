using System.Threading;
using System.Threading.Tasks;

namespace CustomerSuccess.Core.Records;

/// <summary>
/// The read-only port that lists CRM records of one portal and object: applies a specification (filters and ordering)
/// and a page, and counts every match.
/// </summary>
/// <remarks>
/// <para>Contract: only records of <see cref="RecordQuery.PortalId"/> and <see cref="RecordQuery.ObjectType"/> are
/// read, counted or returned (tenant isolation is the store's first filter, before the specification); the total count
/// uses the filters only; the page is taken after ordering; an implementation never reads a clock (time bounds are
/// already in the specification); a cancelled token throws <see cref="System.OperationCanceledException"/>.</para>
/// <para>An EF Core adapter implements it as
/// <c>set.Where(r =&gt; r.PortalId == q.PortalId &amp;&amp; r.ObjectType == q.ObjectType).WithSpecification(spec)</c>
/// with <c>Skip</c>/<c>Take</c> from the page, and the criteria-only evaluation for the count.</para>
/// </remarks>
public interface IRecordQuery
{
    /// <summary>Returns one page of the records matching the query and the total number of matches.</summary>
    /// <param name="query">The portal, object, specification and page.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The page and the total count.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="query"/> is <see langword="null"/>.</exception>
    /// <exception cref="System.OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<RecordPage> QueryAsync(RecordQuery query, CancellationToken cancellationToken = default);
}
