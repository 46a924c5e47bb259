namespace CustomerSuccess.Core.Specification;

/// <summary>
/// The builder returned by <c>OrderBy</c>/<c>OrderByDescending</c>; the only receiver of <c>ThenBy</c> and
/// <c>ThenByDescending</c>, so a secondary key cannot be added without a primary one.
/// </summary>
/// <typeparam name="T">The type of the entity the specification applies to.</typeparam>
/// <remarks>
/// The builder remembers whether its chain was discarded: when the chain's <c>OrderBy</c> (or an earlier
/// <c>ThenBy</c>) was skipped because its condition was <see langword="false"/>, every following <c>ThenBy</c> of the
/// same chain is dropped too, as in Ardalis.Specification, so that a secondary key never silently becomes the primary one.
/// </remarks>
public interface IOrderedSpecificationBuilder<T> : ISpecificationBuilder<T>
{
}
