using System;

namespace CustomerSuccess.Core.Specification;

/// <summary>
/// Thrown when <c>Take</c> is applied a second time to the same specification.
/// </summary>
/// <remarks>
/// A specification has at most one take value; setting it twice is a programming error, reported as soon as the second
/// call happens (a conditional call whose condition is <see langword="false"/> does not count). The name and meaning
/// match Ardalis.Specification's exception of the same name; this one derives from
/// <see cref="InvalidOperationException"/> because the call is invalid for the specification's current state.
/// </remarks>
public sealed class DuplicateTakeException : InvalidOperationException
{
    private const string DefaultMessage = "Duplicate use of Take(). Ensure you don't use Take() more than once in the same specification!";

    /// <summary>
    /// Initializes a new instance of the <see cref="DuplicateTakeException"/> class with the default message.
    /// </summary>
    public DuplicateTakeException()
        : base(DefaultMessage)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="DuplicateTakeException"/> class with the default message and an inner exception.
    /// </summary>
    /// <param name="innerException">The exception that caused this one, or <see langword="null"/>.</param>
    public DuplicateTakeException(Exception? innerException)
        : base(DefaultMessage, innerException)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="DuplicateTakeException"/> class with a custom message.
    /// </summary>
    /// <param name="message">The message that describes the error.</param>
    public DuplicateTakeException(string? message)
        : base(message)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="DuplicateTakeException"/> class with a custom message and an inner exception.
    /// </summary>
    /// <param name="message">The message that describes the error.</param>
    /// <param name="innerException">The exception that caused this one, or <see langword="null"/>.</param>
    public DuplicateTakeException(string? message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
