using System.Globalization;

namespace CustomerSuccess.Core.Access;

/// <summary>The errors the <see cref="AccessPolicy"/> returns; every code is stable.</summary>
public static class AccessErrors
{
    /// <summary>The account's Service Hub tier has no Customer Success workspace (rule 1).</summary>
    public const string TierNotSupportedCode = "access.tier_not_supported";

    /// <summary>The feature needs Service Hub Enterprise (rule 12).</summary>
    public const string EnterpriseRequiredCode = "access.enterprise_required";

    /// <summary>The account has not opted into the workspace beta (rule 13, when required).</summary>
    public const string BetaNotEnabledCode = "access.beta_not_enabled";

    /// <summary>The user has neither (workspace permission and seat) nor super admin rights (rule 2).</summary>
    public const string NoWorkspaceAccessCode = "access.no_workspace_access";

    /// <summary>The user may open the Summary tab only (rule 3).</summary>
    public const string SummaryOnlyCode = "access.summary_only";

    /// <summary>The operation needs an assigned Service seat (rules 3, 4, 6, 7).</summary>
    public const string ServiceSeatRequiredCode = "access.service_seat_required";

    /// <summary>The operation needs a permission the user lacks (rules 4–10).</summary>
    public const string PermissionRequiredCode = "access.permission_required";

    /// <summary>The actor is another user's workspace shown through "view as user" (rules 8, 41), which is read-only.</summary>
    public const string ViewAsReadOnlyCode = "access.view_as_read_only";

    /// <summary>The workspace exists, but it is not the one the user sees (rule 28): their primary team is not on it.</summary>
    public const string WorkspaceNotVisibleCode = "access.workspace_not_visible";

    internal static DomainError ViewAsReadOnly(CsOperation operation) => new(
        ViewAsReadOnlyCode,
        string.Format(CultureInfo.InvariantCulture, "While viewing the workspace as another user you can look but not change anything, so '{0}' is not available.", Describe(operation)),
        operation.ToString());

    internal static DomainError WorkspaceNotVisible(string workspaceName) => new(
        WorkspaceNotVisibleCode,
        string.Format(CultureInfo.InvariantCulture, "You cannot see the workspace '{0}': it is not the workspace of your primary team.", workspaceName),
        workspaceName);

    internal static DomainError TierNotSupported(ServiceHubTier tier) => new(
        TierNotSupportedCode,
        string.Format(CultureInfo.InvariantCulture, "The Customer Success workspace needs Service Hub Professional or Enterprise; this account has {0}.", tier));

    internal static DomainError EnterpriseRequired(CsOperation operation, ServiceHubTier tier) => new(
        EnterpriseRequiredCode,
        string.Format(CultureInfo.InvariantCulture, "'{0}' needs Service Hub Enterprise; this account has {1}.", Describe(operation), tier),
        operation.ToString());

    internal static DomainError BetaNotEnabled() => new(
        BetaNotEnabledCode,
        "A super admin has to opt this account into the Customer Success workspace beta first.");

    internal static DomainError NoWorkspaceAccess() => new(
        NoWorkspaceAccessCode,
        "You need the Customer Success workspace permission and an assigned Service seat to use the workspace.");

    internal static DomainError SummaryOnly(CsOperation operation) => new(
        SummaryOnlyCode,
        string.Format(CultureInfo.InvariantCulture, "Without a Service seat a super admin can use the Summary tab only, so '{0}' is not available.", Describe(operation)),
        operation.ToString());

    internal static DomainError ServiceSeatRequired(CsOperation operation) => new(
        ServiceSeatRequiredCode,
        string.Format(CultureInfo.InvariantCulture, "'{0}' needs an assigned Service seat.", Describe(operation)),
        operation.ToString());

    internal static DomainError PermissionRequired(CsOperation operation, string permission) => new(
        PermissionRequiredCode,
        string.Format(CultureInfo.InvariantCulture, "'{0}' needs {1}.", Describe(operation), permission),
        operation.ToString());

    internal static string Describe(CsOperation operation) => operation switch
    {
        CsOperation.OpenWorkspace => "open the Customer Success workspace",
        CsOperation.ViewSummaryTab => "view the Summary tab",
        CsOperation.UseWorkspaceTabs => "use the Customers, Services, Revenue, Tasks, Schedule and Feed tabs",
        CsOperation.AddSummaryReport => "add reports to the Summary tab",
        CsOperation.ManageWorkspaceSettings => "manage workspace settings",
        CsOperation.ManageTeamWorkspaces => "create and edit team workspaces",
        CsOperation.ManageHealthScores => "create or edit a health score",
        CsOperation.ActivateMultipleHealthScores => "turn on more than one health score",
        CsOperation.ViewHealthScoreCard => "see the Health Score card on records",
        CsOperation.ManageHealthScoreCardOnLayouts => "add or remove the Health Score card on record layouts",
        CsOperation.ViewAsUser => "view the workspace as another user",
        CsOperation.ManagePrivateViews => "create private views",
        CsOperation.ShareViewWithEveryone => "share a view with Everyone",
        CsOperation.ManageDefaultViews => "manage default and shared views",
        CsOperation.UseCustomObjectAsCustomerObject => "use a custom object as the customer object",
        CsOperation.UseCustomObjectForServices => "use a custom object for services",
        CsOperation.ChooseScoreProfile => "choose the score profile on the Summary tab",
        CsOperation.ManageOwnTasks => "create tasks and change your own tasks",
        CsOperation.ManageOthersTasks => "change or delete other users' tasks",
        CsOperation.ViewOwnAlerts => "see your health-score alerts",
        CsOperation.ViewOthersAlerts => "see other users' health-score alerts",
        CsOperation.DismissOwnAlerts => "dismiss your health-score alerts",
        CsOperation.ManageScoreOverrides => "override an account's health score",
        _ => operation.ToString(),
    };
}
