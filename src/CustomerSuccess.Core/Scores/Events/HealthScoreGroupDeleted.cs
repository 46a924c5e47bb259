using CustomerSuccess.Core.HealthScores;
using NodaTime;

namespace CustomerSuccess.Core.Scores.Events;

/// <summary>A group was removed from a health score's working definition (rule 82).</summary>
/// <param name="PortalId">The portal.</param>
/// <param name="ScoreId">The score.</param>
/// <param name="GroupName">The removed group's name.</param>
/// <param name="Initiator">Who made the change.</param>
/// <param name="OccurredAt">When.</param>
public sealed record HealthScoreGroupDeleted(PortalId PortalId, HealthScoreId ScoreId, string GroupName, Initiator Initiator, Instant OccurredAt)
    : IDomainEvent;
