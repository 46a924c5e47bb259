namespace CustomerSuccess.Core.Specification;

/// <summary>
/// Checks a single entity against all criteria of a specification; backs <see cref="ISpecification{T}.IsSatisfiedBy(T)"/>.
/// </summary>
public interface ISpecificationValidator
{
    /// <summary>
    /// Determines whether <paramref name="entity"/> satisfies every criterion of <paramref name="specification"/>;
    /// ordering and paging are ignored.
    /// </summary>
    /// <typeparam name="T">The type of the entity.</typeparam>
    /// <param name="entity">The entity to test.</param>
    /// <param name="specification">The specification whose criteria are checked.</param>
    /// <returns><see langword="true"/> when every criterion holds.</returns>
    bool IsValid<T>(T entity, ISpecification<T> specification);
}
