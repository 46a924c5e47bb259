using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CustomerSuccess.Core.Access;
using CustomerSuccess.Core.HealthScores;

namespace CustomerSuccess.Core.Scores;

/// <summary>The errors the <see cref="HealthScoreCatalog"/> returns; every code is stable.</summary>
public static class HealthScoreErrors
{
    /// <summary>Turning the score on would exceed the tier's <see cref="HealthScoreLimits.MaxActive"/> (rule 72, B2).</summary>
    public const string ActiveLimitReachedCode = "health_score.active_limit_reached";

    /// <summary>Creating or turning off the score would exceed the tier's <see cref="HealthScoreLimits.MaxDrafts"/> (rule 72, B2).</summary>
    public const string DraftLimitReachedCode = "health_score.draft_limit_reached";

    /// <summary>The definition has errors for the requested step: contradictions when saving a draft, or anything
    /// incomplete or contradictory when turning the score on (rules 74, 78, 83, B18). <see cref="DomainError.Details"/>
    /// lists every error-severity <see cref="ValidationProblem"/> (its code, message, and path as the target).</summary>
    public const string InvalidCode = "health_score.invalid";

    /// <summary>No score with the given id exists in the portal.</summary>
    public const string NotFoundCode = "health_score.not_found";

    /// <summary>The score has no version with the given number.</summary>
    public const string VersionNotFoundCode = "health_score.version_not_found";

    /// <summary>The definition scores another object than the workspace's customer object (rule 73, ambiguity B5).</summary>
    public const string WrongObjectTypeCode = "health_score.wrong_object_type";

    /// <summary>The score has no group with the given name (rule 82).</summary>
    public const string GroupNotFoundCode = "health_score.group_not_found";

    /// <summary>Another group of the score already has the name (ordinal, rule 82).</summary>
    public const string GroupNameTakenCode = "health_score.group_name_taken";

    /// <summary>The new group name is blank (rule 82).</summary>
    public const string GroupNameRequiredCode = "health_score.group_name_required";

    /// <summary>The score is not active, so it cannot be turned off.</summary>
    public const string NotActiveCode = "health_score.not_active";

    /// <summary>An active score cannot be deleted; turn it off first (library choice).</summary>
    public const string ActiveCannotBeDeletedCode = "health_score.active_cannot_be_deleted";

    internal static DomainError ActiveLimitReached(HealthScoreEntry score, HealthScoreLimits limits, ServiceHubTier tier) => new(
        ActiveLimitReachedCode,
        Format(
            "Score '{0}' cannot be turned on: {1} allows {2} active health score{3} and {2} {4} already on. Turn one off first.",
            Label(score),
            TierName(tier),
            limits.MaxActive,
            limits.MaxActive == 1 ? string.Empty : "s",
            limits.MaxActive == 1 ? "is" : "are"),
        score.Id.ToString());

    internal static DomainError DraftLimitReachedOnCreate(string name, HealthScoreLimits limits, ServiceHubTier tier) => new(
        DraftLimitReachedCode,
        Format(
            "Score '{0}' cannot be created: {1} allows {2} draft health score{3} (scores that are not turned on) and the portal already has {2}. Delete a draft first.",
            string.IsNullOrWhiteSpace(name) ? "(unnamed)" : name,
            TierName(tier),
            limits.MaxDrafts,
            limits.MaxDrafts == 1 ? string.Empty : "s"),
        "name");

    internal static DomainError DraftLimitReachedOnDeactivate(HealthScoreEntry score, HealthScoreLimits limits, ServiceHubTier tier) => new(
        DraftLimitReachedCode,
        Format(
            "Score '{0}' cannot be turned off: it would become a draft, and {1} allows {2} draft health score{3}, which the portal already has. Delete a draft first.",
            Label(score),
            TierName(tier),
            limits.MaxDrafts,
            limits.MaxDrafts == 1 ? string.Empty : "s"),
        score.Id.ToString());

    internal static DomainError Invalid(string name, HealthScoreId? id, IEnumerable<ValidationProblem> errors, bool activation)
    {
        var details = errors
            .Select(p => new DomainError(p.Code, p.Message, p.Path.Length == 0 ? null : p.Path))
            .ToList();
        var label = string.IsNullOrWhiteSpace(name) ? (id is { } i ? Format("score {0}", i) : "the score") : Format("'{0}'", name);
        var message = activation
            ? Format("Score {0} cannot be turned on: its definition has {1} problem{2} to fix first.", label, details.Count, details.Count == 1 ? string.Empty : "s")
            : Format("Score {0} cannot be saved: its definition has {1} contradiction{2}.", label, details.Count, details.Count == 1 ? string.Empty : "s");
        return new DomainError(InvalidCode, message, id?.ToString(), details);
    }

    internal static DomainError NotFound(HealthScoreId id) => new(
        NotFoundCode,
        Format("There is no health score {0} in this portal.", id),
        id.ToString());

    internal static DomainError VersionNotFound(HealthScoreEntry score, int number) => new(
        VersionNotFoundCode,
        score.Versions.IsEmpty
            ? Format("Score '{0}' has never been turned on, so it has no version {1}.", Label(score), number)
            : Format("Score '{0}' has no version {1}; its versions are 1 to {2}.", Label(score), number, score.Versions[^1].Number),
        score.Id.ToString());

    internal static DomainError WrongObjectType(string name, string objectType, string customerObjectType) => new(
        WrongObjectTypeCode,
        Format(
            "Score '{0}' scores '{1}', but the workspace's customer object is '{2}'; a health score must score the customer object.",
            string.IsNullOrWhiteSpace(name) ? "(unnamed)" : name,
            objectType,
            customerObjectType),
        "objectType");

    internal static DomainError GroupNotFound(HealthScoreEntry score, string groupName) => new(
        GroupNotFoundCode,
        Format("Score '{0}' has no group named '{1}'.", Label(score), groupName),
        groupName);

    internal static DomainError GroupNameTaken(HealthScoreEntry score, string groupName) => new(
        GroupNameTakenCode,
        Format("Score '{0}' already has a group named '{1}'; group names must be unique.", Label(score), groupName),
        groupName);

    internal static DomainError GroupNameRequired(HealthScoreEntry score) => new(
        GroupNameRequiredCode,
        Format("A group of score '{0}' needs a name.", Label(score)),
        "name");

    internal static DomainError NotActive(HealthScoreEntry score) => new(
        NotActiveCode,
        Format("Score '{0}' is not turned on, so it cannot be turned off.", Label(score)),
        score.Id.ToString());

    internal static DomainError ActiveCannotBeDeleted(HealthScoreEntry score) => new(
        ActiveCannotBeDeletedCode,
        Format("Score '{0}' is turned on; turn it off before deleting it.", Label(score)),
        score.Id.ToString());

    private static string Label(HealthScoreEntry score) =>
        string.IsNullOrWhiteSpace(score.Name) ? Format("(unnamed, id {0})", score.Id) : score.Name;

    private static string TierName(ServiceHubTier tier) => tier switch
    {
        ServiceHubTier.Professional => "Service Hub Professional",
        ServiceHubTier.Enterprise => "Service Hub Enterprise",
        _ => Format("Service Hub {0}", tier),
    };

    private static string Format(string format, params object?[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
