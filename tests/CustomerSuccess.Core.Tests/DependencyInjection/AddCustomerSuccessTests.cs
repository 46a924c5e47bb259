using System;
using CustomerSuccess.Core.Access;
using CustomerSuccess.Core.Scores;
using CustomerSuccess.Core.Stores.InMemory;
using CustomerSuccess.Core.Workspaces;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace CustomerSuccess.Core.Tests.DependencyInjection;

public sealed class AddCustomerSuccessTests
{
    private static ServiceProvider Build(IServiceCollection services) =>
        services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

    [Fact]
    public void AddCustomerSuccess_Defaults_RegistersEverythingResolvable()
    {
        var services = new ServiceCollection();
        Assert.Same(services, services.AddCustomerSuccess());
        using var provider = Build(services);
        using var scope = provider.CreateScope();

        Assert.Equal("SystemClock", provider.GetRequiredService<IClock>().GetType().Name);
        Assert.Same(provider.GetRequiredService<AccessPolicy>(), provider.GetRequiredService<AccessPolicy>());
        Assert.IsType<InMemoryWorkspaceDirectoryStore>(provider.GetRequiredService<IWorkspaceDirectoryStore>());
        Assert.IsType<InMemoryHealthScoreCatalogStore>(provider.GetRequiredService<IHealthScoreCatalogStore>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<WorkspaceService>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<HealthScoreCatalogService>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<CustomerSuccess.Core.Views.ViewService>());
        Assert.IsType<InMemoryViewCatalogStore>(provider.GetRequiredService<CustomerSuccess.Core.Views.IViewCatalogStore>());
    }

    [Fact]
    public void AddCustomerSuccess_ClockAndStoreRegisteredFirst_AreKept()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 11, 25, 0, 0));
        var store = new InMemoryWorkspaceDirectoryStore();
        var services = new ServiceCollection()
            .AddSingleton<IClock>(clock)
            .AddSingleton<IWorkspaceDirectoryStore>(store)
            .AddCustomerSuccess();
        using var provider = Build(services);

        Assert.Same(clock, provider.GetRequiredService<IClock>());
        Assert.Same(store, provider.GetRequiredService<IWorkspaceDirectoryStore>());
    }

    [Fact]
    public void AddCustomerSuccess_CalledTwice_RegistersOnce()
    {
        var services = new ServiceCollection().AddCustomerSuccess().AddCustomerSuccess();
        Assert.Single(services, d => d.ServiceType == typeof(IClock));
        Assert.Single(services, d => d.ServiceType == typeof(WorkspaceService));
    }

    [Fact]
    [Trait("Rule", "4")]
    public void AddCustomerSuccess_AccessOptions_ReachThePolicy_B3()
    {
        using var provider = Build(new ServiceCollection().AddCustomerSuccess(o => o.Access.SeatlessSuperAdminCanManageSettings = true));
        var policy = provider.GetRequiredService<AccessPolicy>();
        Assert.True(policy.Can(Actor.SuperAdmin(UserId.From(1), hasServiceSeat: false), new AccountContext(PortalId.From(1), ServiceHubTier.Enterprise), CsOperation.ManageWorkspaceSettings));
    }

    [Fact]
    public void AddCustomerSuccess_WithoutInMemoryStores_LeavesStoresToTheApp()
    {
        var services = new ServiceCollection().AddCustomerSuccess(o => o.UseInMemoryStores = false);
        Assert.DoesNotContain(services, d => d.ServiceType == typeof(IWorkspaceDirectoryStore));
        using var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();
        Assert.Throws<InvalidOperationException>(() => scope.ServiceProvider.GetRequiredService<WorkspaceService>());
    }

    [Fact]
    [Trait("Rule", "72")]
    public void AddCustomerSuccess_InvalidOptions_ThrowAtRegistration()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ServiceCollection().AddCustomerSuccess(o => o.HealthScores.Professional = new HealthScoreLimits(0, 5)));
        Assert.Contains("at least one active score", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddCustomerSuccess_NullServices_Throws() =>
        Assert.Equal("services", Assert.Throws<ArgumentNullException>(() => CustomerSuccessServiceCollectionExtensions.AddCustomerSuccess(null!)).ParamName);
}
