using CustomerSuccess.Core.HealthScores;

namespace CustomerSuccess.Core.Cli.Scoring;

/// <summary>One thing that stops a definition from being scored against a file: a validation problem of the
/// definition, or a mismatch between the definition and the portfolio or events file.</summary>
/// <param name="Where">The definition path (<c>groups[1].criteria[0]</c>) or the file concerned.</param>
/// <param name="Code">A stable code: the library's <c>health_score.*</c> codes, or <c>cli.*</c> for files.</param>
/// <param name="Message">What is wrong, for people.</param>
/// <param name="IsWarning">A warning does not stop scoring.</param>
internal sealed record Problem(string Where, string Code, string Message, bool IsWarning = false)
{
    public static Problem From(ValidationProblem problem) =>
        new(problem.Path.Length == 0 ? "(definition)" : problem.Path, problem.Code, problem.Message, problem.Severity == ValidationSeverity.Warning);
}
