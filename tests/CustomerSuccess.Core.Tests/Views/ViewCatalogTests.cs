using System.Linq;
using CustomerSuccess.Core.Access;
using CustomerSuccess.Core.Filters;
using CustomerSuccess.Core.Records;
using CustomerSuccess.Core.Views;
using CustomerSuccess.Core.Views.Events;
using static CustomerSuccess.Core.Tests.Views.ViewTestData;

namespace CustomerSuccess.Core.Tests.Views;

public class ViewCatalogTests
{
    [Fact]
    [Trait("Rule", "9")]
    public void Create_PrivateViewByAnyWorkspaceUser_IsVisibleToOwnerOnly()
    {
        var catalog = NewCatalog();
        var view = catalog.CreateView(Csm1, "My renewals", ViewSharing.Private);

        Assert.Contains(catalog.ListVisibleTo(Csm1.UserId), v => v.Id == view.Id);
        Assert.DoesNotContain(catalog.ListVisibleTo(Csm2.UserId), v => v.Id == view.Id);
        Assert.DoesNotContain(catalog.ListVisibleTo(Manager.UserId), v => v.Id == view.Id);
        Assert.DoesNotContain(catalog.ListVisibleTo(SuperAdmin.UserId), v => v.Id == view.Id);
        Assert.Equal(Csm1.UserId, view.OwnerId);
        Assert.IsType<ViewCreated>(Assert.Single(catalog.DomainEvents));
    }

    [Fact]
    [Trait("Rule", "9")]
    public void Create_EveryoneViewByCsmWithoutManageSettings_IsRefusedAndStateUnchanged()
    {
        var catalog = NewCatalog();
        var before = catalog.State;

        var result = catalog.Create(Csm1, Account, Definition("Team view", ViewSharing.Everyone), Target, Now);

        Assert.True(result.Error!.Is(AccessErrors.PermissionRequiredCode));
        Assert.Same(before, catalog.State);
        Assert.Empty(catalog.DomainEvents);
    }

    [Theory]
    [Trait("Rule", "9")]
    [InlineData(3L)]
    [InlineData(4L)]
    public void Create_EveryoneViewBySuperAdminOrManageSettings_IsVisibleToAll(long userId)
    {
        var actor = userId == 3 ? Manager : SuperAdmin;
        var catalog = NewCatalog();

        var view = catalog.CreateView(actor, "Team view", ViewSharing.Everyone);

        Assert.Contains(catalog.ListVisibleTo(Csm2.UserId), v => v.Id == view.Id);
        Assert.Contains(catalog.ListVisibleTo(Csm1.UserId), v => v.Id == view.Id);
    }

    [Fact]
    [Trait("Rule", "9")]
    public void Create_PrivateViewBySeatlessSuperAdmin_IsRefusedSummaryOnly()
    {
        var catalog = NewCatalog();

        var result = catalog.Create(SeatlessSuperAdmin, Account, Definition("Mine", ViewSharing.Private), Target, Now);

        Assert.True(result.Error!.Is(AccessErrors.SummaryOnlyCode));
    }

    [Fact]
    [Trait("Rule", "9")]
    public void EditAndDelete_SomeoneElsesPrivateView_AreNotFoundEvenForSuperAdmin()
    {
        var catalog = NewCatalog();
        var view = catalog.CreateView(Csm1, "Mine", ViewSharing.Private);
        var before = catalog.State;

        var edit = catalog.Edit(SuperAdmin, Account, view.Id, Definition("Hijacked", ViewSharing.Private), Target, Now);
        var delete = catalog.Delete(Csm2, Account, view.Id, ViewCatalog.DeleteConfirmationPhrase, Now);

        Assert.True(edit.Error!.Is(ViewErrors.NotFoundCode));
        Assert.True(delete.Error!.Is(ViewErrors.NotFoundCode));
        Assert.Same(before, catalog.State);
    }

    [Fact]
    [Trait("Rule", "9")]
    public void Edit_OwnerSharesPrivateViewWithoutPermission_IsRefused()
    {
        var catalog = NewCatalog();
        var view = catalog.CreateView(Csm1, "Mine", ViewSharing.Private);
        var before = catalog.State;

        var result = catalog.Edit(Csm1, Account, view.Id, Definition("Mine", ViewSharing.Everyone), Target, Now);

        Assert.True(result.Error!.Is(AccessErrors.PermissionRequiredCode));
        Assert.Same(before, catalog.State);
    }

    [Fact]
    [Trait("Rule", "10")]
    public void EditDeleteSetUnsetReorder_SharedViewsByCsm_AreRefused()
    {
        var catalog = NewCatalog();
        var shared = catalog.CreateView(Manager, "Team view", ViewSharing.Everyone);
        var before = catalog.State;

        var results = new[]
        {
            catalog.Edit(Csm1, Account, shared.Id, Definition("Renamed", ViewSharing.Everyone), Target, Now).ToResult(),
            catalog.Edit(Csm1, Account, shared.Id, Definition("Renamed", ViewSharing.Private), Target, Now).ToResult(),
            catalog.Delete(Csm1, Account, shared.Id, ViewCatalog.DeleteConfirmationPhrase, Now),
            catalog.SetDefault(Csm1, Account, shared.Id, "Team view", Now),
            catalog.UnsetDefault(Csm1, Account, ViewId.From(1), Now),
            catalog.ReorderDefaults(Csm1, Account, [ViewId.From(2), ViewId.From(1)], Now),
        };

        Assert.All(results, r => Assert.True(r.Error!.Is(AccessErrors.PermissionRequiredCode)));
        Assert.Same(before, catalog.State);
    }

    [Fact]
    [Trait("Rule", "10")]
    public void EditDeleteSetUnsetReorder_SharedViewsByManager_Succeed()
    {
        var catalog = NewCatalog();
        var shared = catalog.CreateView(Csm1.With(CsPermissions.ManageSettings), "Team view", ViewSharing.Everyone);

        Assert.True(catalog.Edit(Manager, Account, shared.Id, Definition("Renamed", ViewSharing.Everyone), Target, Now).IsSuccess);
        Assert.True(catalog.SetDefault(Manager, Account, shared.Id, "Our team's view", Now).IsSuccess);
        Assert.True(catalog.ReorderDefaults(SuperAdmin, Account, [shared.Id, ViewId.From(2), ViewId.From(1)], Now).IsSuccess);
        Assert.True(catalog.UnsetDefault(Manager, Account, shared.Id, Now).IsSuccess);
        Assert.True(catalog.Delete(SuperAdmin, Account, shared.Id, ViewCatalog.DeleteConfirmationPhrase, Now).IsSuccess);
        Assert.Null(catalog.State.Find(shared.Id));
    }

    [Fact]
    [Trait("Rule", "36")]
    public void SetDefault_SeventhDefaultView_IsRefusedWithLimitReached()
    {
        var catalog = NewCatalog();
        for (var i = 0; i < ViewCatalog.MaxDefaultViews - 2; i++)
        {
            var view = catalog.CreateView(Manager, $"Shared {i}", ViewSharing.Everyone);
            Assert.True(catalog.SetDefault(Manager, Account, view.Id, "d", Now).IsSuccess);
        }

        var seventh = catalog.CreateView(Manager, "One too many", ViewSharing.Everyone);
        var before = catalog.State;

        var result = catalog.SetDefault(Manager, Account, seventh.Id, "d", Now);

        Assert.Equal(ViewCatalog.MaxDefaultViews, before.DefaultViewIds.Length);
        Assert.True(result.Error!.Is(ViewErrors.DefaultLimitReachedCode));
        Assert.Same(before, catalog.State);
    }

    [Fact]
    [Trait("Rule", "36")]
    public void ReorderDefaults_Permutation_ChangesOrder_OtherListsAreRefused()
    {
        var catalog = NewCatalog();
        var shared = catalog.CreateView(Manager, "Team", ViewSharing.Everyone);
        Assert.True(catalog.SetDefault(Manager, Account, shared.Id, "Team view", Now).IsSuccess);
        var before = catalog.State;

        var missing = catalog.ReorderDefaults(Manager, Account, [shared.Id, ViewId.From(1)], Now);
        var repeated = catalog.ReorderDefaults(Manager, Account, [shared.Id, ViewId.From(1), ViewId.From(1)], Now);
        var foreign = catalog.ReorderDefaults(Manager, Account, [shared.Id, ViewId.From(1), ViewId.From(99)], Now);
        Assert.All(new[] { missing, repeated, foreign }, r => Assert.True(r.Error!.Is(ViewErrors.DefaultOrderInvalidCode)));
        Assert.Same(before, catalog.State);

        Assert.True(catalog.ReorderDefaults(Manager, Account, [shared.Id, ViewId.From(2), ViewId.From(1)], Now).IsSuccess);
        Assert.Equal([shared.Id, ViewId.From(2), ViewId.From(1)], catalog.DefaultViews.Select(v => v.Id));
        Assert.IsType<DefaultViewsReordered>(catalog.DomainEvents[^1]);
    }

    [Fact]
    [Trait("Rule", "36")]
    [Trait("Rule", "42")]
    public void CreateInitialState_CustomersTab_HasBothBuiltInsAsDefaultsInOrder()
    {
        var catalog = NewCatalog();

        Assert.Equal([ViewCatalog.OwnedByMeName, ViewCatalog.AssignedInLast30DaysName], catalog.DefaultViews.Select(v => v.Name));
        Assert.All(catalog.DefaultViews, v => Assert.True(v.IsBuiltIn && v.Sharing == ViewSharing.Everyone && v.OwnerId is null));
        Assert.Equal(ViewCatalog.BuiltInFilter(BuiltInView.OwnedByMe), catalog.State.Find(ViewId.From(1))!.Definition.Filter);
        Assert.Equal(ViewCatalog.BuiltInFilter(BuiltInView.AssignedInLast30Days), catalog.State.Find(ViewId.From(2))!.Definition.Filter);
    }

    [Fact]
    [Trait("Rule", "44")]
    public void SetDefault_PrivateView_IsRefusedRequiresEveryone()
    {
        var catalog = NewCatalog();
        var view = catalog.CreateView(Manager, "Mine", ViewSharing.Private);
        var before = catalog.State;

        var result = catalog.SetDefault(Manager, Account, view.Id, "My view", Now);

        Assert.True(result.Error!.Is(ViewErrors.DefaultRequiresEveryoneCode));
        Assert.Same(before, catalog.State);
    }

    [Fact]
    [Trait("Rule", "44")]
    public void Edit_MakingDefaultViewPrivate_IsRefused_AfterUnsetItSucceeds()
    {
        var catalog = NewCatalog();
        var view = catalog.CreateView(Manager, "Team", ViewSharing.Everyone);
        Assert.True(catalog.SetDefault(Manager, Account, view.Id, "Team view", Now).IsSuccess);
        var before = catalog.State;

        var refused = catalog.Edit(Manager, Account, view.Id, Definition("Team", ViewSharing.Private), Target, Now);

        Assert.True(refused.Error!.Is(ViewErrors.DefaultCannotBePrivateCode));
        Assert.Same(before, catalog.State);
        Assert.True(catalog.UnsetDefault(Manager, Account, view.Id, Now).IsSuccess);
        Assert.True(catalog.Edit(Manager, Account, view.Id, Definition("Team", ViewSharing.Private), Target, Now).IsSuccess);
        Assert.Equal(ViewSharing.Private, catalog.State.Find(view.Id)!.Sharing);
    }

    [Fact]
    [Trait("Rule", "45")]
    public void Create_ColumnsFilterAndSort_AreKeptInOrder()
    {
        var catalog = NewCatalog();
        var filter = ViewFilter.Condition("arr", FilterOperator.GreaterThan, FilterValue.Number(1000));
        var definition = new ViewDefinition(" Big accounts ", ViewSharing.Private, ["arr", RecordFilterTarget.CsmOwner, "renewal_date"], filter, new ViewSort("arr", SortDirection.Descending));

        var view = catalog.Create(Csm1, Account, definition, Target, Now).Value;

        Assert.Equal("Big accounts", view.Name);
        Assert.Equal(new[] { "arr", RecordFilterTarget.CsmOwner, "renewal_date" }, view.Definition.Columns.ToArray());
        Assert.Equal(filter, view.Definition.Filter);
        Assert.Equal(new ViewSort("arr", SortDirection.Descending), view.Definition.Sort);
    }

    [Theory]
    [Trait("Rule", "45")]
    [InlineData("arr,arr", ViewErrors.ColumnsInvalidCode)]
    [InlineData("arr,no_such_property", ViewErrors.ColumnsInvalidCode)]
    [InlineData("", ViewErrors.NameInvalidCode)]
    public void Create_InvalidColumnsOrName_IsRefused(string columns, string code)
    {
        var catalog = NewCatalog();
        var before = catalog.State;
        var name = columns.Length == 0 ? "  " : "View";
        var definition = new ViewDefinition(name, ViewSharing.Private, [.. columns.Split(',', System.StringSplitOptions.RemoveEmptyEntries)]);

        var result = catalog.Create(Csm1, Account, definition, Target, Now);

        Assert.True(result.Error!.Is(code), result.ToString());
        Assert.Same(before, catalog.State);
    }

    [Fact]
    [Trait("Rule", "45")]
    public void Create_InvalidFilterOrSort_IsRefusedNamingPropertyAndOperator()
    {
        var catalog = NewCatalog();
        var badFilter = new ViewDefinition("V", ViewSharing.Private, [], ViewFilter.Condition("tier", FilterOperator.GreaterThan, FilterValue.Number(3)));
        var badSort = new ViewDefinition("V", ViewSharing.Private, [], null, new ViewSort(RecordFilterTarget.CsmOwner, SortDirection.Ascending));

        var filter = catalog.Create(Csm1, Account, badFilter, Target, Now);
        var sort = catalog.Create(Csm1, Account, badSort, Target, Now);

        Assert.True(filter.Error!.Is(ViewErrors.FilterInvalidCode));
        Assert.Contains("tier", filter.Error.Message, System.StringComparison.Ordinal);
        Assert.Contains(nameof(FilterOperator.GreaterThan), filter.Error.Message, System.StringComparison.Ordinal);
        Assert.True(sort.Error!.Is(ViewErrors.SortInvalidCode));
    }

    [Fact]
    [Trait("Rule", "45")]
    [Trait("Rule", "47")]
    public void Edit_SameDefinition_SucceedsWithoutEvent_NewNameAndSharingAreSaved()
    {
        var catalog = NewCatalog();
        var view = catalog.CreateView(Manager, "Mine", ViewSharing.Private);
        catalog.ClearDomainEvents();
        var before = catalog.State;

        Assert.True(catalog.Edit(Manager, Account, view.Id, Definition("Mine", ViewSharing.Private), Target, Now).IsSuccess);
        Assert.Same(before, catalog.State);
        Assert.Empty(catalog.DomainEvents);

        var edited = catalog.Edit(Manager, Account, view.Id, Definition("Ours", ViewSharing.Everyone), Target, Now).Value;
        Assert.Equal(("Ours", ViewSharing.Everyone), (edited.Name, edited.Sharing));
        Assert.IsType<ViewEdited>(Assert.Single(catalog.DomainEvents));
    }

    [Fact]
    [Trait("Rule", "46")]
    public void SetDefault_WithoutDescription_IsRefused()
    {
        var catalog = NewCatalog();
        var view = catalog.CreateView(Manager, "Team", ViewSharing.Everyone);
        var before = catalog.State;

        Assert.True(catalog.SetDefault(Manager, Account, view.Id, null, Now).Error!.Is(ViewErrors.DefaultRequiresDescriptionCode));
        Assert.True(catalog.SetDefault(Manager, Account, view.Id, "   ", Now).Error!.Is(ViewErrors.DefaultRequiresDescriptionCode));
        Assert.Same(before, catalog.State);
    }

    [Fact]
    [Trait("Rule", "46")]
    public void SetThenUnsetDefault_AddsAtEndWithDescription_ThenRemoves()
    {
        var catalog = NewCatalog();
        var view = catalog.CreateView(Manager, "Team", ViewSharing.Everyone);

        Assert.True(catalog.SetDefault(Manager, Account, view.Id, " Accounts our team watches ", Now).IsSuccess);
        Assert.Equal(view.Id, catalog.DefaultViews[^1].Id);
        Assert.Equal("Accounts our team watches", catalog.DefaultViews[^1].Description);

        Assert.True(catalog.UnsetDefault(Manager, Account, view.Id, Now).IsSuccess);
        Assert.DoesNotContain(view.Id, catalog.State.DefaultViewIds);
        Assert.IsType<DefaultViewUnset>(catalog.DomainEvents[^1]);
    }

    [Fact]
    [Trait("Rule", "47")]
    public void Edit_BuiltInView_IsRefusedEvenForSuperAdmin()
    {
        var catalog = NewCatalog();
        var before = catalog.State;

        var result = catalog.Edit(SuperAdmin, Account, ViewId.From(1), Definition("Renamed", ViewSharing.Everyone), Target, Now);

        Assert.True(result.Error!.Is(ViewErrors.BuiltInNotEditableCode));
        Assert.Same(before, catalog.State);
    }

    [Fact]
    [Trait("Rule", "47")]
    public void Delete_BuiltInView_SucceedsAndLeavesDefaults()
    {
        var catalog = NewCatalog();

        var result = catalog.Delete(Manager, Account, ViewId.From(2), ViewCatalog.DeleteConfirmationPhrase, Now);

        Assert.True(result.IsSuccess);
        Assert.Equal(new[] { ViewId.From(1) }, catalog.State.DefaultViewIds.ToArray());
        Assert.True(Assert.IsType<ViewDeleted>(Assert.Single(catalog.DomainEvents)).WasDefault);
    }

    [Theory]
    [Trait("Rule", "48")]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("yes")]
    [InlineData("i'm sure i want to delete this view")]
    [InlineData(" I'm sure I want to delete this view")]
    public void Delete_WithoutExactConfirmation_IsRefusedAndStateUnchanged(string? confirmation)
    {
        var catalog = NewCatalog();
        var view = catalog.CreateView(Csm1, "Mine", ViewSharing.Private);
        var before = catalog.State;

        var result = catalog.Delete(Csm1, Account, view.Id, confirmation, Now);

        Assert.True(result.Error!.Is(ViewErrors.DeleteNotConfirmedCode));
        Assert.Contains(ViewCatalog.DeleteConfirmationPhrase, result.Error.Message, System.StringComparison.Ordinal);
        Assert.Same(before, catalog.State);
    }

    [Fact]
    [Trait("Rule", "48")]
    public void Delete_OwnPrivateViewWithConfirmation_Succeeds()
    {
        var catalog = NewCatalog();
        var view = catalog.CreateView(Csm1, "Mine", ViewSharing.Private);

        Assert.True(catalog.Delete(Csm1, Account, view.Id, "I'm sure I want to delete this view", Now).IsSuccess);
        Assert.Null(catalog.State.Find(view.Id));
    }

    [Theory]
    [Trait("Rule", "54")]
    [Trait("Rule", "51")]
    [Trait("Rule", "52")]
    [InlineData(ViewTab.Services)]
    [InlineData(ViewTab.Revenue)]
    public void PipelineTabs_CustomViewsFollowPrivateEveryoneRules(ViewTab tab)
    {
        var catalog = NewCatalog(tab);

        var mine = catalog.CreateView(Csm1, "My pipeline", ViewSharing.Private);
        var shared = catalog.Create(Csm1, Account, Definition("Shared", ViewSharing.Everyone), Target, Now);

        Assert.True(shared.Error!.Is(AccessErrors.PermissionRequiredCode));
        Assert.DoesNotContain(catalog.ListVisibleTo(Csm2.UserId), v => v.Id == mine.Id);
        Assert.Contains(RecordFilterTarget.Pipeline, catalog.State.Find(ViewId.From(1))!.Definition.Columns);
    }

    [Fact]
    [Trait("Rule", "57")]
    public void TasksTab_StartsWithoutBuiltIns_AndFollowsPrivateEveryoneRules()
    {
        var catalog = NewCatalog(ViewTab.Tasks);
        Assert.Empty(catalog.State.Views);

        var mine = catalog.CreateView(Csm1, "My tasks", ViewSharing.Private);
        var shared = catalog.CreateView(Manager, "Team tasks", ViewSharing.Everyone);
        var refused = catalog.Create(Csm2, Account, Definition("Shared", ViewSharing.Everyone), Target, Now);

        Assert.True(refused.Error!.Is(AccessErrors.PermissionRequiredCode));
        Assert.Equal([shared.Id], catalog.ListVisibleTo(Csm2.UserId).Select(v => v.Id));
        Assert.Equal([mine.Id, shared.Id], catalog.ListVisibleTo(Csm1.UserId).Select(v => v.Id));
    }

    [Fact]
    [Trait("Rule", "36")]
    [Trait("Rule", "44")]
    public void Constructor_CorruptState_Throws()
    {
        var initial = ViewCatalog.CreateInitialState(Customers);
        var privateView = new View(ViewId.From(3), Csm1.UserId, Definition("Mine", ViewSharing.Private));

        Assert.Throws<System.ArgumentException>(() => new ViewCatalog(initial with { DefaultViewIds = [ViewId.From(1), ViewId.From(1)] }, AccessPolicy.Default));
        Assert.Throws<System.ArgumentException>(() => new ViewCatalog(initial with { DefaultViewIds = [ViewId.From(7)] }, AccessPolicy.Default));
        Assert.Throws<System.ArgumentException>(() => new ViewCatalog(initial with { Views = initial.Views.Add(privateView), DefaultViewIds = [privateView.Id], LastViewId = 3 }, AccessPolicy.Default));
        Assert.Throws<System.ArgumentException>(() => new ViewCatalog(initial with { LastViewId = 1 }, AccessPolicy.Default));
    }

    [Fact]
    public void Operations_AccountOfAnotherPortal_Throw()
    {
        var catalog = NewCatalog();
        var other = new AccountContext(PortalId.From(999), ServiceHubTier.Enterprise);

        Assert.Throws<System.ArgumentException>(() => catalog.Create(Csm1, other, Definition("V", ViewSharing.Private), Target, Now));
    }
}
