using System;
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

/// <summary>The outcome of <see cref="HealthScoreJson.Parse(string)"/>: a definition or an error, never an exception.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class HealthScoreJsonResult
{
    private HealthScoreJsonResult(HealthScoreDefinition? definition, HealthScoreJsonError? error)
    {
        Definition = definition;
        Error = error;
    }

    /// <summary>Gets a value indicating whether the document was read.</summary>
    /// <value><see langword="true"/> when <see cref="Definition"/> is set; <see langword="false"/> when <see cref="Error"/> is set.</value>
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(Definition))]
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(false, nameof(Error))]
    public bool Success => Definition is not null;

    /// <summary>Gets the definition read.</summary>
    /// <value>Set on success; otherwise <see langword="null"/>. The definition may still be an invalid draft: run
    /// <see cref="Validation.HealthScoreValidator"/> on it.</value>
    public HealthScoreDefinition? Definition { get; }

    /// <summary>Gets the error.</summary>
    /// <value>Set on failure; otherwise <see langword="null"/>.</value>
    public HealthScoreJsonError? Error { get; }

    /// <summary>Returns the definition or throws.</summary>
    /// <returns>The definition.</returns>
    /// <exception cref="FormatException">The document could not be read; the message includes path and line.</exception>
    public HealthScoreDefinition GetValueOrThrow() =>
        Definition ?? throw new FormatException(Error!.ToString());

    /// <summary>Returns "success" or the error.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() => Success ? "success" : Error.ToString();

    internal static HealthScoreJsonResult Ok(HealthScoreDefinition definition) => new(definition, null);

    internal static HealthScoreJsonResult Fail(HealthScoreJsonError error) => new(null, error);
}
