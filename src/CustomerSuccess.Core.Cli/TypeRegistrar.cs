using System;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console.Cli;

namespace CustomerSuccess.Core.Cli;

/// <summary>Lets Spectre.Console.Cli build commands from a Microsoft.Extensions.DependencyInjection container.</summary>
internal sealed class TypeRegistrar(IServiceCollection services) : ITypeRegistrar
{
    public ITypeResolver Build() => new TypeResolver(services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));

    public void Register(Type service, Type implementation) => services.AddScoped(service, implementation);

    public void RegisterInstance(Type service, object implementation) => services.AddSingleton(service, implementation);

    public void RegisterLazy(Type service, Func<object> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        services.AddSingleton(service, _ => factory());
    }

    /// <summary>One command runs per process, so the whole run is one scope: scoped application services
    /// (WorkspaceService, HealthScoreCatalogService) resolve from it.</summary>
    private sealed class TypeResolver(ServiceProvider provider) : ITypeResolver, IDisposable
    {
        private readonly IServiceScope _scope = provider.CreateScope();

        public object? Resolve(Type? type) => type is null ? null : _scope.ServiceProvider.GetService(type);

        public void Dispose()
        {
            _scope.Dispose();
            provider.Dispose();
        }
    }
}
