using System;
using CustomerSuccess.Core.Access;
using CustomerSuccess.Core.Alerts;
using CustomerSuccess.Core.Schedule;
using CustomerSuccess.Core.Scores;
using CustomerSuccess.Core.Tasks;
using CustomerSuccess.Core.Views;
using CustomerSuccess.Core.Workspaces;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;

namespace CustomerSuccess.Core.DependencyInjection;

/// <summary>The registrations behind <c>AddCustomerSuccess</c>, kept apart from the public extension class.</summary>
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

        if (options.Alerts is null)
        {
            throw new ArgumentException("CustomerSuccessOptions.Alerts must not be null.", nameof(options));
        }

        try
        {
            options.Alerts.Validate();
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"CustomerSuccessOptions.Alerts is not valid: {e.Message}", nameof(options), e);
        }

        try
        {
            options.Retry.Validate();
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"CustomerSuccessOptions.Retry is not valid: {e.Message}", nameof(options), e);
        }
    }

    public static void AddServices(IServiceCollection services, CustomerSuccessOptions options)
    {
        var retry = options.Retry.Clone();
        services.TryAddSingleton(new AccessPolicy(options.Access));
        services.TryAddSingleton<IDomainEventDispatcher>(sp => new DomainEventDispatcher(sp.GetServices<IDomainEventSubscriber>()));
        services.TryAddSingleton(sp => new ServiceContext(
            sp.GetRequiredService<AccessPolicy>(),
            sp.GetRequiredService<IClock>(),
            sp.GetRequiredService<IDomainEventDispatcher>(),
            retry));
        services.TryAddSingleton(options.HealthScores);
        services.TryAddSingleton(options.Alerts);

        // Constructor-activated, so that a missing store is named when the container is validated or the service resolved.
        services.TryAddScoped<WorkspaceService>();
        services.TryAddScoped<WorkspaceSettingsService>();
        services.TryAddScoped<HealthScoreCatalogService>();
        services.TryAddScoped<ViewService>();
        services.TryAddScoped<TaskService>();
        services.TryAddScoped<AlertService>();
        services.TryAddScoped<ScoreOverrideService>();
        services.TryAddScoped<ScheduleService>();
    }
}
