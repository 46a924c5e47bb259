using System;
using System.Collections.Generic;
using System.Linq;

namespace CustomerSuccess.Core.Specification;

/// <summary>
/// Applies the ordering chain of <see cref="ISpecification{T}.OrderExpressions"/> with <c>OrderBy</c>,
/// <c>OrderByDescending</c>, <c>ThenBy</c> and <c>ThenByDescending</c>.
/// </summary>
/// <remarks>
/// <para>
/// The key selectors (<c>Expression&lt;Func&lt;T, object?&gt;&gt;</c>) are passed to the standard operators unchanged, as in
/// Ardalis.Specification; providers such as EF Core strip the boxing conversion. In memory the keys are compared with
/// <see cref="Comparer{T}.Default"/> for <see cref="object"/>, which is also what LINQ to objects does for an
/// <see cref="IQueryable{T}"/> from <see cref="Queryable.AsQueryable{TElement}(IEnumerable{TElement})"/>; both sorts are stable.
/// </para>
/// <para>Stateless and thread-safe; use <see cref="Instance"/>.</para>
/// </remarks>
public sealed class OrderEvaluator : IEvaluator, IInMemoryEvaluator
{
    private OrderEvaluator()
    {
    }

    /// <summary>
    /// Gets the single instance.
    /// </summary>
    /// <value>The shared, stateless evaluator.</value>
    public static OrderEvaluator Instance { get; } = new();

    /// <inheritdoc/>
    /// <value>Always <see langword="false"/>: ordering does not change which entities match.</value>
    public bool IsCriteriaEvaluator => false;

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> or <paramref name="specification"/> is <see langword="null"/>.</exception>
    /// <exception cref="DuplicateOrderChainException">The specification contains more than one chain start.</exception>
    /// <exception cref="InvalidOperationException">A custom specification lists a <c>ThenBy</c> step before any chain start.</exception>
    public IQueryable<T> GetQuery<T>(IQueryable<T> query, ISpecification<T> specification)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(specification);
        var steps = GetValidatedSteps(specification);
        IOrderedQueryable<T>? ordered = null;
        foreach (var step in steps)
        {
            ordered = step.OrderType switch
            {
                OrderTypeEnum.OrderBy => query.OrderBy(step.KeySelector),
                OrderTypeEnum.OrderByDescending => query.OrderByDescending(step.KeySelector),
                OrderTypeEnum.ThenBy => ordered!.ThenBy(step.KeySelector),
                _ => ordered!.ThenByDescending(step.KeySelector),
            };
        }

        return ordered ?? query;
    }

    /// <inheritdoc/>
    /// <remarks>The chain is validated at once; sorting is deferred until enumeration.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> or <paramref name="specification"/> is <see langword="null"/>.</exception>
    /// <exception cref="DuplicateOrderChainException">The specification contains more than one chain start.</exception>
    /// <exception cref="InvalidOperationException">A custom specification lists a <c>ThenBy</c> step before any chain start.</exception>
    public IEnumerable<T> Evaluate<T>(IEnumerable<T> query, ISpecification<T> specification)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(specification);
        var steps = GetValidatedSteps(specification);
        IOrderedEnumerable<T>? ordered = null;
        foreach (var step in steps)
        {
            ordered = step.OrderType switch
            {
                OrderTypeEnum.OrderBy => query.OrderBy(step.KeySelectorFunc),
                OrderTypeEnum.OrderByDescending => query.OrderByDescending(step.KeySelectorFunc),
                OrderTypeEnum.ThenBy => ordered!.ThenBy(step.KeySelectorFunc),
                _ => ordered!.ThenByDescending(step.KeySelectorFunc),
            };
        }

        return ordered ?? query;
    }

    private static List<OrderExpressionInfo<T>> GetValidatedSteps<T>(ISpecification<T> specification)
    {
        var steps = specification.OrderExpressions.ToList();
        var chainStarts = steps.Count(s => s.OrderType is OrderTypeEnum.OrderBy or OrderTypeEnum.OrderByDescending);
        if (chainStarts > 1)
        {
            throw new DuplicateOrderChainException();
        }

        if (steps.Count > 0 && steps[0].OrderType is not (OrderTypeEnum.OrderBy or OrderTypeEnum.OrderByDescending))
        {
            throw new InvalidOperationException("The ordering chain must start with OrderBy or OrderByDescending before any ThenBy or ThenByDescending.");
        }

        return steps;
    }
}
