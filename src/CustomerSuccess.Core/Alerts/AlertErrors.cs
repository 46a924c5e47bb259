using System.Globalization;
using CustomerSuccess.Core.HealthScores;

namespace CustomerSuccess.Core.Alerts;

/// <summary>The errors of health-score alerts; every code is stable.</summary>
public static class AlertErrors
{
    /// <summary>No alert with the given id is in the portal's book (never raised, or dropped after its retention).</summary>
    public const string NotFoundCode = "alert.not_found";

    /// <summary>The alert is no longer active (dismissed, expired or superseded are final), or it has expired at the
    /// command's instant.</summary>
    public const string NotActiveCode = "alert.not_active";

    /// <summary>Only an alert's owner may dismiss it (reading R35).</summary>
    public const string NotOwnerCode = "alert.not_owner";

    /// <summary>Alerts are raised only for an active health score (rule 35: alerts only when health scores exist).</summary>
    public const string NoHealthScoreCode = "alert.no_health_score";

    internal static DomainError NotFound(AlertId id) => new(
        NotFoundCode,
        string.Format(CultureInfo.InvariantCulture, "Alert {0} does not exist.", id),
        id.ToString());

    internal static DomainError NotActive(AlertId id, AlertStatus status) => new(
        NotActiveCode,
        string.Format(CultureInfo.InvariantCulture, "Alert {0} is {1}; only an active alert can be dismissed.", id, status.ToString().ToLowerInvariant()),
        id.ToString());

    internal static DomainError NotOwner(AlertId id, UserId owner) => new(
        NotOwnerCode,
        string.Format(CultureInfo.InvariantCulture, "Alert {0} belongs to user {1}; only its owner may dismiss it.", id, owner),
        id.ToString());

    internal static DomainError NoHealthScore(HealthScoreId scoreId) => new(
        NoHealthScoreCode,
        string.Format(CultureInfo.InvariantCulture, "Health score {0} is not an active score of the portal, so its status changes raise no alerts.", scoreId),
        scoreId.ToString());
}
