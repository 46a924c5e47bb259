using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace CustomerSuccess.Core;

/// <summary>
/// A rule violation or conflict that a caller is expected to handle: a limit reached, a permission missing, an
/// illegal transition, a stale write. Carries a stable machine-readable <see cref="Code"/> and a message a person
/// understands.
/// </summary>
/// <remarks>
/// <para>
/// The shape follows the Microsoft REST API guidelines' error object: <see cref="Code"/>, <see cref="Message"/>, an
/// optional <see cref="Target"/> (the argument, property or path the error is about) and optional
/// <see cref="Details"/> (e.g. every validation problem of a health-score definition).
/// </para>
/// <para>
/// Codes are lower-case <c>area.snake_case_reason</c> (e.g. <c>workspace.limit_reached</c>) and never change once
/// shipped; messages may be reworded or localised. Compare codes, never messages. Every code the library can return is
/// listed in <c>docs/errors.md</c>.
/// </para>
/// <threadsafety>Instances are immutable and thread-safe.</threadsafety>
/// </remarks>
public sealed record DomainError
{
    /// <summary>Initializes a new error.</summary>
    /// <param name="code">The stable code, <c>area.snake_case_reason</c>.</param>
    /// <param name="message">A message a person understands.</param>
    /// <param name="target">What the error is about (a parameter, property or path), if anything.</param>
    /// <param name="details">Finer-grained errors, e.g. one per validation problem; <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentException"><paramref name="code"/> is not of the form <c>area.reason</c> (lower-case letters,
    /// digits and underscores), or <paramref name="message"/> is blank.</exception>
    public DomainError(string code, string message, string? target = null, IEnumerable<DomainError>? details = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        if (!IsValidCode(code))
        {
            throw new ArgumentException(
                string.Format(CultureInfo.InvariantCulture, "Error code '{0}' must look like 'area.reason' (lower-case letters, digits, underscores, dots).", code),
                nameof(code));
        }

        Code = code;
        Message = message;
        Target = target;
        Details = details is null ? Array.Empty<DomainError>() : details.ToArray();
    }

    /// <summary>Gets the stable, machine-readable code, e.g. <c>workspace.limit_reached</c>.</summary>
    public string Code { get; }

    /// <summary>Gets a message a person understands. Not stable: do not parse or compare it.</summary>
    public string Message { get; }

    /// <summary>Gets what the error is about (a parameter, property or path), or <see langword="null"/>.</summary>
    public string? Target { get; }

    /// <summary>Gets finer-grained errors; empty when there are none.</summary>
    public IReadOnlyList<DomainError> Details { get; }

    /// <summary>Determines whether this error has the given code.</summary>
    /// <param name="code">The code to compare with (ordinal).</param>
    /// <returns><see langword="true"/> if <see cref="Code"/> equals <paramref name="code"/>.</returns>
    public bool Is(string code) => string.Equals(Code, code, StringComparison.Ordinal);

    /// <inheritdoc />
    public bool Equals(DomainError? other) =>
        other is not null
        && string.Equals(Code, other.Code, StringComparison.Ordinal)
        && string.Equals(Message, other.Message, StringComparison.Ordinal)
        && string.Equals(Target, other.Target, StringComparison.Ordinal)
        && Details.SequenceEqual(other.Details);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Code, Message, Target, Details.Count);

    /// <summary>Returns <c>code: message</c>.</summary>
    /// <returns>The code and the message.</returns>
    public override string ToString() => Target is null ? $"{Code}: {Message}" : $"{Code}: {Message} ({Target})";

    private static bool IsValidCode(string code)
    {
        var dot = code.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot == code.Length - 1 || code[^1] == '.')
        {
            return false;
        }

        foreach (var c in code)
        {
            if (!(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '.'))
            {
                return false;
            }
        }

        return true;
    }
}
