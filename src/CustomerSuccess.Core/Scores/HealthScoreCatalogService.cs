using System;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.Core.Access;
using CustomerSuccess.Core.HealthScores;
using NodaTime;

namespace CustomerSuccess.Core.Scores;

/// <summary>
/// Runs the <see cref="HealthScoreCatalog"/> operations against an <see cref="IHealthScoreCatalogStore"/>: load, apply,
/// save with compare-and-set (reliability guide §2.3).
/// </summary>
/// <remarks>
/// <para>Two concurrency modes (<see cref="OptimisticCommand"/>):</para>
/// <list type="bullet">
/// <item><description>Edits of what a person looked at (<see cref="UpdateDefinitionAsync"/>, the group operations) take
/// the <see cref="VersionToken"/> the user saw; if the catalog changed since, they fail with
/// <c>concurrency.conflict</c> and are not retried, so no edit is silently lost.</description></item>
/// <item><description>Creating, turning on, turning off and deleting are server-side commands: on a conflict they
/// re-run on the fresh catalog (at most <see cref="OptimisticCommand.DefaultMaxAttempts"/> times), and every attempt
/// re-checks the limits, so concurrent activations can never exceed <see cref="HealthScoreLimits.MaxActive"/>.</description></item>
/// </list>
/// <para>A portal without a stored catalog reads as an empty one; the first created score stores it. The time of
/// every change comes from the injected <see cref="IClock"/>. Domain events recorded by the catalog are not dispatched
/// by this service; use <see cref="HealthScoreCatalog"/> directly to obtain them.</para>
/// <threadsafety>Thread-safe if the store is; register one instance.</threadsafety>
/// </remarks>
public sealed class HealthScoreCatalogService
{
    private readonly IHealthScoreCatalogStore _store;
    private readonly AccessPolicy _policy;
    private readonly IClock _clock;
    private readonly HealthScoreCatalogOptions _options;

    /// <summary>Initializes the service.</summary>
    /// <param name="store">The catalog store.</param>
    /// <param name="policy">The access policy.</param>
    /// <param name="clock">The clock that stamps changes and versions.</param>
    /// <param name="options">The tier limits; <see langword="null"/> for the defaults. The limits are copied.</param>
    /// <exception cref="ArgumentNullException"><paramref name="store"/>, <paramref name="policy"/> or <paramref name="clock"/>
    /// is <see langword="null"/>.</exception>
    public HealthScoreCatalogService(IHealthScoreCatalogStore store, AccessPolicy policy, IClock clock, HealthScoreCatalogOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(clock);
        _store = store;
        _policy = policy;
        _clock = clock;
        var source = options ?? new HealthScoreCatalogOptions();
        _options = new HealthScoreCatalogOptions
        {
            Professional = source.LimitsFor(ServiceHubTier.Professional),
            Enterprise = source.LimitsFor(ServiceHubTier.Enterprise),
        };
    }

    /// <summary>Loads a portal's catalog.</summary>
    /// <param name="portalId">The portal.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The stored state and its version, or an empty state with <see cref="VersionToken.None"/> if the portal
    /// has no catalog yet.</returns>
    /// <exception cref="ArgumentException"><paramref name="portalId"/> is <c>default</c>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<Versioned<HealthScoreCatalogState>> GetCatalogAsync(PortalId portalId, CancellationToken cancellationToken = default)
    {
        var initial = HealthScoreCatalog.CreateInitialState(portalId);
        var stored = await _store.LoadAsync(portalId, cancellationToken).ConfigureAwait(false);
        return stored ?? new Versioned<HealthScoreCatalogState>(initial, VersionToken.None);
    }

    /// <summary>Returns an activated version of a score (rule 83).</summary>
    /// <param name="portalId">The portal.</param>
    /// <param name="scoreId">The score.</param>
    /// <param name="number">The version number.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The version, or <see cref="HealthScoreErrors.NotFoundCode"/>, <see cref="HealthScoreErrors.VersionNotFoundCode"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="portalId"/> is <c>default</c>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<Result<ScoreVersion>> GetVersionAsync(PortalId portalId, HealthScoreId scoreId, int number, CancellationToken cancellationToken = default)
    {
        var catalog = await GetCatalogAsync(portalId, cancellationToken).ConfigureAwait(false);
        return new HealthScoreCatalog(catalog.State, _policy, _options).GetVersion(scoreId, number);
    }

    /// <summary>Creates a draft from the starter template (rules 75, 76); see <see cref="HealthScoreCatalog.CreateFromTemplate"/>.</summary>
    /// <param name="actor">Who creates it.</param>
    /// <param name="account">The account.</param>
    /// <param name="customerObjectType">The workspace's customer object (rule 73).</param>
    /// <param name="name">The score name.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The new score with the catalog's new version, or the refusal, or <c>concurrency.conflict</c>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="customerObjectType"/> is blank.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<Result<Versioned<HealthScoreEntry>>> CreateFromTemplateAsync(
        Actor actor, AccountContext account, string customerObjectType, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(customerObjectType);
        return CreateAsync(actor, account, (c, now) => c.CreateFromTemplate(actor, account, customerObjectType, name, now), cancellationToken);
    }

    /// <summary>Creates an empty draft (rule 75); see <see cref="HealthScoreCatalog.CreateFromScratch"/>.</summary>
    /// <param name="actor">Who creates it.</param>
    /// <param name="account">The account.</param>
    /// <param name="customerObjectType">The workspace's customer object (rule 73).</param>
    /// <param name="name">The score name.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The new score with the catalog's new version, or the refusal, or <c>concurrency.conflict</c>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="customerObjectType"/> is blank.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<Result<Versioned<HealthScoreEntry>>> CreateFromScratchAsync(
        Actor actor, AccountContext account, string customerObjectType, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(customerObjectType);
        return CreateAsync(actor, account, (c, now) => c.CreateFromScratch(actor, account, customerObjectType, name, now), cancellationToken);
    }

    /// <summary>Creates a draft from a supplied definition; see <see cref="HealthScoreCatalog.CreateFromDefinition"/>.</summary>
    /// <param name="actor">Who creates it.</param>
    /// <param name="account">The account.</param>
    /// <param name="customerObjectType">The workspace's customer object (rule 73).</param>
    /// <param name="definition">The definition (e.g. imported JSON).</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The new score with the catalog's new version, or the refusal, or <c>concurrency.conflict</c>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="customerObjectType"/> is blank.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<Result<Versioned<HealthScoreEntry>>> CreateFromDefinitionAsync(
        Actor actor, AccountContext account, string customerObjectType, HealthScoreDefinition definition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentException.ThrowIfNullOrWhiteSpace(customerObjectType);
        return CreateAsync(actor, account, (c, now) => c.CreateFromDefinition(actor, account, customerObjectType, definition, now), cancellationToken);
    }

    /// <summary>Saves a new working definition; see <see cref="HealthScoreCatalog.UpdateDefinition"/>.</summary>
    /// <param name="actor">Who edits it.</param>
    /// <param name="account">The account.</param>
    /// <param name="customerObjectType">The workspace's customer object (rule 73).</param>
    /// <param name="scoreId">The score.</param>
    /// <param name="definition">The new working definition.</param>
    /// <param name="expectedVersion">The catalog version the user saw; a stale one fails with <c>concurrency.conflict</c>.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The edited score with the catalog's version, or the refusal, or <c>concurrency.conflict</c>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="customerObjectType"/> is blank.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<Result<Versioned<HealthScoreEntry>>> UpdateDefinitionAsync(
        Actor actor,
        AccountContext account,
        string customerObjectType,
        HealthScoreId scoreId,
        HealthScoreDefinition definition,
        VersionToken expectedVersion,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentException.ThrowIfNullOrWhiteSpace(customerObjectType);
        return EditAsync(actor, account, scoreId, (c, now) => c.UpdateDefinition(actor, account, customerObjectType, scoreId, definition, now), expectedVersion, cancellationToken);
    }

    /// <summary>Renames a group (rule 82); see <see cref="HealthScoreCatalog.RenameGroup"/>.</summary>
    /// <param name="actor">Who edits it.</param>
    /// <param name="account">The account.</param>
    /// <param name="scoreId">The score.</param>
    /// <param name="groupName">The group's current name.</param>
    /// <param name="newName">The new name.</param>
    /// <param name="expectedVersion">The catalog version the user saw.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The edited score with the catalog's version, or the refusal, or <c>concurrency.conflict</c>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<Result<Versioned<HealthScoreEntry>>> RenameGroupAsync(
        Actor actor, AccountContext account, HealthScoreId scoreId, string groupName, string newName, VersionToken expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(groupName);
        ArgumentNullException.ThrowIfNull(newName);
        return EditAsync(actor, account, scoreId, (c, now) => c.RenameGroup(actor, account, scoreId, groupName, newName, now), expectedVersion, cancellationToken);
    }

    /// <summary>Clones a group (rule 82); see <see cref="HealthScoreCatalog.CloneGroup"/>.</summary>
    /// <param name="actor">Who edits it.</param>
    /// <param name="account">The account.</param>
    /// <param name="scoreId">The score.</param>
    /// <param name="groupName">The group to clone.</param>
    /// <param name="cloneName">The copy's name.</param>
    /// <param name="expectedVersion">The catalog version the user saw.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The edited score with the catalog's version, or the refusal, or <c>concurrency.conflict</c>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<Result<Versioned<HealthScoreEntry>>> CloneGroupAsync(
        Actor actor, AccountContext account, HealthScoreId scoreId, string groupName, string cloneName, VersionToken expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(groupName);
        ArgumentNullException.ThrowIfNull(cloneName);
        return EditAsync(actor, account, scoreId, (c, now) => c.CloneGroup(actor, account, scoreId, groupName, cloneName, now), expectedVersion, cancellationToken);
    }

    /// <summary>Deletes a group (rule 82); see <see cref="HealthScoreCatalog.DeleteGroup"/>.</summary>
    /// <param name="actor">Who edits it.</param>
    /// <param name="account">The account.</param>
    /// <param name="scoreId">The score.</param>
    /// <param name="groupName">The group to delete.</param>
    /// <param name="expectedVersion">The catalog version the user saw.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The edited score with the catalog's version, or the refusal, or <c>concurrency.conflict</c>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<Result<Versioned<HealthScoreEntry>>> DeleteGroupAsync(
        Actor actor, AccountContext account, HealthScoreId scoreId, string groupName, VersionToken expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(groupName);
        return EditAsync(actor, account, scoreId, (c, now) => c.DeleteGroup(actor, account, scoreId, groupName, now), expectedVersion, cancellationToken);
    }

    /// <summary>Turns a score on (rules 72, 78, 83); see <see cref="HealthScoreCatalog.Activate"/>. A server-side
    /// command: retried on a conflict, each attempt re-checking the limits.</summary>
    /// <param name="actor">Who turns it on.</param>
    /// <param name="account">The account.</param>
    /// <param name="customerObjectType">The workspace's customer object (rule 73).</param>
    /// <param name="scoreId">The score.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The active version with the catalog's version, or the refusal, or <c>concurrency.conflict</c> after
    /// <see cref="OptimisticCommand.DefaultMaxAttempts"/> conflicting attempts.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="customerObjectType"/> is blank.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<Result<Versioned<ScoreVersion>>> ActivateAsync(
        Actor actor, AccountContext account, string customerObjectType, HealthScoreId scoreId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(customerObjectType);
        return RunAsync(actor, account, (c, now) => c.Activate(actor, account, customerObjectType, scoreId, now), null, cancellationToken);
    }

    /// <summary>Turns a score off; see <see cref="HealthScoreCatalog.Deactivate"/>. A server-side command.</summary>
    /// <param name="actor">Who turns it off.</param>
    /// <param name="account">The account.</param>
    /// <param name="scoreId">The score.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The score with the catalog's new version, or the refusal, or <c>concurrency.conflict</c>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<Result<Versioned<HealthScoreEntry>>> DeactivateAsync(
        Actor actor, AccountContext account, HealthScoreId scoreId, CancellationToken cancellationToken = default) =>
        EditAsync(actor, account, scoreId, (c, now) => c.Deactivate(actor, account, scoreId, now), null, cancellationToken);

    /// <summary>Deletes a score that is not active; see <see cref="HealthScoreCatalog.Delete"/>. A server-side command.</summary>
    /// <param name="actor">Who deletes it.</param>
    /// <param name="account">The account.</param>
    /// <param name="scoreId">The score.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The catalog's new version, or the refusal, or <c>concurrency.conflict</c>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<Result<VersionToken>> DeleteAsync(
        Actor actor, AccountContext account, HealthScoreId scoreId, CancellationToken cancellationToken = default)
    {
        var result = await RunAsync(
            actor,
            account,
            (c, now) =>
            {
                var deleted = c.State.Find(scoreId);
                var outcome = c.Delete(actor, account, scoreId, now);
                return outcome.IsSuccess ? Result.Success(deleted!) : Result.Failure<HealthScoreEntry>(outcome.Error);
            },
            null,
            cancellationToken).ConfigureAwait(false);
        return result.Map(v => v.Version);
    }

    private Task<Result<Versioned<HealthScoreEntry>>> CreateAsync(
        Actor actor,
        AccountContext account, Func<HealthScoreCatalog, Instant, Result<HealthScoreId>> create, CancellationToken cancellationToken) =>
        RunAsync(actor, account, (c, now) => create(c, now).Map(id => c.State.Find(id)!), null, cancellationToken);

    private Task<Result<Versioned<HealthScoreEntry>>> EditAsync(
        Actor actor,
        AccountContext account,
        HealthScoreId scoreId,
        Func<HealthScoreCatalog, Instant, Result> edit,
        VersionToken? expectedVersion,
        CancellationToken cancellationToken) =>
        RunAsync(
            actor,
            account,
            (c, now) =>
            {
                var outcome = edit(c, now);
                return outcome.IsSuccess ? Result.Success(c.State.Find(scoreId)!) : Result.Failure<HealthScoreEntry>(outcome.Error);
            },
            expectedVersion,
            cancellationToken);

    private Task<Result<Versioned<TOutput>>> RunAsync<TOutput>(
        Actor actor,
        AccountContext account,
        Func<HealthScoreCatalog, Instant, Result<TOutput>> operation,
        VersionToken? expectedVersion,
        CancellationToken cancellationToken)
        where TOutput : class
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(account);
        var now = _clock.GetCurrentInstant();
        return OptimisticCommand.RunOnAggregateAsync(
            _store,
            account.PortalId,
            state => new HealthScoreCatalog(state, _policy, _options),
            () => HealthScoreCatalog.CreateInitialState(account.PortalId),
            (HealthScoreCatalog catalog) => operation(catalog, now),
            expectedVersion,
            cancellationToken);
    }
}
