using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CustomerSuccess.Core.Access;
using CustomerSuccess.Core.Crm;
using CustomerSuccess.Core.Records;
using CustomerSuccess.Core.Specification;
using CustomerSuccess.Core.Stores.InMemory;
using CustomerSuccess.Core.Tasks;
using CustomerSuccess.Core.Views;
using CustomerSuccess.Core.Workspaces;
using NodaTime;
using NodaTime.Testing;

namespace CustomerSuccess.Core.Tests.Tasks;

internal static class TaskTestData
{
    public static readonly PortalId Portal = PortalId.From(100);
    public static readonly AccountContext Account = new(Portal, ServiceHubTier.Professional);
    public static readonly AccountContext OtherPortal = new(PortalId.From(200), ServiceHubTier.Professional);

    public static readonly Actor Csm1 = Actor.Csm(UserId.From(1));
    public static readonly Actor Csm2 = Actor.Csm(UserId.From(2));
    public static readonly Actor Manager = Actor.Manager(UserId.From(3));
    public static readonly Actor SuperAdmin = Actor.SuperAdmin(UserId.From(4), hasServiceSeat: true);
    public static readonly Actor SeatlessSuperAdmin = Actor.SuperAdmin(UserId.From(5), hasServiceSeat: false);

    /// <summary>The zones every time property runs across.</summary>
    public static readonly string[] ZoneIds = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Pacific/Chatham"];

    public static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
    public static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];
    public static readonly DateTimeZone Kolkata = DateTimeZoneProviders.Tzdb["Asia/Kolkata"];
    public static readonly DateTimeZone Chatham = DateTimeZoneProviders.Tzdb["Pacific/Chatham"];

    /// <summary>Friday 2025-03-28, 10:00 in Berlin (09:00 UTC); Berlin springs forward on Sunday 2025-03-30.</summary>
    public static readonly Instant Now = Instant.FromUtc(2025, 3, 28, 9, 0);

    public static readonly ViewCatalogKey TasksTab = ViewCatalogKey.Create(Portal, WorkspaceId.From(1), ViewTab.Tasks);

    public static readonly RecordReference Acme = new(CrmObjectType.Companies, RecordId.From(42));
    public static readonly RecordReference Jane = new(CrmObjectType.Contacts, RecordId.From(7));

    public static TaskDetails Details(string title = "Call Acme", Instant? due = null, TaskType type = TaskType.Call, Actor? assignee = null) =>
        new(title, type, due ?? Now + Duration.FromHours(3)) { AssigneeId = assignee?.UserId };

    public static TaskKey Key(long id) => TaskKey.Create(Portal, TaskId.From(id));

    public static TaskItem NewTask(long id = 1) => new(TaskItem.CreateInitialState(Key(id)), AccessPolicy.Default);

    /// <summary>A task created by <paramref name="creator"/>, restored afresh (no events recorded yet).</summary>
    public static TaskItem Created(Actor creator, TaskDetails details, long id = 1)
    {
        var task = NewTask(id);
        var created = task.Create(creator, Account, details, Now);
        Assert.True(created.IsSuccess, created.ToString());
        return new TaskItem(task.State, AccessPolicy.Default);
    }
}

/// <summary>The task, view and schedule services over in-memory stores and a fake clock.</summary>
internal sealed class TaskHarness
{
    public FakeClock Clock { get; } = new(TaskTestData.Now);

    public InMemoryTaskStore Tasks { get; } = new();

    public InMemoryViewCatalogStore Views { get; } = new();

    public InMemoryWorkspaceDirectoryStore Directories { get; } = new();

    public ServiceContext Context => new(AccessPolicy.Default, Clock, null, new CommandRetryOptions { MaxAttempts = 100 });

    public TaskService Service => new(Tasks, Tasks, Views, Directories, Context);

    public ViewService ViewService => new(Views, new InMemoryRecordQuery(), Directories, Context);

    public async Task<TaskState> CreateAsync(Actor actor, TaskDetails details)
    {
        var created = await Service.CreateTaskAsync(actor, TaskTestData.Account, details);
        Assert.True(created.IsSuccess, created.ToString());
        return created.Value.Output;
    }

    /// <summary>Every task of the portal, by id.</summary>
    public async Task<IReadOnlyList<TaskState>> AllAsync(PortalId? portal = null)
    {
        var all = new Specification<TaskState>();
        all.Query.OrderBy(t => t.Id);
        List<TaskState> tasks = [];
        for (var page = 1; ; page++)
        {
            var found = await Tasks.QueryAsync(new TaskQuery(portal ?? TaskTestData.Portal, all, PageRequest.Create(page, PageRequest.MaxPageSize)));
            tasks.AddRange(found.Items.Select(t => t.State));
            if (found.Items.Count < PageRequest.MaxPageSize)
            {
                return tasks;
            }
        }
    }
}
