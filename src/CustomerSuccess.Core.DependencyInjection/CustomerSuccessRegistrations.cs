using System;
using CustomerSuccess.Core.Scores;
using CustomerSuccess.Core.Stores.InMemory;
using CustomerSuccess.Core.Records;
using CustomerSuccess.Core.Views;
using CustomerSuccess.Core.Workspaces;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomerSuccess.Core.DependencyInjection;

/// <summary>The per-area registrations behind <see cref="CustomerSuccessServiceCollectionExtensions.AddCustomerSuccess"/>.</summary>
internal static class CustomerSuccessRegistrations
{
    public static void Validate(CustomerSuccessOptions options)
    {
        if (options.HealthScores.Professional is null || options.HealthScores.Enterprise is null)
        {
            throw new ArgumentException("CustomerSuccessOptions.HealthScores needs limits for both Professional and Enterprise.", nameof(options));
        }

        if (options.HealthScores.Professional.MaxActive < 1 || options.HealthScores.Enterprise.MaxActive < 1)
        {
            throw new ArgumentException(
                $"CustomerSuccessOptions.HealthScores must allow at least one active score per tier (Professional: {options.HealthScores.Professional}, Enterprise: {options.HealthScores.Enterprise}).",
                nameof(options));
        }
    }

    public static void AddAreas(IServiceCollection services, CustomerSuccessOptions options)
    {
        if (options.UseInMemoryStores)
        {
            services.TryAddSingleton<IWorkspaceDirectoryStore, InMemoryWorkspaceDirectoryStore>();
            services.TryAddSingleton<IHealthScoreCatalogStore, InMemoryHealthScoreCatalogStore>();
            services.TryAddSingleton<IViewCatalogStore, InMemoryViewCatalogStore>();
            services.TryAddSingleton<IRecordQuery, InMemoryRecordQuery>();
        }

        services.TryAddSingleton(options.HealthScores);
        services.TryAddScoped<WorkspaceService>();
        services.TryAddScoped<HealthScoreCatalogService>();
        services.TryAddScoped<ViewService>();
    }
}
