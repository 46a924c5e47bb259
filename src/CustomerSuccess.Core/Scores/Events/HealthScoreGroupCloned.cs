using CustomerSuccess.Core.HealthScores;
using NodaTime;

namespace CustomerSuccess.Core.Scores.Events;

/// <summary>A group of a health score's working definition was cloned; the copy follows the original (rule 82).</summary>
/// <param name="PortalId">The portal.</param>
/// <param name="ScoreId">The score.</param>
/// <param name="SourceName">The cloned group's name.</param>
/// <param name="CloneName">The copy's name.</param>
/// <param name="Initiator">Who made the change.</param>
/// <param name="OccurredAt">When.</param>
public sealed record HealthScoreGroupCloned(PortalId PortalId, HealthScoreId ScoreId, string SourceName, string CloneName, Initiator Initiator, Instant OccurredAt)
    : IDomainEvent;
