using CustomerSuccess.Core.HealthScores;
using NodaTime;

namespace CustomerSuccess.Core.Scores.Events;

/// <summary>A health score that was not active was deleted, with its working definition and versions.</summary>
/// <param name="PortalId">The portal.</param>
/// <param name="ScoreId">The deleted score; its id is never reused.</param>
/// <param name="Name">Its name.</param>
/// <param name="Initiator">Who made the change.</param>
/// <param name="OccurredAt">When.</param>
public sealed record HealthScoreDeleted(PortalId PortalId, HealthScoreId ScoreId, string Name, Initiator Initiator, Instant OccurredAt)
    : IDomainEvent;
