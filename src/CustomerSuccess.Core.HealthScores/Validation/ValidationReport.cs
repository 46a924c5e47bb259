using System;
using System.Collections.Generic;
using System.Linq;

namespace CustomerSuccess.Core.HealthScores.Validation;

/// <summary>The outcome of validating a definition: every problem found, in document order.</summary>
/// <remarks>Success is spelled as everywhere in the library: <see cref="IsSuccess"/> and <see cref="IsFailure"/>.
/// <threadsafety>Immutable and thread-safe.</threadsafety></remarks>
public sealed class ValidationReport
{
    /// <summary>Initializes a new instance of the <see cref="ValidationReport"/> class.</summary>
    /// <param name="problems">The problems found (copied).</param>
    /// <exception cref="ArgumentNullException"><paramref name="problems"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="problems"/> contains a <see langword="null"/> element.</exception>
    public ValidationReport(IEnumerable<ValidationProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ValidationProblem[] copy = [.. problems];
        if (Array.Exists(copy, p => p is null))
        {
            throw new ArgumentException("The problem list must not contain null elements.", nameof(problems));
        }

        Problems = copy.AsReadOnly();
        IsSuccess = !Array.Exists(copy, p => p.Severity == ValidationSeverity.Error);
    }

    /// <summary>Gets every problem found (errors and warnings), in document order.</summary>
    /// <value>Never <see langword="null"/>; empty for a clean definition.</value>
    public IReadOnlyList<ValidationProblem> Problems { get; }

    /// <summary>Gets a value indicating whether the definition passed: no problem has severity
    /// <see cref="ValidationSeverity.Error"/>.</summary>
    /// <value><see langword="true"/> when there are only warnings or no problems.</value>
    public bool IsSuccess { get; }

    /// <summary>Gets a value indicating whether the definition failed: at least one problem has severity
    /// <see cref="ValidationSeverity.Error"/>.</summary>
    /// <value>The opposite of <see cref="IsSuccess"/>.</value>
    public bool IsFailure => !IsSuccess;

    /// <summary>Gets the problems with severity <see cref="ValidationSeverity.Error"/>.</summary>
    /// <value>A subset of <see cref="Problems"/>.</value>
    public IEnumerable<ValidationProblem> Errors => Problems.Where(p => p.Severity == ValidationSeverity.Error);

    /// <summary>Gets the problems with severity <see cref="ValidationSeverity.Warning"/>.</summary>
    /// <value>A subset of <see cref="Problems"/>.</value>
    public IEnumerable<ValidationProblem> Warnings => Problems.Where(p => p.Severity == ValidationSeverity.Warning);

    /// <summary>Returns one line per problem.</summary>
    /// <returns>The problems, newline-separated, or "valid" when there are none.</returns>
    public override string ToString() =>
        Problems.Count == 0 ? "valid" : string.Join(Environment.NewLine, Problems.Select(p => p.ToString()));
}
