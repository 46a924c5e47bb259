using System;

namespace CustomerSuccess.Core;

/// <summary>
/// Thrown by <see cref="Result.ThrowIfFailure"/> and <see cref="Result{T}.GetValueOrThrow"/> when a caller chooses to
/// treat a rule violation as exceptional. Carries the <see cref="DomainError"/>.
/// </summary>
/// <remarks>The library itself never throws this for an expected rule violation; it returns a failed
/// <see cref="Result"/>. This type exists for callers who prefer exceptions at their own boundary.</remarks>
public sealed class DomainRuleException : InvalidOperationException
{
    /// <summary>Initializes a new exception for the given error.</summary>
    /// <param name="error">The rule violation.</param>
    /// <exception cref="ArgumentNullException"><paramref name="error"/> is <see langword="null"/>.</exception>
    public DomainRuleException(DomainError error)
        : base((error ?? throw new ArgumentNullException(nameof(error))).ToString())
    {
        Error = error;
    }

    /// <summary>Gets the rule violation.</summary>
    public DomainError Error { get; }

    /// <summary>Gets the stable code of <see cref="Error"/>.</summary>
    public string Code => Error.Code;
}
