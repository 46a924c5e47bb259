using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.Core.Access;
using NodaTime;

namespace CustomerSuccess.Core.Workspaces;

/// <summary>
/// The application service for workspaces and their settings: loads a portal's <see cref="WorkspaceDirectory"/> from an
/// <see cref="IWorkspaceDirectoryStore"/>, runs one operation on it and saves it with compare-and-set
/// (<see cref="OptimisticCommand"/>).
/// </summary>
/// <remarks>
/// <para>Two concurrency modes (reliability guide §2.3). Team-workspace commands (create, rename, describe, add or
/// remove a team, delete) and the account-level object choices run as server-side commands unless a version is given:
/// on a conflict they re-run on fresh state (at most <see cref="OptimisticCommand.DefaultMaxAttempts"/> times), and
/// every attempt re-checks every rule, so two concurrent commands can never both take the last of the
/// <see cref="WorkspaceDirectory.MaxTeamWorkspaces"/> slots or the same team. Settings edits take the
/// <see cref="VersionToken"/> the person saw: when the stored directory changed since, they return
/// <c>concurrency.conflict</c> and save nothing.</para>
/// <para>A portal with no stored directory reads as <see cref="WorkspaceDirectory.CreateInitialState"/> with
/// <see cref="VersionToken.None"/>; the first successful command stores it. Refusals save nothing.</para>
/// <para>The clock is read once per call; the operation gets that instant on every attempt.</para>
/// <threadsafety>Thread-safe if the store is; every call works on its own aggregate instance.</threadsafety>
/// </remarks>
public sealed class WorkspaceService
{
    private readonly IWorkspaceDirectoryStore _store;
    private readonly AccessPolicy _policy;
    private readonly IClock _clock;

    /// <summary>Initializes the service.</summary>
    /// <param name="store">Where directories are stored.</param>
    /// <param name="policy">The access policy every operation asks.</param>
    /// <param name="clock">The clock that stamps events.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public WorkspaceService(IWorkspaceDirectoryStore store, AccessPolicy policy, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(clock);
        _store = store;
        _policy = policy;
        _clock = clock;
    }

    /// <summary>Loads a portal's directory.</summary>
    /// <param name="portalId">The portal.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The stored state and version, or the initial state with <see cref="VersionToken.None"/> if none is stored.</returns>
    /// <exception cref="ArgumentException"><paramref name="portalId"/> is <c>default</c>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<Versioned<WorkspaceDirectoryState>> GetDirectoryAsync(PortalId portalId, CancellationToken cancellationToken = default)
    {
        var initial = WorkspaceDirectory.CreateInitialState(portalId);
        var stored = await _store.LoadAsync(portalId, cancellationToken).ConfigureAwait(false);
        return stored ?? new Versioned<WorkspaceDirectoryState>(initial, VersionToken.None);
    }

    /// <summary>Returns the workspace a user sees (rule 28, ambiguity B13), if they may open the workspace at all.</summary>
    /// <param name="actor">The user.</param>
    /// <param name="account">The account.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The team workspace of the user's primary team, else the primary workspace; or an <c>access.*</c> failure
    /// (<see cref="CsOperation.OpenWorkspace"/>, rules 1–3).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="account"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<Result<Workspace>> GetVisibleWorkspaceAsync(Actor actor, AccountContext account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(account);
        var access = _policy.Authorize(actor, account, CsOperation.OpenWorkspace);
        if (access.IsFailure)
        {
            return Result.Failure<Workspace>(access.Error);
        }

        var directory = await GetDirectoryAsync(account.PortalId, cancellationToken).ConfigureAwait(false);
        return Result.Success(new WorkspaceDirectory(directory.State, _policy).WorkspaceFor(actor));
    }

    /// <summary>Creates a team workspace (rule 29); see <see cref="WorkspaceDirectory.CreateTeamWorkspace"/>.</summary>
    /// <param name="actor">Who creates it.</param>
    /// <param name="account">The account.</param>
    /// <param name="name">The name.</param>
    /// <param name="description">The description, or <see langword="null"/>.</param>
    /// <param name="teams">The teams to assign.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The change (its <see cref="WorkspaceDirectoryChange.Workspace"/> is the new workspace) with the new
    /// version, or the refusal, or <c>concurrency.conflict</c> after the retries.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<Result<Versioned<WorkspaceDirectoryChange>>> CreateTeamWorkspaceAsync(
        Actor actor, AccountContext account, string name, string? description, IEnumerable<TeamId> teams, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(teams);
        var teamList = new List<TeamId>(teams);
        return RunAsync(
            actor,
            account,
            (d, now) => d.CreateTeamWorkspace(actor, account, name, description, teamList, now).Map(id => (WorkspaceId?)id),
            null,
            cancellationToken);
    }

    /// <summary>Renames a workspace (rule 30); see <see cref="WorkspaceDirectory.Rename"/>.</summary>
    /// <param name="actor">Who renames it.</param>
    /// <param name="account">The account.</param>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="newName">The new name.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The change with the new version, or the refusal, or <c>concurrency.conflict</c> after the retries.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<Result<Versioned<WorkspaceDirectoryChange>>> RenameAsync(
        Actor actor, AccountContext account, WorkspaceId workspaceId, string newName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(newName);
        return RunAsync(actor, account, (d, now) => About(d.Rename(actor, account, workspaceId, newName, now), workspaceId), null, cancellationToken);
    }

    /// <summary>Changes a workspace's description (rule 30); see <see cref="WorkspaceDirectory.Describe"/>.</summary>
    /// <param name="actor">Who changes it.</param>
    /// <param name="account">The account.</param>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="description">The new description, or <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The change with the new version, or the refusal, or <c>concurrency.conflict</c> after the retries.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="account"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<Result<Versioned<WorkspaceDirectoryChange>>> DescribeAsync(
        Actor actor, AccountContext account, WorkspaceId workspaceId, string? description, CancellationToken cancellationToken = default) =>
        RunAsync(actor, account, (d, now) => About(d.Describe(actor, account, workspaceId, description, now), workspaceId), null, cancellationToken);

    /// <summary>Assigns a team to a team workspace (rules 27, 30); see <see cref="WorkspaceDirectory.AddTeam"/>.</summary>
    /// <param name="actor">Who assigns it.</param>
    /// <param name="account">The account.</param>
    /// <param name="workspaceId">The team workspace.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The change with the new version, or the refusal, or <c>concurrency.conflict</c> after the retries.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="account"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<Result<Versioned<WorkspaceDirectoryChange>>> AddTeamAsync(
        Actor actor, AccountContext account, WorkspaceId workspaceId, TeamId teamId, CancellationToken cancellationToken = default) =>
        RunAsync(actor, account, (d, now) => About(d.AddTeam(actor, account, workspaceId, teamId, now), workspaceId), null, cancellationToken);

    /// <summary>Removes a team from a team workspace (rule 30); see <see cref="WorkspaceDirectory.RemoveTeam"/>.</summary>
    /// <param name="actor">Who removes it.</param>
    /// <param name="account">The account.</param>
    /// <param name="workspaceId">The team workspace.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The change with the new version, or the refusal, or <c>concurrency.conflict</c> after the retries.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="account"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<Result<Versioned<WorkspaceDirectoryChange>>> RemoveTeamAsync(
        Actor actor, AccountContext account, WorkspaceId workspaceId, TeamId teamId, CancellationToken cancellationToken = default) =>
        RunAsync(actor, account, (d, now) => About(d.RemoveTeam(actor, account, workspaceId, teamId, now), workspaceId), null, cancellationToken);

    /// <summary>Deletes a team workspace irreversibly, given the explicit confirmation (rule 31); see
    /// <see cref="WorkspaceDirectory.Delete"/>.</summary>
    /// <param name="actor">Who deletes it.</param>
    /// <param name="account">The account.</param>
    /// <param name="workspaceId">The team workspace.</param>
    /// <param name="confirmation">Exactly <see cref="WorkspaceDirectory.DeleteConfirmationPhrase"/>.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The change with the new version, or the refusal, or <c>concurrency.conflict</c> after the retries.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="account"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<Result<Versioned<WorkspaceDirectoryChange>>> DeleteAsync(
        Actor actor, AccountContext account, WorkspaceId workspaceId, string? confirmation, CancellationToken cancellationToken = default) =>
        RunAsync(actor, account, (d, now) => About(d.Delete(actor, account, workspaceId, confirmation, now), null), null, cancellationToken);

    /// <summary>Chooses the customer object (rule 14); see <see cref="WorkspaceDirectory.ChooseCustomerObject"/>.</summary>
    /// <param name="actor">Who chooses.</param>
    /// <param name="account">The account.</param>
    /// <param name="customerObject">The object.</param>
    /// <param name="schema">The account's CRM objects.</param>
    /// <param name="expectedVersion">The version the person saw, or <see langword="null"/> to retry on conflicts.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The change with the new version, or the refusal, or <c>concurrency.conflict</c>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<Result<Versioned<WorkspaceDirectoryChange>>> ChooseCustomerObjectAsync(
        Actor actor, AccountContext account, CrmObjectType customerObject, CrmSchema schema, VersionToken? expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return RunAsync(actor, account, (d, now) => About(d.ChooseCustomerObject(actor, account, customerObject, schema, now), null), expectedVersion, cancellationToken);
    }

    /// <summary>Chooses the services object or none (rule 17); see <see cref="WorkspaceDirectory.ChooseServicesObject"/>.</summary>
    /// <param name="actor">Who chooses.</param>
    /// <param name="account">The account.</param>
    /// <param name="servicesObject">The object, or <see langword="null"/> for none.</param>
    /// <param name="schema">The account's CRM objects.</param>
    /// <param name="expectedVersion">The version the person saw, or <see langword="null"/> to retry on conflicts.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The change with the new version, or the refusal, or <c>concurrency.conflict</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/>, <paramref name="account"/> or <paramref name="schema"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<Result<Versioned<WorkspaceDirectoryChange>>> ChooseServicesObjectAsync(
        Actor actor, AccountContext account, CrmObjectType? servicesObject, CrmSchema schema, VersionToken? expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return RunAsync(actor, account, (d, now) => About(d.ChooseServicesObject(actor, account, servicesObject, schema, now), null), expectedVersion, cancellationToken);
    }

    /// <summary>Chooses the revenue objects and the default one (rules 19, 20); see
    /// <see cref="WorkspaceDirectory.ChooseRevenueObjects"/>.</summary>
    /// <param name="actor">Who chooses.</param>
    /// <param name="account">The account.</param>
    /// <param name="revenueObjects">The objects.</param>
    /// <param name="defaultObject">The default one.</param>
    /// <param name="schema">The account's CRM objects.</param>
    /// <param name="expectedVersion">The version the person saw, or <see langword="null"/> to retry on conflicts.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The change with the new version, or the refusal, or <c>concurrency.conflict</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/>, <paramref name="account"/>,
    /// <paramref name="revenueObjects"/> or <paramref name="schema"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<Result<Versioned<WorkspaceDirectoryChange>>> ChooseRevenueObjectsAsync(
        Actor actor, AccountContext account, IReadOnlyList<CrmObjectType> revenueObjects, CrmObjectType? defaultObject, CrmSchema schema, VersionToken? expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(revenueObjects);
        ArgumentNullException.ThrowIfNull(schema);
        var objects = new List<CrmObjectType>(revenueObjects);
        return RunAsync(actor, account, (d, now) => About(d.ChooseRevenueObjects(actor, account, objects, defaultObject, schema, now), null), expectedVersion, cancellationToken);
    }

    /// <summary>Saves a workspace's Customers settings (rules 15, 16); see <see cref="WorkspaceDirectory.ConfigureCustomers"/>.</summary>
    /// <param name="actor">Who saves them.</param>
    /// <param name="account">The account.</param>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="csmOwnerProperty">The CSM-owner user property (required).</param>
    /// <param name="renewalDateProperty">The renewal-date property, or <see langword="null"/>.</param>
    /// <param name="schema">The account's CRM objects.</param>
    /// <param name="expectedVersion">The version the person saw (<see cref="VersionToken.None"/> if nothing was stored);
    /// a stale one returns <c>concurrency.conflict</c>.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The change with the new version, or the refusal, or <c>concurrency.conflict</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/>, <paramref name="account"/> or <paramref name="schema"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<Result<Versioned<WorkspaceDirectoryChange>>> ConfigureCustomersAsync(
        Actor actor, AccountContext account, WorkspaceId workspaceId, string? csmOwnerProperty, string? renewalDateProperty, CrmSchema schema, VersionToken expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return RunAsync(
            actor,
            account,
            (d, now) => About(d.ConfigureCustomers(actor, account, workspaceId, csmOwnerProperty, renewalDateProperty, schema, now), workspaceId),
            expectedVersion,
            cancellationToken);
    }

    /// <summary>Shows or hides the Services tab (rule 22); see <see cref="WorkspaceDirectory.SetServicesTabShown"/>.</summary>
    /// <param name="actor">Who changes it.</param>
    /// <param name="account">The account.</param>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="shown">Whether the tab is shown.</param>
    /// <param name="expectedVersion">The version the person saw; a stale one returns <c>concurrency.conflict</c>.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The change with the new version, or the refusal, or <c>concurrency.conflict</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="account"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<Result<Versioned<WorkspaceDirectoryChange>>> SetServicesTabShownAsync(
        Actor actor, AccountContext account, WorkspaceId workspaceId, bool shown, VersionToken expectedVersion, CancellationToken cancellationToken = default) =>
        RunAsync(actor, account, (d, now) => About(d.SetServicesTabShown(actor, account, workspaceId, shown, now), workspaceId), expectedVersion, cancellationToken);

    /// <summary>Saves a workspace's services configuration (rules 17, 18); see <see cref="WorkspaceDirectory.ConfigureServices"/>.</summary>
    /// <param name="actor">Who saves it.</param>
    /// <param name="account">The account.</param>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="configuration">The configuration.</param>
    /// <param name="schema">The account's CRM objects.</param>
    /// <param name="expectedVersion">The version the person saw; a stale one returns <c>concurrency.conflict</c>.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The change with the new version, or the refusal, or <c>concurrency.conflict</c>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<Result<Versioned<WorkspaceDirectoryChange>>> ConfigureServicesAsync(
        Actor actor, AccountContext account, WorkspaceId workspaceId, PipelineObjectSettings configuration, CrmSchema schema, VersionToken expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(schema);
        return RunAsync(actor, account, (d, now) => About(d.ConfigureServices(actor, account, workspaceId, configuration, schema, now), workspaceId), expectedVersion, cancellationToken);
    }

    /// <summary>Shows or hides the Revenue tab (rule 22); see <see cref="WorkspaceDirectory.SetRevenueTabShown"/>.</summary>
    /// <param name="actor">Who changes it.</param>
    /// <param name="account">The account.</param>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="shown">Whether the tab is shown.</param>
    /// <param name="expectedVersion">The version the person saw; a stale one returns <c>concurrency.conflict</c>.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The change with the new version, or the refusal, or <c>concurrency.conflict</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="account"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<Result<Versioned<WorkspaceDirectoryChange>>> SetRevenueTabShownAsync(
        Actor actor, AccountContext account, WorkspaceId workspaceId, bool shown, VersionToken expectedVersion, CancellationToken cancellationToken = default) =>
        RunAsync(actor, account, (d, now) => About(d.SetRevenueTabShown(actor, account, workspaceId, shown, now), workspaceId), expectedVersion, cancellationToken);

    /// <summary>Saves a workspace's configuration of one revenue object (rule 21); see
    /// <see cref="WorkspaceDirectory.ConfigureRevenueObject"/>.</summary>
    /// <param name="actor">Who saves it.</param>
    /// <param name="account">The account.</param>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="revenueObject">The revenue object.</param>
    /// <param name="configuration">The configuration.</param>
    /// <param name="schema">The account's CRM objects.</param>
    /// <param name="expectedVersion">The version the person saw; a stale one returns <c>concurrency.conflict</c>.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The change with the new version, or the refusal, or <c>concurrency.conflict</c>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<Result<Versioned<WorkspaceDirectoryChange>>> ConfigureRevenueObjectAsync(
        Actor actor, AccountContext account, WorkspaceId workspaceId, CrmObjectType revenueObject, PipelineObjectSettings configuration, CrmSchema schema, VersionToken expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(schema);
        return RunAsync(
            actor,
            account,
            (d, now) => About(d.ConfigureRevenueObject(actor, account, workspaceId, revenueObject, configuration, schema, now), workspaceId),
            expectedVersion,
            cancellationToken);
    }

    private static Result<WorkspaceId?> About(Result outcome, WorkspaceId? workspaceId) =>
        outcome.IsSuccess ? Result.Success(workspaceId) : Result.Failure<WorkspaceId?>(outcome.Error);

    private Task<Result<Versioned<WorkspaceDirectoryChange>>> RunAsync(
        Actor actor,
        AccountContext account,
        Func<WorkspaceDirectory, Instant, Result<WorkspaceId?>> operation,
        VersionToken? expectedVersion,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(account);
        var now = _clock.GetCurrentInstant();
        var portalId = account.PortalId;
        return OptimisticCommand.RunOnAggregateAsync(
            _store,
            portalId,
            state => new WorkspaceDirectory(state, _policy),
            () => WorkspaceDirectory.CreateInitialState(portalId),
            (WorkspaceDirectory directory) => operation(directory, now).Map(workspaceId =>
                new WorkspaceDirectoryChange(directory.State, workspaceId is { } id ? directory.State.Find(id) : null, [.. directory.DomainEvents])),
            expectedVersion,
            cancellationToken);
    }
}
