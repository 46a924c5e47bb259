namespace CustomerSuccess.Core.HealthScores.Validation;

/// <summary>How strictly <see cref="HealthScoreValidator"/> checks a definition (rule 83, ambiguity B18).</summary>
/// <remarks>
/// <para><see cref="Draft"/> reports contradictions only: values that are wrong however the draft is completed
/// (out-of-range numbers, duplicates, impossible operators, a criterion in the wrong group kind, malformed operands).</para>
/// <para><see cref="Activation"/> reports everything <see cref="Draft"/> does plus incompleteness: blank names, no groups,
/// empty groups or criteria, zero points, and a Max points sum other than 100 (rule 78).</para>
/// </remarks>
public enum ValidationMode
{
    /// <summary>Saving a draft: only contradictions are errors; an incomplete definition is valid.</summary>
    Draft,

    /// <summary>Turning the score on: the definition must be complete and consistent.</summary>
    Activation,
}
