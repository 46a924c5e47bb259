using CustomerSuccess.Core.HealthScores;
using CustomerSuccess.Core.HealthScores.History;
using CustomerSuccess.Core.Records;
using NodaTime;

namespace CustomerSuccess.Core.Scores.Events;

/// <summary>A manual override was set (or replaced) (reading R84).</summary>
/// <param name="PortalId">The portal.</param>
/// <param name="Override">The override with its values, reason, author and expiry.</param>
/// <param name="Initiator">Who set it.</param>
/// <param name="OccurredAt">When.</param>
public sealed record ScoreOverrideSet(PortalId PortalId, ScoreOverride Override, Initiator Initiator, Instant OccurredAt) : IDomainEvent;

/// <summary>A manual override was removed before it expired (reading R84).</summary>
/// <param name="PortalId">The portal.</param>
/// <param name="CustomerId">The customer record.</param>
/// <param name="ScoreId">The score.</param>
/// <param name="Initiator">Who removed it.</param>
/// <param name="OccurredAt">When.</param>
public sealed record ScoreOverrideRemoved(PortalId PortalId, RecordId CustomerId, HealthScoreId ScoreId, Initiator Initiator, Instant OccurredAt) : IDomainEvent;
