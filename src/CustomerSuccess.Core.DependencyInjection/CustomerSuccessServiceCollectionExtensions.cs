using System;
using CustomerSuccess.Core.Access;
using CustomerSuccess.Core.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers CustomerSuccess.Core with a <see cref="IServiceCollection"/>.</summary>
public static class CustomerSuccessServiceCollectionExtensions
{
    /// <summary>
    /// Registers the clock, the access policy, the application services and (unless disabled) the in-memory stores of
    /// CustomerSuccess.Core.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the options; <see langword="null"/> keeps the defaults.</param>
    /// <returns>The same <paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The configured options are invalid (validated here, at registration).</exception>
    /// <remarks>
    /// <para>Every registration uses <c>TryAdd*</c>: register your own <see cref="IClock"/>, <see cref="AccessPolicy"/> or
    /// store before calling this method and yours is kept. The clock defaults to the system clock (the only place the
    /// library references it); tests register a <c>NodaTime.Testing.FakeClock</c> first.</para>
    /// <para>Lifetimes: the clock, the policy, the options and the in-memory stores are singletons (the in-memory stores
    /// hold the data); application services are scoped, so that a store registered as scoped (such as an EF Core
    /// context) is never captured by a singleton.</para>
    /// </remarks>
    public static IServiceCollection AddCustomerSuccess(this IServiceCollection services, Action<CustomerSuccessOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new CustomerSuccessOptions();
        configure?.Invoke(options);
        CustomerSuccessRegistrations.Validate(options);

        services.TryAddSingleton(options);
#pragma warning disable RS0030 // The one place where the system clock is referenced: the default registration of IClock.
        services.TryAddSingleton<IClock>(SystemClock.Instance);
#pragma warning restore RS0030
        services.TryAddSingleton(new AccessPolicy(options.Access));
        CustomerSuccessRegistrations.AddAreas(services, options);
        return services;
    }
}
