using System;
using CustomerSuccess.Core;
using CustomerSuccess.Core.Access;
using CustomerSuccess.Core.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers CustomerSuccess.Core with a <see cref="IServiceCollection"/>.</summary>
public static class CustomerSuccessServiceCollectionExtensions
{
    /// <summary>
    /// Registers the clock, the access policy, the event dispatcher and the application services of CustomerSuccess.Core.
    /// Add a store next: <c>.AddInMemoryStores()</c> (package CustomerSuccess.Core.Stores.InMemory) or
    /// <c>.AddEntityFrameworkCoreStores(...)</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the options; <see langword="null"/> keeps the defaults.</param>
    /// <returns>A builder over <paramref name="services"/> that the store packages extend.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The configured options are invalid (validated here, at registration).</exception>
    /// <remarks>
    /// <para>Every registration uses <c>TryAdd*</c>: register your own <see cref="IClock"/>, <see cref="AccessPolicy"/> or
    /// store before calling this method and yours is kept. The clock defaults to the system clock (the only place the
    /// library references it); tests register a <c>NodaTime.Testing.FakeClock</c> first.</para>
    /// <para>Lifetimes: the clock, the policy, the dispatcher, the <see cref="ServiceContext"/> and the options are
    /// singletons; application services are scoped, so that a store registered as scoped (such as an EF Core context) is
    /// never captured by a singleton. Register <see cref="IDomainEventSubscriber"/>s to react to the events of every
    /// successful command; they are called after the save, in registration order.</para>
    /// </remarks>
    public static CustomerSuccessBuilder AddCustomerSuccess(this IServiceCollection services, Action<CustomerSuccessOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new CustomerSuccessOptions();
        configure?.Invoke(options);
        CustomerSuccessRegistrations.Validate(options);

        services.TryAddSingleton(options);
#pragma warning disable RS0030 // The one place where the system clock is referenced: the default registration of IClock.
        services.TryAddSingleton<IClock>(SystemClock.Instance);
#pragma warning restore RS0030
        CustomerSuccessRegistrations.AddServices(services, options);
        return new CustomerSuccessBuilder(services);
    }
}
