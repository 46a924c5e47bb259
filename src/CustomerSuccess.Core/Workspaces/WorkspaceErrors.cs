using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CustomerSuccess.Core.Crm;

namespace CustomerSuccess.Core.Workspaces;

/// <summary>The errors the <see cref="WorkspaceDirectory"/> returns; every code is stable.</summary>
public static class WorkspaceErrors
{
    /// <summary>The portal already has <see cref="WorkspaceDirectory.MaxTeamWorkspaces"/> team workspaces (rule 26).</summary>
    public const string LimitReachedCode = "workspace.limit_reached";

    /// <summary>The team is already assigned to another workspace (rule 27).</summary>
    public const string TeamAlreadyAssignedCode = "workspace.team_already_assigned";

    /// <summary>The team is not assigned to the workspace it was to be removed from (rule 30).</summary>
    public const string TeamNotAssignedCode = "workspace.team_not_assigned";

    /// <summary>The primary workspace holds no teams: it is what every user outside team workspaces sees (rules 25, 28, B13).</summary>
    public const string PrimaryHasNoTeamsCode = "workspace.primary_has_no_teams";

    /// <summary>No workspace with the given id exists in the portal.</summary>
    public const string NotFoundCode = "workspace.not_found";

    /// <summary>The workspace name is blank (rule 29).</summary>
    public const string NameRequiredCode = "workspace.name_required";

    /// <summary>The workspace name is longer than <see cref="WorkspaceDirectory.MaxNameLength"/>.</summary>
    public const string NameTooLongCode = "workspace.name_too_long";

    /// <summary>Another workspace of the portal has the same name, ignoring case.</summary>
    public const string NameTakenCode = "workspace.name_taken";

    /// <summary>The description is longer than <see cref="WorkspaceDirectory.MaxDescriptionLength"/>.</summary>
    public const string DescriptionTooLongCode = "workspace.description_too_long";

    /// <summary>The primary workspace cannot be deleted (rule 25).</summary>
    public const string PrimaryCannotBeDeletedCode = "workspace.primary_cannot_be_deleted";

    /// <summary>The delete was not confirmed with <see cref="WorkspaceDirectory.DeleteConfirmationPhrase"/> (rule 31).</summary>
    public const string DeleteNotConfirmedCode = "workspace.delete_not_confirmed";

    /// <summary>The object does not exist in the account's CRM schema (or is not activated).</summary>
    public const string ObjectNotFoundCode = "workspace.settings.object_not_found";

    /// <summary>The object cannot play this role (e.g. deals as the customer object; rules 14, 17, 19).</summary>
    public const string ObjectNotAllowedCode = "workspace.settings.object_not_allowed";

    /// <summary>More than <see cref="WorkspaceConfiguration.MaxRevenueObjects"/> revenue objects (rule 19).</summary>
    public const string TooManyRevenueObjectsCode = "workspace.settings.too_many_revenue_objects";

    /// <summary>A revenue object is listed twice (rule 19).</summary>
    public const string DuplicateRevenueObjectCode = "workspace.settings.duplicate_revenue_object";

    /// <summary>The default revenue object is not one of the revenue objects, or is missing (rule 20).</summary>
    public const string DefaultRevenueObjectInvalidCode = "workspace.settings.default_revenue_object_invalid";

    /// <summary>The object is not one of the account's revenue objects (rule 21).</summary>
    public const string RevenueObjectNotSelectedCode = "workspace.settings.revenue_object_not_selected";

    /// <summary>No services object is chosen and activated, so services settings cannot be configured (rule 17, B10).</summary>
    public const string ServicesObjectNotActivatedCode = "workspace.settings.services_object_not_activated";

    /// <summary>The required CSM-owner property is missing (rules 15, 18, 21).</summary>
    public const string CsmOwnerPropertyRequiredCode = "workspace.settings.csm_owner_property_required";

    /// <summary>The property exists on no object of the schema (rule 24).</summary>
    public const string PropertyNotFoundCode = "workspace.settings.property_not_found";

    /// <summary>The property belongs to another object than the one being configured (rule 24).</summary>
    public const string PropertyWrongObjectCode = "workspace.settings.property_wrong_object";

    /// <summary>The property has the wrong type: a user property is needed for the CSM, a date property for dates (rule 24).</summary>
    public const string PropertyWrongTypeCode = "workspace.settings.property_wrong_type";

    /// <summary>A selected pipeline is not a pipeline of the object (rules 18, 21).</summary>
    public const string PipelineNotFoundCode = "workspace.settings.pipeline_not_found";

    /// <summary>The default pipeline is not among the selected pipelines (rules 18, 21).</summary>
    public const string DefaultPipelineNotSelectedCode = "workspace.settings.default_pipeline_not_selected";

    internal static DomainError LimitReached(int max) => new(
        LimitReachedCode,
        Format("The portal already has {0} team workspaces, the most allowed; delete one before creating another.", max));

    internal static DomainError TeamAlreadyAssigned(TeamId team, Workspace other) => new(
        TeamAlreadyAssignedCode,
        Format("Team {0} is already assigned to workspace '{1}' ({2}); a team can belong to one workspace only. Remove it there first.", team, other.Name, other.Id),
        team.ToString());

    internal static DomainError TeamNotAssigned(TeamId team, Workspace workspace) => new(
        TeamNotAssignedCode,
        Format("Team {0} is not assigned to workspace '{1}'.", team, workspace.Name),
        team.ToString());

    internal static DomainError PrimaryHasNoTeams(Workspace primary) => new(
        PrimaryHasNoTeamsCode,
        Format("Teams cannot be assigned to the primary workspace '{0}': it is what users see whose team is in no team workspace.", primary.Name),
        primary.Id.ToString());

    internal static DomainError NotFound(WorkspaceId id) => new(
        NotFoundCode,
        Format("There is no workspace {0} in this portal.", id),
        id.ToString());

    internal static DomainError NameRequired() => new(NameRequiredCode, "A workspace needs a name.", "name");

    internal static DomainError NameTooLong(int length, int max) => new(
        NameTooLongCode,
        Format("The workspace name has {0} characters; at most {1} are allowed.", length, max),
        "name");

    internal static DomainError NameTaken(string name, Workspace other) => new(
        NameTakenCode,
        Format("The name '{0}' is already used by workspace {1} ('{2}'); names must be unique, ignoring case.", name, other.Id, other.Name),
        "name");

    internal static DomainError DescriptionTooLong(int length, int max) => new(
        DescriptionTooLongCode,
        Format("The description has {0} characters; at most {1} are allowed.", length, max),
        "description");

    internal static DomainError PrimaryCannotBeDeleted(Workspace primary) => new(
        PrimaryCannotBeDeletedCode,
        Format("The primary workspace '{0}' always exists and cannot be deleted.", primary.Name),
        primary.Id.ToString());

    internal static DomainError DeleteNotConfirmed(Workspace workspace) => new(
        DeleteNotConfirmedCode,
        Format("Deleting workspace '{0}' cannot be undone; confirm with the phrase \"{1}\".", workspace.Name, WorkspaceDirectory.DeleteConfirmationPhrase),
        "confirmation");

    internal static DomainError ObjectNotFound(CrmObjectType objectType, string role) => new(
        ObjectNotFoundCode,
        Format("The {0} object '{1}' does not exist in this account (or is not activated).", role, objectType),
        objectType.ToString());

    internal static DomainError ObjectNotAllowed(CrmObjectType objectType, string role, string allowed) => new(
        ObjectNotAllowedCode,
        Format("'{0}' cannot be the {1} object; choose {2}.", objectType, role, allowed),
        objectType.ToString());

    internal static DomainError TooManyRevenueObjects(int count, int max) => new(
        TooManyRevenueObjectsCode,
        Format("{0} revenue objects were chosen; at most {1} are allowed.", count, max),
        "revenueObjects");

    internal static DomainError DuplicateRevenueObject(CrmObjectType objectType) => new(
        DuplicateRevenueObjectCode,
        Format("The revenue object '{0}' is listed twice.", objectType),
        objectType.ToString());

    internal static DomainError DefaultRevenueObjectInvalid(CrmObjectType? defaultObject, IEnumerable<CrmObjectType> objects) => new(
        DefaultRevenueObjectInvalidCode,
        defaultObject is null
            ? "Choose which revenue object is the default one, shown first on the Revenue tab."
            : Format("The default revenue object '{0}' must be one of the chosen revenue objects ({1}).", defaultObject, List(objects)),
        "defaultRevenueObject");

    internal static DomainError RevenueObjectNotSelected(CrmObjectType objectType, IEnumerable<CrmObjectType> objects) => new(
        RevenueObjectNotSelectedCode,
        Format("'{0}' is not one of the account's revenue objects ({1}); choose it on the Objects tab first.", objectType, List(objects)),
        objectType.ToString());

    internal static DomainError ServicesObjectNotActivated() => new(
        ServicesObjectNotActivatedCode,
        "The Services object has to be activated and chosen on the Objects tab before services settings can be configured.");

    internal static DomainError CsmOwnerPropertyRequired(CrmObjectType objectType) => new(
        CsmOwnerPropertyRequiredCode,
        Format("Choose the HubSpot-user property of '{0}' that names the CSM; it is required.", objectType),
        "csmOwnerProperty");

    internal static DomainError PropertyNotFound(string property, CrmObjectType objectType) => new(
        PropertyNotFoundCode,
        Format("'{0}' has no property '{1}'.", objectType, property),
        property);

    internal static DomainError PropertyWrongObject(string property, CrmObjectType objectType, CrmObjectType owner) => new(
        PropertyWrongObjectCode,
        Format("The property '{0}' belongs to '{1}', not to '{2}'; only properties of '{2}' can be chosen here.", property, owner, objectType),
        property);

    internal static DomainError PropertyWrongType(string property, CrmObjectType objectType, CrmPropertyType actual, CrmPropertyType expected) => new(
        PropertyWrongTypeCode,
        Format("The property '{0}' of '{1}' is a {2} property; a {3} property is needed here.", property, objectType, actual, expected),
        property);

    internal static DomainError PipelineNotFound(string pipelineId, CrmObjectType objectType) => new(
        PipelineNotFoundCode,
        Format("'{0}' has no pipeline '{1}'.", objectType, pipelineId),
        pipelineId);

    internal static DomainError DefaultPipelineNotSelected(string pipelineId) => new(
        DefaultPipelineNotSelectedCode,
        Format("The default pipeline '{0}' must be one of the selected pipelines.", pipelineId),
        pipelineId);

    private static string List(IEnumerable<CrmObjectType> objects)
    {
        var names = objects.Select(o => o.ToString()).ToList();
        return names.Count == 0 ? "none" : string.Join(", ", names);
    }

    private static string Format(string format, params object?[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
