using System;
using System.Diagnostics;
using System.Threading.Tasks;
using CustomerSuccess.Core.Crm;

namespace CustomerSuccess.Core.Benchmarks;

/// <summary>
/// <c>--scale sqlite|postgres N [all|stream]</c>: the scale figures of the EF Core store, one database per process so that
/// the peak memory (read it with <c>/usr/bin/time -v</c>) belongs to that database alone. <c>all</c>: load N customers
/// (skipped when loaded before), query a view's first page with its total, stream the scoring snapshot, and export the
/// same rows and discard them (each: first run, then the median of 5, with the managed bytes allocated). <c>stream</c>:
/// one snapshot stream only, so that the process's peak memory is that of the stream.
/// </summary>
public static class StoreScale
{
    public static async Task RunAsync(string database, int n, string what = "all")
    {
        var (stores, load) = database == "postgres" ? await StoreData.PostgreSqlAsync(n) : await StoreData.SqliteAsync(n);
        Console.WriteLine($"{database} N={n}: load {(load == TimeSpan.Zero ? "(loaded by an earlier run)" : $"{load.TotalSeconds:0.0} s")}");
        if (what == "stream")
        {
            GC.Collect();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var baseline = Process.GetCurrentProcess().WorkingSet64;
            var stopwatch = Stopwatch.StartNew();
            var read = await stores.Portfolios.ReadAsync(StoreData.Portal, CrmObjectType.Companies, StoreData.Schema);
            Console.WriteLine($"  one snapshot stream: {stopwatch.Elapsed.TotalMilliseconds:0} ms, {(GC.GetTotalAllocatedBytes(precise: true) - before) / (1024.0 * 1024):0.0} MiB allocated, "
                + $"{read.Snapshot.AccountCount} accounts × {read.Snapshot.BytesPerAccount} B held; working set before {baseline / (1024.0 * 1024):0} MiB, "
                + $"peak {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024):0} MiB");
            return;
        }

        var view = StoreData.ViewPage();
        await Measure("view page 1 of 25 with total", async () =>
        {
            var page = await stores.Records.QueryAsync(view);
            return $"{page.Items.Count} items, total {page.TotalCount}";
        });
        await Measure("scoring snapshot streamed", async () =>
        {
            var read = await stores.Portfolios.ReadAsync(StoreData.Portal, CrmObjectType.Companies, StoreData.Schema);
            return $"{read.Snapshot.AccountCount} accounts, {read.Snapshot.BytesPerAccount} B per account";
        });
        await Measure("same rows exported and discarded", async () => $"{await StoreData.ExportAndDiscardAsync(stores)} rows");
        Console.WriteLine($"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024):0} MiB");
    }

    private static async Task Measure(string what, Func<Task<string>> run)
    {
        var times = new double[6];
        string result = string.Empty;
        long allocated = 0;
        for (var i = 0; i < times.Length; i++)
        {
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var stopwatch = Stopwatch.StartNew();
            result = await run();
            times[i] = stopwatch.Elapsed.TotalMilliseconds;
            allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        }

        var warm = times[1..];
        Array.Sort(warm);
        Console.WriteLine($"  {what}: first {times[0]:0} ms, median of 5 {warm[2]:0} ms ({warm[0]:0}–{warm[^1]:0}); {allocated / (1024.0 * 1024):0.0} MiB allocated; {result}");
    }
}
