using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.Core.Records;
using CustomerSuccess.Core.Scores;
using CustomerSuccess.Core.Tasks;
using CustomerSuccess.Core.Views;
using CustomerSuccess.Core.Workspaces;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CustomerSuccess.Core.Stores.EntityFrameworkCore;

/// <summary>
/// Every store of the library on one EF Core database (SQLite or PostgreSQL): the aggregate stores and the task store
/// with their outbox, the task query, the record query and record store, and the portfolio snapshot reader.
/// </summary>
/// <remarks>
/// <para>Open a SQLite file with <see cref="OpenSqliteAsync"/> (creates or upgrades the schema), a PostgreSQL database
/// with <see cref="OpenPostgreSqlAsync"/>, or any configuration with <see cref="Create"/> followed by
/// <see cref="MigrateAsync"/>. In an application with dependency injection, use
/// <c>services.AddCustomerSuccess().AddEntityFrameworkCoreStores(o =&gt; o.UseSqlite(...))</c>.</para>
/// <threadsafety>Thread-safe: every operation of every store uses its own context and connection.</threadsafety>
/// </remarks>
public sealed class EntityFrameworkCoreStores
{
    private readonly StoreContextFactory _contexts;
    private readonly EntityFrameworkCoreRecordStore _records;
    private readonly EntityFrameworkCoreTaskStore _tasks;

    private EntityFrameworkCoreStores(StoreContextFactory contexts)
    {
        _contexts = contexts;
        _records = new EntityFrameworkCoreRecordStore(contexts);
        _tasks = new EntityFrameworkCoreTaskStore(contexts);
        WorkspaceDirectories = new EntityFrameworkCoreWorkspaceDirectoryStore(contexts);
        WorkspaceConfigurations = new EntityFrameworkCoreWorkspaceConfigurationStore(contexts);
        ViewCatalogs = new EntityFrameworkCoreViewCatalogStore(contexts);
        HealthScoreCatalogs = new EntityFrameworkCoreHealthScoreCatalogStore(contexts);
        AlertBooks = new EntityFrameworkCoreAlertBookStore(contexts);
        ScoreOverrides = new EntityFrameworkCoreScoreOverrideStore(contexts);
        Outbox = new EntityFrameworkCoreOutbox(contexts);
        Portfolios = new PortfolioSnapshotReader(contexts);
    }

    /// <summary>Gets the database the stores run on.</summary>
    public StoreProvider Provider => _contexts.Provider;

    /// <summary>Gets the workspace directory store.</summary>
    public IWorkspaceDirectoryStore WorkspaceDirectories { get; }

    /// <summary>Gets the workspace configuration store.</summary>
    public IWorkspaceConfigurationStore WorkspaceConfigurations { get; }

    /// <summary>Gets the view catalogue store.</summary>
    public IViewCatalogStore ViewCatalogs { get; }

    /// <summary>Gets the health-score catalogue store.</summary>
    public IHealthScoreCatalogStore HealthScoreCatalogs { get; }

    /// <summary>Gets the alert book store (one document per portal).</summary>
    public Alerts.IAlertBookStore AlertBooks { get; }

    /// <summary>Gets the store of manual score overrides (one document per portal).</summary>
    public IScoreOverrideStore ScoreOverrides { get; }

    /// <summary>Gets the record query (views list records through it).</summary>
    public IRecordQuery Records => _records;

    /// <summary>Gets the record store (the integration feeds records through it).</summary>
    public IRecordStore RecordStore => _records;

    /// <summary>Gets the task store (the task service saves each task through it).</summary>
    public ITaskStore TaskStore => _tasks;

    /// <summary>Gets the task query over the same tasks (task views, progress, the schedule and bulk actions read
    /// through it).</summary>
    public ITaskQuery Tasks => _tasks;

    /// <summary>Gets the outbox of every aggregate store and of the task store.</summary>
    public EntityFrameworkCoreOutbox Outbox { get; }

    /// <summary>Gets the reader that streams a portal's signals into a columnar portfolio snapshot.</summary>
    public PortfolioSnapshotReader Portfolios { get; }

    /// <summary>Creates the stores over a configuration; opens no connection.</summary>
    /// <param name="configure">Configures the provider: <c>o =&gt; o.UseSqlite("Data Source=cs.db")</c> or
    /// <c>o =&gt; o.UseNpgsql(connectionString)</c> (Npgsql's NodaTime plugin is added).</param>
    /// <returns>The stores.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="configure"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The configuration uses neither SQLite nor Npgsql.</exception>
    public static EntityFrameworkCoreStores Create(Action<DbContextOptionsBuilder> configure) => new(StoreContextFactory.From(configure));

    /// <summary>Opens (creating it if needed) a SQLite database file, applies the shipped migrations and switches it to
    /// write-ahead logging, so that readers do not wait for writers.</summary>
    /// <param name="path">The database file.</param>
    /// <param name="cancellationToken">Cancels the migration.</param>
    /// <returns>The stores.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null, empty or white space.</exception>
    public static async Task<EntityFrameworkCoreStores> OpenSqliteAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = full, Pooling = true }.ToString();
        var stores = Create(o => o.UseSqlite(connectionString));
        await stores.MigrateAsync(cancellationToken).ConfigureAwait(false);
        await using var context = stores.CreateDbContext();
        await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
        return stores;
    }

    /// <summary>Opens a PostgreSQL database and applies the shipped migrations.</summary>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <param name="cancellationToken">Cancels the migration.</param>
    /// <returns>The stores.</returns>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> is null, empty or white space.</exception>
    public static async Task<EntityFrameworkCoreStores> OpenPostgreSqlAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var stores = Create(o => o.UseNpgsql(connectionString));
        await stores.MigrateAsync(cancellationToken).ConfigureAwait(false);
        return stores;
    }

    /// <summary>Creates the database if needed and applies every shipped migration of the provider.</summary>
    /// <param name="cancellationToken">Cancels the migration.</param>
    /// <returns>A task.</returns>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var context = CreateDbContext();
        await context.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates a context on the stores' database, for an application's own queries, a
    /// <see cref="RepositoryBase{T}"/>, or migrations. The caller disposes it.</summary>
    /// <returns>A new context (<see cref="SqliteCustomerSuccessDbContext"/> or <see cref="PostgreSqlCustomerSuccessDbContext"/>).</returns>
    public CustomerSuccessDbContext CreateDbContext() => _contexts.Create();
}
