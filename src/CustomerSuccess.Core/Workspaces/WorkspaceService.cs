using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.Core.Access;

namespace CustomerSuccess.Core.Workspaces;

/// <summary>
/// The application service for a portal's workspaces and teams: a thin adapter that loads the portal's
/// <see cref="WorkspaceDirectory"/> from an <see cref="IWorkspaceDirectoryStore"/>, runs one operation and saves it by
/// compare-and-set (<see cref="OptimisticCommand"/>). The rules and their refusals are the aggregate's; each method
/// inherits its documentation.
/// </summary>
/// <remarks>
/// <para>Every command returns a <see cref="Change{T}"/>: the workspace as it is now (the deleted one for
/// <see cref="DeleteAsync"/>), the directory's new version, and the events recorded. Without an expected version a
/// command is a server-side command: on a conflict it re-runs on fresh state (within <see cref="ServiceContext.Retry"/>),
/// and every attempt re-checks every rule, so concurrent commands can never both take the last of the
/// <see cref="WorkspaceDirectory.MaxTeamWorkspaces"/> slots or the same team. With the version a person saw, a conflict
/// returns <c>concurrency.conflict</c> and saves nothing.</para>
/// <para>Every read authorizes too. A portal with no stored directory reads as
/// <see cref="WorkspaceDirectory.CreateInitialState"/> with <see cref="VersionToken.None"/>; the first successful command
/// stores it.</para>
/// <threadsafety>Thread-safe if the store is; every call works on its own aggregate instance.</threadsafety>
/// </remarks>
public sealed class WorkspaceService
{
    private readonly AggregateRepository<PortalId, WorkspaceDirectoryState, WorkspaceDirectory> _directories;
    private readonly ServiceContext _context;

    /// <summary>Initializes the service.</summary>
    /// <param name="store">Where directories are stored.</param>
    /// <param name="context">The access policy, clock, event dispatcher and retry budget.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public WorkspaceService(IWorkspaceDirectoryStore store, ServiceContext context)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _directories = new(store, context, state => new WorkspaceDirectory(state, context.Policy), WorkspaceDirectory.CreateInitialState);
    }

    /// <summary>Reads the portal's whole directory: every workspace and its teams, as the settings pages show them.</summary>
    /// <param name="actor">Who reads it; needs <see cref="CsOperation.ManageWorkspaceSettings"/> (rule 4).</param>
    /// <param name="account">The account.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The state and version (<see cref="VersionToken.None"/> if never stored), or <c>access.*</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="account"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<Result<Versioned<WorkspaceDirectoryState>>> GetDirectoryAsync(Actor actor, AccountContext account, CancellationToken cancellationToken = default)
    {
        if (_context.Policy.Authorize(actor, account, CsOperation.ManageWorkspaceSettings) is { IsFailure: true } denied)
        {
            return denied.Error;
        }

        return await _directories.LoadAsync(account.PortalId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Returns the workspace a user sees (rule 28, ambiguity B13), if they may open the workspace at all.</summary>
    /// <param name="actor">The user (or a "view as user" actor: then the viewed user's workspace).</param>
    /// <param name="account">The account.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The team workspace of the user's primary team, else the primary workspace; or an <c>access.*</c> failure
    /// (<see cref="CsOperation.OpenWorkspace"/>, rules 1–3).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="account"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<Result<Workspace>> GetVisibleWorkspaceAsync(Actor actor, AccountContext account, CancellationToken cancellationToken = default)
    {
        if (_context.Policy.Authorize(actor, account, CsOperation.OpenWorkspace) is { IsFailure: true } denied)
        {
            return denied.Error;
        }

        var directory = await _directories.LoadAsync(account.PortalId, cancellationToken).ConfigureAwait(false);
        return directory.State.VisibleWorkspaceFor(actor.PrimaryTeamId);
    }

    /// <inheritdoc cref="WorkspaceDirectory.CreateTeamWorkspace"/>
    public Task<Result<Change<Workspace>>> CreateTeamWorkspaceAsync(
        Actor actor, AccountContext account, string name, string? description, IEnumerable<TeamId> teams, VersionToken? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(teams);
        List<TeamId> teamList = [.. teams];
        return Execute(actor, account, (d, now) => d.CreateTeamWorkspace(actor, account, name, description, teamList, now), expectedVersion, cancellationToken);
    }

    /// <inheritdoc cref="WorkspaceDirectory.Rename"/>
    public Task<Result<Change<Workspace>>> RenameAsync(
        Actor actor, AccountContext account, WorkspaceId workspaceId, string newName, VersionToken? expectedVersion = null, CancellationToken cancellationToken = default) =>
        Execute(actor, account, (d, now) => d.Rename(actor, account, workspaceId, newName, now), expectedVersion, cancellationToken);

    /// <inheritdoc cref="WorkspaceDirectory.Describe"/>
    public Task<Result<Change<Workspace>>> DescribeAsync(
        Actor actor, AccountContext account, WorkspaceId workspaceId, string? description, VersionToken? expectedVersion = null, CancellationToken cancellationToken = default) =>
        Execute(actor, account, (d, now) => d.Describe(actor, account, workspaceId, description, now), expectedVersion, cancellationToken);

    /// <inheritdoc cref="WorkspaceDirectory.AddTeam"/>
    public Task<Result<Change<Workspace>>> AddTeamAsync(
        Actor actor, AccountContext account, WorkspaceId workspaceId, TeamId teamId, VersionToken? expectedVersion = null, CancellationToken cancellationToken = default) =>
        Execute(actor, account, (d, now) => d.AddTeam(actor, account, workspaceId, teamId, now), expectedVersion, cancellationToken);

    /// <inheritdoc cref="WorkspaceDirectory.RemoveTeam"/>
    public Task<Result<Change<Workspace>>> RemoveTeamAsync(
        Actor actor, AccountContext account, WorkspaceId workspaceId, TeamId teamId, VersionToken? expectedVersion = null, CancellationToken cancellationToken = default) =>
        Execute(actor, account, (d, now) => d.RemoveTeam(actor, account, workspaceId, teamId, now), expectedVersion, cancellationToken);

    /// <inheritdoc cref="WorkspaceDirectory.Delete"/>
    public Task<Result<Change<Workspace>>> DeleteAsync(
        Actor actor, AccountContext account, WorkspaceId workspaceId, string? confirmation, VersionToken? expectedVersion = null, CancellationToken cancellationToken = default) =>
        Execute(actor, account, (d, now) => d.Delete(actor, account, workspaceId, confirmation, now), expectedVersion, cancellationToken);

    private Task<Result<Change<Workspace>>> Execute(
        Actor actor, AccountContext account, Func<WorkspaceDirectory, NodaTime.Instant, Result<Workspace>> operation, VersionToken? expectedVersion, CancellationToken cancellationToken, [CallerMemberName] string? command = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(account);
        return _directories.ExecuteAsync(account.PortalId, operation, expectedVersion, cancellationToken, command);
    }
}
