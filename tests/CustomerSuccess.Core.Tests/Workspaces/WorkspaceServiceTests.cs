using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.Core.Access;
using CustomerSuccess.Core.Crm;
using CustomerSuccess.Core.Stores.InMemory;
using CustomerSuccess.Core.Workspaces;
using CustomerSuccess.Core.Workspaces.Events;
using NodaTime;
using NodaTime.Testing;
using static CustomerSuccess.Core.Tests.Workspaces.WorkspaceTestData;

namespace CustomerSuccess.Core.Tests.Workspaces;

public class WorkspaceServiceTests
{
    private readonly InMemoryWorkspaceDirectoryStore _store = new();
    private readonly InMemoryWorkspaceConfigurationStore _configurations = new();
    private readonly FakeClock _clock = new(Now);

    private ServiceContext ServiceContext => new(AccessPolicy.Default, _clock, null, new CommandRetryOptions { MaxAttempts = 200 });

    private WorkspaceService Service => new(_store, ServiceContext);

    private WorkspaceSettingsService Settings => new(_configurations, _store, ServiceContext);

    [Fact]
    [Trait("Rule", "25")]
    public async Task GetDirectoryAsync_NothingStored_ReturnsInitialStateWithoutSaving()
    {
        var directory = (await Service.GetDirectoryAsync(Manager, Enterprise)).Value;

        Assert.Equal(VersionToken.None, directory.Version);
        Assert.Equal(WorkspaceDirectory.CreateInitialState(Portal), directory.State);
        Assert.Equal(0, _store.Count);
    }

    [Fact]
    [Trait("Rule", "4")]
    public async Task Reads_Authorize_CsmCannotReadTheDirectoryOrTheConfiguration()
    {
        Assert.Equal(AccessErrors.PermissionRequiredCode, (await Service.GetDirectoryAsync(Csm, Enterprise)).Error!.Code);
        Assert.Equal(AccessErrors.PermissionRequiredCode, (await Settings.GetConfigurationAsync(Csm, Enterprise)).Error!.Code);
        Assert.Equal(AccessErrors.TierNotSupportedCode, (await Service.GetDirectoryAsync(Manager, Starter)).Error!.Code);
    }

    [Fact]
    [Trait("Rule", "29")]
    public async Task CreateTeamWorkspaceAsync_FirstWrite_StoresTheDirectoryReturnsTheChangeWithItsEvent()
    {
        _clock.AdvanceMinutes(5);

        var result = await Service.CreateTeamWorkspaceAsync(Manager, Enterprise, "Onboarding", "New", [Team(1)]);

        Assert.True(result.IsSuccess);
        var change = result.Value;
        Assert.Equal("Onboarding", change.Output.Name);
        var created = Assert.IsType<WorkspaceCreated>(Assert.Single(change.Events));
        Assert.Equal(Now.Plus(Duration.FromMinutes(5)), created.OccurredAt);
        Assert.Equal(Initiator.User(Manager.UserId), created.Initiator);
        Assert.Equal(Portal, created.PortalId);
        var stored = await _store.LoadAsync(Portal);
        Assert.Equal(change.Version, stored!.Version);
        Assert.Equal(change.Events, _store.Outbox);
    }

    [Fact]
    [Trait("Rule", "27")]
    public async Task AddTeamAsync_Refused_SavesNothing()
    {
        var first = await Service.CreateTeamWorkspaceAsync(Manager, Enterprise, "Onboarding", null, [Team(1)]);
        var second = await Service.CreateTeamWorkspaceAsync(Manager, Enterprise, "Renewals", null, []);
        var before = await _store.LoadAsync(Portal);

        var result = await Service.AddTeamAsync(Manager, Enterprise, second.Value.Output.Id, Team(1));

        Assert.Equal(WorkspaceErrors.TeamAlreadyAssignedCode, result.Error!.Code);
        Assert.Equal(before, await _store.LoadAsync(Portal));
        Assert.True(first.IsSuccess);
    }

    [Fact]
    [Trait("Rule", "30")]
    public async Task RenameAsync_SameName_DoesNotWriteNorRecordEvents()
    {
        var created = await Service.CreateTeamWorkspaceAsync(Manager, Enterprise, "Onboarding", null, []);

        var result = await Service.RenameAsync(Manager, Enterprise, created.Value.Output.Id, "Onboarding");

        Assert.True(result.IsSuccess);
        Assert.Equal(created.Value.Version, result.Value.Version);
        Assert.Empty(result.Value.Events);
        Assert.False(result.Value.Changed);
    }

    [Fact]
    [Trait("Rule", "30")]
    public async Task RenameAsync_WithTheVersionSeen_ConflictsWhenTheDirectoryChanged()
    {
        var created = await Service.CreateTeamWorkspaceAsync(Manager, Enterprise, "Onboarding", null, []);
        await Service.CreateTeamWorkspaceAsync(Manager, Enterprise, "Renewals", null, []);

        var result = await Service.RenameAsync(Manager, Enterprise, created.Value.Output.Id, "Start", created.Value.Version);

        Assert.Equal(ConcurrencyErrors.ConflictCode, result.Error!.Code);
    }

    [Fact]
    [Trait("Rule", "31")]
    public async Task DeleteAsync_ConfirmedAndNot()
    {
        var created = await Service.CreateTeamWorkspaceAsync(Manager, Enterprise, "Onboarding", null, [Team(1)]);
        var id = created.Value.Output.Id;

        var refused = await Service.DeleteAsync(Manager, Enterprise, id, null);
        var deleted = await Service.DeleteAsync(Manager, Enterprise, id, WorkspaceDirectory.DeleteConfirmationPhrase);

        Assert.Equal(WorkspaceErrors.DeleteNotConfirmedCode, refused.Error!.Code);
        Assert.Equal(id, deleted.Value.Output.Id);
        Assert.IsType<WorkspaceDeleted>(Assert.Single(deleted.Value.Events));
        Assert.Null((await Service.GetDirectoryAsync(Manager, Enterprise)).Value.State.Find(id));
    }

    [Fact]
    [Trait("Rule", "28")]
    public async Task GetVisibleWorkspaceAsync_ReturnsTeamWorkspaceOrPrimary_AndChecksAccess()
    {
        var created = await Service.CreateTeamWorkspaceAsync(Manager, Enterprise, "Onboarding", null, [Team(1)]);

        var member = await Service.GetVisibleWorkspaceAsync(Actor.Csm(UserId.From(10), Team(1)), Enterprise);
        var outsider = await Service.GetVisibleWorkspaceAsync(Actor.Csm(UserId.From(11), Team(2)), Enterprise);
        var starter = await Service.GetVisibleWorkspaceAsync(Actor.Csm(UserId.From(11), Team(1)), Starter);

        Assert.Equal(created.Value.Output.Id, member.Value.Id);
        Assert.Equal(PrimaryId, outsider.Value.Id);
        Assert.Equal(AccessErrors.TierNotSupportedCode, starter.Error!.Code);
    }

    [Fact]
    [Trait("Rule", "15")]
    public async Task ConfigureCustomersAsync_StaleVersion_ReportsConflictAndSavesNothing()
    {
        var seen = (await Settings.GetConfigurationAsync(Manager, Enterprise)).Value;
        var first = await Settings.ConfigureCustomersAsync(Manager, Enterprise, PrimaryId, "company_csm", null, Schema, seen.Version);
        var afterFirst = await _configurations.LoadAsync(Portal);

        var second = await Settings.ConfigureCustomersAsync(Manager, Enterprise, PrimaryId, "company_csm", "company_renewal", Schema, seen.Version);

        Assert.True(first.IsSuccess);
        Assert.IsType<WorkspaceSettingsChanged>(Assert.Single(first.Value.Events));
        Assert.Equal(ConcurrencyErrors.ConflictCode, second.Error!.Code);
        Assert.Equal(afterFirst, await _configurations.LoadAsync(Portal));
        var third = await Settings.ConfigureCustomersAsync(Manager, Enterprise, PrimaryId, "company_csm", "company_renewal", Schema, first.Value.Version);
        Assert.Equal("company_renewal", third.Value.Output.Customers.RenewalDateProperty);
    }

    [Fact]
    [Trait("Rule", "23")]
    public async Task SettingsCommands_UnknownWorkspace_AreNotFoundAndSaveNothing()
    {
        var missing = WorkspaceId.From(9);

        Assert.Equal(WorkspaceErrors.NotFoundCode, (await Settings.ConfigureCustomersAsync(Manager, Enterprise, missing, "company_csm", null, Schema)).Error!.Code);
        Assert.Equal(WorkspaceErrors.NotFoundCode, (await Settings.SetServicesTabShownAsync(Manager, Enterprise, missing, false)).Error!.Code);
        Assert.Equal(WorkspaceErrors.NotFoundCode, (await Settings.SetRevenueTabShownAsync(Manager, Enterprise, missing, false)).Error!.Code);
        Assert.Equal(0, _configurations.Count);
    }

    [Fact]
    [Trait("Rule", "22")]
    [Trait("Rule", "18")]
    [Trait("Rule", "21")]
    public async Task SettingsAsync_FullSetupThroughTheService_Succeeds()
    {
        var team = (await Service.CreateTeamWorkspaceAsync(Manager, Enterprise, "Onboarding", null, [Team(1)])).Value.Output;
        var v = (await Settings.GetConfigurationAsync(Manager, Enterprise)).Value.Version;
        var services = await Settings.ChooseServicesObjectAsync(Manager, Enterprise, CrmObjectType.Services, Schema, v);
        var revenue = await Settings.ChooseRevenueObjectsAsync(Manager, Enterprise, [CrmObjectType.Deals], null, Schema, services.Value.Version);
        var servicesConfig = await Settings.ConfigureServicesAsync(
            Manager, Enterprise, team.Id, Pipelines("service_csm", null, ["support"], "support"), Schema, revenue.Value.Version);
        var revenueConfig = await Settings.ConfigureRevenueObjectAsync(
            Manager, Enterprise, team.Id, CrmObjectType.Deals, Pipelines("deal_csm", "deal_close", ["sales"], "sales"), Schema, servicesConfig.Value.Version);
        var tab = await Settings.SetServicesTabShownAsync(Manager, Enterprise, team.Id, false, revenueConfig.Value.Version);
        var revenueTab = await Settings.SetRevenueTabShownAsync(Manager, Enterprise, team.Id, false, tab.Value.Version);
        var customer = await Settings.ChooseCustomerObjectAsync(Manager, Enterprise, CrmObjectType.Contacts, Schema);

        Assert.True(customer.IsSuccess, customer.ToString());
        Assert.True(revenueTab.IsSuccess);
        var member = Actor.Csm(UserId.From(20), Team(1));
        var (objects, settings) = (await Settings.GetWorkspaceSettingsAsync(member, Enterprise, team.Id)).Value;
        Assert.False(settings.Services.TabShown);
        Assert.False(settings.Revenue.TabShown);
        Assert.True(settings.Services.IsConfigured);
        Assert.Single(settings.Revenue.Objects);
        Assert.Equal(CrmObjectType.Contacts, objects.CustomerObject);
        Assert.Equal(AccessErrors.WorkspaceNotVisibleCode, (await Settings.GetWorkspaceSettingsAsync(Csm, Enterprise, team.Id)).Error!.Code);
    }

    [Fact]
    public async Task Commands_PreCancelledToken_ThrowAndWriteNothing()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Service.CreateTeamWorkspaceAsync(Manager, Enterprise, "Onboarding", null, [], cancellationToken: cts.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Settings.ChooseCustomerObjectAsync(Manager, Enterprise, CrmObjectType.Contacts, Schema, cancellationToken: cts.Token));
        Assert.Equal(0, _store.Count);
        Assert.Equal(0, _configurations.Count);
    }

    [Fact]
    public async Task Commands_NullArguments_ThrowBeforeAnyWrite()
    {
        Assert.Equal("actor", (await Assert.ThrowsAsync<ArgumentNullException>(() => Service.CreateTeamWorkspaceAsync(null!, Enterprise, "x", null, []))).ParamName);
        Assert.Equal("name", (await Assert.ThrowsAsync<ArgumentNullException>(() => Service.CreateTeamWorkspaceAsync(Manager, Enterprise, null!, null, []))).ParamName);
        Assert.Equal("account", (await Assert.ThrowsAsync<ArgumentNullException>(() => Settings.ChooseCustomerObjectAsync(Manager, null!, CrmObjectType.Contacts, Schema))).ParamName);
        Assert.Equal(0, _store.Count);
    }

    [Fact]
    public void Constructor_NullArguments_Throw()
    {
        Assert.Equal("store", Assert.Throws<ArgumentNullException>(() => new WorkspaceService(null!, ServiceContext)).ParamName);
        Assert.Equal("context", Assert.Throws<ArgumentNullException>(() => new WorkspaceService(_store, null!)).ParamName);
        Assert.Equal("directories", Assert.Throws<ArgumentNullException>(() => new WorkspaceSettingsService(_configurations, null!, ServiceContext)).ParamName);
        Assert.Equal("policy", Assert.Throws<ArgumentNullException>(() => new ServiceContext(null!, _clock)).ParamName);
        Assert.Equal("clock", Assert.Throws<ArgumentNullException>(() => new ServiceContext(AccessPolicy.Default, null!)).ParamName);
    }

    [Theory]
    [Trait("Rule", "26")]
    [Trait("Rule", "27")]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task ParallelCommands_NeverExceedFiveWorkspacesNorDoubleAssignATeam(int round)
    {
        // 24 concurrent creates competing for 5 slots and 4 teams, plus concurrent add-team commands.
        var service = Service;
        var creates = Enumerable.Range(0, 24).Select(i => Task.Run(() =>
            service.CreateTeamWorkspaceAsync(Manager, Enterprise, $"W{round}-{i}", null, [Team((i % 4) + 1)])));
        var results = await Task.WhenAll(creates);

        var state = (await service.GetDirectoryAsync(Manager, Enterprise)).Value.State;
        var adds = state.TeamWorkspaces.SelectMany(w => Enumerable.Range(1, 6).Select(t => Task.Run(() =>
            service.AddTeamAsync(Manager, Enterprise, w.Id, Team(t)))));
        var addResults = await Task.WhenAll(adds);

        var final = (await service.GetDirectoryAsync(Manager, Enterprise)).Value.State;
        Assert.True(final.TeamWorkspaceCount <= WorkspaceDirectory.MaxTeamWorkspaces);
        var teams = final.Workspaces.Values.SelectMany(w => w.Teams).ToList();
        Assert.Equal(teams.Count, teams.Distinct().Count());
        Assert.All(results.Where(r => r.IsFailure), r => Assert.Contains(
            r.Error!.Code,
            new[] { WorkspaceErrors.LimitReachedCode, WorkspaceErrors.TeamAlreadyAssignedCode }));
        Assert.All(addResults.Where(r => r.IsFailure), r => Assert.Equal(WorkspaceErrors.TeamAlreadyAssignedCode, r.Error!.Code));
        Assert.Equal(results.Count(r => r.IsSuccess), final.TeamWorkspaceCount);
        Assert.Equal(results.Count(r => r.IsSuccess), _store.Outbox.OfType<WorkspaceCreated>().Count());
    }
}
