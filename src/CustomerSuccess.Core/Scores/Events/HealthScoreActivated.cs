using CustomerSuccess.Core.HealthScores;
using NodaTime;

namespace CustomerSuccess.Core.Scores.Events;

/// <summary>A health score was turned on, creating an immutable numbered version (rule 83); from now on records are
/// scored with that version.</summary>
/// <param name="PortalId">The portal.</param>
/// <param name="ScoreId">The score.</param>
/// <param name="VersionNumber">The number of the version created (1, 2, 3… per score).</param>
/// <param name="Initiator">Who made the change.</param>
/// <param name="OccurredAt">When; equals the version's <see cref="ScoreVersion.ActivatedAt"/>.</param>
public sealed record HealthScoreActivated(PortalId PortalId, HealthScoreId ScoreId, int VersionNumber, Initiator Initiator, Instant OccurredAt)
    : IDomainEvent;
