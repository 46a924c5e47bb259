using System;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.Core.Access;
using CustomerSuccess.Core.Workspaces;

namespace CustomerSuccess.Core.Views;

/// <summary>
/// What every service that lists a workspace tab's content does first: check the operation and the workspace's
/// visibility (rule 28) against the portal's directory, and find a view of the tab's catalogue that the actor can see.
/// Shared by <see cref="ViewService"/> (records) and the task service (tasks), so both answer alike.
/// </summary>
/// <remarks><threadsafety>Thread-safe if the stores are.</threadsafety></remarks>
internal sealed class WorkspaceTabAccess
{
    private readonly AggregateRepository<PortalId, WorkspaceDirectoryState, WorkspaceDirectory> _directories;
    private readonly AccessPolicy _policy;

    public WorkspaceTabAccess(IViewCatalogStore catalogs, IWorkspaceDirectoryStore directories, ServiceContext context)
    {
        ArgumentNullException.ThrowIfNull(catalogs);
        ArgumentNullException.ThrowIfNull(directories);
        ArgumentNullException.ThrowIfNull(context);
        _policy = context.Policy;
        Catalogs = new(catalogs, context, state => new ViewCatalog(state, context.Policy), ViewCatalog.CreateInitialState);
        _directories = new(directories, context, state => new WorkspaceDirectory(state, context.Policy), WorkspaceDirectory.CreateInitialState);
    }

    /// <summary>Gets the view catalogues.</summary>
    public AggregateRepository<ViewCatalogKey, ViewCatalogState, ViewCatalog> Catalogs { get; }

    /// <summary>The tab check every call starts with: the operation, the portal, the workspace's visibility (rule 28).
    /// The account's own directory is always loaded, so a key of another portal costs the same as a missing workspace
    /// and is answered like one (<c>workspace.not_found</c>).</summary>
    public async Task<Result> AuthorizeAsync(Actor actor, AccountContext account, ViewCatalogKey catalog, CsOperation operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(account);
        var directory = await _directories.LoadAsync(account.PortalId, cancellationToken).ConfigureAwait(false);
        if (catalog.PortalId != account.PortalId)
        {
            return _policy.Authorize(actor, account, operation).Bind(() => Result.Failure(WorkspaceErrors.NotFound(catalog.WorkspaceId)));
        }

        return _policy.AuthorizeWorkspace(actor, account, operation, directory.State, catalog.WorkspaceId).ToResult();
    }

    /// <summary>Finds a view the actor can see in a tab they may use (rules 2, 9, 28).</summary>
    /// <returns>The view, or <c>access.*</c>, <c>workspace.not_found</c>, <c>view.not_found</c>.</returns>
    public async Task<Result<View>> FindViewAsync(Actor actor, AccountContext account, ViewCatalogKey catalog, ViewId viewId, CancellationToken cancellationToken)
    {
        if (await AuthorizeAsync(actor, account, catalog, CsOperation.UseWorkspaceTabs, cancellationToken).ConfigureAwait(false) is { IsFailure: true } denied)
        {
            return denied.Error;
        }

        var (aggregate, _) = await Catalogs.RestoreAsync(catalog, cancellationToken).ConfigureAwait(false);
        return aggregate.FindVisible(actor, viewId);
    }
}
