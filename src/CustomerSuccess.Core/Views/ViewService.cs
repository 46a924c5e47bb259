using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.Core.Access;
using CustomerSuccess.Core.Records;
using NodaTime;

namespace CustomerSuccess.Core.Views;

/// <summary>
/// The application service for views: loads a <see cref="ViewCatalog"/> from an <see cref="IViewCatalogStore"/>, runs
/// one operation, and saves it with compare-and-set (<see cref="OptimisticCommand"/>); lists a view's records through
/// an <see cref="IRecordQuery"/>.
/// </summary>
/// <remarks>
/// <para>A catalogue that was never saved reads as <see cref="ViewCatalog.CreateInitialState"/> (the built-in views) and
/// is stored on its first change. Pass the version a person saw as <c>expectedVersion</c> for edits made from a screen:
/// a conflict is then reported (<c>concurrency.conflict</c>), not retried, so no edit is lost; without it the command is
/// re-run on fresh state up to <see cref="OptimisticCommand.DefaultMaxAttempts"/> times, re-checking every rule.</para>
/// <para>Time comes from the injected <see cref="IClock"/>; relative date filters are resolved against it once per
/// request.</para>
/// <threadsafety>Thread-safe if the store, the record query and the clock are.</threadsafety>
/// </remarks>
public sealed class ViewService
{
    private readonly IViewCatalogStore _store;
    private readonly IRecordQuery _records;
    private readonly IClock _clock;
    private readonly AccessPolicy _policy;

    /// <summary>Initializes the service.</summary>
    /// <param name="store">The catalogue store.</param>
    /// <param name="records">The record query.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="policy">The access policy; <see langword="null"/> for <see cref="AccessPolicy.Default"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="store"/>, <paramref name="records"/> or <paramref name="clock"/> is <see langword="null"/>.</exception>
    public ViewService(IViewCatalogStore store, IRecordQuery records, IClock clock, AccessPolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(clock);
        _store = store;
        _records = records;
        _clock = clock;
        _policy = policy ?? AccessPolicy.Default;
    }

    /// <summary>Returns the views <paramref name="actor"/> can see in a tab and the default views (rules 9, 36).</summary>
    /// <param name="actor">The viewer.</param>
    /// <param name="account">The account.</param>
    /// <param name="catalog">The workspace tab.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The views with the catalogue version (<see cref="VersionToken.None"/> if never saved), or <c>access.*</c>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<Result<Versioned<VisibleViews>>> GetViewsAsync(Actor actor, AccountContext account, ViewCatalogKey catalog, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(account);
        var allowed = _policy.Authorize(actor, account, CsOperation.UseWorkspaceTabs);
        if (allowed.IsFailure)
        {
            return Result.Failure<Versioned<VisibleViews>>(allowed.Error);
        }

        var stored = await _store.LoadAsync(catalog, cancellationToken).ConfigureAwait(false);
        var aggregate = new ViewCatalog(stored?.State ?? ViewCatalog.CreateInitialState(catalog), _policy);
        return Result.Success(new Versioned<VisibleViews>(Visible(aggregate, actor), stored?.Version ?? VersionToken.None));
    }

    /// <summary>Creates a custom view (see <see cref="ViewCatalog.Create"/>).</summary>
    /// <param name="actor">Who creates it.</param>
    /// <param name="account">The account.</param>
    /// <param name="catalog">The workspace tab.</param>
    /// <param name="definition">The view.</param>
    /// <param name="schema">The properties of the tab's records.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The new view and catalogue version, or a refusal.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<Result<Versioned<View>>> CreateViewAsync(Actor actor, AccountContext account, ViewCatalogKey catalog, ViewDefinition definition, RecordSchema schema, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(schema);
        var now = _clock.GetCurrentInstant();
        return RunAsync(actor, account, catalog, c => c.Create(actor, account, definition, schema, now), null, cancellationToken);
    }

    /// <summary>Edits a custom view (see <see cref="ViewCatalog.Edit"/>).</summary>
    /// <param name="actor">Who edits it.</param>
    /// <param name="account">The account.</param>
    /// <param name="catalog">The workspace tab.</param>
    /// <param name="viewId">The view.</param>
    /// <param name="definition">The new definition.</param>
    /// <param name="schema">The properties of the tab's records.</param>
    /// <param name="expectedVersion">The catalogue version the person saw, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The edited view and catalogue version, or a refusal.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<Result<Versioned<View>>> EditViewAsync(Actor actor, AccountContext account, ViewCatalogKey catalog, ViewId viewId, ViewDefinition definition, RecordSchema schema, VersionToken? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(schema);
        var now = _clock.GetCurrentInstant();
        return RunAsync(actor, account, catalog, c => c.Edit(actor, account, viewId, definition, schema, now), expectedVersion, cancellationToken);
    }

    /// <summary>Deletes a view after explicit confirmation (see <see cref="ViewCatalog.Delete"/>).</summary>
    /// <param name="actor">Who deletes it.</param>
    /// <param name="account">The account.</param>
    /// <param name="catalog">The workspace tab.</param>
    /// <param name="viewId">The view.</param>
    /// <param name="confirmation">Must be <see cref="ViewCatalog.DeleteConfirmationPhrase"/>.</param>
    /// <param name="expectedVersion">The catalogue version the person saw, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>What the actor now sees, with the catalogue version, or a refusal.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="account"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<Result<Versioned<VisibleViews>>> DeleteViewAsync(Actor actor, AccountContext account, ViewCatalogKey catalog, ViewId viewId, string? confirmation, VersionToken? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        var now = _clock.GetCurrentInstant();
        return RunAsync(actor, account, catalog, c => Then(c, actor, c.Delete(actor, account, viewId, confirmation, now)), expectedVersion, cancellationToken);
    }

    /// <summary>Sets a view as default with a description (see <see cref="ViewCatalog.SetDefault"/>).</summary>
    /// <param name="actor">Who sets it.</param>
    /// <param name="account">The account.</param>
    /// <param name="catalog">The workspace tab.</param>
    /// <param name="viewId">The view.</param>
    /// <param name="description">The Summary-card description.</param>
    /// <param name="expectedVersion">The catalogue version the person saw, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>What the actor now sees, with the catalogue version, or a refusal.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="account"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<Result<Versioned<VisibleViews>>> SetDefaultViewAsync(Actor actor, AccountContext account, ViewCatalogKey catalog, ViewId viewId, string? description, VersionToken? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        var now = _clock.GetCurrentInstant();
        return RunAsync(actor, account, catalog, c => Then(c, actor, c.SetDefault(actor, account, viewId, description, now)), expectedVersion, cancellationToken);
    }

    /// <summary>Removes a view from the defaults (see <see cref="ViewCatalog.UnsetDefault"/>).</summary>
    /// <param name="actor">Who unsets it.</param>
    /// <param name="account">The account.</param>
    /// <param name="catalog">The workspace tab.</param>
    /// <param name="viewId">The view.</param>
    /// <param name="expectedVersion">The catalogue version the person saw, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>What the actor now sees, with the catalogue version, or a refusal.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="account"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<Result<Versioned<VisibleViews>>> UnsetDefaultViewAsync(Actor actor, AccountContext account, ViewCatalogKey catalog, ViewId viewId, VersionToken? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        var now = _clock.GetCurrentInstant();
        return RunAsync(actor, account, catalog, c => Then(c, actor, c.UnsetDefault(actor, account, viewId, now)), expectedVersion, cancellationToken);
    }

    /// <summary>Reorders the default views (see <see cref="ViewCatalog.ReorderDefaults"/>).</summary>
    /// <param name="actor">Who reorders them.</param>
    /// <param name="account">The account.</param>
    /// <param name="catalog">The workspace tab.</param>
    /// <param name="order">The new order.</param>
    /// <param name="expectedVersion">The catalogue version the person saw, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>What the actor now sees, with the catalogue version, or a refusal.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<Result<Versioned<VisibleViews>>> ReorderDefaultViewsAsync(Actor actor, AccountContext account, ViewCatalogKey catalog, IReadOnlyList<ViewId> order, VersionToken? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        var now = _clock.GetCurrentInstant();
        return RunAsync(actor, account, catalog, c => Then(c, actor, c.ReorderDefaults(actor, account, order, now)), expectedVersion, cancellationToken);
    }

    /// <summary>Lists one page of a view's records, narrowed by quick filters (rules 42, 43), relative to the clock's
    /// current instant and the viewer's zone.</summary>
    /// <param name="actor">The viewer ("me" in owner filters).</param>
    /// <param name="account">The account.</param>
    /// <param name="request">The view, quick filters, schema, zone and page.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The page, or <c>access.*</c>, <c>view.not_found</c>, <c>view.filter_invalid</c>, <c>view.sort_invalid</c>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<Result<RecordPage>> ListRecordsAsync(Actor actor, AccountContext account, RecordListRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(request);
        var allowed = _policy.Authorize(actor, account, CsOperation.UseWorkspaceTabs);
        if (allowed.IsFailure)
        {
            return Result.Failure<RecordPage>(allowed.Error);
        }

        var stored = await _store.LoadAsync(request.Catalog, cancellationToken).ConfigureAwait(false);
        var aggregate = new ViewCatalog(stored?.State ?? ViewCatalog.CreateInitialState(request.Catalog), _policy);
        var found = aggregate.FindVisible(actor, request.ViewId);
        if (!found.TryGetValue(out var view))
        {
            return Result.Failure<RecordPage>(found.Error!);
        }

        var context = new FilterContext(actor.UserId, _clock.GetCurrentInstant(), request.ViewerZone);
        var filter = QuickFilters.Combine(view.Definition.Filter, request.AllQuickFilters());
        var spec = FilterCompiler.Compile(filter, view.Definition.Sort, request.Schema, context);
        if (!spec.TryGetValue(out var specification))
        {
            return Result.Failure<RecordPage>(spec.Error!);
        }

        var page = await _records.QueryAsync(specification, request.Page, cancellationToken).ConfigureAwait(false);
        return Result.Success(page);
    }

    private static VisibleViews Visible(ViewCatalog catalog, Actor actor) =>
        new(catalog.ListVisibleTo(actor.UserId), catalog.DefaultViews);

    private static Result<VisibleViews> Then(ViewCatalog catalog, Actor actor, Result outcome) =>
        outcome.IsSuccess ? Result.Success(Visible(catalog, actor)) : Result.Failure<VisibleViews>(outcome.Error);

    private Task<Result<Versioned<TOutput>>> RunAsync<TOutput>(
        Actor actor,
        AccountContext account,
        ViewCatalogKey catalog,
        Func<ViewCatalog, Result<TOutput>> operation,
        VersionToken? expectedVersion,
        CancellationToken cancellationToken)
        where TOutput : class
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(account);
        return OptimisticCommand.RunOnAggregateAsync(
            _store,
            catalog,
            state => new ViewCatalog(state, _policy),
            () => ViewCatalog.CreateInitialState(catalog),
            operation,
            expectedVersion,
            cancellationToken);
    }
}
