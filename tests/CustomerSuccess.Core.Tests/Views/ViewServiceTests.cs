using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.Core.Access;
using CustomerSuccess.Core.Crm;
using CustomerSuccess.Core.Filters;
using CustomerSuccess.Core.Records;
using CustomerSuccess.Core.Stores.InMemory;
using CustomerSuccess.Core.Views;
using CustomerSuccess.Core.Workspaces;
using NodaTime;
using NodaTime.Testing;
using static CustomerSuccess.Core.Tests.Views.ViewTestData;

namespace CustomerSuccess.Core.Tests.Views;

public class ViewServiceTests
{
    private static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];

    // 2025-03-30T12:00+02:00 in Berlin, the day clocks spring forward.
    private readonly FakeClock _clock = new(Instant.FromUtc(2025, 3, 30, 10, 0));
    private readonly InMemoryViewCatalogStore _store = new();
    private readonly InMemoryRecordQuery _records = new();
    private readonly InMemoryWorkspaceDirectoryStore _directories = new();

    private ViewService Service => new(_store, _records, _directories, new ServiceContext(AccessPolicy.Default, _clock, null, new CommandRetryOptions { MaxAttempts = 100 }));

    private static RecordListRequest Request(ViewId view, ViewTab tab = ViewTab.Customers, int pageSize = 50) =>
        new(Key(tab), view, Schema, Berlin, PageRequest.First(pageSize));

    private void Add(long id, long? owner, Instant? assigned = null, Instant? created = null, Instant? activity = null, string objectType = "companies", decimal? amount = null) =>
        _records.Upsert(new CrmRecord
        {
            PortalId = Portal,
            Id = RecordId.From(id),
            ObjectType = CrmObjectType.FromName(objectType),
            CsmOwnerId = owner is { } o ? UserId.From(o) : null,
            OwnerAssignedAt = assigned,
            CreatedAt = created ?? Instant.FromUtc(2024, 1, 1, 0, 0),
            LastActivityAt = activity,
            Amount = amount,
        });

    [Fact]
    [Trait("Rule", "42")]
    public async Task ListRecordsAsync_BuiltInViews_UseViewerAndClockInViewerZone()
    {
        var from = Instant.FromUtc(2025, 2, 27, 23, 0); // start of 2025-02-28 in Berlin
        Add(1, 1, from - Duration.FromSeconds(1));
        Add(2, 1, from);
        Add(3, 1, _clock.GetCurrentInstant());
        Add(4, 2, _clock.GetCurrentInstant());
        Add(5, 1, null);

        var owned = await Service.ListRecordsAsync(Csm1, Account, Request(ViewId.From(1)));
        var assigned = await Service.ListRecordsAsync(Csm1, Account, Request(ViewId.From(2)));
        _clock.Advance(Duration.FromDays(1));
        var dayLater = await Service.ListRecordsAsync(Csm1, Account, Request(ViewId.From(2)));

        Assert.Equal([1L, 2L, 3L, 5L], owned.Value.Items.Select(r => r.Id.Value));
        Assert.Equal([2L, 3L], assigned.Value.Items.Select(r => r.Id.Value));
        Assert.Equal([3L], dayLater.Value.Items.Select(r => r.Id.Value));
    }

    [Fact]
    [Trait("Rule", "43")]
    public async Task ListRecordsAsync_QuickFilters_AreCombinedWithTheViewFilter()
    {
        var now = _clock.GetCurrentInstant();
        Add(1, 1, created: now - Duration.FromDays(3), activity: now - Duration.FromDays(40));
        Add(2, 1, created: now - Duration.FromDays(20), activity: now - Duration.FromDays(1));
        Add(3, 2, created: now - Duration.FromDays(3), activity: now - Duration.FromDays(1));
        Add(4, 1, created: now - Duration.FromDays(3), activity: now - Duration.FromDays(1));

        var created = await Service.ListRecordsAsync(Csm1, Account, Request(ViewId.From(1)) with { QuickFilters = [QuickFilters.CreatedInLastDays(7)] });
        var both = await Service.ListRecordsAsync(Csm1, Account, Request(ViewId.From(1)) with
        {
            QuickFilters = [QuickFilters.CreatedBetween(new LocalDate(2025, 3, 20), new LocalDate(2025, 3, 30)), QuickFilters.LastActivityInLastDays(7)],
        });
        var owners = await Service.ListRecordsAsync(Manager, Account, Request(ViewId.From(1)) with { QuickFilters = [QuickFilters.OwnerIsAnyOf(UserId.From(2))] });

        Assert.Equal([1L, 4L], created.Value.Items.Select(r => r.Id.Value));
        Assert.Equal([4L], both.Value.Items.Select(r => r.Id.Value));
        Assert.Empty(owners.Value.Items);
    }

    [Theory]
    [Trait("Rule", "51")]
    [Trait("Rule", "52")]
    [Trait("Rule", "54")]
    [InlineData(ViewTab.Services, "services")]
    [InlineData(ViewTab.Revenue, "deals")]
    public async Task ListRecordsAsync_PipelineTabs_CustomViewOwnerAndDateQuickFiltersAndObjectType(ViewTab tab, string objectType)
    {
        var now = _clock.GetCurrentInstant();
        Add(1, 1, created: now, activity: now, objectType: objectType, amount: 500);
        Add(2, 1, created: now, activity: now, objectType: "companies", amount: 500);
        Add(3, 2, created: now, activity: now, objectType: objectType, amount: 500);
        Add(4, 1, created: now - Duration.FromDays(90), activity: now, objectType: objectType, amount: 500);
        Add(5, 1, created: now, activity: now, objectType: objectType, amount: 5);
        var definition = new ViewDefinition("Big ones", ViewSharing.Private, [RecordFilterTarget.Amount], ViewFilter.Condition(RecordFilterTarget.Amount, FilterOperator.GreaterThanOrEqual, FilterValue.Number(100)));
        var view = (await Service.CreateViewAsync(Csm1, Account, Key(tab), definition, Target)).Value.Output;

        var page = await Service.ListRecordsAsync(Csm1, Account, Request(view.Id, tab) with
        {
            Schema = new CrmObjectSchema(CrmObjectType.FromName(objectType), []),
            QuickFilters = [QuickFilters.OwnerIsMe(), QuickFilters.CreatedInLastDays(30), QuickFilters.LastActivityBetween(new LocalDate(2025, 3, 1), new LocalDate(2025, 3, 30))],
        });
        var otherUser = await Service.ListRecordsAsync(Csm2, Account, Request(view.Id, tab));

        Assert.Equal([1L], page.Value.Items.Select(r => r.Id.Value));
        Assert.True(otherUser.Error!.Is(ViewErrors.NotFoundCode));
    }

    [Fact]
    public async Task ListRecordsAsync_Paging_ReturnsPageAndTotalCount()
    {
        for (var i = 1; i <= 5; i++)
        {
            Add(i, 1);
        }

        var page = await Service.ListRecordsAsync(Csm1, Account, Request(ViewId.From(1)) with { Page = PageRequest.Create(2, 2) });

        Assert.Equal([3L, 4L], page.Value.Items.Select(r => r.Id.Value));
        Assert.Equal(5, page.Value.TotalCount);
        Assert.Equal(3, page.Value.PageCount);
    }

    [Fact]
    [Trait("Rule", "9")]
    public async Task GetViewsAsync_UnsavedCatalog_ReadsAsBuiltIns_PrivateViewsOnlyForOwner()
    {
        var initial = await Service.GetViewsAsync(Csm2, Account, Customers);
        Assert.Equal(VersionToken.None, initial.Value.Version);
        Assert.Equal(2, initial.Value.State.DefaultViews.Count);

        var created = await Service.CreateViewAsync(Csm1, Account, Customers, Definition("Mine", ViewSharing.Private), Target);
        var forOwner = await Service.GetViewsAsync(Csm1, Account, Customers);
        var forOther = await Service.GetViewsAsync(Csm2, Account, Customers);
        var seatless = await Service.GetViewsAsync(SeatlessSuperAdmin, Account, Customers);

        Assert.Contains(forOwner.Value.State.Views, v => v.Id == created.Value.Output.Id);
        Assert.DoesNotContain(forOther.Value.State.Views, v => v.Id == created.Value.Output.Id);
        Assert.Equal(created.Value.Version, forOwner.Value.Version);
        Assert.True(seatless.Error!.Is(AccessErrors.SummaryOnlyCode));
    }

    [Fact]
    public async Task EditViewAsync_StaleExpectedVersion_IsConflictAndNothingIsLost()
    {
        var created = await Service.CreateViewAsync(Manager, Account, Customers, Definition("Team", ViewSharing.Everyone), Target);
        var seen = created.Value.Version;
        var id = created.Value.Output.Id;

        var first = await Service.EditViewAsync(Manager, Account, Customers, id, Definition("First", ViewSharing.Everyone), Target, seen);
        var second = await Service.EditViewAsync(SuperAdmin, Account, Customers, id, Definition("Second", ViewSharing.Everyone), Target, seen);

        Assert.True(first.IsSuccess);
        Assert.True(second.Error!.Is(ConcurrencyErrors.ConflictCode));
        Assert.Equal("First", (await _store.LoadAsync(Customers))!.State.Find(id)!.Name);
    }

    [Fact]
    [Trait("Rule", "36")]
    [Trait("Rule", "48")]
    public async Task SetDefaultViewAsync_ConcurrentCommands_NeverExceedSixDefaults()
    {
        var ids = new ViewId[8];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = (await Service.CreateViewAsync(Manager, Account, Customers, Definition($"Shared {i}", ViewSharing.Everyone), Target)).Value.Output.Id;
        }

        var results = await Task.WhenAll(ids.Select(id => Task.Run(() => Service.SetDefaultViewAsync(Manager, Account, Customers, id, "card"))));

        var stored = (await _store.LoadAsync(Customers))!.State;
        Assert.True(stored.DefaultViewIds.Length <= ViewCatalog.MaxDefaultViews);
        Assert.Equal(stored.DefaultViewIds.Length - 2, results.Count(r => r.IsSuccess));
        Assert.All(results.Where(r => r.IsFailure), r => Assert.True(r.Error!.Is(ViewErrors.DefaultLimitReachedCode), r.ToString()));

        var refused = await Service.DeleteViewAsync(Manager, Account, Customers, stored.DefaultViewIds[^1], "ok");
        Assert.True(refused.Error!.Is(ViewErrors.DeleteNotConfirmedCode));
        var deleted = await Service.DeleteViewAsync(Manager, Account, Customers, stored.DefaultViewIds[^1], ViewCatalog.DeleteConfirmationPhrase);
        Assert.Equal(stored.DefaultViewIds.Length - 1, deleted.Value.Output.DefaultViews.Count);
    }

    [Fact]
    [Trait("Rule", "36")]
    public async Task ReorderAndUnsetDefaultViewsAsync_ChangeTheStoredOrder()
    {
        var reordered = await Service.ReorderDefaultViewsAsync(Manager, Account, Customers, [ViewId.From(2), ViewId.From(1)]);
        var unset = await Service.UnsetDefaultViewAsync(Manager, Account, Customers, ViewId.From(2));

        Assert.Equal([ViewId.From(2), ViewId.From(1)], reordered.Value.Output.DefaultViews.Select(v => v.Id));
        Assert.Equal([ViewId.From(1)], unset.Value.Output.DefaultViews.Select(v => v.Id));
        Assert.Equal(new[] { ViewId.From(1) }, (await _store.LoadAsync(Customers))!.State.DefaultViewIds.ToArray());
    }

    [Fact]
    public async Task Commands_CancelledToken_ThrowBeforeAnyWrite()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Service.CreateViewAsync(Manager, Account, Customers, Definition("V", ViewSharing.Private), Target, cancellationToken: cts.Token));
        Assert.Equal(0, _store.Count);
    }

    [Fact]
    [Trait("Rule", "28")]
    public async Task ViewsAndRecords_OfAWorkspaceTheUserDoesNotSee_AreRefused_TheirOwnWorkspaceIsReadable()
    {
        var workspaces = new WorkspaceService(_directories, new ServiceContext(AccessPolicy.Default, _clock));
        var emea = (await workspaces.CreateTeamWorkspaceAsync(SuperAdmin, Enterprise, "EMEA", null, [TeamId.From(7)])).Value.Output;
        var member = Actor.Csm(UserId.From(30), TeamId.From(7));
        var emeaViews = ViewCatalogKey.Create(Portal, emea.Id, ViewTab.Customers);
        Add(1, 30);

        var primaryViews = await Service.GetViewsAsync(member, Enterprise, Customers);
        var primaryRecords = await Service.ListRecordsAsync(member, Enterprise, Request(ViewId.From(1)));
        var ownViews = await Service.GetViewsAsync(member, Enterprise, emeaViews);
        var ownRecords = await Service.ListRecordsAsync(member, Enterprise, new RecordListRequest(emeaViews, ViewId.From(1), Schema, Berlin, PageRequest.First(10)));
        var create = await Service.CreateViewAsync(member, Enterprise, Customers, Definition("Sneaky", ViewSharing.Private), Target);

        Assert.Equal(AccessErrors.WorkspaceNotVisibleCode, primaryViews.Error!.Code);
        Assert.Equal(AccessErrors.WorkspaceNotVisibleCode, primaryRecords.Error!.Code);
        Assert.Equal(AccessErrors.WorkspaceNotVisibleCode, create.Error!.Code);
        Assert.True(ownViews.IsSuccess);
        Assert.Equal([1L], ownRecords.Value.Items.Select(r => r.Id.Value));
        Assert.True((await Service.GetViewsAsync(SuperAdmin, Enterprise, Customers)).IsSuccess);
    }

    [Fact]
    [Trait("Rule", "28")]
    public async Task KeysOfAnotherPortal_AreAnsweredLikeWorkspacesThatDoNotExist()
    {
        var other = ViewCatalogKey.Create(PortalId.From(999), WorkspaceId.From(1), ViewTab.Customers);
        var missing = ViewCatalogKey.Create(Portal, WorkspaceId.From(77), ViewTab.Customers);

        var foreign = await Service.GetViewsAsync(Manager, Account, other);
        var absent = await Service.GetViewsAsync(Manager, Account, missing);
        var foreignWrite = await Service.CreateViewAsync(Manager, Account, other, Definition("X", ViewSharing.Private), Target);

        Assert.Equal(absent.Error!.Code, foreign.Error!.Code);
        Assert.Equal(WorkspaceErrors.NotFoundCode, foreignWrite.Error!.Code);
        Assert.Equal(0, _store.Count);
    }
}
