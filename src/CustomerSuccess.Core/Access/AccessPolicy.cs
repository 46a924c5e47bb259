using System;

namespace CustomerSuccess.Core.Access;

/// <summary>
/// The one place that answers "may this actor do X in this account?" for every rule of access (rules 1–13).
/// </summary>
/// <remarks>
/// <para>Every aggregate and service asks this policy; none re-implements a permission check. A refusal is a failed
/// <see cref="Result"/> with a stable <c>access.*</c> code (see <see cref="AccessErrors"/>) and a message that names
/// what is missing. Checks run in a fixed order, so the first missing requirement is reported: tier, beta opt-in,
/// workspace access level, seat, permission, Enterprise.</para>
/// <para>A super admin holds every permission (as in HubSpot), but not a Service seat. Requirements per operation:</para>
/// <list type="table">
/// <listheader><term>operation</term><description>requires (besides a Professional or Enterprise account, rule 1)</description></listheader>
/// <item><term><see cref="CsOperation.OpenWorkspace"/>, <see cref="CsOperation.ViewSummaryTab"/>, <see cref="CsOperation.AddSummaryReport"/></term><description>summary access: (workspace permission and seat) or super admin (rules 2, 3, 11)</description></item>
/// <item><term><see cref="CsOperation.UseWorkspaceTabs"/>, <see cref="CsOperation.ManagePrivateViews"/></term><description>full access: workspace permission and seat (rules 2, 9)</description></item>
/// <item><term><see cref="CsOperation.ManageWorkspaceSettings"/></term><description>seat and (super admin or Manage CS Settings) (rule 4; B3 option)</description></item>
/// <item><term><see cref="CsOperation.ManageTeamWorkspaces"/></term><description>as settings, plus Enterprise unless disabled (rules 5, 12; B12 option)</description></item>
/// <item><term><see cref="CsOperation.ManageHealthScores"/></term><description>seat and (super admin or Manage CS Settings), never without a seat (rules 3, 6; the same reading as settings, rule 4: the health-score builder is part of the workspace settings, so the workspace-access permission of rule 2 is not asked)</description></item>
/// <item><term><see cref="CsOperation.ActivateMultipleHealthScores"/></term><description>as health scores, plus Enterprise (rules 12, 72)</description></item>
/// <item><term><see cref="CsOperation.ViewHealthScoreCard"/></term><description>a seat (rule 7)</description></item>
/// <item><term><see cref="CsOperation.ManageHealthScoreCardOnLayouts"/></term><description>Account Access (rule 7)</description></item>
/// <item><term><see cref="CsOperation.ViewAsUser"/></term><description>super admin (any seat), or full access and Manage CS Settings (rules 3, 8; 2024 option: super admins only)</description></item>
/// <item><term><see cref="CsOperation.ShareViewWithEveryone"/>, <see cref="CsOperation.ManageDefaultViews"/></term><description>full access and (super admin or Manage CS Settings) (rules 9, 10; B14)</description></item>
/// <item><term><see cref="CsOperation.UseCustomObjectAsCustomerObject"/>, <see cref="CsOperation.UseCustomObjectForServices"/></term><description>as settings, plus Enterprise (rules 12, 14, 17)</description></item>
/// <item><term><see cref="CsOperation.ChooseScoreProfile"/></term><description>summary access and Enterprise (rules 12, 39)</description></item>
/// <item><term><see cref="CsOperation.ManageOwnTasks"/></term><description>full access (rules 2, 56, 58; reading R58)</description></item>
/// <item><term><see cref="CsOperation.ManageOthersTasks"/></term><description>full access and (super admin or Manage CS Settings) (rule 58; reading R58)</description></item>
/// <item><term><see cref="CsOperation.ViewOwnAlerts"/>, <see cref="CsOperation.DismissOwnAlerts"/></term><description>summary access (rules 35, 87; reading R35: the alert's owner only, checked by the alert book)</description></item>
/// <item><term><see cref="CsOperation.ViewOthersAlerts"/></term><description>summary access and (super admin or Manage CS Settings) (reading R35)</description></item>
/// <item><term><see cref="CsOperation.ManageScoreOverrides"/></term><description>full access (reading R84)</description></item>
/// </list>
/// <threadsafety>Immutable after construction; thread-safe. Register one instance.</threadsafety>
/// </remarks>
public sealed class AccessPolicy
{
    private readonly bool _seatlessSuperAdminCanManageSettings;
    private readonly bool _viewAsUserSuperAdminOnly;
    private readonly bool _teamWorkspacesRequireEnterprise;
    private readonly bool _requireBetaOptIn;
    private readonly bool _superAdminsSeeEveryWorkspace;

    /// <summary>Initializes a policy with the given readings of the ambiguous rules.</summary>
    /// <param name="options">The options; <see langword="null"/> for the defaults. They are copied: later changes to the
    /// instance do not affect the policy.</param>
    public AccessPolicy(AccessPolicyOptions? options = null)
    {
        options ??= new AccessPolicyOptions();
        _seatlessSuperAdminCanManageSettings = options.SeatlessSuperAdminCanManageSettings;
        _viewAsUserSuperAdminOnly = options.ViewAsUserSuperAdminOnly;
        _teamWorkspacesRequireEnterprise = options.TeamWorkspacesRequireEnterprise;
        _requireBetaOptIn = options.RequireBetaOptIn;
        _superAdminsSeeEveryWorkspace = options.SuperAdminsSeeEveryWorkspace;
    }

    /// <summary>Gets the policy with default options.</summary>
    public static AccessPolicy Default { get; } = new();

    /// <summary>Returns how much of the workspace <paramref name="actor"/> can open in <paramref name="account"/> (rules 1–3, 13).</summary>
    /// <param name="actor">The user.</param>
    /// <param name="account">The account.</param>
    /// <returns>The access level.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public WorkspaceAccessLevel GetAccessLevel(Actor actor, AccountContext account)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(account);
        if (!TierHasWorkspace(account.Tier) || (_requireBetaOptIn && !account.BetaOptedIn))
        {
            return WorkspaceAccessLevel.None;
        }

        if (actor.HasServiceSeat && (actor.IsSuperAdmin || actor.Has(CsPermissions.WorkspaceAccess)))
        {
            return WorkspaceAccessLevel.Full;
        }

        return actor.IsSuperAdmin ? WorkspaceAccessLevel.SummaryOnly : WorkspaceAccessLevel.None;
    }

    /// <summary>Determines whether <paramref name="actor"/> may perform <paramref name="operation"/>.</summary>
    /// <param name="actor">The user.</param>
    /// <param name="account">The account.</param>
    /// <param name="operation">The operation.</param>
    /// <returns><see langword="true"/> if <see cref="Authorize"/> succeeds.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="operation"/> is not a defined value.</exception>
    public bool Can(Actor actor, AccountContext account, CsOperation operation) => Authorize(actor, account, operation).IsSuccess;

    /// <summary>Checks whether <paramref name="actor"/> may perform <paramref name="operation"/> in <paramref name="account"/>.</summary>
    /// <param name="actor">The user.</param>
    /// <param name="account">The account.</param>
    /// <param name="operation">The operation.</param>
    /// <returns>Success, or a failure whose <c>access.*</c> code names the first missing requirement.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="operation"/> is not a defined value.</exception>
    public Result Authorize(Actor actor, AccountContext account, CsOperation operation)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(account);
        if (!Enum.IsDefined(operation))
        {
            throw new ArgumentOutOfRangeException(nameof(operation), operation, "Unknown operation.");
        }

        if (!TierHasWorkspace(account.Tier))
        {
            return Result.Failure(AccessErrors.TierNotSupported(account.Tier));
        }

        if (_requireBetaOptIn && !account.BetaOptedIn)
        {
            return Result.Failure(AccessErrors.BetaNotEnabled());
        }

        if (actor.ViewedBy is { } viewer)
        {
            // "View as user" (rules 8, 41): the real user must be allowed to view as another user, and may only read,
            // with the viewed user's own rights.
            if (Authorize(viewer, account, CsOperation.ViewAsUser) is { IsFailure: true } notAllowed)
            {
                return notAllowed;
            }

            if (operation is not (CsOperation.OpenWorkspace or CsOperation.ViewSummaryTab or CsOperation.UseWorkspaceTabs or CsOperation.ViewHealthScoreCard or CsOperation.ViewOwnAlerts))
            {
                return AccessErrors.ViewAsReadOnly(operation);
            }
        }

        var level = GetAccessLevel(actor, account);
        var error = operation switch
        {
            CsOperation.OpenWorkspace or CsOperation.ViewSummaryTab or CsOperation.AddSummaryReport => NeedSummary(level),
            CsOperation.UseWorkspaceTabs or CsOperation.ManagePrivateViews or CsOperation.ManageOwnTasks => NeedFull(level, operation),
            CsOperation.ManageWorkspaceSettings => NeedSettings(actor, level, operation),
            CsOperation.ManageTeamWorkspaces => NeedSettings(actor, level, operation)
                ?? (_teamWorkspacesRequireEnterprise ? NeedEnterprise(account, operation) : null),
            CsOperation.ManageHealthScores => NeedHealthScores(actor, level, operation),
            CsOperation.ActivateMultipleHealthScores => NeedHealthScores(actor, level, operation) ?? NeedEnterprise(account, operation),
            CsOperation.ViewHealthScoreCard => actor.HasServiceSeat ? null : AccessErrors.ServiceSeatRequired(operation),
            CsOperation.ManageHealthScoreCardOnLayouts => actor.IsSuperAdmin || actor.Has(CsPermissions.AccountAccess)
                ? null
                : AccessErrors.PermissionRequired(operation, "the Account Access permission"),
            CsOperation.ViewAsUser => NeedViewAsUser(actor, level, operation),
            CsOperation.ShareViewWithEveryone or CsOperation.ManageDefaultViews or CsOperation.ManageOthersTasks =>
                NeedFull(level, operation) ?? NeedManage(actor, operation),
            CsOperation.UseCustomObjectAsCustomerObject or CsOperation.UseCustomObjectForServices =>
                NeedSettings(actor, level, operation) ?? NeedEnterprise(account, operation),
            CsOperation.ChooseScoreProfile => NeedSummary(level) ?? NeedEnterprise(account, operation),
            CsOperation.ViewOwnAlerts or CsOperation.DismissOwnAlerts => NeedSummary(level),
            CsOperation.ViewOthersAlerts => NeedSummary(level) ?? NeedManage(actor, operation),
            CsOperation.ManageScoreOverrides => NeedFull(level, operation),
            _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "Unknown operation."),
        };

        return error is null ? Result.Success() : Result.Failure(error);
    }

    /// <summary>Determines whether <paramref name="actor"/> may read the content of a workspace (its views, records, tasks,
    /// alerts and Summary): rule 28 with ambiguity B13, plus the documented exception.</summary>
    /// <param name="actor">The user (for "view as user", the viewed user: see <see cref="Actor.ViewAs"/>).</param>
    /// <param name="directory">The portal's workspaces.</param>
    /// <param name="workspaceId">The workspace.</param>
    /// <returns><see langword="true"/> when the workspace is the one of the actor's primary team (else, when their primary
    /// team is in no team workspace or they have none, the primary workspace), or when the actor is a super admin and
    /// <see cref="AccessPolicyOptions.SuperAdminsSeeEveryWorkspace"/> is on (the default); a "view as user" actor sees
    /// exactly what the viewed user sees.
    /// <see langword="false"/> for a workspace the directory does not hold.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="directory"/> is <see langword="null"/>.</exception>
    public bool SeesWorkspace(Actor actor, Workspaces.WorkspaceDirectoryState directory, Workspaces.WorkspaceId workspaceId)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(directory);
        if (directory.Find(workspaceId) is null)
        {
            return false;
        }

        return (_superAdminsSeeEveryWorkspace && actor.IsSuperAdmin) || directory.VisibleWorkspaceFor(actor.PrimaryTeamId).Id == workspaceId;
    }

    /// <summary>Checks that <paramref name="actor"/> may perform <paramref name="operation"/> on the content of a
    /// workspace: the operation itself (<see cref="Authorize"/>), then the workspace's visibility
    /// (<see cref="SeesWorkspace"/>).</summary>
    /// <param name="actor">The user.</param>
    /// <param name="account">The account; must be the directory's portal.</param>
    /// <param name="operation">The operation.</param>
    /// <param name="directory">The account's workspaces.</param>
    /// <param name="workspaceId">The workspace.</param>
    /// <returns>The workspace, or <c>access.*</c>, <c>workspace.not_found</c>, <c>access.workspace_not_visible</c>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="directory"/> is another portal's.</exception>
    public Result<Workspaces.Workspace> AuthorizeWorkspace(Actor actor, AccountContext account, CsOperation operation, Workspaces.WorkspaceDirectoryState directory, Workspaces.WorkspaceId workspaceId)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (Authorize(actor, account, operation) is { IsFailure: true } denied)
        {
            return denied.Error;
        }

        if (directory.PortalId != account.PortalId)
        {
            throw new ArgumentException($"The directory belongs to portal {directory.PortalId}, not to the account's portal {account.PortalId}.", nameof(directory));
        }

        if (directory.Find(workspaceId) is not { } workspace)
        {
            return Workspaces.WorkspaceErrors.NotFound(workspaceId);
        }

        return SeesWorkspace(actor, directory, workspaceId) ? workspace : AccessErrors.WorkspaceNotVisible(workspace.Name);
    }

    private static bool TierHasWorkspace(ServiceHubTier tier) =>
        tier is ServiceHubTier.Professional or ServiceHubTier.Enterprise;

    private static DomainError? NeedSummary(WorkspaceAccessLevel level) =>
        level == WorkspaceAccessLevel.None ? AccessErrors.NoWorkspaceAccess() : null;

    private static DomainError? NeedFull(WorkspaceAccessLevel level, CsOperation operation) => level switch
    {
        WorkspaceAccessLevel.Full => null,
        WorkspaceAccessLevel.SummaryOnly => AccessErrors.SummaryOnly(operation),
        _ => AccessErrors.NoWorkspaceAccess(),
    };

    private static DomainError? NeedManage(Actor actor, CsOperation operation) =>
        actor.IsSuperAdmin || actor.Has(CsPermissions.ManageSettings)
            ? null
            : AccessErrors.PermissionRequired(operation, "the Manage Customer Success Settings permission (or super admin)");

    private static DomainError? NeedEnterprise(AccountContext account, CsOperation operation) =>
        account.IsEnterprise ? null : AccessErrors.EnterpriseRequired(operation, account.Tier);

    private DomainError? NeedSettings(Actor actor, WorkspaceAccessLevel level, CsOperation operation)
    {
        if (actor.IsSuperAdmin && _seatlessSuperAdminCanManageSettings)
        {
            return null;
        }

        if (!actor.HasServiceSeat)
        {
            return level == WorkspaceAccessLevel.None ? AccessErrors.NoWorkspaceAccess() : AccessErrors.ServiceSeatRequired(operation);
        }

        return NeedManage(actor, operation);
    }

    private static DomainError? NeedHealthScores(Actor actor, WorkspaceAccessLevel level, CsOperation operation)
    {
        if (!actor.HasServiceSeat)
        {
            // Rule 3: never without a seat, whatever the reading of B3 for settings.
            return level == WorkspaceAccessLevel.None ? AccessErrors.NoWorkspaceAccess() : AccessErrors.ServiceSeatRequired(operation);
        }

        return NeedManage(actor, operation);
    }

    private DomainError? NeedViewAsUser(Actor actor, WorkspaceAccessLevel level, CsOperation operation)
    {
        if (actor.IsSuperAdmin)
        {
            return null;
        }

        if (_viewAsUserSuperAdminOnly)
        {
            return AccessErrors.PermissionRequired(operation, "super admin rights");
        }

        return NeedFull(level, operation) ?? NeedManage(actor, operation);
    }
}
