using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace CustomerSuccess.Core.HealthScores.Serialization;

/// <summary>Why a JSON document could not be read as a health-score definition, and where.</summary>
/// <param name="Path">The JSON path of the offending member, e.g. <c>$.groups[1].criteria[0].points</c>; <c>$</c> for the document.</param>
/// <param name="LineNumber">The 1-based line of the offending token (or of the closest enclosing member found).</param>
/// <param name="BytePositionInLine">The 0-based UTF-8 byte offset of the offending token within its line.</param>
/// <param name="Message">A readable explanation, naming members and values.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record HealthScoreJsonError(string Path, long LineNumber, long BytePositionInLine, string Message)
{
    /// <summary>Returns "message (path, line n, byte m)".</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, "{0} ({1}, line {2}, byte {3})", Message, Path, LineNumber, BytePositionInLine);
}

/// <summary>The outcome of reading a JSON document with <see cref="HealthScoreJson"/>: the value read, or an error with
/// path and position; reading never throws for malformed input.</summary>
/// <typeparam name="T">What the document holds: a <see cref="HealthScoreDefinition"/> or a <see cref="ScoreVersion"/>.</typeparam>
/// <remarks>The outcome types of this package spell success the same way as <c>Result</c> in CustomerSuccess.Core:
/// <see cref="IsSuccess"/>, <see cref="IsFailure"/>, <see cref="Value"/>, <see cref="GetValueOrThrow"/>.
/// <threadsafety>Immutable and thread-safe.</threadsafety></remarks>
public sealed class HealthScoreJsonResult<T>
    where T : class
{
    private HealthScoreJsonResult(T? value, HealthScoreJsonError? error)
    {
        Value = value;
        Error = error;
    }

    /// <summary>Gets a value indicating whether the document was read.</summary>
    /// <value><see langword="true"/> when <see cref="Value"/> is set; <see langword="false"/> when <see cref="Error"/> is set.</value>
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Value is not null;

    /// <summary>Gets a value indicating whether the document could not be read.</summary>
    /// <value>The opposite of <see cref="IsSuccess"/>.</value>
    [MemberNotNullWhen(false, nameof(Value))]
    [MemberNotNullWhen(true, nameof(Error))]
    public bool IsFailure => Value is null;

    /// <summary>Gets the value read.</summary>
    /// <value>Set on success; otherwise <see langword="null"/>. A definition may still be an invalid draft: run
    /// <see cref="Validation.HealthScoreValidator"/> on it.</value>
    public T? Value { get; }

    /// <summary>Gets the error.</summary>
    /// <value>Set on failure; otherwise <see langword="null"/>.</value>
    public HealthScoreJsonError? Error { get; }

    /// <summary>Returns the value or throws.</summary>
    /// <returns>The value.</returns>
    /// <exception cref="FormatException">The document could not be read; the message includes path and line.</exception>
    public T GetValueOrThrow() =>
        Value ?? throw new FormatException(Error!.ToString());

    /// <summary>Returns "success" or the error.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() => IsSuccess ? "success" : Error.ToString();

    internal static HealthScoreJsonResult<T> Ok(T value) => new(value, null);

    internal static HealthScoreJsonResult<T> Fail(HealthScoreJsonError error) => new(null, error);
}
