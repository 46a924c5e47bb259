namespace CustomerSuccess.Core.Access;

/// <summary>Everything the access policy answers "may this actor do it?" for (rules 1–13).</summary>
/// <remarks>The requirements of each operation are listed in <c>docs/access-policy.md</c> and on
/// <see cref="AccessPolicy"/>.</remarks>
public enum CsOperation
{
    /// <summary>Open the Customer Success workspace at all (rules 1–3).</summary>
    OpenWorkspace,

    /// <summary>See the Summary tab (rules 3, 32).</summary>
    ViewSummaryTab,

    /// <summary>Use the Customers, Services, Revenue, Tasks, Schedule and Feed tabs (rule 2; not for a seatless super
    /// admin, rule 3).</summary>
    UseWorkspaceTabs,

    /// <summary>Add or remove a report on the Summary tab (rules 3, 11).</summary>
    AddSummaryReport,

    /// <summary>Manage workspace settings: objects, properties, pipelines, tab toggles (rule 4, ambiguity B3).</summary>
    ManageWorkspaceSettings,

    /// <summary>Create, rename, describe, re-team or delete team workspaces (rules 5, 12, ambiguity B12).</summary>
    ManageTeamWorkspaces,

    /// <summary>Create or edit a health score (rules 3, 6).</summary>
    ManageHealthScores,

    /// <summary>Turn on more than one health score at a time (rule 12, 72).</summary>
    ActivateMultipleHealthScores,

    /// <summary>See the Health Score card on a record (rule 7).</summary>
    ViewHealthScoreCard,

    /// <summary>Add or remove the Health Score card on record layouts (rule 7).</summary>
    ManageHealthScoreCardOnLayouts,

    /// <summary>Open another user's Summary tab ("view as user", rules 3, 8, 41).</summary>
    ViewAsUser,

    /// <summary>Create, edit or delete one's own private view (rule 9).</summary>
    ManagePrivateViews,

    /// <summary>Create or edit a view shared with Everyone (rule 9, ambiguity B14).</summary>
    ShareViewWithEveryone,

    /// <summary>Edit, delete, set, unset and reorder default views and shared views (rules 10, 36).</summary>
    ManageDefaultViews,

    /// <summary>Choose a custom object as the customer object (rules 12, 14).</summary>
    UseCustomObjectAsCustomerObject,

    /// <summary>Choose a custom object instead of the Services object (rules 12, 17).</summary>
    UseCustomObjectForServices,

    /// <summary>Choose the score profile summarised on the Summary tab (rules 12, 39).</summary>
    ChooseScoreProfile,

    /// <summary>Create tasks, and edit, complete, reopen, assign or delete one's own tasks: those assigned to or created
    /// by the user (rules 56, 58; reading R58).</summary>
    ManageOwnTasks,

    /// <summary>Edit, complete, reopen, assign or delete other users' tasks: tasks neither assigned to nor created by
    /// the user (rule 58; reading R58).</summary>
    ManageOthersTasks,

    /// <summary>List one's own health-score alerts (rules 35, 87: "Recent actions" on the Summary tab; reading R35).</summary>
    ViewOwnAlerts,

    /// <summary>List the alerts of other users (reading R35: managers reviewing alert load).</summary>
    ViewOthersAlerts,

    /// <summary>Dismiss one's own alerts (rule 35; reading R35: only the owner dismisses an alert).</summary>
    DismissOwnAlerts,

    /// <summary>Set or remove a manual override of an account's health score or status (reading R84).</summary>
    ManageScoreOverrides,
}
