using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CustomerSuccess.Core.Stores.EntityFrameworkCore.Tests;

/// <summary>
/// Fresh databases for tests: a SQLite file in a temporary folder, or a PostgreSQL database copied from a migrated
/// template. PostgreSQL needs <see cref="ConnectionVariable"/> (an Npgsql connection string whose user may create
/// databases); without it the PostgreSQL tests are skipped with that reason, except on CI (<c>CI=true</c>), where they
/// fail: CI must run them.
/// </summary>
internal static class TestDatabases
{
    public const string ConnectionVariable = "CUSTOMERSUCCESS_POSTGRES";

    private static readonly string SqliteFolder = Path.Combine(Path.GetTempPath(), "customersuccess-tests-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
    private static readonly SemaphoreSlim TemplateGate = new(1, 1);
    private static readonly string TemplateName = "cs_kit_template_" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
    private static bool _templateReady;

    /// <summary>Gets the server's connection string, or skips (locally) or fails (on CI) when it is not set.</summary>
    public static string PostgreSqlServer()
    {
        var connection = Environment.GetEnvironmentVariable(ConnectionVariable);
        if (!string.IsNullOrWhiteSpace(connection))
        {
            return connection;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"CI=true but {ConnectionVariable} is not set: the PostgreSQL tests must run on CI (.ci/run starts a server and sets it).");
        }

        throw new SkipException($"PostgreSQL is not configured: set {ConnectionVariable} to an Npgsql connection string (user allowed to create databases) to run these tests.");
    }

    /// <summary>Creates a new SQLite database file, migrated, in write-ahead-log mode.</summary>
    public static async Task<EntityFrameworkCoreStores> SqliteAsync(Action<string>? created = null)
    {
        Directory.CreateDirectory(SqliteFolder);
        var path = Path.Combine(SqliteFolder, Guid.NewGuid().ToString("N") + ".db");
        created?.Invoke(path);
        var stores = EntityFrameworkCoreStores.Create(o => o.UseSqlite($"Data Source={path};Pooling=False"));
        await stores.MigrateAsync();
        await using var context = stores.CreateDbContext();
        await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        return stores;
    }

    /// <summary>Deletes a SQLite test database and its side files.</summary>
    public static void DeleteSqlite(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>Creates a new PostgreSQL database from the migrated template and returns its stores.</summary>
    public static async Task<(EntityFrameworkCoreStores Stores, string Database)> PostgreSqlAsync()
    {
        var server = PostgreSqlServer();
        await EnsureTemplateAsync(server);
        var name = "cs_kit_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(server, $"CREATE DATABASE \"{name}\" TEMPLATE \"{TemplateName}\"");
        var connection = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
        return (EntityFrameworkCoreStores.Create(o => o.UseNpgsql(connection)), name);
    }

    /// <summary>Creates an empty PostgreSQL database (no schema) and returns its connection string.</summary>
    public static async Task<(string ConnectionString, string Database)> EmptyPostgreSqlAsync()
    {
        var server = PostgreSqlServer();
        var name = "cs_kit_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(server, $"CREATE DATABASE \"{name}\"");
        return (new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString(), name);
    }

    /// <summary>Drops a PostgreSQL test database, closing its connections.</summary>
    public static Task DropPostgreSqlAsync(string database) =>
        ExecuteAsync(PostgreSqlServer(), $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");

    private static async Task EnsureTemplateAsync(string server)
    {
        await TemplateGate.WaitAsync();
        try
        {
            if (_templateReady)
            {
                return;
            }

            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{TemplateName}\" WITH (FORCE)");
            await ExecuteAsync(server, $"CREATE DATABASE \"{TemplateName}\"");
            var template = new NpgsqlConnectionStringBuilder(server) { Database = TemplateName, Pooling = false }.ToString();
            await EntityFrameworkCoreStores.Create(o => o.UseNpgsql(template)).MigrateAsync();
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                try
                {
                    ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{TemplateName}\" WITH (FORCE)").GetAwaiter().GetResult();
                }
                catch (NpgsqlException)
                {
                }
            };
            _templateReady = true;
        }
        finally
        {
            TemplateGate.Release();
        }
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        var admin = new NpgsqlConnectionStringBuilder(server) { Pooling = false }.ToString();
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>Keeps the databases a test class instance created and deletes them when xUnit disposes the instance.</summary>
internal sealed class TestDatabaseScope : IAsyncDisposable
{
    private readonly ConcurrentBag<string> _sqlite = [];
    private readonly ConcurrentBag<string> _postgres = [];

    public Task<EntityFrameworkCoreStores> SqliteAsync() => TestDatabases.SqliteAsync(_sqlite.Add);

    public async Task<EntityFrameworkCoreStores> PostgreSqlAsync()
    {
        var (stores, database) = await TestDatabases.PostgreSqlAsync();
        _postgres.Add(database);
        return stores;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var path in _sqlite)
        {
            TestDatabases.DeleteSqlite(path);
        }

        foreach (var database in _postgres)
        {
            await TestDatabases.DropPostgreSqlAsync(database);
        }
    }
}
