using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.Core.Access;
using CustomerSuccess.Core.Crm;
using CustomerSuccess.Core.Filters;
using CustomerSuccess.Core.Records;
using CustomerSuccess.Core.Views;
using CustomerSuccess.Core.Workspaces;
using NodaTime;
using Xunit;

namespace CustomerSuccess.Core.Testing;

/// <summary>
/// The invariants that span records, driven through the application services under concurrent commands against a
/// store: at most five team workspaces (rule 26), a team in one workspace (rule 27), at most six default views, none
/// private (rules 36 and 44), and no lost view edit. A store passes only if its compare-and-set holds under real
/// contention.
/// </summary>
public abstract class ServiceInvariantConformance
{
    private static readonly AccountContext Account = new(PortalId.From(1), ServiceHubTier.Enterprise);
    private static readonly Actor Admin = Actor.SuperAdmin(UserId.From(1), hasServiceSeat: true);
    private static readonly ViewCatalogKey Customers = ViewCatalogKey.Create(PortalId.From(1), WorkspaceId.From(1), ViewTab.Customers);
    private static readonly FilterTarget<CrmRecord> Target = RecordFilterTarget.For(new CrmObjectSchema(CrmObjectType.Companies, []));

    /// <summary>Gets the number of commands raced at once.</summary>
    protected virtual int ParallelCommands => 50;

    /// <summary>Creates a fresh, empty workspace directory store.</summary>
    /// <returns>The store.</returns>
    protected abstract Task<IWorkspaceDirectoryStore> CreateWorkspaceDirectoryStoreAsync();

    /// <summary>Creates a fresh, empty view catalogue store.</summary>
    /// <returns>The store.</returns>
    protected abstract Task<IViewCatalogStore> CreateViewCatalogStoreAsync();

    /// <summary>Rule 26: <see cref="ParallelCommands"/> concurrent creations leave exactly five team workspaces; five
    /// succeed and every other is refused with <c>workspace.limit_reached</c>.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public virtual async Task Rule26_parallel_creations_leave_exactly_five_team_workspaces()
    {
        var service = new WorkspaceService(await CreateWorkspaceDirectoryStoreAsync(), Context());
        var results = await Race(ParallelCommands, i => service.CreateTeamWorkspaceAsync(Admin, Account, $"Workspace {i}", null, []));

        Assert.Equal(WorkspaceDirectory.MaxTeamWorkspaces, results.Count(r => r.IsSuccess));
        Assert.All(results.Where(r => r.IsFailure), r => Assert.Equal(WorkspaceErrors.LimitReachedCode, r.Error!.Code));
        var directory = (await service.GetDirectoryAsync(Admin, Account)).Value.State;
        Assert.Equal(WorkspaceDirectory.MaxTeamWorkspaces, directory.TeamWorkspaceCount);
    }

    /// <summary>Rule 27: one team raced into several workspaces ends in exactly one of them.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public virtual async Task Rule27_a_team_raced_into_several_workspaces_ends_in_one()
    {
        var service = new WorkspaceService(await CreateWorkspaceDirectoryStoreAsync(), Context());
        var ids = new List<WorkspaceId>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await service.CreateTeamWorkspaceAsync(Admin, Account, $"Workspace {i}", null, [])).Value.Output.Id);
        }

        var team = TeamId.From(77);
        var results = await Race(ParallelCommands, i => service.AddTeamAsync(Admin, Account, ids[i % ids.Count], team));

        var directory = (await service.GetDirectoryAsync(Admin, Account)).Value.State;
        Assert.Single(directory.Workspaces.Values, w => w.Teams.Contains(team));
        Assert.Contains(results, r => r.IsSuccess);
    }

    /// <summary>Rules 36 and 44: setting every view default while some are made private, concurrently, never leaves more
    /// than six defaults, nor a private default.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public virtual async Task Rules36_44_defaults_stay_at_most_six_and_never_private_under_contention()
    {
        var service = ViewService(await CreateViewCatalogStoreAsync(), await CreateWorkspaceDirectoryStoreAsync());
        var views = new List<ViewId>();
        for (var i = 0; i < 10; i++)
        {
            var created = await service.CreateViewAsync(Admin, Account, Customers, Definition($"View {i}", ViewSharing.Everyone), Target);
            views.Add(created.Value.Output.Id);
        }

        await Race(ParallelCommands, async i =>
        {
            var view = views[i % views.Count];
            return i % 3 == 0
                ? (await service.EditViewAsync(Admin, Account, Customers, view, Definition($"View {i % views.Count}", ViewSharing.Private), Target)).Map(_ => true)
                : (await service.SetDefaultViewAsync(Admin, Account, Customers, view, null)).Map(_ => true);
        });

        var visible = (await service.GetViewsAsync(Admin, Account, Customers)).Value.State;
        Assert.InRange(visible.DefaultViews.Count, 0, Views.ViewCatalog.MaxDefaultViews);
        Assert.All(visible.DefaultViews, v => Assert.Equal(ViewSharing.Everyone, v.Sharing));
    }

    /// <summary>Concurrent edits of different views of one catalogue are all kept: no edit is lost.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public virtual async Task No_view_edit_is_lost_under_contention()
    {
        var service = ViewService(await CreateViewCatalogStoreAsync(), await CreateWorkspaceDirectoryStoreAsync());
        var views = new List<ViewId>();
        for (var i = 0; i < 10; i++)
        {
            views.Add((await service.CreateViewAsync(Admin, Account, Customers, Definition($"View {i}", ViewSharing.Everyone), Target)).Value.Output.Id);
        }

        var results = await Race(views.Count, i => service.EditViewAsync(Admin, Account, Customers, views[i], Definition($"Edited {i} ✓", ViewSharing.Everyone), Target));

        Assert.All(results, r => Assert.True(r.IsSuccess, r.Error?.Message));
        var all = (await service.GetViewsAsync(Admin, Account, Customers)).Value.State.Views;
        for (var i = 0; i < views.Count; i++)
        {
            Assert.Equal($"Edited {i} ✓", all.Single(v => v.Id == views[i]).Name);
        }
    }

    /// <summary>Returns the context the services run with: a fixed clock and a retry budget that lets every raced
    /// command finish (a store that cannot converge within it fails with <c>concurrency.retries_exhausted</c>).</summary>
    /// <returns>The context.</returns>
    protected virtual ServiceContext Context() =>
        new(AccessPolicy.Default, new FixedClock(Instant.FromUtc(2026, 1, 1, 0, 0)), retry: new CommandRetryOptions { MaxAttempts = 500, MaxElapsed = TimeSpan.FromMinutes(2) });

    private ViewService ViewService(IViewCatalogStore views, IWorkspaceDirectoryStore directories) =>
        new(views, new NoRecords(), directories, Context());

    private static ViewDefinition Definition(string name, ViewSharing sharing) =>
        ViewDefinition.Create(name, sharing, [RecordFilterTarget.CsmOwner]);

    private static async Task<Result<T>[]> Race<T>(int count, Func<int, Task<Result<T>>> command)
    {
        using var start = new ManualResetEventSlim(false);
        var tasks = Enumerable.Range(0, count).Select(i => Task.Run(async () =>
        {
            start.Wait();
            return await command(i);
        })).ToArray();
        start.Set();
        return await Task.WhenAll(tasks);
    }

    private sealed class FixedClock(Instant now) : IClock
    {
        public Instant GetCurrentInstant() => now;
    }

    private sealed class NoRecords : IRecordQuery
    {
        public Task<RecordPage> QueryAsync(RecordQuery query, CancellationToken cancellationToken = default) =>
            Task.FromResult(new RecordPage([], 0, query.Page));
    }
}
