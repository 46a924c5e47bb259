using System.Collections.Generic;

namespace CustomerSuccess.Core.Specification;

/// <summary>
/// Encapsulates query logic for <typeparamref name="T"/>: filters, an ordering chain and paging, built through
/// <see cref="Query"/> and applied in memory (<see cref="Evaluate(IEnumerable{T})"/>), to a single entity
/// (<see cref="IsSatisfiedBy(T)"/>) or to an <see cref="System.Linq.IQueryable{T}"/>
/// (<see cref="QueryableExtensions.WithSpecification{T}(System.Linq.IQueryable{T}, ISpecification{T}, ISpecificationEvaluator?)"/>).
/// </summary>
/// <typeparam name="T">The type of the entity the specification applies to.</typeparam>
/// <remarks>
/// <para>
/// This is the subset of Ardalis.Specification's <c>ISpecification&lt;T&gt;</c> (version 9) that the package supports,
/// with the same member names and semantics. Includes, search, EF flags, tags, caching, projections and
/// post-processing are not part of it; integrators can carry extra state in <see cref="Items"/> and apply it with a
/// custom <see cref="IEvaluator"/>.
/// </para>
/// <para>
/// Evaluation order is always: all filters (logical AND), then the ordering chain, then <see cref="Skip"/>, then
/// <see cref="Take"/>.
/// </para>
/// </remarks>
public interface ISpecification<T>
{
    /// <summary>
    /// Gets the builder used to add filters, ordering and paging to this specification.
    /// </summary>
    /// <value>A builder bound to this specification; builders hold no state of their own except the ordering-chain flag.</value>
    ISpecificationBuilder<T> Query { get; }

    /// <summary>
    /// Gets a bag of arbitrary state for custom builder extensions and custom evaluators.
    /// </summary>
    /// <value>An initially empty dictionary, created on first access; never <see langword="null"/>.</value>
    Dictionary<string, object> Items { get; }

    /// <summary>
    /// Gets the filters, in the order they were added; an entity must satisfy all of them.
    /// </summary>
    /// <value>An empty sequence when no filter was added.</value>
    IEnumerable<WhereExpressionInfo<T>> WhereExpressions { get; }

    /// <summary>
    /// Gets the ordering steps, in the order they were added: at most one chain start
    /// (<see cref="OrderTypeEnum.OrderBy"/>/<see cref="OrderTypeEnum.OrderByDescending"/>) followed by its
    /// <see cref="OrderTypeEnum.ThenBy"/>/<see cref="OrderTypeEnum.ThenByDescending"/> steps.
    /// </summary>
    /// <value>An empty sequence when no ordering was added.</value>
    IEnumerable<OrderExpressionInfo<T>> OrderExpressions { get; }

    /// <summary>
    /// Gets the number of entities to skip after filtering and ordering.
    /// </summary>
    /// <value><c>-1</c> when not set (the Ardalis.Specification 9 convention); otherwise zero or a positive number.</value>
    int Skip { get; }

    /// <summary>
    /// Gets the maximum number of entities to return after skipping.
    /// </summary>
    /// <value><c>-1</c> when not set (the Ardalis.Specification 9 convention); otherwise zero or a positive number.</value>
    int Take { get; }

    /// <summary>
    /// Applies the specification to an in-memory sequence: filters, ordering, skip and take.
    /// </summary>
    /// <param name="entities">The sequence to evaluate.</param>
    /// <returns>The matching entities, lazily evaluated, in specification order (source order when no ordering is set).</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="entities"/> is <see langword="null"/>.</exception>
    /// <exception cref="DuplicateOrderChainException">The specification contains more than one ordering chain.</exception>
    IEnumerable<T> Evaluate(IEnumerable<T> entities);

    /// <summary>
    /// Determines whether a single entity satisfies every filter of the specification; ordering and paging are ignored.
    /// </summary>
    /// <param name="entity">The entity to test.</param>
    /// <returns><see langword="true"/> when every filter holds for <paramref name="entity"/> (always when there is no filter).</returns>
    bool IsSatisfiedBy(T entity);
}
