using System;

namespace CustomerSuccess.Core.Specification;

/// <summary>
/// Checks an entity against every filter of <see cref="ISpecification{T}.WhereExpressions"/> using the compiled
/// <see cref="WhereExpressionInfo{T}.FilterFunc"/> delegates.
/// </summary>
/// <remarks>Stateless and thread-safe; use <see cref="Instance"/>.</remarks>
public sealed class WhereValidator : IValidator
{
    private WhereValidator()
    {
    }

    /// <summary>
    /// Gets the single instance.
    /// </summary>
    /// <value>The shared, stateless validator.</value>
    public static WhereValidator Instance { get; } = new();

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="specification"/> is <see langword="null"/>.</exception>
    public bool IsValid<T>(T entity, ISpecification<T> specification)
    {
        ArgumentNullException.ThrowIfNull(specification);
        foreach (var info in specification.WhereExpressions)
        {
            if (!info.FilterFunc(entity))
            {
                return false;
            }
        }

        return true;
    }
}
