using System;
using System.Linq.Expressions;

namespace CustomerSuccess.Core.Specification;

/// <summary>
/// One filter of a specification: an expression tree for query providers and its lazily compiled delegate for
/// in-memory evaluation.
/// </summary>
/// <typeparam name="T">The type of the entity being filtered.</typeparam>
/// <remarks>
/// <para>
/// All filters of a specification are combined with a logical AND. <see cref="Filter"/> is handed unchanged to
/// <see cref="System.Linq.Queryable.Where{TSource}(System.Linq.IQueryable{TSource}, Expression{Func{TSource, bool}})"/>,
/// so it must be translatable by the target provider (see the package README for the rules).
/// </para>
/// <para>
/// Thread safety: instances are immutable; <see cref="FilterFunc"/> is compiled at most once, on first use, and may be
/// read from several threads at the same time.
/// </para>
/// </remarks>
public sealed class WhereExpressionInfo<T>
{
    private readonly Lazy<Func<T, bool>> _filterFunc;

    /// <summary>
    /// Initializes a new instance of the <see cref="WhereExpressionInfo{T}"/> class.
    /// </summary>
    /// <param name="filter">The condition an entity must satisfy to be kept.</param>
    /// <exception cref="ArgumentNullException"><paramref name="filter"/> is <see langword="null"/>.</exception>
    public WhereExpressionInfo(Expression<Func<T, bool>> filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        Filter = filter;
        _filterFunc = new Lazy<Func<T, bool>>(filter.Compile);
    }

    /// <summary>
    /// Gets the condition an entity must satisfy to be kept.
    /// </summary>
    /// <value>The expression passed to the constructor; never <see langword="null"/>.</value>
    public Expression<Func<T, bool>> Filter { get; }

    /// <summary>
    /// Gets the compiled form of <see cref="Filter"/>, used by the in-memory evaluator and by
    /// <see cref="ISpecification{T}.IsSatisfiedBy(T)"/>.
    /// </summary>
    /// <value>A delegate compiled on first access and cached afterwards.</value>
    public Func<T, bool> FilterFunc => _filterFunc.Value;
}
