using System.Linq;

namespace CustomerSuccess.Core.Specification;

/// <summary>
/// Applies a whole specification to an <see cref="IQueryable{T}"/>, so that a LINQ provider (EF Core, or LINQ to
/// objects via <see cref="Queryable.AsQueryable{TElement}(System.Collections.Generic.IEnumerable{TElement})"/>) translates it.
/// </summary>
public interface ISpecificationEvaluator
{
    /// <summary>
    /// Applies <paramref name="specification"/> to <paramref name="inputQuery"/>.
    /// </summary>
    /// <typeparam name="T">The type of the entity.</typeparam>
    /// <param name="inputQuery">The source query, e.g. an EF Core <c>DbSet&lt;T&gt;</c>.</param>
    /// <param name="specification">The specification to apply.</param>
    /// <param name="evaluateCriteriaOnly">
    /// <see langword="true"/> to apply only the criteria (filters) and ignore ordering and paging, as
    /// <c>CountAsync</c>/<c>AnyAsync</c> do; <see langword="false"/> (the default) to apply everything.
    /// </param>
    /// <returns>The composed query; nothing is executed.</returns>
    IQueryable<T> GetQuery<T>(IQueryable<T> inputQuery, ISpecification<T> specification, bool evaluateCriteriaOnly = false)
        where T : class;

    /// <summary>
    /// Applies <paramref name="specification"/> to <paramref name="inputQuery"/> (filters, ordering, paging) and then its
    /// projection, so that the provider reads only what the projection uses.
    /// </summary>
    /// <typeparam name="T">The type of the entity.</typeparam>
    /// <typeparam name="TResult">The type of the projected result.</typeparam>
    /// <param name="inputQuery">The source query.</param>
    /// <param name="specification">The projecting specification.</param>
    /// <returns>The composed, projected query; nothing is executed.</returns>
    IQueryable<TResult> GetQuery<T, TResult>(IQueryable<T> inputQuery, ISpecification<T, TResult> specification)
        where T : class;
}
