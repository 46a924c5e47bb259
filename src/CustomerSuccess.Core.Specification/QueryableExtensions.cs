using System;
using System.Diagnostics.CodeAnalysis;
using System.Linq;

namespace CustomerSuccess.Core.Specification;

/// <summary>
/// Applies specifications to <see cref="IQueryable{T}"/> sources such as EF Core's <c>DbSet&lt;T&gt;</c>.
/// </summary>
public static class QueryableExtensions
{
    /// <summary>
    /// Applies <paramref name="specification"/> (filters, ordering, paging) to <paramref name="source"/>.
    /// </summary>
    /// <typeparam name="T">The type of the entity.</typeparam>
    /// <param name="source">The source query, e.g. <c>dbContext.Set&lt;Account&gt;()</c> or <c>list.AsQueryable()</c>.</param>
    /// <param name="specification">The specification to apply.</param>
    /// <param name="evaluator">The evaluator to use; <see langword="null"/> (the default) means <see cref="SpecificationEvaluator.Default"/>.</param>
    /// <returns>The composed query, built from standard <see cref="Queryable"/> operators only; nothing is executed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> or <paramref name="specification"/> is <see langword="null"/>.</exception>
    /// <exception cref="DuplicateOrderChainException">The specification contains more than one ordering chain.</exception>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "Ardalis.Specification parity: WithSpecification for specifications with and without a projection, each with an optional evaluator.")]
    public static IQueryable<T> WithSpecification<T>(this IQueryable<T> source, ISpecification<T> specification, ISpecificationEvaluator? evaluator = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(specification);
        return (evaluator ?? SpecificationEvaluator.Default).GetQuery(source, specification);
    }

    /// <summary>
    /// Applies <paramref name="specification"/> (filters, ordering, paging) to <paramref name="source"/> and then its
    /// projection.
    /// </summary>
    /// <typeparam name="T">The type of the entity.</typeparam>
    /// <typeparam name="TResult">The type of the projected result.</typeparam>
    /// <param name="source">The source query.</param>
    /// <param name="specification">The projecting specification.</param>
    /// <param name="evaluator">The evaluator to use; <see langword="null"/> means <see cref="SpecificationEvaluator.Default"/>.</param>
    /// <returns>The composed, projected query; nothing is executed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> or <paramref name="specification"/> is <see langword="null"/>.</exception>
    /// <exception cref="SelectorNotFoundException">The specification has no projection.</exception>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "Ardalis.Specification parity: WithSpecification for specifications with and without a projection, each with an optional evaluator.")]
    public static IQueryable<TResult> WithSpecification<T, TResult>(this IQueryable<T> source, ISpecification<T, TResult> specification, ISpecificationEvaluator? evaluator = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(specification);
        return (evaluator ?? SpecificationEvaluator.Default).GetQuery(source, specification);
    }
}
