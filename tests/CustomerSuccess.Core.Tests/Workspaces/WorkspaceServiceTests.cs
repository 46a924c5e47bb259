using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.Core.Access;
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
    private readonly FakeClock _clock = new(Now);

    private WorkspaceService Service => new(_store, AccessPolicy.Default, _clock);

    [Fact]
    [Trait("Rule", "25")]
    public async Task GetDirectoryAsync_NothingStored_ReturnsInitialStateWithoutSaving()
    {
        var directory = await Service.GetDirectoryAsync(Portal);

        Assert.Equal(VersionToken.None, directory.Version);
        Assert.Equal(WorkspaceDirectory.CreateInitialState(Portal), directory.State);
        Assert.Equal(0, _store.Count);
    }

    [Fact]
    [Trait("Rule", "29")]
    public async Task CreateTeamWorkspaceAsync_FirstWrite_StoresTheDirectoryAndStampsTheClock()
    {
        _clock.AdvanceMinutes(5);

        var result = await Service.CreateTeamWorkspaceAsync(Manager, Enterprise, "Onboarding", "New", [Team(1)]);

        Assert.True(result.IsSuccess);
        var change = result.Value.State;
        Assert.Equal("Onboarding", change.Workspace!.Name);
        var created = Assert.IsType<WorkspaceCreated>(Assert.Single(change.Events));
        Assert.Equal(Now.Plus(Duration.FromMinutes(5)), created.OccurredAt);
        var stored = await _store.LoadAsync(Portal);
        Assert.Equal(result.Value.Version, stored!.Version);
        Assert.Equal(change.State, stored.State);
    }

    [Fact]
    [Trait("Rule", "27")]
    public async Task AddTeamAsync_Refused_SavesNothing()
    {
        var first = await Service.CreateTeamWorkspaceAsync(Manager, Enterprise, "Onboarding", null, [Team(1)]);
        var second = await Service.CreateTeamWorkspaceAsync(Manager, Enterprise, "Renewals", null, []);
        var before = await _store.LoadAsync(Portal);

        var result = await Service.AddTeamAsync(Manager, Enterprise, second.Value.State.Workspace!.Id, Team(1));

        Assert.Equal(WorkspaceErrors.TeamAlreadyAssignedCode, result.Error!.Code);
        Assert.Equal(before, await _store.LoadAsync(Portal));
        Assert.True(first.IsSuccess);
    }

    [Fact]
    [Trait("Rule", "30")]
    public async Task RenameAsync_SameName_DoesNotWrite()
    {
        var created = await Service.CreateTeamWorkspaceAsync(Manager, Enterprise, "Onboarding", null, []);

        var result = await Service.RenameAsync(Manager, Enterprise, created.Value.State.Workspace!.Id, "Onboarding");

        Assert.True(result.IsSuccess);
        Assert.Equal(created.Value.Version, result.Value.Version);
        Assert.Empty(result.Value.State.Events);
    }

    [Fact]
    [Trait("Rule", "31")]
    public async Task DeleteAsync_ConfirmedAndNot()
    {
        var created = await Service.CreateTeamWorkspaceAsync(Manager, Enterprise, "Onboarding", null, [Team(1)]);
        var id = created.Value.State.Workspace!.Id;

        var refused = await Service.DeleteAsync(Manager, Enterprise, id, null);
        var deleted = await Service.DeleteAsync(Manager, Enterprise, id, WorkspaceDirectory.DeleteConfirmationPhrase);

        Assert.Equal(WorkspaceErrors.DeleteNotConfirmedCode, refused.Error!.Code);
        Assert.True(deleted.IsSuccess);
        Assert.Null(deleted.Value.State.Workspace);
        Assert.Null((await Service.GetDirectoryAsync(Portal)).State.Find(id));
    }

    [Fact]
    [Trait("Rule", "28")]
    public async Task GetVisibleWorkspaceAsync_ReturnsTeamWorkspaceOrPrimary_AndChecksAccess()
    {
        var created = await Service.CreateTeamWorkspaceAsync(Manager, Enterprise, "Onboarding", null, [Team(1)]);

        var member = await Service.GetVisibleWorkspaceAsync(Actor.Csm(UserId.From(10), Team(1)), Enterprise);
        var outsider = await Service.GetVisibleWorkspaceAsync(Actor.Csm(UserId.From(11), Team(2)), Enterprise);
        var starter = await Service.GetVisibleWorkspaceAsync(Actor.Csm(UserId.From(11), Team(1)), Starter);

        Assert.Equal(created.Value.State.Workspace!.Id, member.Value.Id);
        Assert.Equal(PrimaryId, outsider.Value.Id);
        Assert.Equal(AccessErrors.TierNotSupportedCode, starter.Error!.Code);
    }

    [Fact]
    [Trait("Rule", "15")]
    public async Task ConfigureCustomersAsync_StaleVersion_ReportsConflictAndSavesNothing()
    {
        var seen = await Service.GetDirectoryAsync(Portal);
        var first = await Service.ConfigureCustomersAsync(Manager, Enterprise, PrimaryId, "company_csm", null, Schema, seen.Version);
        var afterFirst = await _store.LoadAsync(Portal);

        var second = await Service.ConfigureCustomersAsync(Manager, Enterprise, PrimaryId, "company_csm", "company_renewal", Schema, seen.Version);

        Assert.True(first.IsSuccess);
        Assert.Equal(ConcurrencyErrors.ConflictCode, second.Error!.Code);
        Assert.Equal(afterFirst, await _store.LoadAsync(Portal));
        var third = await Service.ConfigureCustomersAsync(Manager, Enterprise, PrimaryId, "company_csm", "company_renewal", Schema, first.Value.Version);
        Assert.True(third.IsSuccess);
        Assert.Equal("company_renewal", third.Value.State.State.Primary.Settings.Customers.RenewalDateProperty);
    }

    [Fact]
    [Trait("Rule", "22")]
    [Trait("Rule", "18")]
    [Trait("Rule", "21")]
    public async Task SettingsAsync_FullSetupThroughTheService_Succeeds()
    {
        var v = (await Service.GetDirectoryAsync(Portal)).Version;
        var services = await Service.ChooseServicesObjectAsync(Manager, Enterprise, CrmObjectType.Services, Schema, v);
        var revenue = await Service.ChooseRevenueObjectsAsync(Manager, Enterprise, [CrmObjectType.Deals], null, Schema, services.Value.Version);
        var servicesConfig = await Service.ConfigureServicesAsync(
            Manager, Enterprise, PrimaryId, Pipelines("service_csm", null, ["support"], "support"), Schema, revenue.Value.Version);
        var revenueConfig = await Service.ConfigureRevenueObjectAsync(
            Manager, Enterprise, PrimaryId, CrmObjectType.Deals, Pipelines("deal_csm", "deal_close", ["sales"], "sales"), Schema, servicesConfig.Value.Version);
        var tab = await Service.SetServicesTabShownAsync(Manager, Enterprise, PrimaryId, false, revenueConfig.Value.Version);
        var revenueTab = await Service.SetRevenueTabShownAsync(Manager, Enterprise, PrimaryId, false, tab.Value.Version);
        var customer = await Service.ChooseCustomerObjectAsync(Manager, Enterprise, CrmObjectType.Contacts, Schema, null);

        Assert.True(customer.IsSuccess, customer.ToString());
        var settings = customer.Value.State.State.Primary.Settings;
        Assert.False(settings.Services.TabShown);
        Assert.False(settings.Revenue.TabShown);
        Assert.True(settings.Services.IsConfigured);
        Assert.Single(settings.Revenue.Objects);
        Assert.Equal(CrmObjectType.Contacts, customer.Value.State.State.Objects.CustomerObject);
    }

    [Fact]
    public async Task Commands_PreCancelledToken_ThrowAndWriteNothing()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Service.CreateTeamWorkspaceAsync(Manager, Enterprise, "Onboarding", null, [], cts.Token));
        Assert.Equal(0, _store.Count);
    }

    [Fact]
    public void Constructor_NullArguments_Throw()
    {
        Assert.Equal("store", Assert.Throws<ArgumentNullException>(() => new WorkspaceService(null!, AccessPolicy.Default, _clock)).ParamName);
        Assert.Equal("policy", Assert.Throws<ArgumentNullException>(() => new WorkspaceService(_store, null!, _clock)).ParamName);
        Assert.Equal("clock", Assert.Throws<ArgumentNullException>(() => new WorkspaceService(_store, AccessPolicy.Default, null!)).ParamName);
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

        var state = (await service.GetDirectoryAsync(Portal)).State;
        var adds = state.TeamWorkspaces.SelectMany(w => Enumerable.Range(1, 6).Select(t => Task.Run(() =>
            service.AddTeamAsync(Manager, Enterprise, w.Id, Team(t)))));
        var addResults = await Task.WhenAll(adds);

        var final = (await service.GetDirectoryAsync(Portal)).State;
        Assert.True(final.TeamWorkspaceCount <= WorkspaceDirectory.MaxTeamWorkspaces);
        var teams = final.Workspaces.Values.SelectMany(w => w.Teams).ToList();
        Assert.Equal(teams.Count, teams.Distinct().Count());
        Assert.All(results.Where(r => r.IsFailure), r => Assert.Contains(
            r.Error!.Code,
            new[] { WorkspaceErrors.LimitReachedCode, WorkspaceErrors.TeamAlreadyAssignedCode, ConcurrencyErrors.ConflictCode }));
        Assert.All(addResults.Where(r => r.IsFailure), r => Assert.Contains(
            r.Error!.Code,
            new[] { WorkspaceErrors.TeamAlreadyAssignedCode, ConcurrencyErrors.ConflictCode }));
        Assert.Equal(results.Count(r => r.IsSuccess), final.TeamWorkspaceCount);
    }
}
