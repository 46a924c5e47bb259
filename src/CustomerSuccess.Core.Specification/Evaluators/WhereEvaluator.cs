using System;
using System.Collections.Generic;
using System.Linq;

namespace CustomerSuccess.Core.Specification;

/// <summary>
/// Applies every filter of <see cref="ISpecification{T}.WhereExpressions"/> with <c>Where</c>, in the order added.
/// </summary>
/// <remarks>Stateless and thread-safe; use <see cref="Instance"/>.</remarks>
public sealed class WhereEvaluator : IEvaluator, IInMemoryEvaluator
{
    private WhereEvaluator()
    {
    }

    /// <summary>
    /// Gets the single instance.
    /// </summary>
    /// <value>The shared, stateless evaluator.</value>
    public static WhereEvaluator Instance { get; } = new();

    /// <inheritdoc/>
    /// <value>Always <see langword="true"/>: filters are criteria.</value>
    public bool IsCriteriaEvaluator => true;

    /// <inheritdoc/>
    /// <remarks>Uses only <see cref="Queryable.Where{TSource}(IQueryable{TSource}, System.Linq.Expressions.Expression{Func{TSource, bool}})"/>.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> or <paramref name="specification"/> is <see langword="null"/>.</exception>
    public IQueryable<T> GetQuery<T>(IQueryable<T> query, ISpecification<T> specification)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(specification);
        foreach (var info in specification.WhereExpressions)
        {
            query = query.Where(info.Filter);
        }

        return query;
    }

    /// <inheritdoc/>
    /// <remarks>Uses the compiled <see cref="WhereExpressionInfo{T}.FilterFunc"/> delegates; deferred until enumeration.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> or <paramref name="specification"/> is <see langword="null"/>.</exception>
    public IEnumerable<T> Evaluate<T>(IEnumerable<T> query, ISpecification<T> specification)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(specification);
        foreach (var info in specification.WhereExpressions)
        {
            query = query.Where(info.FilterFunc);
        }

        return query;
    }
}
