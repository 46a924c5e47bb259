using CustomerSuccess.Core.HealthScores;
using CustomerSuccess.Core.HealthScores.History;
using CustomerSuccess.Core.Records;
using NodaTime;

namespace CustomerSuccess.Core.Alerts.Events;

/// <summary>An alert was raised for a customer's status change (rule 35); a system transition of a scoring run.</summary>
/// <param name="PortalId">The portal.</param>
/// <param name="AlertId">The new alert.</param>
/// <param name="CustomerId">The customer.</param>
/// <param name="ScoreId">The score.</param>
/// <param name="VersionNumber">The score version of the run.</param>
/// <param name="RunId">The run.</param>
/// <param name="OwnerId">The alert's owner.</param>
/// <param name="From">The earlier status.</param>
/// <param name="To">The new status.</param>
/// <param name="ScoreBefore">The earlier score.</param>
/// <param name="ScoreAfter">The new score.</param>
/// <param name="ExpiresAt">When it expires.</param>
/// <param name="Initiator">The system.</param>
/// <param name="OccurredAt">When it was raised.</param>
public sealed record AlertRaised(
    PortalId PortalId,
    AlertId AlertId,
    RecordId CustomerId,
    HealthScoreId ScoreId,
    int VersionNumber,
    ScoringRunId RunId,
    UserId OwnerId,
    HealthStatus From,
    HealthStatus To,
    int ScoreBefore,
    int ScoreAfter,
    Instant ExpiresAt,
    Initiator Initiator,
    Instant OccurredAt) : IDomainEvent;

/// <summary>An alert was dismissed by its owner (rule 35); final.</summary>
/// <param name="PortalId">The portal.</param>
/// <param name="AlertId">The alert.</param>
/// <param name="Initiator">The owner.</param>
/// <param name="OccurredAt">When.</param>
public sealed record AlertDismissed(PortalId PortalId, AlertId AlertId, Initiator Initiator, Instant OccurredAt) : IDomainEvent;

/// <summary>An alert expired (rule 35); a system transition, final.</summary>
/// <param name="PortalId">The portal.</param>
/// <param name="AlertId">The alert.</param>
/// <param name="ExpiredAt">When its lifetime ended (its <see cref="Alert.ExpiresAt"/>).</param>
/// <param name="Initiator">The system.</param>
/// <param name="OccurredAt">When the expiry was recorded (at or after <paramref name="ExpiredAt"/>).</param>
public sealed record AlertExpired(PortalId PortalId, AlertId AlertId, Instant ExpiredAt, Initiator Initiator, Instant OccurredAt) : IDomainEvent;

/// <summary>An active alert was superseded by a newer one (ambiguity B1); a system transition, final.</summary>
/// <param name="PortalId">The portal.</param>
/// <param name="AlertId">The superseded alert.</param>
/// <param name="SupersededBy">The new alert.</param>
/// <param name="Reason">A newer change of the same customer and score, or the owner's limit (overflow).</param>
/// <param name="Initiator">The system.</param>
/// <param name="OccurredAt">When.</param>
public sealed record AlertSuperseded(PortalId PortalId, AlertId AlertId, AlertId SupersededBy, SupersedeReason Reason, Initiator Initiator, Instant OccurredAt) : IDomainEvent;
