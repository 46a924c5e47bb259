using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CustomerSuccess.Core.Access;
using CustomerSuccess.Core.Workspaces.Events;
using NodaTime;

namespace CustomerSuccess.Core.Workspaces;

/// <summary>
/// The workspaces of one portal and their teams (rules 25–31): the primary workspace, at most
/// <see cref="MaxTeamWorkspaces"/> team workspaces, and the team → workspace assignment. Their settings are the job of
/// <see cref="WorkspaceConfiguration"/>.
/// </summary>
/// <remarks>
/// <para>Every cross-record invariant of workspaces lives in this one aggregate, so a single compare-and-set write of its
/// <see cref="AggregateRoot{TState}.State"/> keeps them under concurrent writers: the primary workspace always exists and
/// cannot be deleted (rule 25); at most <see cref="MaxTeamWorkspaces"/> team workspaces, the primary one not counted
/// (rule 26, ambiguity B12); a team is in at most one workspace, a workspace holds any number of teams (rule 27);
/// workspace names are unique ignoring case.</para>
/// <para>Every operation first asks the <see cref="AccessPolicy"/> (rules 1, 4, 5, 12), then checks its rules in the
/// order its documentation lists them and returns the first refusal: a failed <see cref="Result"/> whose code is one of
/// <see cref="WorkspaceErrors"/> (or <c>access.*</c>), with the state and the recorded events exactly as they were. An
/// operation that would change nothing (rename to the same name) succeeds without an event. Argument mistakes
/// (<see langword="null"/>, <c>default</c> ids, an account of another portal) throw the <see cref="ArgumentException"/>
/// family.</para>
/// <para>Authorization: creating, renaming, describing, re-teaming and deleting a team workspace needs
/// <see cref="CsOperation.ManageTeamWorkspaces"/> (rules 5, 12); renaming and describing the primary workspace, which
/// every tier has (rule 25), needs <see cref="CsOperation.ManageWorkspaceSettings"/> (rule 4, ambiguity B3).</para>
/// <para>Not thread-safe: use one instance per operation (the <see cref="WorkspaceService"/> does).</para>
/// </remarks>
public sealed class WorkspaceDirectory : PortalAggregate<WorkspaceDirectoryState>
{
    /// <summary>The most team workspaces a portal may have; the primary workspace is not counted (rule 26, B12).</summary>
    public const int MaxTeamWorkspaces = 5;

    /// <summary>The longest workspace name, in UTF-16 characters after trimming (library choice).</summary>
    public const int MaxNameLength = 100;

    /// <summary>The longest workspace description, in UTF-16 characters after trimming (library choice).</summary>
    public const int MaxDescriptionLength = 500;

    /// <summary>The name the primary workspace gets when a directory is created.</summary>
    public const string DefaultPrimaryWorkspaceName = "Primary workspace";

    /// <summary>The exact phrase (ordinal comparison) a caller passes to <see cref="Delete"/> to confirm that deleting
    /// a workspace cannot be undone (rule 31). A UI shows it as a checkbox label and passes it when ticked.</summary>
    public const string DeleteConfirmationPhrase = "I understand that deleting this workspace cannot be undone";

    /// <summary>Initializes a directory over a stored state.</summary>
    /// <param name="state">The state, e.g. loaded from an <see cref="IWorkspaceDirectoryStore"/>.</param>
    /// <param name="policy">The access policy (with the options the application configured).</param>
    /// <exception cref="ArgumentNullException"><paramref name="state"/> or <paramref name="policy"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="state"/> breaks an invariant (corrupt data): no primary
    /// workspace, too many team workspaces, a team in two workspaces, a repeated name, or an id above
    /// <see cref="WorkspaceDirectoryState.LastWorkspaceNumber"/>.</exception>
    public WorkspaceDirectory(WorkspaceDirectoryState state, AccessPolicy policy)
        : base(CheckInvariants(state), policy)
    {
    }

    /// <summary>Builds the state of a portal that has no directory yet: the primary workspace named
    /// <see cref="DefaultPrimaryWorkspaceName"/>, no team workspace.</summary>
    /// <param name="portalId">The portal.</param>
    /// <returns>The initial state.</returns>
    /// <exception cref="ArgumentException"><paramref name="portalId"/> is <c>default</c>.</exception>
    public static WorkspaceDirectoryState CreateInitialState(PortalId portalId)
    {
        if (portalId.IsDefault)
        {
            throw new ArgumentException("The portal id must not be default.", nameof(portalId));
        }

        var primaryId = WorkspaceId.From(1);
        var primary = new Workspace(primaryId, DefaultPrimaryWorkspaceName, string.Empty, IsPrimary: true, []);
        return new WorkspaceDirectoryState(
            portalId,
            primaryId,
            ImmutableSortedDictionary<WorkspaceId, Workspace>.Empty.Add(primaryId, primary),
            LastWorkspaceNumber: 1);
    }

    /// <summary>Returns the workspace a user sees (rule 28, ambiguity B13).</summary>
    /// <param name="actor">The user.</param>
    /// <returns>The team workspace holding the user's primary team, else the primary workspace.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is <see langword="null"/>.</exception>
    public Workspace WorkspaceFor(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return State.VisibleWorkspaceFor(actor.PrimaryTeamId);
    }

    /// <summary>Creates a team workspace (rule 29).</summary>
    /// <param name="actor">Who creates it; needs <see cref="CsOperation.ManageTeamWorkspaces"/> (rules 5, 12).</param>
    /// <param name="account">The account; must be this directory's portal.</param>
    /// <param name="name">The name; trimmed, required, at most <see cref="MaxNameLength"/> characters, unique ignoring case.</param>
    /// <param name="description">The description, or <see langword="null"/> for none; at most <see cref="MaxDescriptionLength"/> characters.</param>
    /// <param name="teams">The teams to assign (possibly none; repeats are ignored); none may be in another workspace (rule 27).</param>
    /// <param name="now">The current instant, stamped on the event.</param>
    /// <returns>The new workspace, or a failure, checked in this order: <c>access.*</c>,
    /// <see cref="WorkspaceErrors.LimitReachedCode"/>, <see cref="WorkspaceErrors.NameRequiredCode"/>,
    /// <see cref="WorkspaceErrors.NameTooLongCode"/>, <see cref="WorkspaceErrors.NameTakenCode"/>,
    /// <see cref="WorkspaceErrors.DescriptionTooLongCode"/>, <see cref="WorkspaceErrors.TeamAlreadyAssignedCode"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/>, <paramref name="account"/>,
    /// <paramref name="name"/> or <paramref name="teams"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is another portal, or a team id is <c>default</c>.</exception>
    /// <remarks>The new workspace starts with default settings (<see cref="WorkspaceSettings.Default"/>); its settings are
    /// configured afterwards (rule 29) through <see cref="WorkspaceConfiguration"/>.</remarks>
    public Result<Workspace> CreateTeamWorkspace(Actor actor, AccountContext account, string name, string? description, IEnumerable<TeamId> teams, Instant now)
    {
        CheckCaller(actor, account);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(teams);
        var teamSet = teams.ToImmutableSortedSet();
        if (teamSet.Any(t => t.IsDefault))
        {
            throw new ArgumentException("A team id must not be default.", nameof(teams));
        }

        if (Authorize(actor, account, CsOperation.ManageTeamWorkspaces) is { IsFailure: true } denied)
        {
            return denied.Error;
        }

        if (State.TeamWorkspaceCount >= MaxTeamWorkspaces)
        {
            return WorkspaceErrors.LimitReached(MaxTeamWorkspaces);
        }

        var validName = ValidName(name, null);
        if (validName.IsFailure)
        {
            return validName.Error;
        }

        var validDescription = ValidDescription(description);
        if (validDescription.IsFailure)
        {
            return validDescription.Error;
        }

        foreach (var team in teamSet)
        {
            if (State.FindWorkspaceOfTeam(team) is { } other)
            {
                return WorkspaceErrors.TeamAlreadyAssigned(team, other);
            }
        }

        var number = State.LastWorkspaceNumber + 1;
        var workspace = new Workspace(WorkspaceId.From(number), validName.Value, validDescription.Value, IsPrimary: false, teamSet);
        Commit(
            State with { Workspaces = State.Workspaces.Add(workspace.Id, workspace), LastWorkspaceNumber = number },
            new WorkspaceCreated(PortalId, workspace.Id, workspace.Name, [.. teamSet], Initiator.User(actor.UserId), now));
        return workspace;
    }

    /// <summary>Renames a workspace (rules 25, 30).</summary>
    /// <param name="actor">Who renames it: <see cref="CsOperation.ManageTeamWorkspaces"/> for a team workspace,
    /// <see cref="CsOperation.ManageWorkspaceSettings"/> for the primary one.</param>
    /// <param name="account">The account; must be this directory's portal.</param>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="newName">The new name; trimmed, required, at most <see cref="MaxNameLength"/> characters, unique
    /// ignoring case (a change of case only is allowed).</param>
    /// <param name="now">The current instant.</param>
    /// <returns>The workspace as it is now (without an event when the name is unchanged), or <c>access.*</c>,
    /// <see cref="WorkspaceErrors.NotFoundCode"/>, <see cref="WorkspaceErrors.NameRequiredCode"/>,
    /// <see cref="WorkspaceErrors.NameTooLongCode"/>, <see cref="WorkspaceErrors.NameTakenCode"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is another portal, or <paramref name="workspaceId"/> is <c>default</c>.</exception>
    public Result<Workspace> Rename(Actor actor, AccountContext account, WorkspaceId workspaceId, string newName, Instant now)
    {
        CheckCaller(actor, account);
        CheckWorkspace(workspaceId);
        ArgumentNullException.ThrowIfNull(newName);
        if (Authorize(actor, account, EditOperation(workspaceId)) is { IsFailure: true } denied)
        {
            return denied.Error;
        }

        if (State.Find(workspaceId) is not { } workspace)
        {
            return WorkspaceErrors.NotFound(workspaceId);
        }

        var name = ValidName(newName, workspaceId);
        if (name.IsFailure)
        {
            return name.Error;
        }

        if (string.Equals(workspace.Name, name.Value, StringComparison.Ordinal))
        {
            return workspace;
        }

        return Replace(workspace with { Name = name.Value }, new WorkspaceRenamed(PortalId, workspaceId, workspace.Name, name.Value, Initiator.User(actor.UserId), now));
    }

    /// <summary>Changes a workspace's description (rules 25, 30).</summary>
    /// <param name="actor">Who changes it (as for <see cref="Rename"/>).</param>
    /// <param name="account">The account; must be this directory's portal.</param>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="description">The new description, or <see langword="null"/> for none; trimmed, at most
    /// <see cref="MaxDescriptionLength"/> characters.</param>
    /// <param name="now">The current instant.</param>
    /// <returns>The workspace as it is now (without an event when unchanged), or <c>access.*</c>,
    /// <see cref="WorkspaceErrors.NotFoundCode"/>, <see cref="WorkspaceErrors.DescriptionTooLongCode"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="account"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is another portal, or <paramref name="workspaceId"/> is <c>default</c>.</exception>
    public Result<Workspace> Describe(Actor actor, AccountContext account, WorkspaceId workspaceId, string? description, Instant now)
    {
        CheckCaller(actor, account);
        CheckWorkspace(workspaceId);
        if (Authorize(actor, account, EditOperation(workspaceId)) is { IsFailure: true } denied)
        {
            return denied.Error;
        }

        if (State.Find(workspaceId) is not { } workspace)
        {
            return WorkspaceErrors.NotFound(workspaceId);
        }

        var text = ValidDescription(description);
        if (text.IsFailure)
        {
            return text.Error;
        }

        if (string.Equals(workspace.Description, text.Value, StringComparison.Ordinal))
        {
            return workspace;
        }

        return Replace(workspace with { Description = text.Value }, new WorkspaceDescriptionChanged(PortalId, workspaceId, text.Value, Initiator.User(actor.UserId), now));
    }

    /// <summary>Assigns a team to a team workspace (rules 27, 30).</summary>
    /// <param name="actor">Who assigns it; needs <see cref="CsOperation.ManageTeamWorkspaces"/>.</param>
    /// <param name="account">The account; must be this directory's portal.</param>
    /// <param name="workspaceId">The team workspace.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="now">The current instant.</param>
    /// <returns>The workspace as it is now (without an event if the team is already in it), or <c>access.*</c>,
    /// <see cref="WorkspaceErrors.NotFoundCode"/>, <see cref="WorkspaceErrors.PrimaryHasNoTeamsCode"/>,
    /// <see cref="WorkspaceErrors.TeamAlreadyAssignedCode"/> (naming the other workspace).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="account"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is another portal, or <paramref name="workspaceId"/> or <paramref name="teamId"/> is <c>default</c>.</exception>
    public Result<Workspace> AddTeam(Actor actor, AccountContext account, WorkspaceId workspaceId, TeamId teamId, Instant now)
    {
        CheckCaller(actor, account);
        CheckWorkspace(workspaceId);
        CheckTeam(teamId);
        if (Authorize(actor, account, CsOperation.ManageTeamWorkspaces) is { IsFailure: true } denied)
        {
            return denied.Error;
        }

        var found = FindTeamWorkspace(workspaceId);
        if (!found.TryGetValue(out var workspace))
        {
            return found;
        }

        if (State.FindWorkspaceOfTeam(teamId) is { } holder)
        {
            return holder.Id == workspaceId ? workspace : WorkspaceErrors.TeamAlreadyAssigned(teamId, holder);
        }

        return Replace(workspace with { Teams = workspace.Teams.Add(teamId) }, new TeamAddedToWorkspace(PortalId, workspaceId, teamId, Initiator.User(actor.UserId), now));
    }

    /// <summary>Removes a team from a team workspace (rule 30); its members then see the primary workspace (B13).</summary>
    /// <param name="actor">Who removes it; needs <see cref="CsOperation.ManageTeamWorkspaces"/>.</param>
    /// <param name="account">The account; must be this directory's portal.</param>
    /// <param name="workspaceId">The team workspace.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="now">The current instant.</param>
    /// <returns>The workspace as it is now, or <c>access.*</c>, <see cref="WorkspaceErrors.NotFoundCode"/>,
    /// <see cref="WorkspaceErrors.PrimaryHasNoTeamsCode"/>, <see cref="WorkspaceErrors.TeamNotAssignedCode"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="account"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is another portal, or <paramref name="workspaceId"/> or <paramref name="teamId"/> is <c>default</c>.</exception>
    /// <remarks>A team workspace may be left without teams; nobody but super admins sees it then until a team is added.</remarks>
    public Result<Workspace> RemoveTeam(Actor actor, AccountContext account, WorkspaceId workspaceId, TeamId teamId, Instant now)
    {
        CheckCaller(actor, account);
        CheckWorkspace(workspaceId);
        CheckTeam(teamId);
        if (Authorize(actor, account, CsOperation.ManageTeamWorkspaces) is { IsFailure: true } denied)
        {
            return denied.Error;
        }

        var found = FindTeamWorkspace(workspaceId);
        if (!found.TryGetValue(out var workspace))
        {
            return found;
        }

        if (!workspace.Teams.Contains(teamId))
        {
            return WorkspaceErrors.TeamNotAssigned(teamId, workspace);
        }

        return Replace(workspace with { Teams = workspace.Teams.Remove(teamId) }, new TeamRemovedFromWorkspace(PortalId, workspaceId, teamId, Initiator.User(actor.UserId), now));
    }

    /// <summary>Deletes a team workspace, irreversibly (rule 31); its teams become free and its number is never reused.</summary>
    /// <param name="actor">Who deletes it; needs <see cref="CsOperation.ManageTeamWorkspaces"/>.</param>
    /// <param name="account">The account; must be this directory's portal.</param>
    /// <param name="workspaceId">The team workspace.</param>
    /// <param name="confirmation">The explicit confirmation: exactly <see cref="DeleteConfirmationPhrase"/> (ordinal);
    /// anything else, including <see langword="null"/>, refuses the delete.</param>
    /// <param name="now">The current instant.</param>
    /// <returns>The deleted workspace, or <c>access.*</c>, <see cref="WorkspaceErrors.NotFoundCode"/>,
    /// <see cref="WorkspaceErrors.PrimaryCannotBeDeletedCode"/>, <see cref="WorkspaceErrors.DeleteNotConfirmedCode"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="account"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is another portal, or <paramref name="workspaceId"/> is <c>default</c>.</exception>
    public Result<Workspace> Delete(Actor actor, AccountContext account, WorkspaceId workspaceId, string? confirmation, Instant now)
    {
        CheckCaller(actor, account);
        CheckWorkspace(workspaceId);
        if (Authorize(actor, account, CsOperation.ManageTeamWorkspaces) is { IsFailure: true } denied)
        {
            return denied.Error;
        }

        if (State.Find(workspaceId) is not { } workspace)
        {
            return WorkspaceErrors.NotFound(workspaceId);
        }

        if (workspace.IsPrimary)
        {
            return WorkspaceErrors.PrimaryCannotBeDeleted(workspace);
        }

        if (!string.Equals(confirmation, DeleteConfirmationPhrase, StringComparison.Ordinal))
        {
            return WorkspaceErrors.DeleteNotConfirmed(workspace);
        }

        Commit(
            State with { Workspaces = State.Workspaces.Remove(workspaceId) },
            new WorkspaceDeleted(PortalId, workspaceId, workspace.Name, [.. workspace.Teams], Initiator.User(actor.UserId), now));
        return workspace;
    }

    internal static WorkspaceDirectoryState CheckInvariants(WorkspaceDirectoryState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(state.Workspaces, nameof(state));
        var problem = FindCorruption(state);
        return problem is null
            ? state
            : throw new ArgumentException($"The workspace directory state of portal {state.PortalId} is corrupt: {problem}.", nameof(state));
    }

    private static string? FindCorruption(WorkspaceDirectoryState state)
    {
        if (state.PortalId.IsDefault)
        {
            return "the portal id is default";
        }

        if (!state.Workspaces.TryGetValue(state.PrimaryWorkspaceId, out var primary) || !primary.IsPrimary)
        {
            return $"the primary workspace {state.PrimaryWorkspaceId} is missing";
        }

        if (state.Workspaces.Values.Count(w => w.IsPrimary) != 1 || !primary.Teams.IsEmpty)
        {
            return "there must be exactly one primary workspace, and it holds no teams";
        }

        if (state.TeamWorkspaceCount > MaxTeamWorkspaces)
        {
            return $"there are {state.TeamWorkspaceCount} team workspaces, more than {MaxTeamWorkspaces}";
        }

        if (state.Workspaces.Any(pair => pair.Key != pair.Value.Id || pair.Key.Value > state.LastWorkspaceNumber))
        {
            return "a workspace id does not match its key or exceeds the last workspace number";
        }

        if (state.Workspaces.Values.SelectMany(w => w.Teams).GroupBy(t => t).Any(g => g.Count() > 1))
        {
            return "a team is assigned to two workspaces";
        }

        return state.Workspaces.Values.GroupBy(w => w.Name, StringComparer.OrdinalIgnoreCase).Any(g => g.Count() > 1)
            ? "two workspaces have the same name"
            : null;
    }

    private static void CheckWorkspace(WorkspaceId workspaceId)
    {
        if (workspaceId.IsDefault)
        {
            throw new ArgumentException("The workspace id must not be default.", nameof(workspaceId));
        }
    }

    private static void CheckTeam(TeamId teamId)
    {
        if (teamId.IsDefault)
        {
            throw new ArgumentException("The team id must not be default.", nameof(teamId));
        }
    }

    private static Result<string> ValidDescription(string? description)
    {
        var trimmed = description?.Trim() ?? string.Empty;
        return trimmed.Length > MaxDescriptionLength ? WorkspaceErrors.DescriptionTooLong(trimmed.Length, MaxDescriptionLength) : trimmed;
    }

    private CsOperation EditOperation(WorkspaceId workspaceId) =>
        workspaceId == State.PrimaryWorkspaceId ? CsOperation.ManageWorkspaceSettings : CsOperation.ManageTeamWorkspaces;

    private Result<Workspace> FindTeamWorkspace(WorkspaceId workspaceId) => State.Find(workspaceId) switch
    {
        null => WorkspaceErrors.NotFound(workspaceId),
        { IsPrimary: true } primary => WorkspaceErrors.PrimaryHasNoTeams(primary),
        var workspace => workspace,
    };

    private Result<string> ValidName(string name, WorkspaceId? self)
    {
        var trimmed = name.Trim();
        if (trimmed.Length == 0)
        {
            return WorkspaceErrors.NameRequired();
        }

        if (trimmed.Length > MaxNameLength)
        {
            return WorkspaceErrors.NameTooLong(trimmed.Length, MaxNameLength);
        }

        var other = State.Workspaces.Values.FirstOrDefault(w => w.Id != self && string.Equals(w.Name, trimmed, StringComparison.OrdinalIgnoreCase));
        return other is null ? trimmed : WorkspaceErrors.NameTaken(trimmed, other);
    }

    private Workspace Replace(Workspace workspace, IDomainEvent domainEvent)
    {
        Commit(State with { Workspaces = State.Workspaces.SetItem(workspace.Id, workspace) }, domainEvent);
        return workspace;
    }
}
