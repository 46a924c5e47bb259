using System;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using CustomerSuccess.Core.Crm;
using CustomerSuccess.Core.Stores.EntityFrameworkCore;

namespace CustomerSuccess.Core.Benchmarks;

/// <summary>
/// Streaming a portal's signals out of the store into the columnar snapshot, against the physical limit: the same rows
/// exported by the database's own bulk export and discarded (PostgreSQL: binary <c>COPY … TO STDOUT</c> read with every
/// field skipped; SQLite: the same <c>SELECT</c> stepped through with a data reader). N customers × 8 signals (about
/// 7.5 rows per customer after gaps). Needs CUSTOMERSUCCESS_POSTGRES; the data are loaded once and kept.
/// </summary>
[MemoryDiagnoser]
public class StoreStreamingBenchmarks
{
    private EntityFrameworkCoreStores _sqlite = null!;
    private EntityFrameworkCoreStores _postgres = null!;

    /// <summary>Customer counts: 100k, or the comma-separated list in BENCH_STORE_N.</summary>
    public static System.Collections.Generic.IEnumerable<int> Sizes =>
        (Environment.GetEnvironmentVariable("BENCH_STORE_N") ?? "100000")
            .Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(x => int.Parse(x, System.Globalization.CultureInfo.InvariantCulture));

    [ParamsSource(nameof(Sizes))]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [Benchmark(Baseline = true, Description = "PostgreSQL: binary COPY of the rows, read and discarded")]
    public long PostgreSqlExport() => StoreData.ExportAndDiscardAsync(_postgres).GetAwaiter().GetResult();

    [Benchmark(Description = "PostgreSQL: binary COPY streamed into the snapshot")]
    public int PostgreSqlSnapshot() => Read(_postgres);

    [Benchmark(Description = "SQLite: the same SELECT, rows stepped through and discarded")]
    public long SqliteExport() => StoreData.ExportAndDiscardAsync(_sqlite).GetAwaiter().GetResult();

    [Benchmark(Description = "SQLite: data reader streamed into the snapshot")]
    public int SqliteSnapshot() => Read(_sqlite);

    private static int Read(EntityFrameworkCoreStores stores) =>
        stores.Portfolios.ReadAsync(StoreData.Portal, CrmObjectType.Companies, StoreData.Schema).GetAwaiter().GetResult().Snapshot.AccountCount;

    private async Task SetupAsync()
    {
        (_sqlite, var sqliteLoad) = await StoreData.SqliteAsync(N);
        (_postgres, var postgresLoad) = await StoreData.PostgreSqlAsync(N);
        Console.WriteLine($"// loaded N={N}: SQLite {sqliteLoad}, PostgreSQL {postgresLoad} (zero: loaded by an earlier run)");

        // Both stores must give the same snapshot before anything is timed.
        var a = await _sqlite.Portfolios.ReadAsync(StoreData.Portal, CrmObjectType.Companies, StoreData.Schema);
        var b = await _postgres.Portfolios.ReadAsync(StoreData.Portal, CrmObjectType.Companies, StoreData.Schema);
        if (a.Snapshot.AccountCount != N || b.Snapshot.AccountCount != N || !a.RecordIds.SequenceEqual(b.RecordIds))
        {
            throw new InvalidOperationException($"the stores disagree on the accounts: {a.Snapshot.AccountCount} vs {b.Snapshot.AccountCount}");
        }

        for (var column = 0; column < StoreData.Schema.Count; column++)
        {
            for (var account = 0; account < N; account += 997)
            {
                if (!Equals(a.Snapshot.GetValue(column, account), b.Snapshot.GetValue(column, account)))
                {
                    throw new InvalidOperationException($"the stores disagree on signal {column} of account {account}");
                }
            }
        }

        Console.WriteLine($"// VERIFIED N={N}: SQLite and PostgreSQL snapshots agree ({a.Snapshot.BytesPerAccount} B per account)");
    }
}
