using System;
using CustomerSuccess.Core.DependencyInjection;
using CustomerSuccess.Core.Stores.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the EF Core stores of CustomerSuccess.Core.</summary>
public static class EntityFrameworkCoreStoresBuilderExtensions
{
    /// <summary>Registers the EF Core store of every port (singletons: each operation opens its own context) and
    /// <see cref="EntityFrameworkCoreStores"/> itself, unless registered already. Opens no connection: apply the
    /// migrations at start-up with <c>provider.GetRequiredService&lt;EntityFrameworkCoreStores&gt;().MigrateAsync()</c>.</summary>
    /// <param name="builder">The builder <c>AddCustomerSuccess()</c> returned.</param>
    /// <param name="configure">Configures the provider: <c>o =&gt; o.UseSqlite("Data Source=cs.db")</c> or
    /// <c>o =&gt; o.UseNpgsql(connectionString)</c>.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The configuration uses neither SQLite nor Npgsql.</exception>
    public static CustomerSuccessBuilder AddEntityFrameworkCoreStores(this CustomerSuccessBuilder builder, Action<DbContextOptionsBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        return builder.AddEntityFrameworkCoreStores(EntityFrameworkCoreStores.Create(configure));
    }

    /// <summary>Registers stores that are already open (for example from
    /// <see cref="EntityFrameworkCoreStores.OpenSqliteAsync"/>, which has applied the migrations): the store of every
    /// port and <see cref="EntityFrameworkCoreStores"/> itself, each unless registered already.</summary>
    /// <param name="builder">The builder <c>AddCustomerSuccess()</c> returned.</param>
    /// <param name="stores">The stores.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="stores"/> is <see langword="null"/>.</exception>
    public static CustomerSuccessBuilder AddEntityFrameworkCoreStores(this CustomerSuccessBuilder builder, EntityFrameworkCoreStores stores)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(stores);
        var services = builder.Services;
        services.TryAddSingleton(stores);
        services.TryAddSingleton(stores.WorkspaceDirectories);
        services.TryAddSingleton(stores.WorkspaceConfigurations);
        services.TryAddSingleton(stores.ViewCatalogs);
        services.TryAddSingleton(stores.HealthScoreCatalogs);
        services.TryAddSingleton(stores.AlertBooks);
        services.TryAddSingleton(stores.ScoreOverrides);
        services.TryAddSingleton(stores.Records);
        services.TryAddSingleton(stores.RecordStore);
        services.TryAddSingleton(stores.TaskStore);
        services.TryAddSingleton(stores.Tasks);
        services.TryAddSingleton(stores.Outbox);
        return builder;
    }
}
