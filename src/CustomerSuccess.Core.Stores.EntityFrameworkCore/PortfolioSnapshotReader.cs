using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.Core.Crm;
using CustomerSuccess.Core.HealthScores;
using CustomerSuccess.Core.HealthScores.Snapshots;
using CustomerSuccess.Core.Records;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Npgsql;
using NpgsqlTypes;

namespace CustomerSuccess.Core.Stores.EntityFrameworkCore;

/// <summary>A portfolio snapshot read from a store, with the record each account is.</summary>
/// <param name="Snapshot">The columnar snapshot: account <c>i</c> is record <c>RecordIds[i]</c>.</param>
/// <param name="RecordIds">The record ids in account order (ascending).</param>
public sealed record PortfolioRead(PortfolioSnapshot Snapshot, IReadOnlyList<RecordId> RecordIds);

/// <summary>
/// Streams the signals of a portal's records straight out of the database into a columnar
/// <see cref="PortfolioSnapshot"/>: no entity is materialised, and memory is what the snapshot holds.
/// </summary>
/// <remarks>
/// <para>Each signal of the schema is the bag property of the same name (<c>cs_record_properties</c>), read from the
/// column of its type: numbers from <c>number_value</c>, texts from <c>text_value</c>, dates from <c>date_value</c>
/// (the instant's calendar date in the given zone), yes/no from <c>bool_value</c>; a missing row, a <c>NULL</c> or a
/// value in another column is a missing signal. Every record of the portal and object is an account, in id order.</para>
/// <para>PostgreSQL: one <c>COPY (SELECT …) TO STDOUT (FORMAT BINARY)</c> read with Npgsql's binary exporter. SQLite: one
/// <c>SELECT</c> read with a forward-only data reader. Both are a left join of the records with their signal rows,
/// ordered by record id, with the signal's index computed in SQL so that no name is compared per row.</para>
/// <threadsafety>Thread-safe: every read uses its own context.</threadsafety>
/// </remarks>
public sealed class PortfolioSnapshotReader
{
    private readonly StoreContextFactory _contexts;

    internal PortfolioSnapshotReader(StoreContextFactory contexts) => _contexts = contexts;

    /// <summary>Reads the snapshot of one portal's records of one object.</summary>
    /// <param name="portalId">The portal.</param>
    /// <param name="objectType">The object whose records are the accounts (the workspace's customer object).</param>
    /// <param name="schema">The signals to read.</param>
    /// <param name="zone">The zone whose calendar dates date signals take; <see langword="null"/> for UTC.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The snapshot and the record ids.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="schema"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="portalId"/> or <paramref name="objectType"/> is <c>default</c>.</exception>
    public async Task<PortfolioRead> ReadAsync(PortalId portalId, CrmObjectType objectType, PortfolioSchema schema, DateTimeZone? zone = null, CancellationToken cancellationToken = default)
    {
        RecordStoreArguments.CheckScope(portalId, objectType);
        ArgumentNullException.ThrowIfNull(schema);
        cancellationToken.ThrowIfCancellationRequested();
        zone ??= DateTimeZone.Utc;
        await using var context = _contexts.Create();
        var count = await context.Records.CountAsync(r => r.PortalId == portalId && r.ObjectType == objectType, cancellationToken).ConfigureAwait(false);
        var sink = new Sink(schema, count, zone);
        var sql = SignalQuery(portalId, objectType, schema, _contexts.Provider);
        var connection = context.Database.GetDbConnection();
        await context.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (connection is NpgsqlConnection npgsql)
            {
                await CopyAsync(npgsql, sql, sink, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await ReadAsync(connection, sql, sink, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            await context.Database.CloseConnectionAsync().ConfigureAwait(false);
        }

        return sink.Build();
    }

    /// <summary>Returns the SQL the reader runs (for <c>EXPLAIN</c>, or to measure the database's own export of the same
    /// rows): one row per (record, signal row), ordered by record id, with the columns id, signal index (<c>NULL</c>
    /// when the record has no signal row), number, text, date and yes/no value.</summary>
    /// <param name="portalId">The portal.</param>
    /// <param name="objectType">The object whose records are the accounts.</param>
    /// <param name="schema">The signals.</param>
    /// <param name="provider">The database.</param>
    /// <returns>The SQL, with every value written as a literal (PostgreSQL's <c>COPY</c> takes no parameters).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="schema"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="portalId"/> or <paramref name="objectType"/> is <c>default</c>.</exception>
    public static string SignalQuery(PortalId portalId, CrmObjectType objectType, PortfolioSchema schema, StoreProvider provider)
    {
        RecordStoreArguments.CheckScope(portalId, objectType);
        ArgumentNullException.ThrowIfNull(schema);
        var names = schema.Signals.Select(s => Literal(s.Name)).ToArray();
        var index = new StringBuilder("CASE p.\"name\"");
        for (var i = 0; i < names.Length; i++)
        {
            index.Append(CultureInfo.InvariantCulture, $" WHEN {names[i]} THEN {i}");
        }

        index.Append(" END");
        var number = provider == StoreProvider.PostgreSql ? "p.\"number_value\"::float8" : "p.\"number_value\"";
        var inList = names.Length == 0 ? "NULL" : string.Join(", ", names);
        return string.Create(CultureInfo.InvariantCulture, $"""
            SELECT r."id", {index}, {number}, p."text_value", p."date_value", p."bool_value"
            FROM "cs_records" r
            LEFT JOIN "cs_record_properties" p
              ON p."portal_id" = r."portal_id" AND p."object_type" = r."object_type" AND p."record_id" = r."id" AND p."name" IN ({inList})
            WHERE r."portal_id" = {portalId.Value} AND r."object_type" = {Literal(objectType.Name!)}
            ORDER BY r."id"
            """);
    }

    private static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static async Task CopyAsync(NpgsqlConnection connection, string sql, Sink sink, CancellationToken cancellationToken)
    {
        await using var export = await connection.BeginBinaryExportAsync($"COPY ({sql}) TO STDOUT (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
        while (await export.StartRowAsync(cancellationToken).ConfigureAwait(false) >= 0)
        {
            var id = await export.ReadAsync<long>(NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
            var signal = export.IsNull ? -1 : await export.ReadAsync<int>(NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
            if (signal < 0)
            {
                await export.SkipAsync(cancellationToken).ConfigureAwait(false);
            }

            var account = sink.Account(id);
            var type = signal < 0 ? (SignalType?)null : sink.TypeOf(signal);
            for (var column = 0; column < 4; column++)
            {
                if (type is not { } t || column != Column(t) || export.IsNull)
                {
                    await export.SkipAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                }

                switch (t)
                {
                    case SignalType.Number:
                        sink.Number(account, signal, await export.ReadAsync<double>(NpgsqlDbType.Double, cancellationToken).ConfigureAwait(false));
                        break;
                    case SignalType.Text:
                        sink.Text(account, signal, await export.ReadAsync<string>(NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false));
                        break;
                    case SignalType.Date:
                        sink.Date(account, signal, await export.ReadAsync<Instant>(NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false));
                        break;
                    default:
                        sink.Boolean(account, signal, await export.ReadAsync<bool>(NpgsqlDbType.Boolean, cancellationToken).ConfigureAwait(false));
                        break;
                }
            }
        }
    }

    private static async Task ReadAsync(DbConnection connection, string sql, Sink sink, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var account = sink.Account(reader.GetInt64(0));
            if (reader.IsDBNull(1))
            {
                continue;
            }

            var signal = reader.GetInt32(1);
            var type = sink.TypeOf(signal);
            var column = 2 + Column(type);
            if (reader.IsDBNull(column))
            {
                continue;
            }

            switch (type)
            {
                case SignalType.Number:
                    sink.Number(account, signal, reader.GetDouble(column));
                    break;
                case SignalType.Text:
                    sink.Text(account, signal, reader.GetString(column));
                    break;
                case SignalType.Date:
                    sink.Date(account, signal, Instant.FromUnixTimeTicks(reader.GetInt64(column)));
                    break;
                default:
                    sink.Boolean(account, signal, reader.GetBoolean(column));
                    break;
            }
        }
    }

    /// <summary>The value column (0 number, 1 text, 2 date, 3 yes/no, after the id and the signal index) of a type.</summary>
    private static int Column(SignalType type) => type switch
    {
        SignalType.Number => 0,
        SignalType.Text => 1,
        SignalType.Date => 2,
        _ => 3,
    };

    /// <summary>Appends accounts as record ids change and sets their signals.</summary>
    private sealed class Sink(PortfolioSchema schema, int capacity, DateTimeZone zone)
    {
        private readonly PortfolioSnapshotBuilder _builder = new(schema, capacity: capacity);
        private readonly SignalType[] _types = [.. schema.Signals.Select(s => s.Type)];
        private readonly List<RecordId> _ids = new(capacity);
        private long _current = long.MinValue;
        private int _account = -1;

        public SignalType TypeOf(int signal) => _types[signal];

        public int Account(long id)
        {
            if (id != _current)
            {
                _current = id;
                _account = _builder.AddAccount();
                _ids.Add(RecordId.From(id));
            }

            return _account;
        }

        public void Number(int account, int signal, double value) => _builder.SetNumber(account, signal, value);

        public void Text(int account, int signal, string value) => _builder.SetText(account, signal, value);

        public void Date(int account, int signal, Instant value) => _builder.SetDate(account, signal, value.InZone(zone).Date);

        public void Boolean(int account, int signal, bool value) => _builder.SetBoolean(account, signal, value);

        public PortfolioRead Build() => new(_builder.Build(), _ids);
    }
}
