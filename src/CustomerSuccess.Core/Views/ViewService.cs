using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.Core.Access;
using CustomerSuccess.Core.Filters;
using CustomerSuccess.Core.Records;
using CustomerSuccess.Core.Workspaces;
using NodaTime;

namespace CustomerSuccess.Core.Views;

/// <summary>
/// The application service for views: a thin adapter that loads a tab's <see cref="ViewCatalog"/> from an
/// <see cref="IViewCatalogStore"/>, runs one operation and saves it by compare-and-set (<see cref="OptimisticCommand"/>);
/// and lists a view's records through an <see cref="IRecordQuery"/>. The rules and their refusals are the aggregate's;
/// each command inherits its documentation.
/// </summary>
/// <remarks>
/// <para>Every call, read or write, first checks that the actor may use the tab of that workspace: the operation (rules
/// 2, 3), then the workspace's visibility (rule 28: the workspace of the user's primary team, else the primary one;
/// super admins see every workspace), decided by <see cref="AccessPolicy.AuthorizeWorkspace"/> against the portal's
/// <see cref="WorkspaceDirectory"/>. A catalogue key of another portal is answered exactly like a workspace that does
/// not exist (<c>workspace.not_found</c>), after the same work.</para>
/// <para>A catalogue that was never saved reads as <see cref="ViewCatalog.CreateInitialState"/> (the built-in views) and
/// is stored on its first change. Commands return a <see cref="Change{T}"/>. Pass the catalogue version a person saw as
/// <c>expectedVersion</c> for edits made from a screen: a conflict is then reported (<c>concurrency.conflict</c>), not
/// retried, so no edit is lost; without it the command re-runs on fresh state within <see cref="ServiceContext.Retry"/>,
/// re-checking every rule.</para>
/// <para>Time comes from <see cref="ServiceContext.Clock"/>; relative date filters are resolved against it once per
/// request.</para>
/// <threadsafety>Thread-safe if the stores and the record query are.</threadsafety>
/// </remarks>
public sealed class ViewService
{
    private readonly WorkspaceTabAccess _tabs;
    private readonly IRecordQuery _records;
    private readonly ServiceContext _context;

    /// <summary>Initializes the service.</summary>
    /// <param name="store">The catalogue store.</param>
    /// <param name="records">The record query.</param>
    /// <param name="directories">The workspace directories (read only), for rule 28.</param>
    /// <param name="context">The access policy, clock, event dispatcher and retry budget.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public ViewService(IViewCatalogStore store, IRecordQuery records, IWorkspaceDirectoryStore directories, ServiceContext context)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(directories);
        ArgumentNullException.ThrowIfNull(context);
        _records = records;
        _context = context;
        _tabs = new(store, directories, context);
    }

    /// <summary>Returns the views <paramref name="actor"/> can see in a tab and the default views (rules 9, 28, 36).</summary>
    /// <param name="actor">The viewer.</param>
    /// <param name="account">The account.</param>
    /// <param name="catalog">The workspace tab.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The views with the catalogue version (<see cref="VersionToken.None"/> if never saved), or <c>access.*</c>,
    /// <c>workspace.not_found</c>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<Result<Versioned<VisibleViews>>> GetViewsAsync(Actor actor, AccountContext account, ViewCatalogKey catalog, CancellationToken cancellationToken = default)
    {
        if (await _tabs.AuthorizeAsync(actor, account, catalog, CsOperation.UseWorkspaceTabs, cancellationToken).ConfigureAwait(false) is { IsFailure: true } denied)
        {
            return denied.Error;
        }

        var (aggregate, version) = await _tabs.Catalogs.RestoreAsync(catalog, cancellationToken).ConfigureAwait(false);
        return new Versioned<VisibleViews>(Visible(aggregate, actor), version);
    }

    /// <inheritdoc cref="ViewCatalog.Create"/>
    public Task<Result<Change<View>>> CreateViewAsync<T>(
        Actor actor, AccountContext account, ViewCatalogKey catalog, ViewDefinition definition, FilterTarget<T> target, VersionToken? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(target);
        return ExecuteAsync(actor, account, catalog, (c, now) => c.Create(actor, account, definition, target, now), expectedVersion, cancellationToken);
    }

    /// <inheritdoc cref="ViewCatalog.Edit"/>
    public Task<Result<Change<View>>> EditViewAsync<T>(
        Actor actor, AccountContext account, ViewCatalogKey catalog, ViewId viewId, ViewDefinition definition, FilterTarget<T> target, VersionToken? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(target);
        return ExecuteAsync(actor, account, catalog, (c, now) => c.Edit(actor, account, viewId, definition, target, now), expectedVersion, cancellationToken);
    }

    /// <inheritdoc cref="ViewCatalog.Delete"/>
    public Task<Result<Change<VisibleViews>>> DeleteViewAsync(
        Actor actor, AccountContext account, ViewCatalogKey catalog, ViewId viewId, string? confirmation, VersionToken? expectedVersion = null, CancellationToken cancellationToken = default) =>
        ExecuteAsync(actor, account, catalog, (c, now) => c.Delete(actor, account, viewId, confirmation, now).Map(() => Visible(c, actor)), expectedVersion, cancellationToken);

    /// <inheritdoc cref="ViewCatalog.SetDefault"/>
    public Task<Result<Change<VisibleViews>>> SetDefaultViewAsync(
        Actor actor, AccountContext account, ViewCatalogKey catalog, ViewId viewId, string? description, VersionToken? expectedVersion = null, CancellationToken cancellationToken = default) =>
        ExecuteAsync(actor, account, catalog, (c, now) => c.SetDefault(actor, account, viewId, description, now).Map(() => Visible(c, actor)), expectedVersion, cancellationToken);

    /// <inheritdoc cref="ViewCatalog.UnsetDefault"/>
    public Task<Result<Change<VisibleViews>>> UnsetDefaultViewAsync(
        Actor actor, AccountContext account, ViewCatalogKey catalog, ViewId viewId, VersionToken? expectedVersion = null, CancellationToken cancellationToken = default) =>
        ExecuteAsync(actor, account, catalog, (c, now) => c.UnsetDefault(actor, account, viewId, now).Map(() => Visible(c, actor)), expectedVersion, cancellationToken);

    /// <inheritdoc cref="ViewCatalog.ReorderDefaults"/>
    public Task<Result<Change<VisibleViews>>> ReorderDefaultViewsAsync(
        Actor actor, AccountContext account, ViewCatalogKey catalog, IReadOnlyList<ViewId> order, VersionToken? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        List<ViewId> copy = [.. order];
        return ExecuteAsync(actor, account, catalog, (c, now) => c.ReorderDefaults(actor, account, copy, now).Map(() => Visible(c, actor)), expectedVersion, cancellationToken);
    }

    /// <summary>Lists one page of a view's records, narrowed by quick filters (rules 42, 43), relative to the clock's
    /// current instant and the viewer's zone. Each record's property bag holds only the view's columns
    /// (<see cref="RecordQuery.Columns"/>).</summary>
    /// <param name="actor">The viewer ("me" in owner filters).</param>
    /// <param name="account">The account.</param>
    /// <param name="request">The view, quick filters, object, zone and page.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The page, or <c>access.*</c>, <c>workspace.not_found</c>, <c>view.not_found</c>,
    /// <c>view.filter_invalid</c>, <c>view.sort_invalid</c>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<Result<RecordPage>> ListRecordsAsync(Actor actor, AccountContext account, RecordListRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var found = await _tabs.FindViewAsync(actor, account, request.Catalog, request.ViewId, cancellationToken).ConfigureAwait(false);
        if (!found.TryGetValue(out var view))
        {
            return found.Error!;
        }

        var context = new FilterContext(actor.UserId, _context.Clock.GetCurrentInstant(), request.ViewerZone);
        var filter = QuickFilters.Combine(view.Definition.Filter, request.QuickFilters.IsDefault ? [] : request.QuickFilters);
        var spec = FilterCompiler.Compile(filter, view.Definition.Sort, RecordFilterTarget.For(request.Schema), context);
        if (!spec.TryGetValue(out var specification))
        {
            return spec.Error!;
        }

        // Only the columns the view shows are read from the property bag.
        var query = new RecordQuery(account.PortalId, request.Schema.ObjectType, specification, request.Page) { Columns = view.Definition.Columns };
        return await _records.QueryAsync(query, cancellationToken).ConfigureAwait(false);
    }

    private static VisibleViews Visible(ViewCatalog catalog, Actor actor) =>
        new(catalog.ListVisibleTo(actor.UserId), catalog.DefaultViews);

    private async Task<Result<Change<TOutput>>> ExecuteAsync<TOutput>(
        Actor actor,
        AccountContext account,
        ViewCatalogKey catalog,
        Func<ViewCatalog, Instant, Result<TOutput>> operation,
        VersionToken? expectedVersion,
        CancellationToken cancellationToken,
        [CallerMemberName] string? command = null)
    {
        if (await _tabs.AuthorizeAsync(actor, account, catalog, CsOperation.UseWorkspaceTabs, cancellationToken).ConfigureAwait(false) is { IsFailure: true } denied)
        {
            return denied.Error;
        }

        return await _tabs.Catalogs.ExecuteAsync(catalog, operation, expectedVersion, cancellationToken, command).ConfigureAwait(false);
    }
}
