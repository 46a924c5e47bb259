using System;

namespace CustomerSuccess.Core.HealthScores;

/// <summary>How serious a <see cref="ValidationProblem"/> is.</summary>
public enum ValidationSeverity
{
    /// <summary>The definition cannot be used (for the requested mode) until this is fixed.</summary>
    Error = 0,

    /// <summary>The definition is usable but probably not what was meant (e.g. a group that can never reach its Max points).</summary>
    Warning = 1,
}

/// <summary>One problem found in a health-score definition, by validation or by compilation against a schema.</summary>
/// <param name="Path">Where: JSON-pointer-like, zero-based, without a leading <c>$</c>, e.g.
/// <c>groups[1].criteria[0].conditions[2]</c>; empty for the definition as a whole.</param>
/// <param name="Code">A stable machine-readable code, e.g. <c>health_score.max_points_sum</c>.</param>
/// <param name="Message">A sentence a person understands, naming the group/criterion/condition concerned.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record ValidationProblem(string Path, string Code, string Message)
{
    /// <summary>Gets the path.</summary>
    /// <value>Never <see langword="null"/>; empty for the whole definition.</value>
    /// <exception cref="ArgumentNullException">The value set is <see langword="null"/>.</exception>
    public string Path
    {
        get;
        init => field = Guard.NotNull(value, nameof(Path));
    } = Guard.NotNull(Path, nameof(Path));

    /// <summary>Gets the stable code.</summary>
    /// <value>Never <see langword="null"/>.</value>
    /// <exception cref="ArgumentNullException">The value set is <see langword="null"/>.</exception>
    public string Code
    {
        get;
        init => field = Guard.NotNull(value, nameof(Code));
    } = Guard.NotNull(Code, nameof(Code));

    /// <summary>Gets the human-readable message.</summary>
    /// <value>Never <see langword="null"/>.</value>
    /// <exception cref="ArgumentNullException">The value set is <see langword="null"/>.</exception>
    public string Message
    {
        get;
        init => field = Guard.NotNull(value, nameof(Message));
    } = Guard.NotNull(Message, nameof(Message));

    /// <summary>Gets the severity; only errors make a definition invalid.</summary>
    /// <value>Defaults to <see cref="ValidationSeverity.Error"/>.</value>
    public ValidationSeverity Severity { get; init; } = ValidationSeverity.Error;

    /// <summary>Returns "path: message (code)".</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() =>
        $"{(Severity == ValidationSeverity.Warning ? "warning " : string.Empty)}{(Path.Length == 0 ? "(definition)" : Path)}: {Message} ({Code})";
}
