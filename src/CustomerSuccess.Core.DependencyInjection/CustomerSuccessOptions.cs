using CustomerSuccess.Core.Access;
using CustomerSuccess.Core.Alerts;
using CustomerSuccess.Core.Scores;

namespace CustomerSuccess.Core.DependencyInjection;

/// <summary>Options for <see cref="Microsoft.Extensions.DependencyInjection.CustomerSuccessServiceCollectionExtensions.AddCustomerSuccess"/>.</summary>
/// <remarks>Options are read once, when the services are registered, and validated then: a bad value throws at start-up,
/// not at the first request. Later changes to the instance have no effect.</remarks>
public sealed class CustomerSuccessOptions
{
    /// <summary>Gets the readings of the ambiguous access rules (see <see cref="AccessPolicyOptions"/>).</summary>
    /// <value>The defaults of <see cref="AccessPolicyOptions"/>: the newest HubSpot articles.</value>
    public AccessPolicyOptions Access { get; } = new();

    /// <summary>Gets the health-score limits per tier (rule 72, ambiguity B2).</summary>
    /// <value>Professional 1 active + 5 drafts, Enterprise 10 active + 20 drafts (see <see cref="HealthScoreLimits"/>).</value>
    public HealthScoreCatalogOptions HealthScores { get; } = new();

    /// <summary>Gets the retry budget of server-side commands after a concurrency conflict.</summary>
    /// <value>The defaults of <see cref="CommandRetryOptions"/>: 25 attempts within 10 seconds, jittered exponential
    /// back-off from 2 ms to 200 ms.</value>
    public CommandRetryOptions Retry { get; } = new();

    /// <summary>Gets or sets the limits and anti-flapping settings of health-score alerts (rule 35, ambiguity B1).</summary>
    /// <value><see cref="AlertOptions.Default"/>: 25 active alerts per owner, 14 days, no anti-flapping.</value>
    public AlertOptions Alerts { get; set; } = AlertOptions.Default;
}
