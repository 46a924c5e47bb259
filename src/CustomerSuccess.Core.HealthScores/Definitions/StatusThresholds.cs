using System;

namespace CustomerSuccess.Core.HealthScores;

/// <summary>Ordered thresholds that partition the score range 0..100 into health statuses (rules 84, 88).</summary>
/// <param name="NeutralFrom">The lowest Neutral score (inclusive).</param>
/// <param name="HealthyFrom">The lowest Healthy score (inclusive).</param>
/// <remarks>
/// <para>AtRisk = [0, NeutralFrom), Neutral = [NeutralFrom, HealthyFrom), Healthy = [HealthyFrom, 100]. The thresholds
/// are valid iff 0 &lt; NeutralFrom &lt; HealthyFrom &lt;= 100 (<see cref="IsValid"/>); then every score maps to exactly one
/// status and the mapping is monotone. The model accepts invalid thresholds in drafts; validation reports them.</para>
/// <para>HubSpot does not publish its ranges (rule 88); <see cref="Default"/> (40/70) is a library choice.</para>
/// </remarks>
public sealed record StatusThresholds(int NeutralFrom, int HealthyFrom)
{
    /// <summary>Gets the library default: AtRisk 0–39, Neutral 40–69, Healthy 70–100 (rule 88, library choice).</summary>
    /// <value>NeutralFrom 40, HealthyFrom 70.</value>
    public static StatusThresholds Default { get; } = new(40, 70);

    /// <summary>Gets a value indicating whether 0 &lt; NeutralFrom &lt; HealthyFrom &lt;= 100.</summary>
    /// <value><see langword="true"/> for a usable partition of 0..100.</value>
    public bool IsValid => NeutralFrom > 0 && NeutralFrom < HealthyFrom && HealthyFrom <= HealthScoreDefinition.TotalMaxPoints;

    /// <summary>Maps a total score to its status.</summary>
    /// <param name="score">The total score, 0..100 inclusive.</param>
    /// <returns><see cref="HealthStatus.AtRisk"/> below <see cref="NeutralFrom"/>, <see cref="HealthStatus.Healthy"/> from
    /// <see cref="HealthyFrom"/>, otherwise <see cref="HealthStatus.Neutral"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="score"/> is below 0 or above 100.</exception>
    /// <remarks>With invalid thresholds the same comparisons apply (Healthy wins over AtRisk), so the result is still defined.</remarks>
    public HealthStatus StatusOf(int score)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(score);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(score, HealthScoreDefinition.TotalMaxPoints);
        if (score >= HealthyFrom)
        {
            return HealthStatus.Healthy;
        }

        return score >= NeutralFrom ? HealthStatus.Neutral : HealthStatus.AtRisk;
    }
}
