using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CustomerSuccess.Core.Access;
using CustomerSuccess.Core.Filters;
using CustomerSuccess.Core.Records;
using CustomerSuccess.Core.Views.Events;
using NodaTime;

namespace CustomerSuccess.Core.Views;

/// <summary>
/// The views of one workspace tab and their ordered default list: one aggregate, so that "make private", "set default"
/// and "reorder" are checked against the same version and the default-view rules hold under concurrent writers.
/// </summary>
/// <remarks>
/// <para>Rules enforced here (numbers from the rule catalogue, <c>docs/rule-catalogue.md</c>):</para>
/// <list type="bullet">
/// <item><description>9, 54, 57: a private view is visible to, and managed by, its owner only; anyone with full
/// workspace access may create one (<see cref="CsOperation.ManagePrivateViews"/>). Someone else's private view is
/// reported as <c>view.not_found</c>.</description></item>
/// <item><description>9, B14: creating a view shared with Everyone, or sharing a view, needs
/// <see cref="CsOperation.ShareViewWithEveryone"/> (super admin or Manage CS Settings).</description></item>
/// <item><description>10: editing or deleting a shared view, and setting, unsetting or reordering defaults, need
/// <see cref="CsOperation.ManageDefaultViews"/>.</description></item>
/// <item><description>36: at most <see cref="MaxDefaultViews"/> default views, in an order that can be changed by a
/// permutation.</description></item>
/// <item><description>44: only views shared with Everyone can be default; a default view cannot be made Private
/// (<c>view.default_cannot_be_private</c>: unset it first; library choice, so nothing disappears from the Summary tab
/// as a side effect).</description></item>
/// <item><description>45: a view has a name, ordered distinct columns, a filter and a sort, all checked against the
/// tab's items (a <see cref="FilterTarget{T}"/>: the records of the tab's object, or tasks).</description></item>
/// <item><description>46: setting a default needs a description.</description></item>
/// <item><description>42, 47: the built-in views "Owned by me" and "Assigned in the last 30 days" exist from the start
/// (Customers, Services and Revenue tabs) as default views, cannot be edited, and can be deleted.</description></item>
/// <item><description>48: deleting needs the confirmation phrase <see cref="DeleteConfirmationPhrase"/>.</description></item>
/// </list>
/// <para>Every permission check goes through the <see cref="AccessPolicy"/> (<see cref="PortalAggregate{TState}.Authorize"/>).
/// A refused operation returns its
/// failure and leaves <see cref="AggregateRoot{TState}.State"/> and the events unchanged; an operation that changes
/// nothing succeeds and records no event.</para>
/// <threadsafety>Not thread-safe: use one instance per operation (the state it holds is immutable).</threadsafety>
/// </remarks>
public sealed class ViewCatalog : PortalAggregate<ViewCatalogState>
{
    /// <summary>The most default views a catalogue can have (rule 36).</summary>
    public const int MaxDefaultViews = 6;

    /// <summary>The longest view name.</summary>
    public const int MaxNameLength = 100;

    /// <summary>The longest default-view description.</summary>
    public const int MaxDescriptionLength = 500;

    /// <summary>The most columns a view can show.</summary>
    public const int MaxColumns = 50;

    /// <summary>The phrase a person confirms a deletion with (rule 48); compared exactly (ordinal), as the workspace
    /// directory compares its own phrase.</summary>
    public const string DeleteConfirmationPhrase = "I'm sure I want to delete this view";

    /// <summary>The name of the built-in view <see cref="BuiltInView.OwnedByMe"/>.</summary>
    public const string OwnedByMeName = "Owned by me";

    /// <summary>The name of the built-in view <see cref="BuiltInView.AssignedInLast30Days"/>.</summary>
    public const string AssignedInLast30DaysName = "Assigned in the last 30 days";

    /// <summary>Initializes the aggregate over a stored state, checking its invariants.</summary>
    /// <param name="state">The state.</param>
    /// <param name="policy">The access policy (with the options the application configured).</param>
    /// <exception cref="ArgumentNullException"><paramref name="state"/> or <paramref name="policy"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="state"/> is corrupt: repeated or unassigned view ids, a
    /// private view without owner, or a default list that is longer than <see cref="MaxDefaultViews"/>, repeats a view,
    /// names a missing view or a private one.</exception>
    public ViewCatalog(ViewCatalogState state, AccessPolicy policy)
        : base(CheckInvariants(state), policy)
    {
    }

    /// <summary>Gets the default views in display order.</summary>
    public IReadOnlyList<View> DefaultViews => [.. State.DefaultViewIds.Select(id => State.Find(id)!)];

    /// <summary>Creates the state of a catalogue nobody has changed yet: the built-in views (none on the Tasks tab), both
    /// default, in the order "Owned by me", "Assigned in the last 30 days".</summary>
    /// <param name="key">The catalogue.</param>
    /// <returns>The initial state.</returns>
    public static ViewCatalogState CreateInitialState(ViewCatalogKey key)
    {
        if (key.Tab == ViewTab.Tasks)
        {
            return new ViewCatalogState(key, [], [], 0);
        }

        var columns = key.Tab switch
        {
            ViewTab.Services => ImmutableArray.Create(RecordFilterTarget.CsmOwner, RecordFilterTarget.Pipeline, RecordFilterTarget.Stage, RecordFilterTarget.CreatedAt, RecordFilterTarget.LastActivityAt),
            ViewTab.Revenue => ImmutableArray.Create(RecordFilterTarget.CsmOwner, RecordFilterTarget.Pipeline, RecordFilterTarget.Stage, RecordFilterTarget.Amount, RecordFilterTarget.CreatedAt, RecordFilterTarget.LastActivityAt),
            _ => ImmutableArray.Create(RecordFilterTarget.CsmOwner, RecordFilterTarget.CreatedAt, RecordFilterTarget.LastActivityAt),
        };
        var ownedByMe = new View(
            ViewId.From(1),
            null,
            new ViewDefinition(OwnedByMeName, ViewSharing.Everyone, columns, BuiltInFilter(BuiltInView.OwnedByMe)),
            BuiltInView.OwnedByMe,
            "Records whose CSM owner is you.");
        var assigned = new View(
            ViewId.From(2),
            null,
            new ViewDefinition(AssignedInLast30DaysName, ViewSharing.Everyone, columns, BuiltInFilter(BuiltInView.AssignedInLast30Days)),
            BuiltInView.AssignedInLast30Days,
            "Records assigned to you in the last 30 days.");
        return new ViewCatalogState(key, [ownedByMe, assigned], [ownedByMe.Id, assigned.Id], 2);
    }

    /// <summary>Returns the filter of a built-in view (rule 42).</summary>
    /// <param name="view">The built-in view.</param>
    /// <returns>"Owned by me": owner is me; "Assigned in the last 30 days": owner is me and owner-assigned date in the
    /// last 30 days.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="view"/> is not a defined value.</exception>
    public static ViewFilter BuiltInFilter(BuiltInView view) => view switch
    {
        BuiltInView.OwnedByMe => ViewFilter.Condition(RecordFilterTarget.CsmOwner, FilterOperator.IsMe),
        BuiltInView.AssignedInLast30Days => ViewFilter.And(
            ViewFilter.Condition(RecordFilterTarget.CsmOwner, FilterOperator.IsMe),
            ViewFilter.Condition(RecordFilterTarget.OwnerAssignedAt, FilterOperator.InLastDays, FilterValue.Number(30))),
        _ => throw new ArgumentOutOfRangeException(nameof(view), view, "Unknown built-in view."),
    };

    /// <summary>Lists the views <paramref name="user"/> can see, in creation order: every view shared with Everyone and
    /// their own private views (rule 9).</summary>
    /// <param name="user">The viewer.</param>
    /// <returns>The visible views.</returns>
    public IReadOnlyList<View> ListVisibleTo(UserId user) => [.. State.Views.Where(v => v.IsVisibleTo(user))];


    /// <summary>Creates a custom view owned by <paramref name="actor"/> (rules 9, 44, 45).</summary>
    /// <typeparam name="T">The tab's item type (records or tasks).</typeparam>
    /// <param name="actor">Who creates it.</param>
    /// <param name="account">The account; must be this catalogue's portal.</param>
    /// <param name="definition">Name, sharing, columns, filter, sort.</param>
    /// <param name="target">The properties of the tab's items.</param>
    /// <param name="now">The current instant.</param>
    /// <returns>The new view, or a refusal (<c>access.*</c>, <c>view.name_invalid</c>, <c>view.columns_invalid</c>,
    /// <c>view.filter_invalid</c>, <c>view.sort_invalid</c>).</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is another portal than the catalogue's.</exception>
    public Result<View> Create<T>(Actor actor, AccountContext account, ViewDefinition definition, FilterTarget<T> target, Instant now)
    {
        if (Authorize(actor, account, CsOperation.ManagePrivateViews) is { IsFailure: true } denied)
        {
            return denied.Error;
        }

        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(target);
        if (definition.Sharing == ViewSharing.Everyone && Authorize(actor, account, CsOperation.ShareViewWithEveryone) is { IsFailure: true } notShared)
        {
            return notShared.Error;
        }

        var normalized = Normalize(definition, target);
        if (!normalized.TryGetValue(out var clean))
        {
            return normalized.Error!;
        }

        var view = new View(ViewId.From(State.LastViewId + 1), actor.UserId, clean);
        Commit(
            State with { Views = State.Views.Add(view), LastViewId = State.LastViewId + 1 },
            new ViewCreated(State.Key, view.Id, view.Name, view.Sharing, Initiator.User(actor.UserId), now));
        return view;
    }

    /// <summary>Replaces a custom view's name, sharing, columns, filter and sort (rules 9, 10, 44, 45, 47).</summary>
    /// <typeparam name="T">The tab's item type (records or tasks).</typeparam>
    /// <param name="actor">Who edits it.</param>
    /// <param name="account">The account; must be this catalogue's portal.</param>
    /// <param name="viewId">The view.</param>
    /// <param name="definition">The new definition.</param>
    /// <param name="target">The properties of the tab's items.</param>
    /// <param name="now">The current instant.</param>
    /// <returns>The edited view (the same instance, without an event, when nothing changed), or a refusal
    /// (<c>view.not_found</c>, <c>access.*</c>, <c>view.builtin_not_editable</c>, <c>view.default_cannot_be_private</c>,
    /// validation codes).</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is another portal than the catalogue's.</exception>
    public Result<View> Edit<T>(Actor actor, AccountContext account, ViewId viewId, ViewDefinition definition, FilterTarget<T> target, Instant now)
    {
        CheckCaller(actor, account);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(target);
        if (State.FindVisibleTo(viewId, actor.UserId) is not { } current)
        {
            return ViewErrors.NotFound(viewId);
        }

        if (AuthorizeManage(actor, account, current) is { IsFailure: true } denied)
        {
            return denied.Error;
        }

        if (definition.Sharing == ViewSharing.Everyone && Authorize(actor, account, CsOperation.ShareViewWithEveryone) is { IsFailure: true } notShared)
        {
            return notShared.Error;
        }

        if (current.IsBuiltIn)
        {
            return ViewErrors.BuiltInNotEditable(current.Name);
        }

        var normalized = Normalize(definition, target);
        if (!normalized.TryGetValue(out var clean))
        {
            return normalized.Error!;
        }

        if (clean.Sharing == ViewSharing.Private && State.IsDefault(viewId))
        {
            return ViewErrors.DefaultCannotBePrivate(current.Name);
        }

        if (clean.Equals(current.Definition))
        {
            return current;
        }

        var edited = current with { Definition = clean };
        Commit(State with { Views = State.Views.Replace(current, edited) }, new ViewEdited(State.Key, viewId, clean, Initiator.User(actor.UserId), now));
        return edited;
    }

    /// <summary>Deletes a view, built-in or custom, after explicit confirmation (rules 9, 10, 47, 48); a default view
    /// also leaves the default list.</summary>
    /// <param name="actor">Who deletes it.</param>
    /// <param name="account">The account; must be this catalogue's portal.</param>
    /// <param name="viewId">The view.</param>
    /// <param name="confirmation">Exactly <see cref="DeleteConfirmationPhrase"/> (ordinal).</param>
    /// <param name="now">The current instant.</param>
    /// <returns>Success, or <c>view.not_found</c>, <c>access.*</c>, <c>view.delete_not_confirmed</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="account"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is another portal than the catalogue's.</exception>
    public Result Delete(Actor actor, AccountContext account, ViewId viewId, string? confirmation, Instant now)
    {
        CheckCaller(actor, account);
        if (State.FindVisibleTo(viewId, actor.UserId) is not { } current)
        {
            return ViewErrors.NotFound(viewId);
        }

        if (AuthorizeManage(actor, account, current) is { IsFailure: true } denied)
        {
            return denied;
        }

        if (!string.Equals(confirmation, DeleteConfirmationPhrase, StringComparison.Ordinal))
        {
            return ViewErrors.DeleteNotConfirmed(current.Name);
        }

        var wasDefault = State.IsDefault(viewId);
        return Commit(
            State with { Views = State.Views.Remove(current), DefaultViewIds = State.DefaultViewIds.Remove(viewId) },
            new ViewDeleted(State.Key, viewId, current.Name, wasDefault, Initiator.User(actor.UserId), now));
    }

    /// <summary>Makes a view shared with Everyone a default view at the end of the order, or changes the description of
    /// a default view (rules 10, 36, 44, 46).</summary>
    /// <param name="actor">Who sets it.</param>
    /// <param name="account">The account; must be this catalogue's portal.</param>
    /// <param name="viewId">The view.</param>
    /// <param name="description">The Summary-card description; required.</param>
    /// <param name="now">The current instant.</param>
    /// <returns>Success (without an event when nothing changes), or <c>view.not_found</c>, <c>access.*</c>,
    /// <c>view.default_requires_everyone</c>, <c>view.default_requires_description</c>, <c>view.description_invalid</c>,
    /// <c>view.default_limit_reached</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="account"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is another portal than the catalogue's.</exception>
    public Result SetDefault(Actor actor, AccountContext account, ViewId viewId, string? description, Instant now)
    {
        CheckCaller(actor, account);
        if (State.FindVisibleTo(viewId, actor.UserId) is not { } current)
        {
            return ViewErrors.NotFound(viewId);
        }

        if (Authorize(actor, account, CsOperation.ManageDefaultViews) is { IsFailure: true } denied)
        {
            return denied;
        }

        if (current.Sharing != ViewSharing.Everyone)
        {
            return ViewErrors.DefaultRequiresEveryone(current.Name);
        }

        var text = description?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return ViewErrors.DefaultRequiresDescription(current.Name);
        }

        if (text.Length > MaxDescriptionLength)
        {
            return ViewErrors.DescriptionInvalid(MaxDescriptionLength);
        }

        var isDefault = State.IsDefault(viewId);
        if (isDefault && string.Equals(current.Description, text, StringComparison.Ordinal))
        {
            return Result.Success();
        }

        if (!isDefault && State.DefaultViewIds.Length >= MaxDefaultViews)
        {
            return ViewErrors.DefaultLimitReached(current.Name);
        }

        var order = isDefault ? State.DefaultViewIds : State.DefaultViewIds.Add(viewId);
        return Commit(
            State with { Views = State.Views.Replace(current, current with { Description = text }), DefaultViewIds = order },
            new DefaultViewSet(State.Key, viewId, text, order.IndexOf(viewId), Initiator.User(actor.UserId), now));
    }

    /// <summary>Removes a view from the default list (rules 10, 46); a view that is not default is left as it is.</summary>
    /// <param name="actor">Who unsets it.</param>
    /// <param name="account">The account; must be this catalogue's portal.</param>
    /// <param name="viewId">The view.</param>
    /// <param name="now">The current instant.</param>
    /// <returns>Success, or <c>view.not_found</c>, <c>access.*</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="account"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is another portal than the catalogue's.</exception>
    public Result UnsetDefault(Actor actor, AccountContext account, ViewId viewId, Instant now)
    {
        CheckCaller(actor, account);
        if (State.FindVisibleTo(viewId, actor.UserId) is null)
        {
            return ViewErrors.NotFound(viewId);
        }

        if (Authorize(actor, account, CsOperation.ManageDefaultViews) is { IsFailure: true } denied)
        {
            return denied;
        }

        if (!State.IsDefault(viewId))
        {
            return Result.Success();
        }

        return Commit(
            State with { DefaultViewIds = State.DefaultViewIds.Remove(viewId) },
            new DefaultViewUnset(State.Key, viewId, Initiator.User(actor.UserId), now));
    }

    /// <summary>Puts the default views in a new order (rules 10, 36).</summary>
    /// <param name="actor">Who reorders them.</param>
    /// <param name="account">The account; must be this catalogue's portal.</param>
    /// <param name="order">Every current default view exactly once, in the new order.</param>
    /// <param name="now">The current instant.</param>
    /// <returns>Success, or <c>access.*</c>, <c>view.default_order_invalid</c>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is another portal than the catalogue's.</exception>
    public Result ReorderDefaults(Actor actor, AccountContext account, IEnumerable<ViewId> order, Instant now)
    {
        if (Authorize(actor, account, CsOperation.ManageDefaultViews) is { IsFailure: true } denied)
        {
            return denied;
        }

        ArgumentNullException.ThrowIfNull(order);
        ImmutableArray<ViewId> wanted = [.. order];
        var current = State.DefaultViewIds;
        if (wanted.Length != current.Length || wanted.Distinct().Count() != wanted.Length || !wanted.All(current.Contains))
        {
            return ViewErrors.DefaultOrderInvalid(current.Length);
        }

        if (wanted.SequenceEqual(current))
        {
            return Result.Success();
        }

        return Commit(State with { DefaultViewIds = wanted }, new DefaultViewsReordered(State.Key, wanted, Initiator.User(actor.UserId), now));
    }

    /// <summary>Finds a view <paramref name="actor"/> can see.</summary>
    /// <param name="actor">The viewer.</param>
    /// <param name="viewId">The view.</param>
    /// <returns>The view, or <c>view.not_found</c> (also for someone else's private view).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is <see langword="null"/>.</exception>
    public Result<View> FindVisible(Actor actor, ViewId viewId)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return State.FindVisibleTo(viewId, actor.UserId) is { } view ? view : ViewErrors.NotFound(viewId);
    }

    internal static ViewCatalogState CheckInvariants(ViewCatalogState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var views = state.Views.ToDictionary(v => v.Id);
        string? problem =
            state.Key.PortalId.IsDefault ? "the key is default"
            : views.Count != state.Views.Length ? "a view id is used twice"
            : state.Views.Any(v => v.Id.IsDefault || v.Id.Value > state.LastViewId) ? "a view id was never handed out"
            : state.Views.Any(v => v.Sharing == ViewSharing.Private && v.OwnerId is null) ? "a private view has no owner"
            : state.DefaultViewIds.Length > MaxDefaultViews ? "there are more than six default views"
            : state.DefaultViewIds.Distinct().Count() != state.DefaultViewIds.Length ? "a default view is listed twice"
            : !state.DefaultViewIds.All(id => views.TryGetValue(id, out var v) && v.Sharing == ViewSharing.Everyone) ? "a default view is missing or private"
            : null;
        return problem is null
            ? state
            : throw new ArgumentException($"The stored view catalogue {state.Key} is corrupt: {problem}.", nameof(state));
    }

    private static Result<ViewDefinition> Normalize<T>(ViewDefinition definition, FilterTarget<T> target)
    {
        var name = definition.Name?.Trim() ?? string.Empty;
        if (name.Length is 0 or > MaxNameLength)
        {
            return ViewErrors.NameInvalid(MaxNameLength);
        }

        if (definition.Sharing is not (ViewSharing.Private or ViewSharing.Everyone))
        {
            throw new ArgumentOutOfRangeException(nameof(definition), definition.Sharing, "Unknown sharing.");
        }

        var columns = definition.Columns;
        if (columns.Length > MaxColumns)
        {
            return ViewErrors.ColumnsInvalid($"a view shows at most {MaxColumns} columns.");
        }

        if (columns.FirstOrDefault(c => !target.Contains(c)) is { } unknown || columns.Any(c => c is null))
        {
            return ViewErrors.ColumnsInvalid($"'{columns.FirstOrDefault(c => !target.Contains(c))}' is not a property of the tab's items.");
        }

        if (columns.Distinct(StringComparer.Ordinal).Count() != columns.Length)
        {
            return ViewErrors.ColumnsInvalid("a column is listed twice.");
        }

        if (definition.Filter is not null && FilterCompiler.Validate(definition.Filter, target) is { IsFailure: true } badFilter)
        {
            return badFilter.Error;
        }

        if (definition.Sort is not null && FilterCompiler.ValidateSort(definition.Sort.Property, target) is { IsFailure: true } badSort)
        {
            return badSort.Error;
        }

        return definition with { Name = name };
    }

    private Result AuthorizeManage(Actor actor, AccountContext account, View view) =>
        Authorize(actor, account, view.Sharing == ViewSharing.Everyone ? CsOperation.ManageDefaultViews : CsOperation.ManagePrivateViews);
}
