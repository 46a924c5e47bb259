using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.Core.Specification;

namespace CustomerSuccess.Core.Records;

/// <summary>
/// The read-only port that lists CRM records: applies a specification (filters and ordering) and a page, and counts
/// every match.
/// </summary>
/// <remarks>
/// <para>Contract: the specification must not set <see cref="ISpecification{T}.Skip"/> or
/// <see cref="ISpecification{T}.Take"/> (paging comes from the <see cref="PageRequest"/>); the total count uses the
/// filters only; the page is taken after ordering; an implementation never reads a clock (time bounds are already in the
/// specification); a cancelled token throws <see cref="System.OperationCanceledException"/>.</para>
/// <para>An EF Core adapter implements it as <c>set.WithSpecification(spec).Skip(page.Skip).Take(page.PageSize)</c> and
/// <c>SpecificationEvaluator.Default.GetQuery(set, spec, evaluateCriteriaOnly: true).CountAsync()</c>.</para>
/// </remarks>
public interface IRecordQuery
{
    /// <summary>Returns one page of the records matching <paramref name="specification"/> and the total number of matches.</summary>
    /// <param name="specification">Filters and ordering; no skip or take.</param>
    /// <param name="page">The page to return.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The page and the total count.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="specification"/> is <see langword="null"/>.</exception>
    /// <exception cref="System.ArgumentException"><paramref name="specification"/> sets skip or take.</exception>
    /// <exception cref="System.OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<RecordPage> QueryAsync(ISpecification<CrmRecord> specification, PageRequest page, CancellationToken cancellationToken = default);
}
