namespace CustomerSuccess.Core.Specification;

/// <summary>
/// One feature of a single-entity check; <see cref="SpecificationValidator"/> requires all of them to pass.
/// </summary>
/// <remarks>Implementations should be stateless singletons.</remarks>
public interface IValidator
{
    /// <summary>
    /// Determines whether <paramref name="entity"/> passes this validator's feature of <paramref name="specification"/>.
    /// </summary>
    /// <typeparam name="T">The type of the entity.</typeparam>
    /// <param name="entity">The entity to test.</param>
    /// <param name="specification">The specification whose criteria are checked.</param>
    /// <returns><see langword="true"/> when the entity passes.</returns>
    bool IsValid<T>(T entity, ISpecification<T> specification);
}
