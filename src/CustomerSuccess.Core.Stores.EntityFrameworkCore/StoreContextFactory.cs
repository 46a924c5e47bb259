using System;
using Microsoft.EntityFrameworkCore;

namespace CustomerSuccess.Core.Stores.EntityFrameworkCore;

/// <summary>The database a store set runs on.</summary>
public enum StoreProvider
{
    /// <summary>SQLite (Microsoft.Data.Sqlite), the embedded default.</summary>
    Sqlite = 1,

    /// <summary>PostgreSQL through Npgsql.</summary>
    PostgreSql = 2,
}

/// <summary>Creates the provider's context from the options an application configured: one short-lived context per
/// store operation.</summary>
internal sealed class StoreContextFactory
{
    private readonly Func<CustomerSuccessDbContext> _create;

    private StoreContextFactory(StoreProvider provider, Func<CustomerSuccessDbContext> create)
    {
        Provider = provider;
        _create = create;
    }

    public StoreProvider Provider { get; }

    public CustomerSuccessDbContext Create() => _create();

    /// <summary>Applies the application's configuration, finds its provider (SQLite or Npgsql) and prepares that
    /// provider's context; for Npgsql it adds the NodaTime plugin.</summary>
    public static StoreContextFactory From(Action<DbContextOptionsBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var sqlite = new DbContextOptionsBuilder<SqliteCustomerSuccessDbContext>();
        configure(sqlite);
        string? providerName;
        using (var probe = new SqliteCustomerSuccessDbContext(sqlite.Options))
        {
            try
            {
                providerName = probe.Database.ProviderName;
            }
            catch (InvalidOperationException)
            {
                providerName = null;   // no provider configured at all
            }
        }

        if (providerName == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            var options = sqlite.Options;
            return new StoreContextFactory(StoreProvider.Sqlite, () => new SqliteCustomerSuccessDbContext(options));
        }

        if (providerName == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            var npgsql = new DbContextOptionsBuilder<PostgreSqlCustomerSuccessDbContext>();
            configure(npgsql);
            npgsql.UseNpgsql(o => o.UseNodaTime());
            var options = npgsql.Options;
            return new StoreContextFactory(StoreProvider.PostgreSql, () => new PostgreSqlCustomerSuccessDbContext(options));
        }

        throw new ArgumentException(
            $"The EF Core store runs on SQLite (UseSqlite) or PostgreSQL (UseNpgsql), not on '{providerName ?? "no provider"}'.", nameof(configure));
    }
}
