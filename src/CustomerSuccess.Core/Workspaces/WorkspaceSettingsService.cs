using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.Core.Access;
using CustomerSuccess.Core.Crm;
using NodaTime;

namespace CustomerSuccess.Core.Workspaces;

/// <summary>
/// The application service for the account's object choices and every workspace's settings: a thin adapter over the
/// portal's <see cref="WorkspaceConfiguration"/> (stored in an <see cref="IWorkspaceConfigurationStore"/>). Per-workspace
/// operations first read the <see cref="WorkspaceDirectory"/> (read-only) to find the workspace. The rules and their
/// refusals are the aggregate's; each method inherits its documentation.
/// </summary>
/// <remarks>
/// <para>Commands return a <see cref="Change{T}"/> (the object choices or the workspace's settings after the change, the
/// configuration's new version, the events). Pass the version a person saw (from <see cref="GetConfigurationAsync"/>):
/// a conflict then returns <c>concurrency.conflict</c> and saves nothing; without it a command retries on fresh state
/// within <see cref="ServiceContext.Retry"/>. A per-workspace command for a workspace the directory does not hold returns
/// <see cref="WorkspaceErrors.NotFoundCode"/>.</para>
/// <threadsafety>Thread-safe if the stores are.</threadsafety>
/// </remarks>
public sealed class WorkspaceSettingsService
{
    private readonly AggregateRepository<PortalId, WorkspaceConfigurationState, WorkspaceConfiguration> _configurations;
    private readonly AggregateRepository<PortalId, WorkspaceDirectoryState, WorkspaceDirectory> _directories;
    private readonly ServiceContext _context;

    /// <summary>Initializes the service.</summary>
    /// <param name="store">Where configurations are stored.</param>
    /// <param name="directories">Where directories are stored (read only).</param>
    /// <param name="context">The access policy, clock, event dispatcher and retry budget.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public WorkspaceSettingsService(IWorkspaceConfigurationStore store, IWorkspaceDirectoryStore directories, ServiceContext context)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(directories);
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _configurations = new(store, context, state => new WorkspaceConfiguration(state, context.Policy), WorkspaceConfiguration.CreateInitialState);
        _directories = new(directories, context, state => new WorkspaceDirectory(state, context.Policy), WorkspaceDirectory.CreateInitialState);
    }

    /// <summary>Reads the account's object choices and every configured workspace's settings.</summary>
    /// <param name="actor">Who reads them; needs <see cref="CsOperation.ManageWorkspaceSettings"/> (rule 4).</param>
    /// <param name="account">The account.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The state and version (<see cref="VersionToken.None"/> if never stored), or <c>access.*</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="account"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<Result<Versioned<WorkspaceConfigurationState>>> GetConfigurationAsync(Actor actor, AccountContext account, CancellationToken cancellationToken = default)
    {
        if (_context.Policy.Authorize(actor, account, CsOperation.ManageWorkspaceSettings) is { IsFailure: true } denied)
        {
            return denied.Error;
        }

        return await _configurations.LoadAsync(account.PortalId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the settings of the workspace a user works in, as its tabs need them (which tabs are shown, which
    /// properties and pipelines they use).</summary>
    /// <param name="actor">The user; needs <see cref="CsOperation.OpenWorkspace"/> and must see the workspace (rule 28).</param>
    /// <param name="account">The account.</param>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The account's object choices and the workspace's settings (<see cref="WorkspaceSettings.Default"/> if never
    /// configured), or <c>access.*</c>, <see cref="WorkspaceErrors.NotFoundCode"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="account"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<Result<(CsObjectSettings Objects, WorkspaceSettings Settings)>> GetWorkspaceSettingsAsync(
        Actor actor, AccountContext account, WorkspaceId workspaceId, CancellationToken cancellationToken = default)
    {
        var workspace = await FindWorkspaceAsync(actor, account, CsOperation.OpenWorkspace, workspaceId, cancellationToken).ConfigureAwait(false);
        if (workspace.IsFailure)
        {
            return workspace.Error;
        }

        var configuration = await _configurations.LoadAsync(account.PortalId, cancellationToken).ConfigureAwait(false);
        return (configuration.State.Objects, configuration.State.SettingsOf(workspaceId));
    }

    /// <inheritdoc cref="WorkspaceConfiguration.ChooseCustomerObject"/>
    public Task<Result<Change<CsObjectSettings>>> ChooseCustomerObjectAsync(
        Actor actor, AccountContext account, CrmObjectType customerObject, CrmSchema schema, VersionToken? expectedVersion = null, CancellationToken cancellationToken = default) =>
        Execute(actor, account, (c, now) => c.ChooseCustomerObject(actor, account, customerObject, schema, now), expectedVersion, cancellationToken);

    /// <inheritdoc cref="WorkspaceConfiguration.ChooseServicesObject"/>
    public Task<Result<Change<CsObjectSettings>>> ChooseServicesObjectAsync(
        Actor actor, AccountContext account, CrmObjectType? servicesObject, CrmSchema schema, VersionToken? expectedVersion = null, CancellationToken cancellationToken = default) =>
        Execute(actor, account, (c, now) => c.ChooseServicesObject(actor, account, servicesObject, schema, now), expectedVersion, cancellationToken);

    /// <inheritdoc cref="WorkspaceConfiguration.ChooseRevenueObjects"/>
    public Task<Result<Change<CsObjectSettings>>> ChooseRevenueObjectsAsync(
        Actor actor, AccountContext account, IReadOnlyList<CrmObjectType> revenueObjects, CrmObjectType? defaultObject, CrmSchema schema, VersionToken? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(revenueObjects);
        List<CrmObjectType> objects = [.. revenueObjects];
        return Execute(actor, account, (c, now) => c.ChooseRevenueObjects(actor, account, objects, defaultObject, schema, now), expectedVersion, cancellationToken);
    }

    /// <inheritdoc cref="WorkspaceConfiguration.ConfigureCustomers"/>
    public Task<Result<Change<WorkspaceSettings>>> ConfigureCustomersAsync(
        Actor actor, AccountContext account, WorkspaceId workspaceId, string? csmOwnerProperty, string? renewalDateProperty, CrmSchema schema, VersionToken? expectedVersion = null, CancellationToken cancellationToken = default) =>
        ExecuteOnWorkspace(actor, account, workspaceId, (c, w, now) => c.ConfigureCustomers(actor, account, w, csmOwnerProperty, renewalDateProperty, schema, now), expectedVersion, cancellationToken);

    /// <inheritdoc cref="WorkspaceConfiguration.SetServicesTabShown"/>
    public Task<Result<Change<WorkspaceSettings>>> SetServicesTabShownAsync(
        Actor actor, AccountContext account, WorkspaceId workspaceId, bool shown, VersionToken? expectedVersion = null, CancellationToken cancellationToken = default) =>
        ExecuteOnWorkspace(actor, account, workspaceId, (c, w, now) => c.SetServicesTabShown(actor, account, w, shown, now), expectedVersion, cancellationToken);

    /// <inheritdoc cref="WorkspaceConfiguration.ConfigureServices"/>
    public Task<Result<Change<WorkspaceSettings>>> ConfigureServicesAsync(
        Actor actor, AccountContext account, WorkspaceId workspaceId, PipelineObjectSettings configuration, CrmSchema schema, VersionToken? expectedVersion = null, CancellationToken cancellationToken = default) =>
        ExecuteOnWorkspace(actor, account, workspaceId, (c, w, now) => c.ConfigureServices(actor, account, w, configuration, schema, now), expectedVersion, cancellationToken);

    /// <inheritdoc cref="WorkspaceConfiguration.SetRevenueTabShown"/>
    public Task<Result<Change<WorkspaceSettings>>> SetRevenueTabShownAsync(
        Actor actor, AccountContext account, WorkspaceId workspaceId, bool shown, VersionToken? expectedVersion = null, CancellationToken cancellationToken = default) =>
        ExecuteOnWorkspace(actor, account, workspaceId, (c, w, now) => c.SetRevenueTabShown(actor, account, w, shown, now), expectedVersion, cancellationToken);

    /// <inheritdoc cref="WorkspaceConfiguration.ConfigureRevenueObject"/>
    public Task<Result<Change<WorkspaceSettings>>> ConfigureRevenueObjectAsync(
        Actor actor, AccountContext account, WorkspaceId workspaceId, CrmObjectType revenueObject, PipelineObjectSettings configuration, CrmSchema schema, VersionToken? expectedVersion = null, CancellationToken cancellationToken = default) =>
        ExecuteOnWorkspace(actor, account, workspaceId, (c, w, now) => c.ConfigureRevenueObject(actor, account, w, revenueObject, configuration, schema, now), expectedVersion, cancellationToken);

    private async Task<Result<Workspace>> FindWorkspaceAsync(Actor actor, AccountContext account, CsOperation operation, WorkspaceId workspaceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(account);
        var directory = await _directories.LoadAsync(account.PortalId, cancellationToken).ConfigureAwait(false);
        if (operation == CsOperation.ManageWorkspaceSettings)
        {
            // Settings are managed for every workspace of the account, not only the manager's own (rule 4).
            if (_context.Policy.Authorize(actor, account, operation) is { IsFailure: true } denied)
            {
                return denied.Error;
            }

            return directory.State.Find(workspaceId) is { } workspace ? workspace : WorkspaceErrors.NotFound(workspaceId);
        }

        return _context.Policy.AuthorizeWorkspace(actor, account, operation, directory.State, workspaceId);
    }

    private Task<Result<Change<CsObjectSettings>>> Execute(
        Actor actor, AccountContext account, Func<WorkspaceConfiguration, Instant, Result<CsObjectSettings>> operation, VersionToken? expectedVersion, CancellationToken cancellationToken, [CallerMemberName] string? command = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(account);
        return _configurations.ExecuteAsync(account.PortalId, operation, expectedVersion, cancellationToken, command);
    }

    private async Task<Result<Change<WorkspaceSettings>>> ExecuteOnWorkspace(
        Actor actor,
        AccountContext account,
        WorkspaceId workspaceId,
        Func<WorkspaceConfiguration, Workspace, Instant, Result<WorkspaceSettings>> operation,
        VersionToken? expectedVersion,
        CancellationToken cancellationToken,
        [CallerMemberName] string? command = null)
    {
        var workspace = await FindWorkspaceAsync(actor, account, CsOperation.ManageWorkspaceSettings, workspaceId, cancellationToken).ConfigureAwait(false);
        if (!workspace.TryGetValue(out var found))
        {
            return workspace.Error!;
        }

        return await _configurations.ExecuteAsync(account.PortalId, (c, now) => operation(c, found, now), expectedVersion, cancellationToken, command).ConfigureAwait(false);
    }
}
