using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Core.Access;

namespace CustomerSuccess.Core.Tests.Access;

/// <summary>
/// The access policy as a table: every operation (row) × every kind of user (column) × tier, with the expected
/// outcome written out by hand from rules 1–13, independently of the implementation.
/// </summary>
public sealed class AccessPolicyTests
{
    // Columns: the kinds of user the rules distinguish.
    private static readonly (string Name, Actor Actor)[] Columns =
    [
        ("csm", Actor.Csm(UserId.From(1))),                                              // permission + seat
        ("manager", Actor.Manager(UserId.From(2))),                                      // + Manage CS Settings
        ("superSeat", Actor.SuperAdmin(UserId.From(3), hasServiceSeat: true)),
        ("superNoSeat", Actor.SuperAdmin(UserId.From(4), hasServiceSeat: false)),
        ("seatOnly", new Actor(UserId.From(5), null, false, true, CsPermissions.None)),
        ("permNoSeat", new Actor(UserId.From(6), null, false, false, CsPermissions.WorkspaceAccess)),
        ("managerNoSeat", new Actor(UserId.From(7), null, false, false, CsPermissions.WorkspaceAccess | CsPermissions.ManageSettings)),
        ("csmAccountAccess", Actor.Csm(UserId.From(8)).With(CsPermissions.AccountAccess)),
    ];

    // Cells: ok = allowed; otherwise the expected access.* code suffix.
    // Order of columns: csm, manager, superSeat, superNoSeat, seatOnly, permNoSeat, managerNoSeat, csmAccountAccess.
    private static readonly Dictionary<CsOperation, (string Rules, string Professional, string Enterprise)> Table = new()
    {
        [CsOperation.OpenWorkspace] = ("1 2 3", "ok ok ok ok none none none ok", "ok ok ok ok none none none ok"),
        [CsOperation.ViewSummaryTab] = ("2 3 32", "ok ok ok ok none none none ok", "ok ok ok ok none none none ok"),
        [CsOperation.AddSummaryReport] = ("3 11", "ok ok ok ok none none none ok", "ok ok ok ok none none none ok"),
        [CsOperation.UseWorkspaceTabs] = ("2 3", "ok ok ok summary none none none ok", "ok ok ok summary none none none ok"),
        [CsOperation.ManagePrivateViews] = ("9", "ok ok ok summary none none none ok", "ok ok ok summary none none none ok"),
        [CsOperation.ManageWorkspaceSettings] = ("4", "perm ok ok seat perm none none perm", "perm ok ok seat perm none none perm"),
        [CsOperation.ManageTeamWorkspaces] = ("5 12", "perm ent ent seat perm none none perm", "perm ok ok seat perm none none perm"),
        [CsOperation.ManageHealthScores] = ("3 4 6", "perm ok ok seat perm none none perm", "perm ok ok seat perm none none perm"),
        [CsOperation.ActivateMultipleHealthScores] = ("6 12 72", "perm ent ent seat perm none none perm", "perm ok ok seat perm none none perm"),
        [CsOperation.ViewHealthScoreCard] = ("7", "ok ok ok seat ok seat seat ok", "ok ok ok seat ok seat seat ok"),
        [CsOperation.ManageHealthScoreCardOnLayouts] = ("7", "perm perm ok ok perm perm perm ok", "perm perm ok ok perm perm perm ok"),
        [CsOperation.ViewAsUser] = ("3 8 41", "perm ok ok ok none none none perm", "perm ok ok ok none none none perm"),
        [CsOperation.ShareViewWithEveryone] = ("9", "perm ok ok summary none none none perm", "perm ok ok summary none none none perm"),
        [CsOperation.ManageDefaultViews] = ("10", "perm ok ok summary none none none perm", "perm ok ok summary none none none perm"),
        [CsOperation.UseCustomObjectAsCustomerObject] = ("12 14", "perm ent ent seat perm none none perm", "perm ok ok seat perm none none perm"),
        [CsOperation.UseCustomObjectForServices] = ("12 17", "perm ent ent seat perm none none perm", "perm ok ok seat perm none none perm"),
        [CsOperation.ChooseScoreProfile] = ("12 39", "ent ent ent ent none none none ent", "ok ok ok ok none none none ok"),
        [CsOperation.ManageOwnTasks] = ("2 56 58", "ok ok ok summary none none none ok", "ok ok ok summary none none none ok"),
        [CsOperation.ManageOthersTasks] = ("58", "perm ok ok summary none none none perm", "perm ok ok summary none none none perm"),
        [CsOperation.ViewOwnAlerts] = ("35 87", "ok ok ok ok none none none ok", "ok ok ok ok none none none ok"),
        [CsOperation.DismissOwnAlerts] = ("35", "ok ok ok ok none none none ok", "ok ok ok ok none none none ok"),
        [CsOperation.ViewOthersAlerts] = ("35", "perm ok ok ok none none none perm", "perm ok ok ok none none none perm"),
        [CsOperation.ManageScoreOverrides] = ("84", "ok ok ok summary none none none ok", "ok ok ok summary none none none ok"),
    };

    private static readonly Dictionary<string, string> Codes = new()
    {
        ["none"] = AccessErrors.NoWorkspaceAccessCode,
        ["summary"] = AccessErrors.SummaryOnlyCode,
        ["seat"] = AccessErrors.ServiceSeatRequiredCode,
        ["perm"] = AccessErrors.PermissionRequiredCode,
        ["ent"] = AccessErrors.EnterpriseRequiredCode,
        ["tier"] = AccessErrors.TierNotSupportedCode,
    };

    public static TheoryData<CsOperation, ServiceHubTier, int> Cells()
    {
        var data = new TheoryData<CsOperation, ServiceHubTier, int>();
        foreach (var operation in Enum.GetValues<CsOperation>())
        {
            foreach (var tier in Enum.GetValues<ServiceHubTier>())
            {
                for (var column = 0; column < Columns.Length; column++)
                {
                    data.Add(operation, tier, column);
                }
            }
        }

        return data;
    }

    [Fact]
    [Trait("Rule", "1")]
    [Trait("Rule", "2")]
    [Trait("Rule", "3")]
    [Trait("Rule", "4")]
    [Trait("Rule", "5")]
    [Trait("Rule", "6")]
    [Trait("Rule", "7")]
    [Trait("Rule", "8")]
    [Trait("Rule", "9")]
    [Trait("Rule", "10")]
    [Trait("Rule", "11")]
    [Trait("Rule", "12")]
    public void Table_CoversEveryOperation()
    {
        Assert.Equal(Enum.GetValues<CsOperation>().OrderBy(o => o), Table.Keys.OrderBy(o => o));
        Assert.All(Table.Values, row =>
        {
            Assert.Equal(Columns.Length, row.Professional.Split(' ').Length);
            Assert.Equal(Columns.Length, row.Enterprise.Split(' ').Length);
        });
    }

    [Theory]
    [MemberData(nameof(Cells))]
    [Trait("Rule", "1")]
    [Trait("Rule", "2")]
    [Trait("Rule", "3")]
    [Trait("Rule", "4")]
    [Trait("Rule", "5")]
    [Trait("Rule", "6")]
    [Trait("Rule", "7")]
    [Trait("Rule", "8")]
    [Trait("Rule", "9")]
    [Trait("Rule", "10")]
    [Trait("Rule", "11")]
    [Trait("Rule", "12")]
    public void Authorize_EveryCellOfTheTable_MatchesTheRules(CsOperation operation, ServiceHubTier tier, int column)
    {
        var (name, actor) = Columns[column];
        var expected = tier switch
        {
            ServiceHubTier.Professional => Table[operation].Professional.Split(' ')[column],
            ServiceHubTier.Enterprise => Table[operation].Enterprise.Split(' ')[column],
            _ => "tier", // rule 1: no workspace below Professional
        };

        var result = AccessPolicy.Default.Authorize(actor, Account(tier), operation);

        if (expected == "ok")
        {
            Assert.True(result.IsSuccess, $"{name} should be allowed to {operation} on {tier}, got {result}");
        }
        else
        {
            Assert.True(result.IsFailure, $"{name} should be refused {operation} on {tier}");
            Assert.Equal(Codes[expected], result.Error!.Code);
            Assert.False(string.IsNullOrWhiteSpace(result.Error.Message));
        }

        Assert.Equal(result.IsSuccess, AccessPolicy.Default.Can(actor, Account(tier), operation));
    }

    [Theory]
    [InlineData(ServiceHubTier.None)]
    [InlineData(ServiceHubTier.Starter)]
    [Trait("Rule", "1")]
    public void GetAccessLevel_BelowProfessional_IsNoneEvenForSuperAdmins_Rule1(ServiceHubTier tier)
    {
        Assert.Equal(WorkspaceAccessLevel.None, AccessPolicy.Default.GetAccessLevel(Actor.SuperAdmin(UserId.From(1), true), Account(tier)));
    }

    [Fact]
    [Trait("Rule", "2")]
    [Trait("Rule", "3")]
    public void GetAccessLevel_DistinguishesFullSummaryOnlyAndNone_Rules2And3()
    {
        var pro = Account(ServiceHubTier.Professional);
        Assert.Equal(WorkspaceAccessLevel.Full, AccessPolicy.Default.GetAccessLevel(Actor.Csm(UserId.From(1)), pro));
        Assert.Equal(WorkspaceAccessLevel.SummaryOnly, AccessPolicy.Default.GetAccessLevel(Actor.SuperAdmin(UserId.From(2), false), pro));
        Assert.Equal(WorkspaceAccessLevel.None, AccessPolicy.Default.GetAccessLevel(new Actor(UserId.From(3), null, false, false, CsPermissions.WorkspaceAccess), pro));
    }

    [Fact]
    [Trait("Rule", "3")]
    [Trait("Rule", "4")]
    public void Authorize_SeatlessSuperAdminSettings_FollowsOptionB3()
    {
        var superNoSeat = Actor.SuperAdmin(UserId.From(4), hasServiceSeat: false);
        var strict = AccessPolicy.Default.Authorize(superNoSeat, Account(ServiceHubTier.Enterprise), CsOperation.ManageWorkspaceSettings);
        var lenient = new AccessPolicy(new AccessPolicyOptions { SeatlessSuperAdminCanManageSettings = true })
            .Authorize(superNoSeat, Account(ServiceHubTier.Enterprise), CsOperation.ManageWorkspaceSettings);

        Assert.Equal(AccessErrors.ServiceSeatRequiredCode, strict.Error!.Code);
        Assert.True(lenient.IsSuccess);
    }

    [Fact]
    [Trait("Rule", "3")]
    [Trait("Rule", "6")]
    public void Authorize_SeatlessSuperAdminHealthScore_IsRefusedEvenWithLenientSettingsOption_Rule3()
    {
        var policy = new AccessPolicy(new AccessPolicyOptions { SeatlessSuperAdminCanManageSettings = true });
        var result = policy.Authorize(Actor.SuperAdmin(UserId.From(4), false), Account(ServiceHubTier.Enterprise), CsOperation.ManageHealthScores);
        Assert.Equal(AccessErrors.ServiceSeatRequiredCode, result.Error!.Code);
    }

    [Fact]
    [Trait("Rule", "8")]
    [Trait("Rule", "41")]
    public void Authorize_ViewAsUser_2024ReadingAllowsSuperAdminsOnly_Rule8()
    {
        var policy = new AccessPolicy(new AccessPolicyOptions { ViewAsUserSuperAdminOnly = true });
        var pro = Account(ServiceHubTier.Professional);
        Assert.True(policy.Can(Actor.SuperAdmin(UserId.From(1), false), pro, CsOperation.ViewAsUser));
        Assert.Equal(AccessErrors.PermissionRequiredCode, policy.Authorize(Actor.Manager(UserId.From(2)), pro, CsOperation.ViewAsUser).Error!.Code);
    }

    [Fact]
    [Trait("Rule", "12")]
    public void Authorize_TeamWorkspacesOnProfessional_AllowedWhenEnterpriseGateDisabled_B12()
    {
        var policy = new AccessPolicy(new AccessPolicyOptions { TeamWorkspacesRequireEnterprise = false });
        Assert.True(policy.Can(Actor.Manager(UserId.From(1)), Account(ServiceHubTier.Professional), CsOperation.ManageTeamWorkspaces));
        Assert.False(AccessPolicy.Default.Can(Actor.Manager(UserId.From(1)), Account(ServiceHubTier.Professional), CsOperation.ManageTeamWorkspaces));
    }

    [Fact]
    [Trait("Rule", "13")]
    public void Authorize_BetaOptInRequired_RefusesAccountsNotOptedIn_Rule13()
    {
        var policy = new AccessPolicy(new AccessPolicyOptions { RequireBetaOptIn = true });
        var notOptedIn = new AccountContext(PortalId.From(1), ServiceHubTier.Enterprise, BetaOptedIn: false);
        var optedIn = notOptedIn with { BetaOptedIn = true };

        Assert.Equal(AccessErrors.BetaNotEnabledCode, policy.Authorize(Actor.Manager(UserId.From(1)), notOptedIn, CsOperation.OpenWorkspace).Error!.Code);
        Assert.True(policy.Can(Actor.Manager(UserId.From(1)), optedIn, CsOperation.OpenWorkspace));
        Assert.True(AccessPolicy.Default.Can(Actor.Manager(UserId.From(1)), notOptedIn, CsOperation.OpenWorkspace));
    }

    [Fact]
    public void AccessPolicyOptions_AreCopied_LaterChangesDoNotAffectThePolicy()
    {
        var options = new AccessPolicyOptions();
        var policy = new AccessPolicy(options);
        options.SeatlessSuperAdminCanManageSettings = true;
        Assert.False(policy.Can(Actor.SuperAdmin(UserId.From(1), false), Account(ServiceHubTier.Enterprise), CsOperation.ManageWorkspaceSettings));
    }

    [Fact]
    public void Authorize_NullsAndUndefinedOperation_Throw()
    {
        var pro = Account(ServiceHubTier.Professional);
        Assert.Equal("actor", Assert.Throws<ArgumentNullException>(() => AccessPolicy.Default.Authorize(null!, pro, CsOperation.OpenWorkspace)).ParamName);
        Assert.Equal("account", Assert.Throws<ArgumentNullException>(() => AccessPolicy.Default.Authorize(Actor.Csm(UserId.From(1)), null!, CsOperation.OpenWorkspace)).ParamName);
        Assert.Equal("operation", Assert.Throws<ArgumentOutOfRangeException>(() => AccessPolicy.Default.Authorize(Actor.Csm(UserId.From(1)), pro, (CsOperation)999)).ParamName);
    }

    private static AccountContext Account(ServiceHubTier tier) => new(PortalId.From(42), tier);

    [Fact]
    [Trait("Rule", "2")]
    [Trait("Rule", "4")]
    [Trait("Rule", "6")]
    public void SettingsAndHealthScores_OneReadingOfRules2_4And6_ForEveryCombination()
    {
        // Rule 4 (settings) and rule 6 (the health-score builder, part of the settings) ask the same: a Service seat and
        // (super admin or Manage CS Settings); the workspace-access permission of rule 2 governs the tabs, not the
        // settings. Only option B3 (a seatless super admin may manage settings) separates them, because rule 3 never
        // lets a seatless user build a health score.
        var account = new AccountContext(PortalId.From(1), ServiceHubTier.Enterprise);
        foreach (var lenient in new[] { false, true })
        {
            var policy = new AccessPolicy(new AccessPolicyOptions { SeatlessSuperAdminCanManageSettings = lenient });
            for (var bits = 0; bits < 16; bits++)
            {
                var superAdmin = (bits & 1) != 0;
                var seat = (bits & 2) != 0;
                var permissions = ((bits & 4) != 0 ? CsPermissions.WorkspaceAccess : CsPermissions.None) | ((bits & 8) != 0 ? CsPermissions.ManageSettings : CsPermissions.None);
                var actor = new Actor(UserId.From(1), null, superAdmin, seat, permissions);
                var expected = seat && (superAdmin || (bits & 8) != 0);

                Assert.Equal(expected || (lenient && superAdmin), policy.Can(actor, account, CsOperation.ManageWorkspaceSettings));
                Assert.Equal(expected, policy.Can(actor, account, CsOperation.ManageHealthScores));
            }
        }
    }

    [Fact]
    [Trait("Rule", "58")]
    [Trait("Rule", "56")]
    public void TaskRows_OwnTasksForEveryoneWithFullAccess_OtherUsersTasksForManagersAndSuperAdmins()
    {
        // Reading R58: creating tasks and changing one's own is part of using the tabs; changing anybody else's task
        // is managing the workspace, as sharing views with Everyone is.
        var account = Account(ServiceHubTier.Professional);
        foreach (var (name, actor) in Columns)
        {
            Assert.Equal(AccessPolicy.Default.Can(actor, account, CsOperation.UseWorkspaceTabs), AccessPolicy.Default.Can(actor, account, CsOperation.ManageOwnTasks));
            Assert.True(
                AccessPolicy.Default.Can(actor, account, CsOperation.ManageOthersTasks) == AccessPolicy.Default.Can(actor, account, CsOperation.ShareViewWithEveryone),
                name);
        }

        Assert.Equal(AccessErrors.ViewAsReadOnlyCode, AccessPolicy.Default.Authorize(Actor.Manager(UserId.From(2)).ViewAs(Actor.Csm(UserId.From(1))), account, CsOperation.ManageOwnTasks).Error!.Code);
    }

    [Fact]
    [Trait("Rule", "8")]
    [Trait("Rule", "41")]
    public void ViewAs_ReadsAsTheViewedUser_OnlyForThoseWhoMayViewAsUsers_AndNeverWrites()
    {
        var account = new AccountContext(PortalId.From(1), ServiceHubTier.Enterprise);
        var policy = AccessPolicy.Default;
        var viewed = Actor.Csm(UserId.From(20));

        var byManager = Actor.Manager(UserId.From(1)).ViewAs(viewed);
        var byCsm = Actor.Csm(UserId.From(2)).ViewAs(viewed);
        var bySeatlessAdmin = Actor.SuperAdmin(UserId.From(3), hasServiceSeat: false).ViewAs(viewed);

        Assert.True(policy.Can(byManager, account, CsOperation.UseWorkspaceTabs));
        Assert.True(policy.Can(bySeatlessAdmin, account, CsOperation.UseWorkspaceTabs));
        Assert.Equal(AccessErrors.PermissionRequiredCode, policy.Authorize(byCsm, account, CsOperation.UseWorkspaceTabs).Error!.Code);
        Assert.Equal(AccessErrors.ViewAsReadOnlyCode, policy.Authorize(byManager, account, CsOperation.ManagePrivateViews).Error!.Code);
        Assert.Equal(AccessErrors.ViewAsReadOnlyCode, policy.Authorize(byManager, account, CsOperation.ManageWorkspaceSettings).Error!.Code);
        Assert.Equal(AccessErrors.NoWorkspaceAccessCode, policy.Authorize(Actor.Manager(UserId.From(1)).ViewAs(viewed with { HasServiceSeat = false }), account, CsOperation.UseWorkspaceTabs).Error!.Code);
        Assert.Throws<ArgumentException>(() => byManager.ViewAs(viewed));
        Assert.Throws<ArgumentException>(() => Actor.Manager(UserId.From(1)).ViewAs(byCsm));
    }

    [Fact]
    [Trait("Rule", "28")]
    public void SeesWorkspace_PrimaryTeamsWorkspaceElsePrimary_SuperAdminsByOption()
    {
        var state = CustomerSuccess.Core.Workspaces.WorkspaceDirectory.CreateInitialState(PortalId.From(1));
        var directory = new CustomerSuccess.Core.Workspaces.WorkspaceDirectory(state, AccessPolicy.Default);
        var account = new AccountContext(PortalId.From(1), ServiceHubTier.Enterprise);
        var team = directory.CreateTeamWorkspace(Actor.Manager(UserId.From(1)), account, "EMEA", null, [TeamId.From(5)], NodaTime.Instant.FromUtc(2026, 1, 1, 0, 0)).Value;
        var primary = directory.State.PrimaryWorkspaceId;
        var member = Actor.Csm(UserId.From(2), TeamId.From(5));
        var outsider = Actor.Csm(UserId.From(3), TeamId.From(6));
        var admin = Actor.SuperAdmin(UserId.From(4), hasServiceSeat: true);
        var strict = new AccessPolicy(new AccessPolicyOptions { SuperAdminsSeeEveryWorkspace = false });

        Assert.True(AccessPolicy.Default.SeesWorkspace(member, directory.State, team.Id));
        Assert.False(AccessPolicy.Default.SeesWorkspace(member, directory.State, primary));
        Assert.True(AccessPolicy.Default.SeesWorkspace(outsider, directory.State, primary));
        Assert.False(AccessPolicy.Default.SeesWorkspace(outsider, directory.State, team.Id));
        Assert.True(AccessPolicy.Default.SeesWorkspace(admin, directory.State, team.Id));
        Assert.False(strict.SeesWorkspace(admin, directory.State, team.Id));
        Assert.True(AccessPolicy.Default.SeesWorkspace(Actor.Manager(UserId.From(9)).ViewAs(member), directory.State, team.Id));
        Assert.False(AccessPolicy.Default.SeesWorkspace(Actor.Manager(UserId.From(9)).ViewAs(member), directory.State, primary));
        Assert.False(AccessPolicy.Default.SeesWorkspace(admin, directory.State, CustomerSuccess.Core.Workspaces.WorkspaceId.From(99)));
        Assert.Equal(AccessErrors.WorkspaceNotVisibleCode, AccessPolicy.Default.AuthorizeWorkspace(outsider, account, CsOperation.UseWorkspaceTabs, directory.State, team.Id).Error!.Code);
        Assert.Equal(CustomerSuccess.Core.Workspaces.WorkspaceErrors.NotFoundCode, AccessPolicy.Default.AuthorizeWorkspace(outsider, account, CsOperation.UseWorkspaceTabs, directory.State, CustomerSuccess.Core.Workspaces.WorkspaceId.From(99)).Error!.Code);
    }
}
