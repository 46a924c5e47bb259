using System;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerSuccess.Core.DependencyInjection;

/// <summary>
/// What <see cref="CustomerSuccessServiceCollectionExtensions.AddCustomerSuccess"/> returns: the service collection, for
/// the store packages to extend (<c>.AddInMemoryStores()</c>, <c>.AddEntityFrameworkCoreStores(...)</c>), in the style of
/// ASP.NET Core Identity's <c>IdentityBuilder</c>.
/// </summary>
/// <remarks>Every application service needs its stores; a container built without a store registration fails when the
/// service is validated (<c>ServiceProviderOptions.ValidateOnBuild</c>, the generic host's default in Development) or first
/// resolved, with a message naming the missing port, e.g. <c>IWorkspaceDirectoryStore</c>.</remarks>
public sealed class CustomerSuccessBuilder
{
    /// <summary>Initializes a builder.</summary>
    /// <param name="services">The service collection.</param>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public CustomerSuccessBuilder(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        Services = services;
    }

    /// <summary>Gets the service collection the library is registered in.</summary>
    public IServiceCollection Services { get; }
}
