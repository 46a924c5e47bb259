using CustomerSuccess.Core.Access;

namespace CustomerSuccess.Core.Scores;

/// <summary>The per-tier score limits a <see cref="HealthScoreCatalog"/> enforces (rule 72, ambiguity B2).</summary>
/// <remarks>A settable options object (bind it from configuration); the catalog reads it when it is constructed and
/// keeps the limits it read, so later changes to the instance do not affect an existing catalog.</remarks>
public sealed class HealthScoreCatalogOptions
{
    /// <summary>Gets or sets the limits of a Service Hub Professional account.</summary>
    /// <value>Default <see cref="HealthScoreLimits.Professional"/>: 1 active score and 5 drafts.</value>
    public HealthScoreLimits Professional { get; set; } = HealthScoreLimits.Professional;

    /// <summary>Gets or sets the limits of a Service Hub Enterprise account.</summary>
    /// <value>Default <see cref="HealthScoreLimits.Enterprise"/>: 10 active scores and 20 drafts.</value>
    public HealthScoreLimits Enterprise { get; set; } = HealthScoreLimits.Enterprise;

    /// <summary>Returns the limits of a tier.</summary>
    /// <param name="tier">The account's Service Hub tier.</param>
    /// <returns><see cref="Professional"/> or <see cref="Enterprise"/>; <see cref="HealthScoreLimits.None"/> for a tier
    /// without the workspace (such an account is refused by the access policy before any limit is checked).</returns>
    public HealthScoreLimits LimitsFor(ServiceHubTier tier) => tier switch
    {
        ServiceHubTier.Professional => Professional ?? HealthScoreLimits.Professional,
        ServiceHubTier.Enterprise => Enterprise ?? HealthScoreLimits.Enterprise,
        _ => HealthScoreLimits.None,
    };
}
