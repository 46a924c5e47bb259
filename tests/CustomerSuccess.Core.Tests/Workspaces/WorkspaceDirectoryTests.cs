using System;
using System.Linq;
using CustomerSuccess.Core.Access;
using CustomerSuccess.Core.Workspaces;
using CustomerSuccess.Core.Workspaces.Events;
using static CustomerSuccess.Core.Tests.Workspaces.WorkspaceTestData;

namespace CustomerSuccess.Core.Tests.Workspaces;

public class WorkspaceDirectoryTests
{
    [Fact]
    [Trait("Rule", "25")]
    public void CreateNew_NewPortal_HasOnlyThePrimaryWorkspace()
    {
        var directory = NewDirectory();

        var primary = Assert.Single(directory.State.Workspaces.Values);
        Assert.True(primary.IsPrimary);
        Assert.Equal(PrimaryId, directory.State.PrimaryWorkspaceId);
        Assert.Equal(WorkspaceDirectory.DefaultPrimaryWorkspaceName, primary.Name);
        Assert.Equal(0, directory.State.TeamWorkspaceCount);
        Assert.Empty(directory.DomainEvents);
    }

    [Fact]
    [Trait("Rule", "25")]
    public void Delete_PrimaryWorkspace_IsRefusedEvenWhenConfirmed()
    {
        var directory = NewDirectory();

        AssertRefused(
            directory,
            d => d.Delete(Manager, Enterprise, PrimaryId, WorkspaceDirectory.DeleteConfirmationPhrase, Now),
            WorkspaceErrors.PrimaryCannotBeDeletedCode);
    }

    [Fact]
    [Trait("Rule", "25")]
    [Trait("Rule", "4")]
    public void Rename_PrimaryWorkspaceOnProfessional_IsAllowedWithSettingsPermission()
    {
        var directory = NewDirectory();

        var result = directory.Rename(Manager, Professional, PrimaryId, "Everyone", Now);

        Assert.True(result.IsSuccess);
        Assert.Equal("Everyone", directory.State.Primary.Name);
        var renamed = Assert.IsType<WorkspaceRenamed>(Assert.Single(directory.DomainEvents));
        Assert.Equal(WorkspaceDirectory.DefaultPrimaryWorkspaceName, renamed.OldName);
        Assert.Equal(Now, renamed.OccurredAt);
    }

    [Fact]
    [Trait("Rule", "26")]
    public void CreateTeamWorkspace_SixthTeamWorkspace_IsRefusedWithLimitReached()
    {
        var directory = NewDirectory();
        for (var i = 1; i <= WorkspaceDirectory.MaxTeamWorkspaces; i++)
        {
            Create(directory, $"Team {i}", i);
        }

        Assert.Equal(5, directory.State.TeamWorkspaceCount);
        Assert.Equal(6, directory.State.Workspaces.Count);
        var error = AssertRefused(directory, d => d.CreateTeamWorkspace(Manager, Enterprise, "Team 6", null, [Team(6)], Now).ToResult(), WorkspaceErrors.LimitReachedCode);
        Assert.Contains("5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "26")]
    public void CreateTeamWorkspace_AfterDeletingOneOfFive_SucceedsWithAFreshId()
    {
        var directory = NewDirectory();
        var ids = Enumerable.Range(1, 5).Select(i => Create(directory, $"Team {i}")).ToList();
        directory.Delete(Manager, Enterprise, ids[4], WorkspaceDirectory.DeleteConfirmationPhrase, Now).ThrowIfFailure();

        var created = directory.CreateTeamWorkspace(Manager, Enterprise, "Team 5 again", null, [], Now);

        Assert.True(created.IsSuccess);
        Assert.Equal(7, created.Value.Id.Value);
        Assert.DoesNotContain(created.Value.Id, ids);
    }

    [Fact]
    [Trait("Rule", "27")]
    public void CreateTeamWorkspace_TeamInAnotherWorkspace_IsRefusedNamingTheOtherWorkspace()
    {
        var directory = NewDirectory();
        Create(directory, "Onboarding", 7);

        var error = AssertRefused(
            directory,
            d => d.CreateTeamWorkspace(Manager, Enterprise, "Renewals", null, [Team(8), Team(7)], Now).ToResult(),
            WorkspaceErrors.TeamAlreadyAssignedCode);

        Assert.Contains("Onboarding", error.Message, StringComparison.Ordinal);
        Assert.Contains("7", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "27")]
    public void AddTeam_TeamInAnotherWorkspace_IsRefused()
    {
        var directory = NewDirectory();
        Create(directory, "Onboarding", 7);
        var renewals = Create(directory, "Renewals", 8);

        var error = AssertRefused(directory, d => d.AddTeam(Manager, Enterprise, renewals, Team(7), Now), WorkspaceErrors.TeamAlreadyAssignedCode);
        Assert.Contains("Onboarding", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "27")]
    public void CreateTeamWorkspace_SeveralTeams_AllAssignedToTheOneWorkspace()
    {
        var directory = NewDirectory();

        var id = Create(directory, "Enterprise accounts", 3, 1, 2, 2);

        Assert.Equal([Team(1), Team(2), Team(3)], directory.State.Find(id)!.Teams);
        Assert.All(new[] { 1L, 2L, 3L }, t => Assert.Equal(id, directory.State.TeamAssignments[Team(t)]));
    }

    [Fact]
    [Trait("Rule", "28")]
    public void WorkspaceFor_UserWhosePrimaryTeamIsSelected_SeesThatWorkspace()
    {
        var directory = NewDirectory();
        var id = Create(directory, "Onboarding", 7, 8);

        Assert.Equal(id, directory.WorkspaceFor(Actor.Csm(UserId.From(9), Team(8))).Id);
        Assert.Equal(id, directory.State.VisibleWorkspaceFor(Team(7)).Id);
    }

    [Fact]
    [Trait("Rule", "28")]
    public void WorkspaceFor_UserWithoutTeamOrWithUnassignedTeam_SeesThePrimaryWorkspace()
    {
        var directory = NewDirectory();
        Create(directory, "Onboarding", 7);

        Assert.Equal(PrimaryId, directory.WorkspaceFor(Actor.Csm(UserId.From(9), Team(99))).Id);
        Assert.Equal(PrimaryId, directory.WorkspaceFor(Actor.Csm(UserId.From(9))).Id);
        Assert.Equal(PrimaryId, directory.State.VisibleWorkspaceFor(null).Id);
    }

    [Fact]
    [Trait("Rule", "28")]
    public void WorkspaceFor_AfterTeamRemoved_FallsBackToThePrimaryWorkspace()
    {
        var directory = NewDirectory();
        var id = Create(directory, "Onboarding", 7);

        directory.RemoveTeam(Manager, Enterprise, id, Team(7), Now).ThrowIfFailure();

        Assert.Equal(PrimaryId, directory.State.VisibleWorkspaceFor(Team(7)).Id);
    }

    [Fact]
    [Trait("Rule", "29")]
    public void CreateTeamWorkspace_NameDescriptionTeams_CreatesWorkspaceWithDefaultSettingsAndEvent()
    {
        var directory = NewDirectory();

        var result = directory.CreateTeamWorkspace(SuperAdmin, Enterprise, "  Onboarding  ", " New customers ", [Team(5)], Now);

        var workspace = directory.State.Find(result.Value.Id)!;
        Assert.Same(workspace, result.Value);
        Assert.Equal("Onboarding", workspace.Name);
        Assert.Equal("New customers", workspace.Description);
        Assert.False(workspace.IsPrimary);
        Assert.Equal(WorkspaceSettings.Default, NewConfiguration().State.SettingsOf(workspace.Id));
        var created = Assert.IsType<WorkspaceCreated>(Assert.Single(directory.DomainEvents));
        Assert.Equal(result.Value.Id, created.WorkspaceId);
        Assert.Equal([Team(5)], created.Teams);
        Assert.Equal(Initiator.User(SuperAdmin.UserId), created.Initiator);
        Assert.Equal(Portal, created.PortalId);
        Assert.Equal(Now, created.OccurredAt);
    }

    [Theory]
    [Trait("Rule", "29")]
    [InlineData("", WorkspaceErrors.NameRequiredCode)]
    [InlineData("   ", WorkspaceErrors.NameRequiredCode)]
    [InlineData("ONBOARDING", WorkspaceErrors.NameTakenCode)]
    [InlineData(" primary WORKSPACE ", WorkspaceErrors.NameTakenCode)]
    public void CreateTeamWorkspace_InvalidName_IsRefused(string name, string code)
    {
        var directory = NewDirectory();
        Create(directory, "Onboarding");

        AssertRefused(directory, d => d.CreateTeamWorkspace(Manager, Enterprise, name, null, [], Now).ToResult(), code);
    }

    [Fact]
    [Trait("Rule", "29")]
    public void CreateTeamWorkspace_NameOrDescriptionTooLong_IsRefused()
    {
        var directory = NewDirectory();
        var longName = new string('n', WorkspaceDirectory.MaxNameLength + 1);
        var longDescription = new string('d', WorkspaceDirectory.MaxDescriptionLength + 1);

        AssertRefused(directory, d => d.CreateTeamWorkspace(Manager, Enterprise, longName, null, [], Now).ToResult(), WorkspaceErrors.NameTooLongCode);
        AssertRefused(directory, d => d.CreateTeamWorkspace(Manager, Enterprise, "Ok", longDescription, [], Now).ToResult(), WorkspaceErrors.DescriptionTooLongCode);
        Assert.True(directory.CreateTeamWorkspace(Manager, Enterprise, new string('n', WorkspaceDirectory.MaxNameLength), null, [], Now).IsSuccess);
    }

    [Fact]
    [Trait("Rule", "30")]
    public void RenameDescribeAddRemove_TeamWorkspace_ChangeItAndRecordOneEventEach()
    {
        var directory = NewDirectory();
        var id = Create(directory, "Onboarding", 1);
        directory.ClearDomainEvents();

        Assert.True(directory.Rename(Manager, Enterprise, id, "Adoption", Now).IsSuccess);
        Assert.True(directory.Describe(Manager, Enterprise, id, "First 90 days", Now).IsSuccess);
        Assert.True(directory.AddTeam(Manager, Enterprise, id, Team(2), Now).IsSuccess);
        Assert.True(directory.RemoveTeam(Manager, Enterprise, id, Team(1), Now).IsSuccess);

        var workspace = directory.State.Find(id)!;
        Assert.Equal("Adoption", workspace.Name);
        Assert.Equal("First 90 days", workspace.Description);
        Assert.Equal([Team(2)], workspace.Teams);
        Assert.Collection(
            directory.DomainEvents,
            e => Assert.IsType<WorkspaceRenamed>(e),
            e => Assert.IsType<WorkspaceDescriptionChanged>(e),
            e => Assert.Equal(Team(2), Assert.IsType<TeamAddedToWorkspace>(e).TeamId),
            e => Assert.Equal(Team(1), Assert.IsType<TeamRemovedFromWorkspace>(e).TeamId));
    }

    [Fact]
    [Trait("Rule", "30")]
    public void RenameDescribeAddTeam_NoChange_SucceedWithoutEvent()
    {
        var directory = NewDirectory();
        var id = Create(directory, "Onboarding", 1);
        directory.ClearDomainEvents();
        var before = directory.State;

        Assert.True(directory.Rename(Manager, Enterprise, id, " Onboarding ", Now).IsSuccess);
        Assert.True(directory.Describe(Manager, Enterprise, id, null, Now).IsSuccess);
        Assert.True(directory.AddTeam(Manager, Enterprise, id, Team(1), Now).IsSuccess);

        Assert.Same(before, directory.State);
        Assert.Empty(directory.DomainEvents);
    }

    [Fact]
    [Trait("Rule", "30")]
    public void Rename_ChangeOfCaseOnly_IsAllowed_ButAnotherWorkspacesName_IsTaken()
    {
        var directory = NewDirectory();
        var id = Create(directory, "Onboarding");
        Create(directory, "Renewals");

        Assert.True(directory.Rename(Manager, Enterprise, id, "ONBOARDING", Now).IsSuccess);
        AssertRefused(directory, d => d.Rename(Manager, Enterprise, id, "renewals", Now), WorkspaceErrors.NameTakenCode);
    }

    [Fact]
    [Trait("Rule", "30")]
    public void RemoveTeam_TeamNotInWorkspace_IsRefused()
    {
        var directory = NewDirectory();
        var id = Create(directory, "Onboarding", 1);
        Create(directory, "Renewals", 2);

        AssertRefused(directory, d => d.RemoveTeam(Manager, Enterprise, id, Team(2), Now), WorkspaceErrors.TeamNotAssignedCode);
    }

    [Fact]
    [Trait("Rule", "30")]
    public void AddOrRemoveTeam_PrimaryWorkspace_IsRefused()
    {
        var directory = NewDirectory();

        AssertRefused(directory, d => d.AddTeam(Manager, Enterprise, PrimaryId, Team(1), Now), WorkspaceErrors.PrimaryHasNoTeamsCode);
        AssertRefused(directory, d => d.RemoveTeam(Manager, Enterprise, PrimaryId, Team(1), Now), WorkspaceErrors.PrimaryHasNoTeamsCode);
    }

    [Fact]
    [Trait("Rule", "30")]
    public void EditOperations_UnknownWorkspace_AreRefusedWithNotFound()
    {
        var directory = NewDirectory();
        var missing = WorkspaceId.From(77);

        AssertRefused(directory, d => d.Rename(Manager, Enterprise, missing, "X", Now), WorkspaceErrors.NotFoundCode);
        AssertRefused(directory, d => d.Describe(Manager, Enterprise, missing, "X", Now), WorkspaceErrors.NotFoundCode);
        AssertRefused(directory, d => d.AddTeam(Manager, Enterprise, missing, Team(1), Now), WorkspaceErrors.NotFoundCode);
        AssertRefused(directory, d => d.RemoveTeam(Manager, Enterprise, missing, Team(1), Now), WorkspaceErrors.NotFoundCode);
        AssertRefused(directory, d => d.Delete(Manager, Enterprise, missing, WorkspaceDirectory.DeleteConfirmationPhrase, Now), WorkspaceErrors.NotFoundCode);
    }

    [Theory]
    [Trait("Rule", "31")]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("yes")]
    [InlineData("i understand that deleting this workspace cannot be undone")]
    [InlineData("I understand that deleting this workspace cannot be undone.")]
    public void Delete_WithoutTheExactConfirmation_IsRefused(string? confirmation)
    {
        var directory = NewDirectory();
        var id = Create(directory, "Onboarding", 1);

        var error = AssertRefused(directory, d => d.Delete(Manager, Enterprise, id, confirmation, Now), WorkspaceErrors.DeleteNotConfirmedCode);
        Assert.Contains(WorkspaceDirectory.DeleteConfirmationPhrase, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "31")]
    public void Delete_Confirmed_RemovesWorkspaceAndFreesItsTeams()
    {
        var directory = NewDirectory();
        var id = Create(directory, "Onboarding", 1, 2);
        directory.ClearDomainEvents();

        var result = directory.Delete(Manager, Enterprise, id, WorkspaceDirectory.DeleteConfirmationPhrase, Now);

        Assert.True(result.IsSuccess);
        Assert.Null(directory.State.Find(id));
        Assert.Empty(directory.State.TeamAssignments);
        var deleted = Assert.IsType<WorkspaceDeleted>(Assert.Single(directory.DomainEvents));
        Assert.Equal([Team(1), Team(2)], deleted.ReleasedTeams);
        Assert.True(directory.CreateTeamWorkspace(Manager, Enterprise, "Reuse", null, [Team(1)], Now).IsSuccess);
    }

    [Fact]
    [Trait("Rule", "1")]
    public void TeamAndSettingsOperations_OnStarter_AreRefusedByTier()
    {
        var directory = NewDirectory();

        AssertRefused(directory, d => d.CreateTeamWorkspace(Manager, Starter, "Onboarding", null, [], Now).ToResult(), AccessErrors.TierNotSupportedCode);
        AssertRefused(directory, d => d.Rename(Manager, Starter, PrimaryId, "New", Now), AccessErrors.TierNotSupportedCode);
        AssertRefused(NewConfiguration(), c => c.SetRevenueTabShown(Manager, Starter, Primary, false, Now), AccessErrors.TierNotSupportedCode);
    }

    [Fact]
    [Trait("Rule", "5")]
    public void TeamWorkspaceOperations_CsmWithoutManagePermission_AreRefused()
    {
        var directory = NewDirectory();
        var id = Create(directory, "Onboarding", 1);

        AssertRefused(directory, d => d.CreateTeamWorkspace(Csm, Enterprise, "Renewals", null, [], Now).ToResult(), AccessErrors.PermissionRequiredCode);
        AssertRefused(directory, d => d.Rename(Csm, Enterprise, id, "Renewals", Now), AccessErrors.PermissionRequiredCode);
        AssertRefused(directory, d => d.Describe(Csm, Enterprise, id, "x", Now), AccessErrors.PermissionRequiredCode);
        AssertRefused(directory, d => d.AddTeam(Csm, Enterprise, id, Team(2), Now), AccessErrors.PermissionRequiredCode);
        AssertRefused(directory, d => d.RemoveTeam(Csm, Enterprise, id, Team(1), Now), AccessErrors.PermissionRequiredCode);
        AssertRefused(directory, d => d.Delete(Csm, Enterprise, id, WorkspaceDirectory.DeleteConfirmationPhrase, Now), AccessErrors.PermissionRequiredCode);
    }

    [Fact]
    [Trait("Rule", "5")]
    public void CreateTeamWorkspace_SuperAdminOrManager_IsAllowed()
    {
        var directory = NewDirectory();

        Assert.True(directory.CreateTeamWorkspace(SuperAdmin, Enterprise, "A", null, [], Now).IsSuccess);
        Assert.True(directory.CreateTeamWorkspace(Manager, Enterprise, "B", null, [], Now).IsSuccess);
    }

    [Fact]
    [Trait("Rule", "12")]
    public void CreateTeamWorkspace_OnProfessional_NeedsEnterprise()
    {
        var directory = NewDirectory();

        AssertRefused(directory, d => d.CreateTeamWorkspace(Manager, Professional, "Onboarding", null, [], Now).ToResult(), AccessErrors.EnterpriseRequiredCode);
    }

    [Fact]
    [Trait("Rule", "12")]
    public void CreateTeamWorkspace_OnProfessional_AllowedWhenTierGatingIsOff()
    {
        var directory = new WorkspaceDirectory(WorkspaceDirectory.CreateInitialState(Portal), new AccessPolicy(new AccessPolicyOptions { TeamWorkspacesRequireEnterprise = false }));

        Assert.True(directory.CreateTeamWorkspace(Manager, Professional, "Onboarding", null, [], Now).IsSuccess);
    }

    [Fact]
    public void Operations_AccountOfAnotherPortal_Throw()
    {
        var directory = NewDirectory();
        var other = new AccountContext(PortalId.From(7), ServiceHubTier.Enterprise);

        var ex = Assert.Throws<ArgumentException>(() => directory.CreateTeamWorkspace(Manager, other, "X", null, [], Now));
        Assert.Equal("account", ex.ParamName);
    }

    [Fact]
    public void Operations_ADefaultWorkspaceId_Throw()
    {
        var directory = NewDirectory();
        var account = new AccountContext(directory.PortalId, ServiceHubTier.Enterprise);

        Assert.All(
            new Action[]
            {
                () => directory.Rename(Manager, account, default, "X", Now),
                () => directory.Describe(Manager, account, default, "X", Now),
                () => directory.AddTeam(Manager, account, default, TeamId.From(5), Now),
                () => directory.RemoveTeam(Manager, account, default, TeamId.From(5), Now),
                () => directory.Delete(Manager, account, default, WorkspaceDirectory.DeleteConfirmationPhrase, Now),
            },
            call => Assert.Equal("workspaceId", Assert.Throws<ArgumentException>(call).ParamName));
    }

    [Fact]
    public void Operations_NullArguments_ThrowWithParameterName()
    {
        var directory = NewDirectory();

        Assert.Equal("actor", Assert.Throws<ArgumentNullException>(() => directory.Rename(null!, Enterprise, PrimaryId, "x", Now)).ParamName);
        Assert.Equal("account", Assert.Throws<ArgumentNullException>(() => directory.Rename(Manager, null!, PrimaryId, "x", Now)).ParamName);
        Assert.Equal("newName", Assert.Throws<ArgumentNullException>(() => directory.Rename(Manager, Enterprise, PrimaryId, null!, Now)).ParamName);
        Assert.Equal("teams", Assert.Throws<ArgumentNullException>(() => directory.CreateTeamWorkspace(Manager, Enterprise, "x", null, null!, Now)).ParamName);
        Assert.Equal("policy", Assert.Throws<ArgumentNullException>(() => new WorkspaceDirectory(directory.State, null!)).ParamName);
    }

    [Fact]
    public void Constructor_CorruptState_Throws()
    {
        var state = NewDirectory().State;
        var tooMany = state;
        for (var i = 2; i <= 7; i++)
        {
            var id = WorkspaceId.From(i);
            tooMany = tooMany with
            {
                Workspaces = tooMany.Workspaces.Add(id, new Workspace(id, $"W{i}", "", false, [])),
                LastWorkspaceNumber = i,
            };
        }

        var noPrimary = state with { Workspaces = state.Workspaces.Clear() };

        Assert.Throws<ArgumentException>(() => new WorkspaceDirectory(tooMany, AccessPolicy.Default));
        Assert.Throws<ArgumentException>(() => new WorkspaceDirectory(noPrimary, AccessPolicy.Default));
    }

    [Fact]
    public void State_Equality_IsStructural()
    {
        var a = NewDirectory();
        var b = NewDirectory();
        Create(a, "Onboarding", 1, 2);
        Create(b, "Onboarding", 2, 1);

        Assert.NotSame(a.State, b.State);
        Assert.Equal(a.State, b.State);
        Assert.Equal(a.State.GetHashCode(), b.State.GetHashCode());
        Create(b, "Other");
        Assert.NotEqual(a.State, b.State);
    }
}
