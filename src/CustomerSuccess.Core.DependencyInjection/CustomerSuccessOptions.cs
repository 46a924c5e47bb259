using CustomerSuccess.Core.Access;
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

    /// <summary>Gets or sets a value indicating whether the in-memory stores are registered for every port that has no
    /// registration yet.</summary>
    /// <value>Default <see langword="true"/>: a container works out of the box for tests and demos. Set it to
    /// <see langword="false"/> in production to make a missing store registration fail at resolution instead of
    /// silently keeping data in memory.</value>
    public bool UseInMemoryStores { get; set; } = true;
}
