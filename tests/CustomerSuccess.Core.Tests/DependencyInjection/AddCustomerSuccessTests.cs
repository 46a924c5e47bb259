using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.Core.Access;
using CustomerSuccess.Core.Records;
using CustomerSuccess.Core.Schedule;
using CustomerSuccess.Core.Scores;
using CustomerSuccess.Core.Stores.InMemory;
using CustomerSuccess.Core.Tasks;
using CustomerSuccess.Core.Views;
using CustomerSuccess.Core.Workspaces;
using CustomerSuccess.Core.Workspaces.Events;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace CustomerSuccess.Core.Tests.DependencyInjection;

public sealed class AddCustomerSuccessTests
{
    private static ServiceProvider Build(IServiceCollection services) =>
        services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

    [Fact]
    public void AddCustomerSuccess_WithInMemoryStores_RegistersEverythingResolvable()
    {
        var services = new ServiceCollection();
        var builder = services.AddCustomerSuccess().AddInMemoryStores();
        Assert.Same(services, builder.Services);
        using var provider = Build(services);
        using var scope = provider.CreateScope();

        Assert.Equal("SystemClock", provider.GetRequiredService<IClock>().GetType().Name);
        Assert.Same(provider.GetRequiredService<AccessPolicy>(), provider.GetRequiredService<ServiceContext>().Policy);
        Assert.IsType<InMemoryWorkspaceDirectoryStore>(provider.GetRequiredService<IWorkspaceDirectoryStore>());
        Assert.IsType<InMemoryWorkspaceConfigurationStore>(provider.GetRequiredService<IWorkspaceConfigurationStore>());
        Assert.IsType<InMemoryHealthScoreCatalogStore>(provider.GetRequiredService<IHealthScoreCatalogStore>());
        Assert.IsType<InMemoryViewCatalogStore>(provider.GetRequiredService<IViewCatalogStore>());
        Assert.IsType<InMemoryRecordQuery>(provider.GetRequiredService<IRecordQuery>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<WorkspaceService>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<WorkspaceSettingsService>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<HealthScoreCatalogService>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<ViewService>());
        var tasks = Assert.IsType<InMemoryTaskStore>(provider.GetRequiredService<ITaskStore>());
        Assert.Same(tasks, provider.GetRequiredService<ITaskQuery>());
        Assert.IsType<InMemoryMeetingQuery>(provider.GetRequiredService<IMeetingQuery>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<TaskService>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<ScheduleService>());
    }

    [Fact]
    public void AddCustomerSuccess_WithoutAStore_FailsAtStartUpNamingTheMissingPort()
    {
        var services = new ServiceCollection();
        services.AddCustomerSuccess();

        var error = Assert.Throws<AggregateException>(() => Build(services));

        Assert.Contains(nameof(IWorkspaceDirectoryStore), error.Message, StringComparison.Ordinal);
        using var lenient = services.BuildServiceProvider();
        using var scope = lenient.CreateScope();
        var resolve = Assert.Throws<InvalidOperationException>(() => scope.ServiceProvider.GetRequiredService<WorkspaceService>());
        Assert.Contains(nameof(IWorkspaceDirectoryStore), resolve.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddCustomerSuccess_ClockAndStoreRegisteredFirst_AreKept()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 11, 25, 0, 0));
        var store = new InMemoryWorkspaceDirectoryStore();
        var services = new ServiceCollection()
            .AddSingleton<IClock>(clock)
            .AddSingleton<IWorkspaceDirectoryStore>(store);
        services.AddCustomerSuccess().AddInMemoryStores();
        using var provider = Build(services);

        Assert.Same(clock, provider.GetRequiredService<IClock>());
        Assert.Same(store, provider.GetRequiredService<IWorkspaceDirectoryStore>());
    }

    [Fact]
    public void AddCustomerSuccess_CalledTwice_RegistersOnce()
    {
        var services = new ServiceCollection();
        services.AddCustomerSuccess().AddInMemoryStores();
        services.AddCustomerSuccess().AddInMemoryStores();
        Assert.Single(services, d => d.ServiceType == typeof(IClock));
        Assert.Single(services, d => d.ServiceType == typeof(WorkspaceService));
        Assert.Single(services, d => d.ServiceType == typeof(IWorkspaceDirectoryStore));
    }

    [Fact]
    [Trait("Rule", "4")]
    public void AddCustomerSuccess_AccessOptions_ReachThePolicy_B3()
    {
        var services = new ServiceCollection();
        services.AddCustomerSuccess(o => o.Access.SeatlessSuperAdminCanManageSettings = true).AddInMemoryStores();
        using var provider = Build(services);
        var policy = provider.GetRequiredService<ServiceContext>().Policy;
        Assert.True(policy.Can(Actor.SuperAdmin(UserId.From(1), hasServiceSeat: false), new AccountContext(PortalId.From(1), ServiceHubTier.Enterprise), CsOperation.ManageWorkspaceSettings));
    }

    [Fact]
    public async Task AddCustomerSuccess_Subscribers_ReceiveTheEventsOfEverySuccessfulCommand()
    {
        var subscriber = new Recorder();
        var services = new ServiceCollection().AddSingleton<IDomainEventSubscriber>(subscriber);
        services.AddCustomerSuccess(o => o.Retry.MaxAttempts = 7).AddInMemoryStores();
        using var provider = Build(services);
        using var scope = provider.CreateScope();
        var workspaces = scope.ServiceProvider.GetRequiredService<WorkspaceService>();
        var account = new AccountContext(PortalId.From(1), ServiceHubTier.Enterprise);

        var created = await workspaces.CreateTeamWorkspaceAsync(Actor.Manager(UserId.From(1)), account, "EMEA", null, []);
        var refused = await workspaces.CreateTeamWorkspaceAsync(Actor.Csm(UserId.From(2)), account, "APAC", null, []);

        Assert.True(created.IsSuccess);
        Assert.True(refused.IsFailure);
        Assert.IsType<WorkspaceCreated>(Assert.Single(subscriber.Seen));
        Assert.Equal(7, provider.GetRequiredService<ServiceContext>().Retry.MaxAttempts);
    }

    [Fact]
    [Trait("Rule", "72")]
    public void AddCustomerSuccess_InvalidOptions_ThrowAtRegistration()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ServiceCollection().AddCustomerSuccess(o => o.HealthScores.Professional = new HealthScoreLimits(0, 5)));
        Assert.Contains("at least one active score", ex.Message, StringComparison.Ordinal);
        var retry = Assert.Throws<ArgumentException>(() => new ServiceCollection().AddCustomerSuccess(o => o.Retry.MaxAttempts = 0));
        Assert.Contains("Retry", retry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddCustomerSuccess_NullArguments_Throw()
    {
        Assert.Equal("services", Assert.Throws<ArgumentNullException>(() => CustomerSuccessServiceCollectionExtensions.AddCustomerSuccess(null!)).ParamName);
        Assert.Equal("builder", Assert.Throws<ArgumentNullException>(() => InMemoryStoresBuilderExtensions.AddInMemoryStores(null!)).ParamName);
    }

    private sealed class Recorder : IDomainEventSubscriber
    {
        public List<IDomainEvent> Seen { get; } = [];

        public ValueTask HandleAsync(IDomainEvent domainEvent, CancellationToken cancellationToken)
        {
            Seen.Add(domainEvent);
            return ValueTask.CompletedTask;
        }
    }
}
