using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using CustomerSuccess.Core.Access;
using CustomerSuccess.Core.Records;
using CustomerSuccess.Core.Stores.InMemory;
using CustomerSuccess.Core.Tasks;
using NodaTime;

namespace CustomerSuccess.Core.Benchmarks;

/// <summary>Tasks of one portal for the task benchmarks: due within ±60 days of <see cref="Now"/>, a fifth of them
/// completed, spread over <see cref="Users"/> assignees (user 1 is the viewer), of every type and priority.</summary>
public static class TaskData
{
    public const int Users = 20;

    public static readonly PortalId Portal = PortalId.From(1);
    public static readonly AccountContext Account = new(Portal, ServiceHubTier.Enterprise);
    public static readonly Instant Now = Instant.FromUtc(2025, 3, 28, 9, 0);
    public static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
    public static readonly Actor Viewer = Actor.Manager(UserId.From(1));

    /// <summary>Fills a store with <paramref name="count"/> tasks; <paramref name="allOpenForViewer"/> makes every task
    /// an open task of the viewer (the bulk benchmark's selection).</summary>
    public static InMemoryTaskStore Fill(int count, bool allOpenForViewer)
    {
        var store = new InMemoryTaskStore();
        foreach (var state in Generate(count, allOpenForViewer))
        {
            var saved = store.SaveAsync(state.Key, state, VersionToken.None, []).GetAwaiter().GetResult();
            if (saved.IsFailure)
            {
                throw new InvalidOperationException(saved.Error!.ToString());
            }
        }

        return store;
    }

    /// <summary>The tasks <see cref="Fill"/> stores, ids 1 … <paramref name="count"/> (any store's first ids).</summary>
    public static IEnumerable<TaskState> Generate(int count, bool allOpenForViewer)
    {
        var random = new SplitMix64(42);
        for (var i = 1; i <= count; i++)
        {
            var due = Now + Duration.FromMinutes((long)((random.NextDouble() - 0.5) * 120 * 24 * 60));
            yield return new TaskState
            {
                PortalId = Portal,
                Id = TaskId.From(i),
                Title = "Task " + i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Type = (TaskType)(i % 4 + 1),
                Priority = (TaskPriority)(i % 4),
                AssigneeId = allOpenForViewer ? Viewer.UserId : UserId.From(random.NextInt(Users) + 1),
                DueAt = due,
                CompletedAt = !allOpenForViewer && random.NextDouble() < 0.2 ? due : null,
                CreatedBy = Viewer.UserId,
                CreatedAt = Now - Duration.FromDays(90),
            };
        }
    }

    public static ServiceContext Context() => new(AccessPolicy.Default, new FixedClock(Now));

    public static TaskService Service(InMemoryTaskStore store) => Service(store, store);

    public static TaskService Service(ITaskStore store, ITaskQuery query) =>
        new(store, query, new InMemoryViewCatalogStore(), new InMemoryWorkspaceDirectoryStore(), Context());

    public static TaskListRequest AllOpen => new(TaskViewRef.Default(DefaultTaskView.AllOpen), Berlin, PageRequest.First(50));

    private sealed class FixedClock(Instant now) : IClock
    {
        public Instant GetCurrentInstant() => now;
    }
}

/// <summary>The five default task views over 1M tasks in the in-memory task query: one page of 50 and the total, for
/// the viewer's own tasks (what the task index shows, about 1 in 20) and for every user's tasks.</summary>
[MemoryDiagnoser]
public class TaskViewBenchmarks
{
    private InMemoryTaskStore _store = null!;

    [Params(1_000_000)]
    public int Tasks { get; set; }

    [ParamsAllValues]
    public DefaultTaskView View { get; set; }

    [Params(true, false)]
    public bool ViewersOwn { get; set; }

    [GlobalSetup]
    public void Setup() => _store = TaskData.Fill(Tasks, allOpenForViewer: false);

    [Benchmark]
    public Task<TaskPage> DefaultView() => _store.QueryAsync(new TaskQuery(
        TaskData.Portal,
        new DefaultTaskViewSpec(View, TaskData.Now, TaskData.Berlin, ViewersOwn ? TaskData.Viewer.UserId : null),
        PageRequest.First(50)));
}

/// <summary>A bulk "mark completed" of every open task of the viewer ("Select all [n] tasks"), 100k tasks, through the
/// task service: counted, then read and changed 500 at a time, one compare-and-set and one event per task.</summary>
[MemoryDiagnoser]
public class TaskBulkBenchmarks
{
    private TaskService _service = null!;

    [Params(100_000)]
    public int Tasks { get; set; }

    [IterationSetup]
    public void Setup() => _service = TaskData.Service(TaskData.Fill(Tasks, allOpenForViewer: true));

    [Benchmark]
    public async Task<TaskBulkReport> BulkComplete()
    {
        var report = await _service.ApplyBulkActionAsync(TaskData.Viewer, TaskData.Account, TaskBulkAction.MarkCompleted, TaskSelection.AllMatching(TaskData.AllOpen, Tasks));
        return report.Value.Changed == Tasks ? report.Value : throw new InvalidOperationException(report.ToString());
    }

    /// <summary><c>--tasks-profile N</c>: one bulk complete of N tasks with a Stopwatch, the bytes allocated, and the
    /// managed heap's growth over the filled store measured after every batch (its peak is the action's working memory).</summary>
    public static void Profile(int count)
    {
        for (var run = 1; run <= 3; run++)
        {
            var store = TaskData.Fill(count, allOpenForViewer: true);
            var service = TaskData.Service(store);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var baseline = GC.GetTotalMemory(forceFullCollection: true);
            long peak = 0;
            var progress = new Peak(() => peak = Math.Max(peak, GC.GetTotalMemory(false) - baseline));
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var stopwatch = System.Diagnostics.Stopwatch.StartNew();
            var report = service.ApplyBulkActionAsync(TaskData.Viewer, TaskData.Account, TaskBulkAction.MarkCompleted, TaskSelection.AllMatching(TaskData.AllOpen, count), progress).GetAwaiter().GetResult();
            stopwatch.Stop();
            allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
            Console.WriteLine(
                $"run {run}: {count:N0} tasks, {report.Value.Changed:N0} changed in {stopwatch.Elapsed.TotalSeconds:F2} s; " +
                $"allocated {allocated / 1_048_576.0:F0} MiB ({allocated / (double)count:F0} B per task); " +
                $"store after fill {baseline / 1_048_576.0:F0} MiB; peak heap growth during the action {peak / 1_048_576.0:F0} MiB; outbox {store.Outbox.Count:N0} events");
        }
    }

    private sealed class Peak(Action measure) : IProgress<TaskBulkProgress>
    {
        public void Report(TaskBulkProgress value) => measure();
    }
}
