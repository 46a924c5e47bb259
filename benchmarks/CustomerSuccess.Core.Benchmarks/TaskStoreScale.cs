using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using CustomerSuccess.Core.Persistence;
using CustomerSuccess.Core.Records;
using CustomerSuccess.Core.Stores.EntityFrameworkCore;
using CustomerSuccess.Core.Tasks;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CustomerSuccess.Core.Benchmarks;

/// <summary>
/// <c>--tasks-sqlite views N</c>: the five default task views over N tasks (<see cref="TaskData.Generate"/>) in the EF
/// Core task store on a SQLite file, page 1 of 50 with the total, for the viewer's own tasks and everyone's (each: first
/// run, then the median of 5, with the managed bytes allocated). The file is loaded once (one transaction of prepared
/// inserts of the rows and documents the store writes) and kept between runs.
/// <c>--tasks-sqlite bulk N</c>: a bulk "mark completed" of N open tasks of the viewer through the task service over the
/// EF Core task store, on a fresh SQLite file: the time, the managed heap's growth after every batch, and the process's
/// peak working set.
/// </summary>
public static class TaskStoreScale
{
    public static async Task RunAsync(string what, int n)
    {
        if (what == "bulk")
        {
            await BulkAsync(n);
            return;
        }

        var path = Path.Combine(Folder(), $"tasks-{n}.db");
        var stores = await EntityFrameworkCoreStores.OpenSqliteAsync(path);
        var load = await LoadIfEmptyAsync(stores, n, allOpenForViewer: false);
        Console.WriteLine($"sqlite tasks N={n}: load {(load == TimeSpan.Zero ? "(loaded by an earlier run)" : $"{load.TotalSeconds:0.0} s")}; file {new FileInfo(path).Length / (1024.0 * 1024):0} MiB");
        foreach (var own in new[] { true, false })
        {
            foreach (var view in Enum.GetValues<DefaultTaskView>())
            {
                var spec = new DefaultTaskViewSpec(view, TaskData.Now, TaskData.Berlin, own ? TaskData.Viewer.UserId : null);
                await StoreScale.Measure($"{(own ? "viewer's own" : "everyone's")} {DefaultTaskViewSpec.NameOf(view)}", async () =>
                {
                    var page = await stores.Tasks.QueryAsync(new TaskQuery(TaskData.Portal, spec, PageRequest.First(50)));
                    return $"{page.Items.Count} items, total {page.TotalCount}";
                });
            }
        }

        Console.WriteLine($"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024):0} MiB");
    }

    private static async Task BulkAsync(int n)
    {
        var path = Path.Combine(Folder(), $"tasks-bulk-{n}-{Environment.ProcessId}.db");
        try
        {
            var stores = await EntityFrameworkCoreStores.OpenSqliteAsync(path);
            var load = await LoadIfEmptyAsync(stores, n, allOpenForViewer: true);
            var service = TaskData.Service(stores.TaskStore, stores.Tasks);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var baseline = GC.GetTotalMemory(forceFullCollection: true);
            var workingSet = Process.GetCurrentProcess().WorkingSet64;
            long peak = 0;
            var progress = new Progress(() => peak = Math.Max(peak, GC.GetTotalMemory(false) - baseline));
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var stopwatch = Stopwatch.StartNew();
            var report = await service.ApplyBulkActionAsync(TaskData.Viewer, TaskData.Account, TaskBulkAction.MarkCompleted, TaskSelection.AllMatching(TaskData.AllOpen, n), progress);
            stopwatch.Stop();
            allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
            var peakWorkingSet = Process.GetCurrentProcess().PeakWorkingSet64;
            var open = await stores.Tasks.CountAsync(TaskData.Portal, new DefaultTaskViewSpec(DefaultTaskView.AllOpen, TaskData.Now, TaskData.Berlin));
            int outbox;
            await using (var context = stores.CreateDbContext())
            {
                outbox = await context.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM \"cs_outbox\"").SingleAsync();
            }

            Console.WriteLine(
                $"sqlite bulk complete: {n:N0} tasks (loaded in {load.TotalSeconds:0.0} s), {report.Value.Changed:N0} changed in {stopwatch.Elapsed.TotalSeconds:F1} s "
                + $"({stopwatch.Elapsed.TotalMilliseconds * 1000 / n:F0} µs per task); {open} left open; outbox {outbox:N0} events; "
                + $"allocated {allocated / 1_048_576.0:F0} MiB ({allocated / (double)n:F0} B per task); peak managed-heap growth {peak / 1_048_576.0:F0} MiB; "
                + $"working set before {workingSet / 1_048_576.0:F0} MiB, process peak up to the end of the action {peakWorkingSet / 1_048_576.0:F0} MiB");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    private static string Folder()
    {
        Directory.CreateDirectory(StoreData.Folder);
        return StoreData.Folder;
    }

    /// <summary>Loads the tasks (rows, documents, the id counter) in one transaction unless the file holds them.</summary>
    private static async Task<TimeSpan> LoadIfEmptyAsync(EntityFrameworkCoreStores stores, int n, bool allOpenForViewer)
    {
        await using var context = stores.CreateDbContext();
        var connection = (SqliteConnection)context.Database.GetDbConnection();
        await context.Database.OpenConnectionAsync();
        await using (var count = connection.CreateCommand())
        {
            count.CommandText = "SELECT COUNT(*) FROM \"cs_tasks\"";
            if (Convert.ToInt64(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture) == n)
            {
                return TimeSpan.Zero;
            }
        }

        var stopwatch = Stopwatch.StartNew();
        await using (var transaction = (SqliteTransaction)await connection.BeginTransactionAsync())
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "DELETE FROM \"cs_task_associations\"; DELETE FROM \"cs_tasks\"; DELETE FROM \"cs_task_ids\";";
            await insert.ExecuteNonQueryAsync();
            insert.CommandText = "INSERT INTO \"cs_tasks\" (\"portal_id\", \"id\", \"title\", \"type\", \"priority\", \"assignee_id\", \"due_at\", \"completed_at\", \"created_by\", \"created_at\", \"version\", \"document\") "
                + "VALUES ($portal, $id, $title, $type, $priority, $assignee, $due, $completed, $createdBy, $createdAt, 1, $document)";
            var names = new[] { "$portal", "$id", "$title", "$type", "$priority", "$assignee", "$due", "$completed", "$createdBy", "$createdAt", "$document" };
            foreach (var name in names)
            {
                insert.Parameters.Add(new SqliteParameter { ParameterName = name });
            }

            insert.Prepare();
            foreach (var task in TaskData.Generate(n, allOpenForViewer))
            {
                object[] values =
                [
                    task.PortalId.Value, task.Id.Value, task.Title, (int)task.Type, (int)task.Priority, (object?)task.AssigneeId?.Value ?? DBNull.Value,
                    task.DueAt.ToUnixTimeTicks(), (object?)task.CompletedAt?.ToUnixTimeTicks() ?? DBNull.Value, task.CreatedBy.Value, task.CreatedAt.ToUnixTimeTicks(),
                    Encoding.UTF8.GetString(PersistedForms.Task.Write(task.Key, task)),
                ];
                for (var i = 0; i < values.Length; i++)
                {
                    insert.Parameters[i].Value = values[i];
                }

                await insert.ExecuteNonQueryAsync();
            }

            insert.Parameters.Clear();
            insert.CommandText = $"INSERT INTO \"cs_task_ids\" (\"portal_id\", \"last_id\") VALUES ({TaskData.Portal.Value}, {n})";
            await insert.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }

        await using (var analyze = connection.CreateCommand())
        {
            analyze.CommandText = "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);";
            await analyze.ExecuteNonQueryAsync();
        }

        return stopwatch.Elapsed;
    }

    private sealed class Progress(Action measure) : IProgress<TaskBulkProgress>
    {
        public void Report(TaskBulkProgress value) => measure();
    }
}
