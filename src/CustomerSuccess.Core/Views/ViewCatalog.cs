using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CustomerSuccess.Core.Access;
using CustomerSuccess.Core.Records;
using NodaTime;

namespace CustomerSuccess.Core.Views;

/// <summary>
/// The views of one workspace tab and their ordered default list: one aggregate, so that "make private", "set default"
/// and "reorder" are checked against the same version (reliability guide §2.3).
/// </summary>
/// <remarks>
/// <para>Rules enforced here (numbers from <c>domain-rules.md</c>):</para>
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
/// tab's <see cref="RecordSchema"/>.</description></item>
/// <item><description>46: setting a default needs a description.</description></item>
/// <item><description>42, 47: the built-in views "Owned by me" and "Assigned in the last 30 days" exist from the start
/// (Customers, Services and Revenue tabs) as default views, cannot be edited, and can be deleted.</description></item>
/// <item><description>48: deleting needs the confirmation phrase <see cref="DeleteConfirmationPhrase"/>.</description></item>
/// </list>
/// <para>Every permission check goes through <see cref="AccessPolicy.Authorize"/>. A refused operation returns its
/// failure and leaves <see cref="AggregateRoot{TState}.State"/> and the events unchanged; an operation that changes
/// nothing succeeds and records no event.</para>
/// <threadsafety>Not thread-safe: use one instance per operation (the state it holds is immutable).</threadsafety>
/// </remarks>
public sealed class ViewCatalog : AggregateRoot<ViewCatalogState>
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

    private readonly AccessPolicy _policy;

    /// <summary>Initializes the aggregate over a stored state, checking its invariants.</summary>
    /// <param name="state">The state.</param>
    /// <param name="policy">The access policy; <see langword="null"/> for <see cref="AccessPolicy.Default"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="state"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="state"/> is corrupt: repeated or unassigned view ids, a
    /// private view without owner, or a default list that is longer than <see cref="MaxDefaultViews"/>, repeats a view,
    /// names a missing view or a private one.</exception>
    public ViewCatalog(ViewCatalogState state, AccessPolicy? policy = null)
        : base(CheckInvariants(state))
    {
        _policy = policy ?? AccessPolicy.Default;
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
            ViewTab.Services => ImmutableArray.Create(RecordSchema.CsmOwner, RecordSchema.Pipeline, RecordSchema.Stage, RecordSchema.CreatedAt, RecordSchema.LastActivityAt),
            ViewTab.Revenue => ImmutableArray.Create(RecordSchema.CsmOwner, RecordSchema.Pipeline, RecordSchema.Stage, RecordSchema.Amount, RecordSchema.CreatedAt, RecordSchema.LastActivityAt),
            _ => ImmutableArray.Create(RecordSchema.CsmOwner, RecordSchema.CreatedAt, RecordSchema.LastActivityAt),
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
        BuiltInView.OwnedByMe => ViewFilter.Condition(RecordSchema.CsmOwner, FilterOperator.IsMe),
        BuiltInView.AssignedInLast30Days => ViewFilter.And(
            ViewFilter.Condition(RecordSchema.CsmOwner, FilterOperator.IsMe),
            ViewFilter.Condition(RecordSchema.OwnerAssignedAt, FilterOperator.InLastDays, FilterValue.Number(30))),
        _ => throw new ArgumentOutOfRangeException(nameof(view), view, "Unknown built-in view."),
    };

    /// <summary>Lists the views <paramref name="user"/> can see, in creation order: every view shared with Everyone and
    /// their own private views (rule 9).</summary>
    /// <param name="user">The viewer.</param>
    /// <returns>The visible views.</returns>
    public IReadOnlyList<View> ListVisibleTo(UserId user) => [.. State.Views.Where(v => v.IsVisibleTo(user))];

    /// <summary>Creates a custom view owned by <paramref name="actor"/> (rules 9, 44, 45).</summary>
    /// <param name="actor">Who creates it.</param>
    /// <param name="account">The account.</param>
    /// <param name="definition">Name, sharing, columns, filter, sort.</param>
    /// <param name="schema">The properties of the tab's records.</param>
    /// <param name="now">The current instant.</param>
    /// <returns>The new view, or a refusal (<c>access.*</c>, <c>view.name_invalid</c>, <c>view.columns_invalid</c>,
    /// <c>view.filter_invalid</c>, <c>view.sort_invalid</c>).</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is another portal than the catalogue's.</exception>
    public Result<View> Create(Actor actor, AccountContext account, ViewDefinition definition, RecordSchema schema, Instant now)
    {
        CheckArguments(actor, account);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(schema);
        var allowed = Authorize(actor, account, CsOperation.ManagePrivateViews)
            .Then(() => definition.Sharing == ViewSharing.Everyone ? Authorize(actor, account, CsOperation.ShareViewWithEveryone) : Result.Success());
        if (allowed.IsFailure)
        {
            return Result.Failure<View>(allowed.Error);
        }

        var normalized = Normalize(definition, schema);
        if (!normalized.TryGetValue(out var clean))
        {
            return Result.Failure<View>(normalized.Error!);
        }

        var view = new View(ViewId.From(State.LastViewId + 1), actor.UserId, clean);
        var next = State with { Views = State.Views.Add(view), LastViewId = State.LastViewId + 1 };
        Commit(next, new ViewCreated(State.Key, view.Id, view.Name, view.Sharing, actor.UserId, now));
        return Result.Success(view);
    }

    /// <summary>Replaces a custom view's name, sharing, columns, filter and sort (rules 9, 10, 44, 45, 47).</summary>
    /// <param name="actor">Who edits it.</param>
    /// <param name="account">The account.</param>
    /// <param name="viewId">The view.</param>
    /// <param name="definition">The new definition.</param>
    /// <param name="schema">The properties of the tab's records.</param>
    /// <param name="now">The current instant.</param>
    /// <returns>The edited view, or a refusal (<c>view.not_found</c>, <c>access.*</c>, <c>view.builtin_not_editable</c>,
    /// <c>view.default_cannot_be_private</c>, validation codes).</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is another portal than the catalogue's.</exception>
    public Result<View> Edit(Actor actor, AccountContext account, ViewId viewId, ViewDefinition definition, RecordSchema schema, Instant now)
    {
        CheckArguments(actor, account);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(schema);
        var view = FindVisible(actor, viewId);
        if (!view.TryGetValue(out var current))
        {
            return view;
        }

        var allowed = AuthorizeManage(actor, account, current)
            .Then(() => definition.Sharing == ViewSharing.Everyone ? Authorize(actor, account, CsOperation.ShareViewWithEveryone) : Result.Success());
        if (allowed.IsFailure)
        {
            return Result.Failure<View>(allowed.Error);
        }

        if (current.IsBuiltIn)
        {
            return Result.Failure<View>(ViewErrors.BuiltInNotEditable(current.Name));
        }

        var normalized = Normalize(definition, schema);
        if (!normalized.TryGetValue(out var clean))
        {
            return Result.Failure<View>(normalized.Error!);
        }

        if (clean.Sharing == ViewSharing.Private && State.IsDefault(viewId))
        {
            return Result.Failure<View>(ViewErrors.DefaultCannotBePrivate(current.Name));
        }

        if (clean.Equals(current.Definition))
        {
            return Result.Success(current);
        }

        var edited = current with { Definition = clean };
        Commit(State with { Views = State.Views.Replace(current, edited) }, new ViewEdited(State.Key, viewId, clean, actor.UserId, now));
        return Result.Success(edited);
    }

    /// <summary>Deletes a view, built-in or custom, after explicit confirmation (rules 9, 10, 47, 48); a default view
    /// also leaves the default list.</summary>
    /// <param name="actor">Who deletes it.</param>
    /// <param name="account">The account.</param>
    /// <param name="viewId">The view.</param>
    /// <param name="confirmation">Exactly <see cref="DeleteConfirmationPhrase"/> (ordinal).</param>
    /// <param name="now">The current instant.</param>
    /// <returns>Success, or <c>view.not_found</c>, <c>access.*</c>, <c>view.delete_not_confirmed</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="account"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is another portal than the catalogue's.</exception>
    public Result Delete(Actor actor, AccountContext account, ViewId viewId, string? confirmation, Instant now)
    {
        CheckArguments(actor, account);
        var view = FindVisible(actor, viewId);
        if (!view.TryGetValue(out var current))
        {
            return view.ToResult();
        }

        var allowed = AuthorizeManage(actor, account, current);
        if (allowed.IsFailure)
        {
            return allowed;
        }

        if (!string.Equals(confirmation, DeleteConfirmationPhrase, StringComparison.Ordinal))
        {
            return Result.Failure(ViewErrors.DeleteNotConfirmed(current.Name));
        }

        var wasDefault = State.IsDefault(viewId);
        var next = State with { Views = State.Views.Remove(current), DefaultViewIds = State.DefaultViewIds.Remove(viewId) };
        return Commit(next, new ViewDeleted(State.Key, viewId, current.Name, wasDefault, actor.UserId, now));
    }

    /// <summary>Makes a view shared with Everyone a default view at the end of the order, or changes the description of
    /// a default view (rules 10, 36, 44, 46).</summary>
    /// <param name="actor">Who sets it.</param>
    /// <param name="account">The account.</param>
    /// <param name="viewId">The view.</param>
    /// <param name="description">The Summary-card description; required.</param>
    /// <param name="now">The current instant.</param>
    /// <returns>Success, or <c>view.not_found</c>, <c>access.*</c>, <c>view.default_requires_everyone</c>,
    /// <c>view.default_requires_description</c>, <c>view.description_invalid</c>, <c>view.default_limit_reached</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="account"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is another portal than the catalogue's.</exception>
    public Result SetDefault(Actor actor, AccountContext account, ViewId viewId, string? description, Instant now)
    {
        CheckArguments(actor, account);
        var view = FindVisible(actor, viewId);
        if (!view.TryGetValue(out var current))
        {
            return view.ToResult();
        }

        var allowed = Authorize(actor, account, CsOperation.ManageDefaultViews);
        if (allowed.IsFailure)
        {
            return allowed;
        }

        if (current.Sharing != ViewSharing.Everyone)
        {
            return Result.Failure(ViewErrors.DefaultRequiresEveryone(current.Name));
        }

        var text = description?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return Result.Failure(ViewErrors.DefaultRequiresDescription(current.Name));
        }

        if (text.Length > MaxDescriptionLength)
        {
            return Result.Failure(ViewErrors.DescriptionInvalid(MaxDescriptionLength));
        }

        var isDefault = State.IsDefault(viewId);
        if (isDefault && string.Equals(current.Description, text, StringComparison.Ordinal))
        {
            return Result.Success();
        }

        if (!isDefault && State.DefaultViewIds.Length >= MaxDefaultViews)
        {
            return Result.Failure(ViewErrors.DefaultLimitReached(current.Name));
        }

        var order = isDefault ? State.DefaultViewIds : State.DefaultViewIds.Add(viewId);
        var next = State with { Views = State.Views.Replace(current, current with { Description = text }), DefaultViewIds = order };
        return Commit(next, new DefaultViewSet(State.Key, viewId, text, order.IndexOf(viewId), now));
    }

    /// <summary>Removes a view from the default list (rules 10, 46); a view that is not default is left as it is.</summary>
    /// <param name="actor">Who unsets it.</param>
    /// <param name="account">The account.</param>
    /// <param name="viewId">The view.</param>
    /// <param name="now">The current instant.</param>
    /// <returns>Success, or <c>view.not_found</c>, <c>access.*</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="account"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is another portal than the catalogue's.</exception>
    public Result UnsetDefault(Actor actor, AccountContext account, ViewId viewId, Instant now)
    {
        CheckArguments(actor, account);
        var view = FindVisible(actor, viewId);
        if (view.IsFailure)
        {
            return view.ToResult();
        }

        var allowed = Authorize(actor, account, CsOperation.ManageDefaultViews);
        if (allowed.IsFailure || !State.IsDefault(viewId))
        {
            return allowed;
        }

        return Commit(State with { DefaultViewIds = State.DefaultViewIds.Remove(viewId) }, new DefaultViewUnset(State.Key, viewId, now));
    }

    /// <summary>Puts the default views in a new order (rules 10, 36).</summary>
    /// <param name="actor">Who reorders them.</param>
    /// <param name="account">The account.</param>
    /// <param name="order">Every current default view exactly once, in the new order.</param>
    /// <param name="now">The current instant.</param>
    /// <returns>Success, or <c>access.*</c>, <c>view.default_order_invalid</c>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is another portal than the catalogue's.</exception>
    public Result ReorderDefaults(Actor actor, AccountContext account, IEnumerable<ViewId> order, Instant now)
    {
        CheckArguments(actor, account);
        ArgumentNullException.ThrowIfNull(order);
        var allowed = Authorize(actor, account, CsOperation.ManageDefaultViews);
        if (allowed.IsFailure)
        {
            return allowed;
        }

        ImmutableArray<ViewId> wanted = [.. order];
        var current = State.DefaultViewIds;
        if (wanted.Length != current.Length || wanted.Distinct().Count() != wanted.Length || !wanted.All(current.Contains))
        {
            return Result.Failure(ViewErrors.DefaultOrderInvalid(current.Length));
        }

        if (wanted.SequenceEqual(current))
        {
            return Result.Success();
        }

        return Commit(State with { DefaultViewIds = wanted }, new DefaultViewsReordered(State.Key, wanted, now));
    }

    /// <summary>Finds a view <paramref name="actor"/> can see.</summary>
    /// <param name="actor">The viewer.</param>
    /// <param name="viewId">The view.</param>
    /// <returns>The view, or <c>view.not_found</c> (also for someone else's private view).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is <see langword="null"/>.</exception>
    public Result<View> FindVisible(Actor actor, ViewId viewId)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var view = State.Find(viewId);
        return view is not null && view.IsVisibleTo(actor.UserId)
            ? Result.Success(view)
            : Result.Failure<View>(ViewErrors.NotFound(viewId));
    }

    private static ViewCatalogState CheckInvariants(ViewCatalogState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var views = state.Views.ToDictionary(v => v.Id);
        string? problem =
            views.Count != state.Views.Length ? "a view id is used twice"
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

    private static Result<ViewDefinition> Normalize(ViewDefinition definition, RecordSchema schema)
    {
        var name = definition.Name?.Trim() ?? string.Empty;
        if (name.Length is 0 or > MaxNameLength)
        {
            return Result.Failure<ViewDefinition>(ViewErrors.NameInvalid(MaxNameLength));
        }

        if (definition.Sharing is not (ViewSharing.Private or ViewSharing.Everyone))
        {
            throw new ArgumentOutOfRangeException(nameof(definition), definition.Sharing, "Unknown sharing.");
        }

        var columns = definition.Columns;
        if (columns.Length > MaxColumns)
        {
            return Result.Failure<ViewDefinition>(ViewErrors.ColumnsInvalid($"a view shows at most {MaxColumns} columns."));
        }

        var unknown = columns.FirstOrDefault(c => !schema.Contains(c));
        if (columns.Any(c => c is null) || unknown is not null)
        {
            return Result.Failure<ViewDefinition>(ViewErrors.ColumnsInvalid($"'{unknown}' is not a property of the tab's records."));
        }

        if (columns.Distinct(StringComparer.Ordinal).Count() != columns.Length)
        {
            return Result.Failure<ViewDefinition>(ViewErrors.ColumnsInvalid("a column is listed twice."));
        }

        if (definition.Filter is not null)
        {
            var filter = FilterCompiler.Validate(definition.Filter, schema);
            if (filter.IsFailure)
            {
                return Result.Failure<ViewDefinition>(filter.Error);
            }
        }

        if (definition.Sort is not null)
        {
            var sort = FilterCompiler.ValidateSort(definition.Sort.Property, schema);
            if (sort.IsFailure)
            {
                return Result.Failure<ViewDefinition>(sort.Error);
            }
        }

        return Result.Success(definition with { Name = name });
    }

    private Result AuthorizeManage(Actor actor, AccountContext account, View view) =>
        Authorize(actor, account, view.Sharing == ViewSharing.Everyone ? CsOperation.ManageDefaultViews : CsOperation.ManagePrivateViews);

    private Result Authorize(Actor actor, AccountContext account, CsOperation operation) => _policy.Authorize(actor, account, operation);

    private void CheckArguments(Actor actor, AccountContext account)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(account);
        if (account.PortalId != State.Key.PortalId)
        {
            throw new ArgumentException($"The account is portal {account.PortalId}, but this catalogue belongs to portal {State.Key.PortalId}.", nameof(account));
        }
    }
}
