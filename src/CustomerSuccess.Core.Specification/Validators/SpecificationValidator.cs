using System;
using System.Collections.Generic;

namespace CustomerSuccess.Core.Specification;

/// <summary>
/// Checks a single entity against a specification's criteria by running a list of <see cref="IValidator"/>s;
/// backs <see cref="Specification{T}.IsSatisfiedBy(T)"/>.
/// </summary>
/// <remarks>
/// <para>
/// The default list is <see cref="WhereValidator"/> only, so <c>spec.IsSatisfiedBy(x)</c> equals
/// "<c>x</c> survives a criteria-only evaluation of <c>[x]</c>" (checked by the package's property tests).
/// </para>
/// <para>Immutable and thread-safe when its validators are.</para>
/// </remarks>
public sealed class SpecificationValidator : ISpecificationValidator
{
    private readonly IValidator[] _validators;

    /// <summary>
    /// Initializes a new instance of the <see cref="SpecificationValidator"/> class with the default list (where).
    /// </summary>
    public SpecificationValidator()
        : this([WhereValidator.Instance])
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="SpecificationValidator"/> class with a custom list.
    /// </summary>
    /// <param name="validators">The validators that must all pass, checked in order.</param>
    /// <exception cref="ArgumentNullException"><paramref name="validators"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="validators"/> contains <see langword="null"/>.</exception>
    public SpecificationValidator(IEnumerable<IValidator> validators)
    {
        ArgumentNullException.ThrowIfNull(validators);
        _validators = [.. validators];
        if (Array.Exists(_validators, v => v is null))
        {
            throw new ArgumentException("The validator list must not contain null.", nameof(validators));
        }
    }

    /// <summary>
    /// Gets the shared instance with the default list (where).
    /// </summary>
    /// <value>A stateless singleton.</value>
    public static SpecificationValidator Default { get; } = new();

    /// <summary>
    /// Gets the validators this instance runs, in order.
    /// </summary>
    /// <value>A read-only snapshot of the list given to the constructor.</value>
    public IReadOnlyList<IValidator> Validators => _validators;

    /// <inheritdoc/>
    /// <remarks>Stops at the first validator that fails.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="specification"/> is <see langword="null"/>.</exception>
    public bool IsValid<T>(T entity, ISpecification<T> specification)
    {
        ArgumentNullException.ThrowIfNull(specification);
        foreach (var validator in _validators)
        {
            if (!validator.IsValid(entity, specification))
            {
                return false;
            }
        }

        return true;
    }
}
