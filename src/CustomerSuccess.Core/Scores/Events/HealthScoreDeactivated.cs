using CustomerSuccess.Core.HealthScores;
using NodaTime;

namespace CustomerSuccess.Core.Scores.Events;

/// <summary>A health score was turned off; it keeps its versions and counts as a draft again (rules 72, 83).</summary>
/// <param name="PortalId">The portal.</param>
/// <param name="ScoreId">The score.</param>
/// <param name="VersionNumber">The version that was active until now.</param>
/// <param name="Initiator">Who made the change.</param>
/// <param name="OccurredAt">When.</param>
public sealed record HealthScoreDeactivated(PortalId PortalId, HealthScoreId ScoreId, int VersionNumber, Initiator Initiator, Instant OccurredAt)
    : IDomainEvent;
