using System;
using System.Collections.Generic;
using System.Linq;

namespace CustomerSuccess.Core.Specification;

/// <summary>
/// Applies a specification to an <see cref="IQueryable{T}"/> using only the standard <see cref="Queryable"/> operators
/// <c>Where</c>, <c>OrderBy</c>, <c>OrderByDescending</c>, <c>ThenBy</c>, <c>ThenByDescending</c>, <c>Skip</c> and
/// <c>Take</c>, so EF Core or any other LINQ provider can translate the result.
/// </summary>
/// <remarks>
/// <para>
/// The default pipeline is <see cref="WhereEvaluator"/>, <see cref="OrderEvaluator"/>, <see cref="PaginationEvaluator"/>.
/// Pass a custom list to the constructor to add features (for example an evaluator reading
/// <see cref="ISpecification{T}.Items"/>).
/// </para>
/// <para>Immutable and thread-safe when its evaluators are.</para>
/// </remarks>
public sealed class SpecificationEvaluator : ISpecificationEvaluator
{
    private readonly IEvaluator[] _evaluators;

    /// <summary>
    /// Initializes a new instance of the <see cref="SpecificationEvaluator"/> class with the default pipeline
    /// (where, order, paging).
    /// </summary>
    public SpecificationEvaluator()
        : this([WhereEvaluator.Instance, OrderEvaluator.Instance, PaginationEvaluator.Instance])
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="SpecificationEvaluator"/> class with a custom pipeline.
    /// </summary>
    /// <param name="evaluators">The evaluators to run, in order.</param>
    /// <exception cref="ArgumentNullException"><paramref name="evaluators"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="evaluators"/> contains <see langword="null"/>.</exception>
    public SpecificationEvaluator(IEnumerable<IEvaluator> evaluators)
    {
        ArgumentNullException.ThrowIfNull(evaluators);
        _evaluators = [.. evaluators];
        if (Array.Exists(_evaluators, e => e is null))
        {
            throw new ArgumentException("The evaluator list must not contain null.", nameof(evaluators));
        }
    }

    /// <summary>
    /// Gets the shared instance with the default pipeline (where, order, paging).
    /// </summary>
    /// <value>A stateless singleton.</value>
    public static SpecificationEvaluator Default { get; } = new();

    /// <summary>
    /// Gets the evaluators this instance runs, in order.
    /// </summary>
    /// <value>A read-only snapshot of the pipeline given to the constructor.</value>
    public IReadOnlyList<IEvaluator> Evaluators => _evaluators;

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="inputQuery"/> or <paramref name="specification"/> is <see langword="null"/>.</exception>
    /// <exception cref="DuplicateOrderChainException"><paramref name="evaluateCriteriaOnly"/> is <see langword="false"/> and the specification contains more than one ordering chain.</exception>
    public IQueryable<T> GetQuery<T>(IQueryable<T> inputQuery, ISpecification<T> specification, bool evaluateCriteriaOnly = false)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(inputQuery);
        ArgumentNullException.ThrowIfNull(specification);
        var query = inputQuery;
        foreach (var evaluator in _evaluators)
        {
            if (evaluateCriteriaOnly && !evaluator.IsCriteriaEvaluator)
            {
                continue;
            }

            query = evaluator.GetQuery(query, specification);
        }

        return query;
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="inputQuery"/> or <paramref name="specification"/> is <see langword="null"/>.</exception>
    /// <exception cref="SelectorNotFoundException">The specification has no projection.</exception>
    public IQueryable<TResult> GetQuery<T, TResult>(IQueryable<T> inputQuery, ISpecification<T, TResult> specification)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(specification);
        var selector = specification.Selector ?? throw new SelectorNotFoundException();
        return GetQuery(inputQuery, (ISpecification<T>)specification).Select(selector);
    }
}
