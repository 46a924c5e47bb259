using System.Linq;

namespace CustomerSuccess.Core.Specification;

/// <summary>
/// One feature of an <see cref="IQueryable{T}"/> evaluation (filtering, ordering, paging, or a custom feature carried in
/// <see cref="ISpecification{T}.Items"/>); <see cref="SpecificationEvaluator"/> runs a list of them in order.
/// </summary>
/// <remarks>Implementations should be stateless singletons and use only operators the target providers can translate.</remarks>
public interface IEvaluator
{
    /// <summary>
    /// Gets a value indicating whether this evaluator narrows the result set (criteria) rather than shaping it (ordering,
    /// paging); only criteria evaluators run when <c>evaluateCriteriaOnly</c> is <see langword="true"/>.
    /// </summary>
    /// <value><see langword="true"/> for filtering evaluators.</value>
    bool IsCriteriaEvaluator { get; }

    /// <summary>
    /// Applies this evaluator's feature of <paramref name="specification"/> to <paramref name="query"/>.
    /// </summary>
    /// <typeparam name="T">The type of the entity.</typeparam>
    /// <param name="query">The query built so far.</param>
    /// <param name="specification">The specification being applied.</param>
    /// <returns>The extended query (or <paramref name="query"/> itself when the feature is not used).</returns>
    IQueryable<T> GetQuery<T>(IQueryable<T> query, ISpecification<T> specification)
        where T : class;
}
