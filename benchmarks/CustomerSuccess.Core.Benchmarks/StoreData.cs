using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading.Tasks;
using CustomerSuccess.Core.Crm;
using CustomerSuccess.Core.Filters;
using CustomerSuccess.Core.HealthScores;
using CustomerSuccess.Core.HealthScores.Snapshots;
using CustomerSuccess.Core.Records;
using CustomerSuccess.Core.Stores.EntityFrameworkCore;
using CustomerSuccess.Core.Views;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Npgsql;
using NpgsqlTypes;

namespace CustomerSuccess.Core.Benchmarks;

/// <summary>
/// The store benchmark's data: N customers (companies) of portal 1, each with a CSM owner, a create date and eight
/// signals in the property bag (nps, arr, seats, csat as numbers; tier, sentiment as text; renewal_date; strategic),
/// with gaps. Loaded in bulk (SQLite: one transaction of prepared inserts; PostgreSQL: binary <c>COPY … FROM STDIN</c>)
/// into a SQLite file and a PostgreSQL database named after N, and kept there between runs.
/// </summary>
public static class StoreData
{
    public static readonly PortalId Portal = PortalId.From(1);

    public static readonly PortfolioSchema Schema = new(
    [
        new SignalDefinition("nps", SignalType.Number),
        new SignalDefinition("arr", SignalType.Number),
        new SignalDefinition("seats", SignalType.Number),
        new SignalDefinition("csat", SignalType.Number),
        new SignalDefinition("tier", SignalType.Text),
        new SignalDefinition("sentiment", SignalType.Text),
        new SignalDefinition("renewal_date", SignalType.Date),
        new SignalDefinition("strategic", SignalType.Boolean),
    ]);

    private static readonly string[] Tiers = ["platinum", "gold", "silver", "bronze", "starter"];
    private static readonly string[] Sentiments = ["happy", "neutral", "unhappy"];
    private static readonly Instant Epoch = Instant.FromUtc(2025, 6, 30, 0, 0);

    /// <summary>The folder the store benchmarks keep their SQLite files in: $BENCH_STORE_DIR, or customersuccess-bench
    /// under the system's temporary folder.</summary>
    public static string Folder { get; } =
        Environment.GetEnvironmentVariable("BENCH_STORE_DIR") ?? Path.Combine(Path.GetTempPath(), "customersuccess-bench");

    public static string SqlitePath(int n) => Path.Combine(Folder, $"store-{n}.db");

    public static string? PostgreSqlConnection(int n)
    {
        var server = Environment.GetEnvironmentVariable("CUSTOMERSUCCESS_POSTGRES");
        return string.IsNullOrWhiteSpace(server) ? null : new NpgsqlConnectionStringBuilder(server) { Database = $"cs_bench_{n}", Pooling = true, CommandTimeout = 0 }.ToString();
    }

    /// <summary>Opens the SQLite store of N customers, loading it first if it is empty; returns the load time (zero when
    /// it was loaded before).</summary>
    public static async Task<(EntityFrameworkCoreStores Stores, TimeSpan Load)> SqliteAsync(int n)
    {
        var stores = await EntityFrameworkCoreStores.OpenSqliteAsync(SqlitePath(n));
        return (stores, await LoadIfEmptyAsync(stores, n));
    }

    /// <summary>Opens (creating the database if needed) the PostgreSQL store of N customers, loading it if empty.</summary>
    public static async Task<(EntityFrameworkCoreStores Stores, TimeSpan Load)> PostgreSqlAsync(int n)
    {
        var connection = PostgreSqlConnection(n) ?? throw new InvalidOperationException("Set CUSTOMERSUCCESS_POSTGRES to an Npgsql connection string to measure PostgreSQL.");
        var admin = new NpgsqlConnectionStringBuilder(connection) { Database = "postgres", Pooling = false }.ToString();
        await using (var server = new NpgsqlConnection(admin))
        {
            await server.OpenAsync();
            await using var exists = new NpgsqlCommand($"SELECT 1 FROM pg_database WHERE datname = 'cs_bench_{n}'", server);
            if (await exists.ExecuteScalarAsync() is null)
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE cs_bench_{n}", server);
                await create.ExecuteNonQueryAsync();
            }
        }

        var stores = await EntityFrameworkCoreStores.OpenPostgreSqlAsync(connection);
        return (stores, await LoadIfEmptyAsync(stores, n));
    }

    /// <summary>A view's page: customers of tier gold or platinum with an ARR above 50,000, sorted by ARR descending,
    /// page 1 of 25, with the total.</summary>
    public static RecordQuery ViewPage()
    {
        var schema = new CrmObjectSchema(CrmObjectType.Companies, [new CrmProperty("tier", CrmPropertyType.Text), new CrmProperty("arr", CrmPropertyType.Number)]);
        var filter = ViewFilter.And(
            ViewFilter.Condition("tier", FilterOperator.IsAnyOf, FilterValue.Text("gold"), FilterValue.Text("platinum")),
            ViewFilter.Condition("arr", FilterOperator.GreaterThan, FilterValue.Number(50_000)));
        var context = new FilterContext(UserId.From(1), Epoch, DateTimeZone.Utc);
        var spec = FilterCompiler.Compile(filter, new ViewSort("arr", SortDirection.Descending), RecordFilterTarget.For(schema), context).Value;
        return new RecordQuery(Portal, CrmObjectType.Companies, spec, PageRequest.First(25));
    }

    private static async Task<TimeSpan> LoadIfEmptyAsync(EntityFrameworkCoreStores stores, int n)
    {
        await using var context = stores.CreateDbContext();
        var connection = context.Database.GetDbConnection();
        await context.Database.OpenConnectionAsync();
        await using (var count = connection.CreateCommand())
        {
            count.CommandText = "SELECT COUNT(*) FROM \"cs_records\"";
            if (Convert.ToInt64(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture) == n)
            {
                return TimeSpan.Zero;
            }
        }

        await using (var clear = connection.CreateCommand())
        {
            clear.CommandText = "DELETE FROM \"cs_record_properties\"; DELETE FROM \"cs_records\";";
            await clear.ExecuteNonQueryAsync();
        }

        var stopwatch = Stopwatch.StartNew();
        if (connection is NpgsqlConnection npgsql)
        {
            await CopyInAsync(npgsql, n);
        }
        else
        {
            await InsertAsync((SqliteConnection)connection, n);
        }

        await using (var analyze = connection.CreateCommand())
        {
            analyze.CommandText = "ANALYZE";
            await analyze.ExecuteNonQueryAsync();
        }

        return stopwatch.Elapsed;
    }

    /// <summary>Generates customer <paramref name="id"/>: its owner, create date and signal rows (a null value is a gap:
    /// no row).</summary>
    private static (long Owner, Instant Created, List<(string Name, object Value)> Signals) Customer(SplitMix64 r, long id)
    {
        var signals = new List<(string, object)>(8);
        var health = Math.Sqrt(r.NextDouble());
        if (r.NextDouble() >= 0.25)
        {
            signals.Add(("nps", (decimal)Math.Round(health * 10)));
        }

        signals.Add(("arr", (decimal)Math.Round(5_000 + (r.NextDouble() * 200_000))));
        signals.Add(("seats", (decimal)(1 + r.NextInt(500))));
        if (r.NextDouble() >= 0.2)
        {
            signals.Add(("csat", (decimal)Math.Round(health * 5, 1)));
        }

        signals.Add(("tier", Tiers[r.NextInt(Tiers.Length)]));
        if (r.NextDouble() >= 0.1)
        {
            signals.Add(("sentiment", Sentiments[Math.Min(2, (int)((1 - health) * 3))]));
        }

        signals.Add(("renewal_date", Epoch + Duration.FromDays(r.NextInt(365))));
        signals.Add(("strategic", r.NextDouble() < 0.1));
        return (1 + (id % 50), Epoch - Duration.FromDays(r.NextInt(2000)), signals);
    }

    private static async Task InsertAsync(SqliteConnection connection, int n)
    {
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var record = connection.CreateCommand();
        record.Transaction = transaction;
        record.CommandText = "INSERT INTO \"cs_records\" (\"portal_id\", \"object_type\", \"id\", \"csm_owner_id\", \"created_at\") VALUES (1, 'companies', $id, $owner, $created)";
        var id = record.Parameters.Add("$id", SqliteType.Integer);
        var owner = record.Parameters.Add("$owner", SqliteType.Integer);
        var created = record.Parameters.Add("$created", SqliteType.Integer);
        await using var property = connection.CreateCommand();
        property.Transaction = transaction;
        property.CommandText = "INSERT INTO \"cs_record_properties\" (\"portal_id\", \"object_type\", \"record_id\", \"name\", \"text_value\", \"number_value\", \"date_value\", \"bool_value\") VALUES (1, 'companies', $id, $name, $text, $number, $date, $bool)";
        var pid = property.Parameters.Add("$id", SqliteType.Integer);
        var name = property.Parameters.Add("$name", SqliteType.Text);
        var text = property.Parameters.Add("$text", SqliteType.Text);
        var number = property.Parameters.Add("$number", SqliteType.Real);
        var date = property.Parameters.Add("$date", SqliteType.Integer);
        var flag = property.Parameters.Add("$bool", SqliteType.Integer);
        record.Prepare();
        property.Prepare();
        var r = new SplitMix64(42);
        for (long i = 1; i <= n; i++)
        {
            var (o, c, signals) = Customer(r, i);
            id.Value = i;
            owner.Value = o;
            created.Value = c.ToUnixTimeTicks();
            await record.ExecuteNonQueryAsync();
            foreach (var (signal, value) in signals)
            {
                pid.Value = i;
                name.Value = signal;
                text.Value = value is string s ? s : DBNull.Value;
                number.Value = value is decimal d ? (double)d : DBNull.Value;
                date.Value = value is Instant at ? at.ToUnixTimeTicks() : DBNull.Value;
                flag.Value = value is bool b ? (b ? 1 : 0) : DBNull.Value;
                await property.ExecuteNonQueryAsync();
            }
        }

        await transaction.CommitAsync();
    }

    private static async Task CopyInAsync(NpgsqlConnection connection, int n)
    {
        var r = new SplitMix64(42);
        var rows = new List<(long Id, string Name, object Value)>(n * 8);
        await using (var records = await connection.BeginBinaryImportAsync("COPY \"cs_records\" (\"portal_id\", \"object_type\", \"id\", \"csm_owner_id\", \"created_at\") FROM STDIN (FORMAT BINARY)"))
        {
            for (long i = 1; i <= n; i++)
            {
                var (o, c, signals) = Customer(r, i);
                await records.StartRowAsync();
                await records.WriteAsync(1L, NpgsqlDbType.Bigint);
                await records.WriteAsync("companies", NpgsqlDbType.Varchar);
                await records.WriteAsync(i, NpgsqlDbType.Bigint);
                await records.WriteAsync(o, NpgsqlDbType.Bigint);
                await records.WriteAsync(c, NpgsqlDbType.TimestampTz);
                foreach (var (name, value) in signals)
                {
                    rows.Add((i, name, value));
                }
            }

            await records.CompleteAsync();
        }

        await using var properties = await connection.BeginBinaryImportAsync("COPY \"cs_record_properties\" (\"portal_id\", \"object_type\", \"record_id\", \"name\", \"text_value\", \"number_value\", \"date_value\", \"bool_value\") FROM STDIN (FORMAT BINARY)");
        foreach (var (id, name, value) in rows)
        {
            await properties.StartRowAsync();
            await properties.WriteAsync(1L, NpgsqlDbType.Bigint);
            await properties.WriteAsync("companies", NpgsqlDbType.Varchar);
            await properties.WriteAsync(id, NpgsqlDbType.Bigint);
            await properties.WriteAsync(name, NpgsqlDbType.Varchar);
            await Write(properties, value as string, NpgsqlDbType.Text);
            await Write(properties, value is decimal d ? d : null, NpgsqlDbType.Numeric);
            await Write(properties, value is Instant at ? at : null, NpgsqlDbType.TimestampTz);
            await Write(properties, value is bool b ? b : null, NpgsqlDbType.Boolean);
        }

        await properties.CompleteAsync();
    }

    private static async Task Write(NpgsqlBinaryImporter importer, object? value, NpgsqlDbType type)
    {
        if (value is null)
        {
            await importer.WriteNullAsync();
        }
        else
        {
            await importer.WriteAsync(value, type);
        }
    }

    /// <summary>Reads the rows of the snapshot query with the database's own export and discards them: the floor any
    /// reader of the same rows stands on.</summary>
    public static async Task<long> ExportAndDiscardAsync(EntityFrameworkCoreStores stores)
    {
        var sql = PortfolioSnapshotReader.SignalQuery(Portal, CrmObjectType.Companies, Schema, stores.Provider);
        await using var context = stores.CreateDbContext();
        var connection = context.Database.GetDbConnection();
        await context.Database.OpenConnectionAsync();
        long rows = 0;
        if (connection is NpgsqlConnection npgsql)
        {
            await using var export = await npgsql.BeginBinaryExportAsync($"COPY ({sql}) TO STDOUT (FORMAT BINARY)");
            while (await export.StartRowAsync() >= 0)
            {
                for (var column = 0; column < 6; column++)
                {
                    await export.SkipAsync();
                }

                rows++;
            }

            return rows;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using DbDataReader reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows++;
        }

        return rows;
    }
}
