using CustomerSuccess.Core.HealthScores;
using NodaTime;

namespace CustomerSuccess.Core.Scores.Events;

/// <summary>A group of a health score's working definition was renamed (rule 82).</summary>
/// <param name="PortalId">The portal.</param>
/// <param name="ScoreId">The score.</param>
/// <param name="OldName">The group's previous name.</param>
/// <param name="NewName">The group's new name.</param>
/// <param name="Initiator">Who made the change.</param>
/// <param name="OccurredAt">When.</param>
public sealed record HealthScoreGroupRenamed(PortalId PortalId, HealthScoreId ScoreId, string OldName, string NewName, Initiator Initiator, Instant OccurredAt)
    : IDomainEvent;
