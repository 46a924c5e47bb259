using System.Collections.Generic;

namespace CustomerSuccess.Core.Specification;

/// <summary>
/// Applies a whole specification to an in-memory sequence; backs <see cref="ISpecification{T}.Evaluate(IEnumerable{T})"/>.
/// </summary>
public interface IInMemorySpecificationEvaluator
{
    /// <summary>
    /// Applies <paramref name="specification"/> to <paramref name="source"/>.
    /// </summary>
    /// <typeparam name="T">The type of the entity.</typeparam>
    /// <param name="source">The sequence to evaluate.</param>
    /// <param name="specification">The specification to apply.</param>
    /// <returns>The matching entities, in specification order.</returns>
    IEnumerable<T> Evaluate<T>(IEnumerable<T> source, ISpecification<T> specification);

    /// <summary>
    /// Applies <paramref name="specification"/> to <paramref name="source"/> and projects the matches.
    /// </summary>
    /// <typeparam name="T">The type of the entity.</typeparam>
    /// <typeparam name="TResult">The type of the projected result.</typeparam>
    /// <param name="source">The sequence to evaluate.</param>
    /// <param name="specification">The projecting specification.</param>
    /// <returns>The projected matches, in specification order.</returns>
    IEnumerable<TResult> Evaluate<T, TResult>(IEnumerable<T> source, ISpecification<T, TResult> specification);
}
