using CustomerSuccess.Core.HealthScores;
using NodaTime;

namespace CustomerSuccess.Core.Scores.Events;

/// <summary>The working definition of a health score was replaced (rule 83: for an active score the change takes
/// effect only at the next activation).</summary>
/// <param name="PortalId">The portal.</param>
/// <param name="ScoreId">The score.</param>
/// <param name="Name">Its name after the change.</param>
/// <param name="Initiator">Who made the change.</param>
/// <param name="OccurredAt">When.</param>
public sealed record HealthScoreDefinitionChanged(PortalId PortalId, HealthScoreId ScoreId, string Name, Initiator Initiator, Instant OccurredAt)
    : IDomainEvent;
