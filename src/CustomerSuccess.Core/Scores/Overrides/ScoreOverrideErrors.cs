using System.Globalization;
using CustomerSuccess.Core.HealthScores;
using CustomerSuccess.Core.Records;

namespace CustomerSuccess.Core.Scores;

/// <summary>The errors of manual score overrides; every code is stable.</summary>
public static class ScoreOverrideErrors
{
    /// <summary>The override's values are not valid; the message says which.</summary>
    public const string InvalidCode = "score_override.invalid";

    /// <summary>The account has no override in force under that score.</summary>
    public const string NotFoundCode = "score_override.not_found";

    internal static DomainError Invalid(string problem) => new(InvalidCode, "The override is not valid: " + problem + ".", "override");

    internal static DomainError NotFound(RecordId customerId, HealthScoreId scoreId) => new(
        NotFoundCode,
        string.Format(CultureInfo.InvariantCulture, "Record {0} has no override in force under score {1}.", customerId, scoreId),
        customerId.ToString());
}
