using System.Collections.Generic;

namespace CustomerSuccess.Core.Specification;

/// <summary>
/// One feature of an in-memory evaluation; <see cref="InMemorySpecificationEvaluator"/> runs a list of them in order.
/// </summary>
/// <remarks>Implementations should be stateless singletons and mirror their <see cref="IEvaluator"/> counterpart exactly.</remarks>
public interface IInMemoryEvaluator
{
    /// <summary>
    /// Applies this evaluator's feature of <paramref name="specification"/> to <paramref name="query"/>.
    /// </summary>
    /// <typeparam name="T">The type of the entity.</typeparam>
    /// <param name="query">The sequence built so far.</param>
    /// <param name="specification">The specification being applied.</param>
    /// <returns>The extended sequence (or <paramref name="query"/> itself when the feature is not used).</returns>
    IEnumerable<T> Evaluate<T>(IEnumerable<T> query, ISpecification<T> specification);
}
