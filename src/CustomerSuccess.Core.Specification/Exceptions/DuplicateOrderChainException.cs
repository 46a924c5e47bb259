using System;

namespace CustomerSuccess.Core.Specification;

/// <summary>
/// Thrown when a specification that contains more than one ordering chain (more than one
/// <c>OrderBy</c>/<c>OrderByDescending</c> step) is evaluated.
/// </summary>
/// <remarks>
/// As in Ardalis.Specification, the builder records every chain start and the evaluators
/// (<see cref="OrderEvaluator"/>, and thus <see cref="ISpecification{T}.Evaluate(System.Collections.Generic.IEnumerable{T})"/>
/// and <see cref="SpecificationEvaluator.GetQuery{T}(System.Linq.IQueryable{T}, ISpecification{T}, bool)"/>) reject the
/// specification when it is applied. Use <c>ThenBy</c>/<c>ThenByDescending</c> for secondary keys. Criteria-only
/// evaluation and <see cref="ISpecification{T}.IsSatisfiedBy(T)"/> ignore ordering and do not throw. The exception derives
/// from <see cref="InvalidOperationException"/> because the specification is in an invalid state for evaluation.
/// </remarks>
public sealed class DuplicateOrderChainException : InvalidOperationException
{
    private const string DefaultMessage = "The specification contains more than one Order chain!";

    /// <summary>
    /// Initializes a new instance of the <see cref="DuplicateOrderChainException"/> class with the default message.
    /// </summary>
    public DuplicateOrderChainException()
        : base(DefaultMessage)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="DuplicateOrderChainException"/> class with the default message and an inner exception.
    /// </summary>
    /// <param name="innerException">The exception that caused this one, or <see langword="null"/>.</param>
    public DuplicateOrderChainException(Exception? innerException)
        : base(DefaultMessage, innerException)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="DuplicateOrderChainException"/> class with a custom message.
    /// </summary>
    /// <param name="message">The message that describes the error.</param>
    public DuplicateOrderChainException(string? message)
        : base(message)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="DuplicateOrderChainException"/> class with a custom message and an inner exception.
    /// </summary>
    /// <param name="message">The message that describes the error.</param>
    /// <param name="innerException">The exception that caused this one, or <see langword="null"/>.</param>
    public DuplicateOrderChainException(string? message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
