namespace CustomerSuccess.Core.Specification;

/// <summary>
/// A <see cref="Specification{T}"/> that is expected to match at most one entity (for example a lookup by a unique key).
/// Derive from it and configure <see cref="Specification{T}.Query"/> in the constructor.
/// </summary>
/// <typeparam name="T">The type of the entity the specification applies to.</typeparam>
/// <remarks>
/// Being a single-result specification is a promise of the author, not checked here; a repository's
/// <c>SingleOrDefaultAsync</c> fails when more than one entity matches.
/// </remarks>
public class SingleResultSpecification<T> : Specification<T>, ISingleResultSpecification<T>
{
}
