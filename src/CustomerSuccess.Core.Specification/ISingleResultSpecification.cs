namespace CustomerSuccess.Core.Specification;

/// <summary>
/// Marks a specification that is expected to match at most one entity, so it may be passed to
/// <see cref="IReadRepositoryBase{T}.SingleOrDefaultAsync(ISingleResultSpecification{T}, System.Threading.CancellationToken)"/>.
/// </summary>
/// <typeparam name="T">The type of the entity the specification applies to.</typeparam>
/// <remarks>The marker adds no members; it mirrors Ardalis.Specification's <c>ISingleResultSpecification&lt;T&gt;</c>.</remarks>
public interface ISingleResultSpecification<T> : ISpecification<T>
{
}
