using System;
using CustomerSuccess.Core.Alerts;
using CustomerSuccess.Core.DependencyInjection;
using CustomerSuccess.Core.Records;
using CustomerSuccess.Core.Schedule;
using CustomerSuccess.Core.Scores;
using CustomerSuccess.Core.Stores.InMemory;
using CustomerSuccess.Core.Tasks;
using CustomerSuccess.Core.Views;
using CustomerSuccess.Core.Workspaces;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the in-memory stores of CustomerSuccess.Core.</summary>
public static class InMemoryStoresBuilderExtensions
{
    /// <summary>Registers the in-memory store of every port (singletons: they hold the data) unless one is registered
    /// already. For tests, demos and single-process tools; the data is gone when the process ends.</summary>
    /// <param name="builder">The builder <c>AddCustomerSuccess()</c> returned.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static CustomerSuccessBuilder AddInMemoryStores(this CustomerSuccessBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton<IWorkspaceDirectoryStore, InMemoryWorkspaceDirectoryStore>();
        services.TryAddSingleton<IWorkspaceConfigurationStore, InMemoryWorkspaceConfigurationStore>();
        services.TryAddSingleton<IHealthScoreCatalogStore, InMemoryHealthScoreCatalogStore>();
        services.TryAddSingleton<IViewCatalogStore, InMemoryViewCatalogStore>();
        services.TryAddSingleton<IAlertBookStore, InMemoryAlertBookStore>();
        services.TryAddSingleton<IScoreOverrideStore, InMemoryScoreOverrideStore>();
        services.TryAddSingleton(_ => new InMemoryRecordQuery());
        services.TryAddSingleton<IRecordQuery>(provider => provider.GetRequiredService<InMemoryRecordQuery>());
        services.TryAddSingleton<IRecordStore>(provider => provider.GetRequiredService<InMemoryRecordQuery>());

        // One instance is both the task store and the task query, so a query reads exactly what was saved.
        services.TryAddSingleton<InMemoryTaskStore>();
        services.TryAddSingleton<ITaskStore>(sp => sp.GetRequiredService<InMemoryTaskStore>());
        services.TryAddSingleton<ITaskQuery>(sp => sp.GetRequiredService<InMemoryTaskStore>());
        services.TryAddSingleton<IMeetingQuery>(_ => new InMemoryMeetingQuery());
        services.TryAddSingleton<IPlaybookUsageQuery>(_ => new InMemoryPlaybookUsageQuery());
        return builder;
    }
}
