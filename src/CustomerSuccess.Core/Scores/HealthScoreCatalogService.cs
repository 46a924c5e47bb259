using System;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.Core.Access;
using CustomerSuccess.Core.Crm;
using CustomerSuccess.Core.HealthScores;
using CustomerSuccess.Core.Workspaces;
using NodaTime;

namespace CustomerSuccess.Core.Scores;

/// <summary>
/// The application service for a portal's health scores: a thin adapter that loads the portal's
/// <see cref="HealthScoreCatalog"/> from an <see cref="IHealthScoreCatalogStore"/>, runs one operation and saves it by
/// compare-and-set (<see cref="OptimisticCommand"/>). The rules and their refusals are the aggregate's; each command
/// inherits its documentation.
/// </summary>
/// <remarks>
/// <para>The customer object a score must score (rule 73, ambiguity B5) is read from the portal's
/// <see cref="WorkspaceConfiguration"/> (read only), so callers never copy it. Commands return a
/// <see cref="Change{T}"/> with the score (or version) as it is now, the catalog's new version and the events.</para>
/// <para>Pass the version a person saw for edits of what they looked at (the builder): a conflict then returns
/// <c>concurrency.conflict</c> and saves nothing. Without it a command is server-side: on a conflict it re-runs on the
/// fresh catalog within <see cref="ServiceContext.Retry"/>, and every attempt re-checks the limits, so concurrent
/// activations can never exceed <see cref="HealthScoreLimits.MaxActive"/>.</para>
/// <para>A portal without a stored catalog reads as an empty one; the first created score stores it.</para>
/// <threadsafety>Thread-safe if the stores are.</threadsafety>
/// </remarks>
public sealed class HealthScoreCatalogService
{
    private readonly AggregateRepository<PortalId, HealthScoreCatalogState, HealthScoreCatalog> _catalogs;
    private readonly AggregateRepository<PortalId, WorkspaceConfigurationState, WorkspaceConfiguration> _configurations;
    private readonly ServiceContext _context;

    /// <summary>Initializes the service.</summary>
    /// <param name="store">The catalog store.</param>
    /// <param name="configurations">The workspace configurations (read only): the customer object.</param>
    /// <param name="context">The access policy, clock, event dispatcher and retry budget.</param>
    /// <param name="options">The tier limits; <see langword="null"/> for the defaults. The limits are copied.</param>
    /// <exception cref="ArgumentNullException"><paramref name="store"/>, <paramref name="configurations"/> or
    /// <paramref name="context"/> is <see langword="null"/>.</exception>
    public HealthScoreCatalogService(IHealthScoreCatalogStore store, IWorkspaceConfigurationStore configurations, ServiceContext context, HealthScoreCatalogOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(configurations);
        ArgumentNullException.ThrowIfNull(context);
        var source = options ?? new HealthScoreCatalogOptions();
        var limits = new HealthScoreCatalogOptions
        {
            Professional = source.LimitsFor(ServiceHubTier.Professional),
            Enterprise = source.LimitsFor(ServiceHubTier.Enterprise),
        };
        _context = context;
        _catalogs = new(store, context, state => new HealthScoreCatalog(state, context.Policy, limits), HealthScoreCatalog.CreateInitialState);
        _configurations = new(configurations, context, state => new WorkspaceConfiguration(state, context.Policy), WorkspaceConfiguration.CreateInitialState);
    }

    /// <summary>Reads the portal's health scores: every score with its status, working definition and versions.</summary>
    /// <param name="actor">Who reads them; needs <see cref="CsOperation.ManageHealthScores"/> (the builder, rules 3, 6).</param>
    /// <param name="account">The account.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The state and version (<see cref="VersionToken.None"/> if never stored), or <c>access.*</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="account"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<Result<Versioned<HealthScoreCatalogState>>> GetCatalogAsync(Actor actor, AccountContext account, CancellationToken cancellationToken = default)
    {
        if (_context.Policy.Authorize(actor, account, CsOperation.ManageHealthScores) is { IsFailure: true } denied)
        {
            return denied.Error;
        }

        return await _catalogs.LoadAsync(account.PortalId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Returns an immutable version of a score, e.g. to score records with it or to explain an old score.</summary>
    /// <param name="actor">Who reads it; needs <see cref="CsOperation.ViewHealthScoreCard"/> (a Service seat, rule 7).</param>
    /// <param name="account">The account.</param>
    /// <param name="scoreId">The score.</param>
    /// <param name="number">The version number.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The version, or <c>access.*</c>, <see cref="HealthScoreErrors.NotFoundCode"/>,
    /// <see cref="HealthScoreErrors.VersionNotFoundCode"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="account"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<Result<ScoreVersion>> GetVersionAsync(Actor actor, AccountContext account, HealthScoreId scoreId, int number, CancellationToken cancellationToken = default)
    {
        if (_context.Policy.Authorize(actor, account, CsOperation.ViewHealthScoreCard) is { IsFailure: true } denied)
        {
            return denied.Error;
        }

        var (catalog, _) = await _catalogs.RestoreAsync(account.PortalId, cancellationToken).ConfigureAwait(false);
        return catalog.GetVersion(scoreId, number);
    }

    /// <inheritdoc cref="HealthScoreCatalog.CreateFromTemplate"/>
    public Task<Result<Change<HealthScoreEntry>>> CreateFromTemplateAsync(
        Actor actor, AccountContext account, string name, VersionToken? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        return ExecuteAsync(actor, account, (c, customer, now) => c.CreateFromTemplate(actor, account, customer, name, now), expectedVersion, cancellationToken);
    }

    /// <inheritdoc cref="HealthScoreCatalog.CreateFromScratch"/>
    public Task<Result<Change<HealthScoreEntry>>> CreateFromScratchAsync(
        Actor actor, AccountContext account, string name, VersionToken? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        return ExecuteAsync(actor, account, (c, customer, now) => c.CreateFromScratch(actor, account, customer, name, now), expectedVersion, cancellationToken);
    }

    /// <inheritdoc cref="HealthScoreCatalog.CreateFromDefinition"/>
    public Task<Result<Change<HealthScoreEntry>>> CreateFromDefinitionAsync(
        Actor actor, AccountContext account, HealthScoreDefinition definition, VersionToken? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return ExecuteAsync(actor, account, (c, customer, now) => c.CreateFromDefinition(actor, account, customer, definition, now), expectedVersion, cancellationToken);
    }

    /// <inheritdoc cref="HealthScoreCatalog.UpdateDefinition"/>
    public Task<Result<Change<HealthScoreEntry>>> UpdateDefinitionAsync(
        Actor actor, AccountContext account, HealthScoreId scoreId, HealthScoreDefinition definition, VersionToken? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return ExecuteAsync(actor, account, (c, customer, now) => c.UpdateDefinition(actor, account, customer, scoreId, definition, now), expectedVersion, cancellationToken);
    }

    /// <inheritdoc cref="HealthScoreCatalog.RenameGroup"/>
    public Task<Result<Change<HealthScoreEntry>>> RenameGroupAsync(
        Actor actor, AccountContext account, HealthScoreId scoreId, string groupName, string newName, VersionToken? expectedVersion = null, CancellationToken cancellationToken = default) =>
        ExecuteAsync(actor, account, (c, _, now) => c.RenameGroup(actor, account, scoreId, groupName, newName, now), expectedVersion, cancellationToken);

    /// <inheritdoc cref="HealthScoreCatalog.CloneGroup"/>
    public Task<Result<Change<HealthScoreEntry>>> CloneGroupAsync(
        Actor actor, AccountContext account, HealthScoreId scoreId, string groupName, string cloneName, VersionToken? expectedVersion = null, CancellationToken cancellationToken = default) =>
        ExecuteAsync(actor, account, (c, _, now) => c.CloneGroup(actor, account, scoreId, groupName, cloneName, now), expectedVersion, cancellationToken);

    /// <inheritdoc cref="HealthScoreCatalog.DeleteGroup"/>
    public Task<Result<Change<HealthScoreEntry>>> DeleteGroupAsync(
        Actor actor, AccountContext account, HealthScoreId scoreId, string groupName, VersionToken? expectedVersion = null, CancellationToken cancellationToken = default) =>
        ExecuteAsync(actor, account, (c, _, now) => c.DeleteGroup(actor, account, scoreId, groupName, now), expectedVersion, cancellationToken);

    /// <inheritdoc cref="HealthScoreCatalog.Activate"/>
    public Task<Result<Change<ScoreVersion>>> ActivateAsync(
        Actor actor, AccountContext account, HealthScoreId scoreId, VersionToken? expectedVersion = null, CancellationToken cancellationToken = default) =>
        ExecuteAsync(actor, account, (c, customer, now) => c.Activate(actor, account, customer, scoreId, now), expectedVersion, cancellationToken);

    /// <inheritdoc cref="HealthScoreCatalog.Deactivate"/>
    public Task<Result<Change<HealthScoreEntry>>> DeactivateAsync(
        Actor actor, AccountContext account, HealthScoreId scoreId, VersionToken? expectedVersion = null, CancellationToken cancellationToken = default) =>
        ExecuteAsync(actor, account, (c, _, now) => c.Deactivate(actor, account, scoreId, now), expectedVersion, cancellationToken);

    /// <inheritdoc cref="HealthScoreCatalog.Delete"/>
    public Task<Result<Change<HealthScoreEntry>>> DeleteAsync(
        Actor actor, AccountContext account, HealthScoreId scoreId, VersionToken? expectedVersion = null, CancellationToken cancellationToken = default) =>
        ExecuteAsync(actor, account, (c, _, now) => c.Delete(actor, account, scoreId, now), expectedVersion, cancellationToken);

    private async Task<Result<Change<TOutput>>> ExecuteAsync<TOutput>(
        Actor actor,
        AccountContext account,
        Func<HealthScoreCatalog, CrmObjectType, Instant, Result<TOutput>> operation,
        VersionToken? expectedVersion,
        CancellationToken cancellationToken,
        [CallerMemberName] string? command = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(account);
        var configuration = await _configurations.LoadAsync(account.PortalId, cancellationToken).ConfigureAwait(false);
        var customerObject = configuration.State.Objects.CustomerObject;
        return await _catalogs.ExecuteAsync(account.PortalId, (c, now) => operation(c, customerObject, now), expectedVersion, cancellationToken, command).ConfigureAwait(false);
    }
}
