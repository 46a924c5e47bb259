using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.Core.Specification;

namespace CustomerSuccess.Core.Tasks;

/// <summary>
/// The read-only port that lists and counts the tasks of one portal: applies a specification (filters and ordering) and
/// a page, and returns each task with its version, so a person's change can name the version they saw.
/// </summary>
/// <remarks>
/// <para>Contract: only tasks of the query's portal are read, counted or returned (tenant isolation is the store's first
/// filter, before the specification); the total counts the specification's filters only; the page is taken after
/// ordering; an implementation never reads a clock (time bounds are already in the specification, see
/// <see cref="DefaultTaskViewSpec"/>); a cancelled token throws <see cref="System.OperationCanceledException"/>.</para>
/// <para>An EF Core adapter implements it as
/// <c>set.Where(t =&gt; t.PortalId == q.PortalId).WithSpecification(spec)</c> with <c>Skip</c>/<c>Take</c> from the page,
/// and the criteria-only evaluation (<c>SpecificationEvaluator.Default.GetQuery(set, spec, evaluateCriteriaOnly: true)</c>)
/// for the count; the version comes from the row's concurrency token.</para>
/// </remarks>
public interface ITaskQuery
{
    /// <summary>Returns one page of the tasks matching the query, and (if asked) the total number of matches.</summary>
    /// <param name="query">The portal, specification and page.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The page.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="query"/> is <see langword="null"/>.</exception>
    /// <exception cref="System.OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<TaskPage> QueryAsync(TaskQuery query, CancellationToken cancellationToken = default);

    /// <summary>Counts the tasks of a portal that match a specification's filters.</summary>
    /// <param name="portalId">The portal.</param>
    /// <param name="specification">The filters (its ordering is ignored; no skip or take).</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The number of matching tasks.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="specification"/> is <see langword="null"/>.</exception>
    /// <exception cref="System.ArgumentException"><paramref name="portalId"/> is <c>default</c>.</exception>
    /// <exception cref="System.OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<int> CountAsync(PortalId portalId, ISpecification<TaskState> specification, CancellationToken cancellationToken = default);
}
