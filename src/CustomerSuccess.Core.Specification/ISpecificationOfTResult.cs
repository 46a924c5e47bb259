using System;
using System.Collections.Generic;
using System.Linq.Expressions;

namespace CustomerSuccess.Core.Specification;

/// <summary>
/// A specification that also projects each matching <typeparamref name="T"/> to a <typeparamref name="TResult"/>
/// (Ardalis.Specification's <c>ISpecification&lt;T, TResult&gt;</c>): filters, ordering and paging apply to the
/// entities, then <see cref="Selector"/> maps each one, so a LINQ provider reads only the columns the projection uses.
/// </summary>
/// <typeparam name="T">The type of the entity the specification applies to.</typeparam>
/// <typeparam name="TResult">The type of the projected result.</typeparam>
/// <remarks>Set the projection with <c>Query.Select(...)</c>; evaluating a projecting specification without one
/// throws <see cref="SelectorNotFoundException"/>.</remarks>
public interface ISpecification<T, TResult> : ISpecification<T>
{
    /// <summary>Gets the builder, whose <c>Select</c> sets the projection.</summary>
    /// <value>A builder bound to this specification.</value>
    new ISpecificationBuilder<T, TResult> Query { get; }

    /// <summary>Gets the projection applied after filters, ordering and paging.</summary>
    /// <value><see langword="null"/> until <c>Query.Select</c> is called.</value>
    Expression<Func<T, TResult>>? Selector { get; }

    /// <summary>Applies the specification to an in-memory sequence and projects the result.</summary>
    /// <param name="entities">The sequence to evaluate.</param>
    /// <returns>The projected matches, in specification order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="entities"/> is <see langword="null"/>.</exception>
    /// <exception cref="SelectorNotFoundException">No projection was set.</exception>
    new IEnumerable<TResult> Evaluate(IEnumerable<T> entities);
}

/// <summary>
/// The receiver of <c>Select</c>: the builder of an <see cref="ISpecification{T, TResult}"/>. The filtering, ordering
/// and paging methods of <see cref="ISpecificationBuilder{T}"/> apply to it too.
/// </summary>
/// <typeparam name="T">The type of the entity.</typeparam>
/// <typeparam name="TResult">The type of the projected result.</typeparam>
public interface ISpecificationBuilder<T, TResult> : ISpecificationBuilder<T>
{
    /// <summary>Gets the projecting specification this builder adds to.</summary>
    /// <value>Never <see langword="null"/>.</value>
    new Specification<T, TResult> Specification { get; }
}

/// <summary>
/// Marks a projecting specification that is expected to match at most one entity, for
/// <c>SingleOrDefaultAsync&lt;TResult&gt;</c>.
/// </summary>
/// <typeparam name="T">The type of the entity.</typeparam>
/// <typeparam name="TResult">The type of the projected result.</typeparam>
public interface ISingleResultSpecification<T, TResult> : ISpecification<T, TResult>, ISingleResultSpecification<T>
{
}
