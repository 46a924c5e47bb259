using System;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace CustomerSuccess.Core.HealthScores.Engine;

/// <summary>The outcome of compiling a definition against a schema: either the compiled value or the problems.</summary>
/// <typeparam name="T">The compiled type.</typeparam>
/// <remarks>Unknown properties and operator/type mismatches are problems, not exceptions. A text value that is not
/// in the snapshot's dictionary is not a problem: it simply never matches.</remarks>
public sealed class CompilationResult<T>
    where T : class
{
    internal CompilationResult(T? value, ImmutableArray<ValidationProblem> problems)
    {
        Value = value;
        Problems = problems;
    }

    /// <summary>Gets the compiled value.</summary>
    /// <value>Non-null exactly when <see cref="IsSuccess"/>.</value>
    public T? Value { get; }

    /// <summary>Gets the problems that prevented compilation.</summary>
    /// <value>Empty when <see cref="IsSuccess"/>; paths like <c>groups[1].criteria[0].conditions[2]</c>.</value>
    public ImmutableArray<ValidationProblem> Problems { get; }

    /// <summary>Gets a value indicating whether compilation succeeded.</summary>
    /// <value><see langword="true"/> when <see cref="Value"/> is available.</value>
    [MemberNotNullWhen(true, nameof(Value))]
    public bool IsSuccess => Value is not null;

    /// <summary>Gets a value indicating whether compilation failed.</summary>
    /// <value>The opposite of <see cref="IsSuccess"/>: <see cref="Problems"/> says why.</value>
    [MemberNotNullWhen(false, nameof(Value))]
    public bool IsFailure => Value is null;

    /// <summary>Returns the compiled value or throws.</summary>
    /// <returns>The compiled value.</returns>
    /// <exception cref="InvalidOperationException">Compilation failed; the message lists the problems.</exception>
    public T GetValueOrThrow() =>
        Value ?? throw new InvalidOperationException("Compilation failed: " + string.Join("; ", Problems));
}
