namespace CustomerSuccess.Core.Specification;

/// <summary>
/// The receiver of the builder extension methods in <see cref="SpecificationBuilderExtensions"/>
/// (<c>Where</c>, <c>OrderBy</c>, <c>OrderByDescending</c>, <c>Skip</c>, <c>Take</c>).
/// </summary>
/// <typeparam name="T">The type of the entity the specification applies to.</typeparam>
/// <remarks>
/// Obtain one from <see cref="ISpecification{T}.Query"/>. Custom builder extensions can store extra state in
/// <see cref="ISpecification{T}.Items"/> of <see cref="Specification"/>.
/// </remarks>
public interface ISpecificationBuilder<T>
{
    /// <summary>
    /// Gets the specification this builder adds to.
    /// </summary>
    /// <value>The specification the builder was created for; never <see langword="null"/>.</value>
    Specification<T> Specification { get; }
}
