using CustomerSuccess.Core.HealthScores;
using CustomerSuccess.Core.HealthScores.History;
using CustomerSuccess.Core.Records;
using NodaTime;

namespace CustomerSuccess.Core.Alerts;

/// <summary>Where an alert is in its life (rule 35). Active is the only state an alert leaves; the other three are
/// final.</summary>
public enum AlertStatus
{
    /// <summary>Raised and neither dismissed, expired nor superseded. It shows as active for instants before
    /// <see cref="Alert.ExpiresAt"/> even before the expiry command has run.</summary>
    Active,

    /// <summary>Dismissed by its owner (final).</summary>
    Dismissed,

    /// <summary>Expired <see cref="AlertOptions.Lifetime"/> after it was raised (final; a system transition).</summary>
    Expired,

    /// <summary>Replaced (final): by a newer alert of the same customer and score, or by a new alert of its owner beyond
    /// <see cref="AlertOptions.MaxActivePerOwner"/>, counted in the overflow report.</summary>
    Superseded,
}

/// <summary>Why an alert was superseded.</summary>
public enum SupersedeReason
{
    /// <summary>A newer status change of the same customer under the same score raised a new alert (one active alert
    /// per customer and score).</summary>
    NewerChange,

    /// <summary>Its owner already had <see cref="AlertOptions.MaxActivePerOwner"/> active alerts and a new one was raised:
    /// the oldest active alert makes room (ambiguity B1), counted in <see cref="AlertRaiseReport.Overflow"/>.</summary>
    Overflow,
}

/// <summary>
/// One health-score alert (rule 35): a customer's health status changed between two runs under the same score. Owned by
/// the customer's CSM owner as of the run.
/// </summary>
/// <param name="Id">The alert's id.</param>
/// <param name="CustomerId">The customer record whose status changed.</param>
/// <param name="Version">The score version of the run that raised it.</param>
/// <param name="RunId">The scoring run that raised it.</param>
/// <param name="OwnerId">The owner (the customer's CSM owner).</param>
/// <param name="From">The status in the previous run.</param>
/// <param name="To">The status in the run that raised it.</param>
/// <param name="ScoreBefore">The score in the previous run.</param>
/// <param name="ScoreAfter">The score in the run that raised it.</param>
/// <param name="RaisedAt">When it was raised (the run's instant).</param>
/// <param name="ExpiresAt">When it expires: <see cref="RaisedAt"/> + <see cref="AlertOptions.Lifetime"/>; active in
/// [RaisedAt, ExpiresAt) at most (half-open).</param>
/// <param name="Status">Its state.</param>
/// <param name="EndedAt">When it stopped being active (dismissed, superseded, or its <see cref="ExpiresAt"/> for an
/// expiry); null while active.</param>
/// <param name="SupersededBy">The alert that superseded it, if any.</param>
/// <param name="SupersedeReason">Why it was superseded, if it was.</param>
public sealed record Alert(
    AlertId Id,
    RecordId CustomerId,
    ScoreVersionKey Version,
    ScoringRunId RunId,
    UserId OwnerId,
    HealthStatus From,
    HealthStatus To,
    int ScoreBefore,
    int ScoreAfter,
    Instant RaisedAt,
    Instant ExpiresAt,
    AlertStatus Status,
    Instant? EndedAt,
    AlertId? SupersededBy,
    SupersedeReason? SupersedeReason)
{
    /// <summary>Gets the score the alert is about.</summary>
    public HealthScoreId ScoreId => Version.ScoreId;

    /// <summary>Determines whether the alert was active at an instant: raised at or before it, not yet expired, and not
    /// ended (dismissed or superseded) at or before it.</summary>
    /// <param name="instant">The as-of instant.</param>
    /// <returns><see langword="true"/> when active at <paramref name="instant"/>.</returns>
    public bool IsActiveAt(Instant instant) =>
        RaisedAt <= instant && instant < ExpiresAt && (EndedAt is not { } ended || instant < ended);
}
