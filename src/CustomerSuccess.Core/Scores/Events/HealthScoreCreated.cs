using CustomerSuccess.Core.HealthScores;
using NodaTime;

namespace CustomerSuccess.Core.Scores.Events;

/// <summary>A health score was created as a draft (rules 75, 83).</summary>
/// <param name="PortalId">The portal.</param>
/// <param name="ScoreId">The new score.</param>
/// <param name="Name">Its name.</param>
/// <param name="Origin">Whether it started from the starter template, from scratch or from a supplied definition.</param>
/// <param name="Initiator">Who made the change.</param>
/// <param name="OccurredAt">When.</param>
public sealed record HealthScoreCreated(PortalId PortalId, HealthScoreId ScoreId, string Name, HealthScoreOrigin Origin, Initiator Initiator, Instant OccurredAt)
    : IDomainEvent;
