namespace CustomerSuccess.Core.HealthScores;

/// <summary>The health status a score grades a record into (rule 84; labels per ambiguity B17).</summary>
/// <remarks>The numeric order is meaningful: a higher value is healthier.</remarks>
public enum HealthStatus : byte
{
    /// <summary>At risk: score below <see cref="StatusThresholds.NeutralFrom"/>.</summary>
    AtRisk = 0,

    /// <summary>Neutral: score from <see cref="StatusThresholds.NeutralFrom"/> (inclusive) to <see cref="StatusThresholds.HealthyFrom"/> (exclusive).</summary>
    Neutral = 1,

    /// <summary>Healthy: score from <see cref="StatusThresholds.HealthyFrom"/> (inclusive) to 100 (inclusive).</summary>
    Healthy = 2,
}
