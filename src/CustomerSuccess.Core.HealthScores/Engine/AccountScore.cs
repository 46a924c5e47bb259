namespace CustomerSuccess.Core.HealthScores.Engine;

/// <summary>The score of one account, named by the version it came from.</summary>
/// <param name="ScoreId">The score's id.</param>
/// <param name="VersionNumber">The score version's number.</param>
/// <param name="Score">The total score in [0, 100].</param>
/// <param name="Status">The status from the version's thresholds.</param>
/// <param name="Coverage">The share of max points whose inputs were present, in [0, 1] (see docs).</param>
public readonly record struct AccountScore(HealthScoreId ScoreId, int VersionNumber, int Score, HealthStatus Status, double Coverage);
