using System;
using System.Collections.Generic;
using System.Linq;

namespace CustomerSuccess.Core.Specification;

/// <summary>
/// Applies <see cref="ISpecification{T}.Skip"/> and <see cref="ISpecification{T}.Take"/> with <c>Skip</c> and <c>Take</c>.
/// </summary>
/// <remarks>
/// As in Ardalis.Specification 9: <c>Skip</c> is applied only when greater than zero (a zero skip adds nothing, which gives
/// simpler SQL), <c>Take</c> whenever it is set (zero or more); <c>-1</c> means unset. Stateless and thread-safe; use
/// <see cref="Instance"/>.
/// </remarks>
public sealed class PaginationEvaluator : IEvaluator, IInMemoryEvaluator
{
    private PaginationEvaluator()
    {
    }

    /// <summary>
    /// Gets the single instance.
    /// </summary>
    /// <value>The shared, stateless evaluator.</value>
    public static PaginationEvaluator Instance { get; } = new();

    /// <inheritdoc/>
    /// <value>Always <see langword="false"/>: paging is not a criterion.</value>
    public bool IsCriteriaEvaluator => false;

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> or <paramref name="specification"/> is <see langword="null"/>.</exception>
    public IQueryable<T> GetQuery<T>(IQueryable<T> query, ISpecification<T> specification)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(specification);
        if (specification.Skip > 0)
        {
            query = query.Skip(specification.Skip);
        }

        if (specification.Take >= 0)
        {
            query = query.Take(specification.Take);
        }

        return query;
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> or <paramref name="specification"/> is <see langword="null"/>.</exception>
    public IEnumerable<T> Evaluate<T>(IEnumerable<T> query, ISpecification<T> specification)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(specification);
        if (specification.Skip > 0)
        {
            query = query.Skip(specification.Skip);
        }

        if (specification.Take >= 0)
        {
            query = query.Take(specification.Take);
        }

        return query;
    }
}
