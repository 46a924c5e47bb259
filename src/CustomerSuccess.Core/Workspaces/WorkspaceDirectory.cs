using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CustomerSuccess.Core.Access;
using CustomerSuccess.Core.Workspaces.Events;
using NodaTime;

namespace CustomerSuccess.Core.Workspaces;

/// <summary>
/// The workspaces of one portal (rules 14–31): the primary workspace, at most <see cref="MaxTeamWorkspaces"/> team
/// workspaces, the team → workspace assignment, the account-level object choices and every workspace's settings.
/// </summary>
/// <remarks>
/// <para>Every cross-record invariant lives in this one aggregate (reliability guide §2.3), so a single
/// compare-and-set write of its <see cref="AggregateRoot{TState}.State"/> keeps them under concurrent writers:
/// the primary workspace always exists and cannot be deleted (rule 25); at most <see cref="MaxTeamWorkspaces"/> team
/// workspaces, the primary one not counted (rule 26, ambiguity B12); a team is in at most one workspace, a workspace
/// holds any number of teams (rule 27); workspace names are unique ignoring case.</para>
/// <para>Every operation first asks the <see cref="AccessPolicy"/> (rules 1, 4, 5, 12), then checks its arguments
/// against the rules, and only then changes the state and records one event. A refused operation returns a failed
/// <see cref="Result"/> whose code is one of <see cref="WorkspaceErrors"/> (or <c>access.*</c>) and leaves the state
/// and the recorded events exactly as they were. An operation that would change nothing (rename to the same name)
/// succeeds without an event. Argument mistakes (<see langword="null"/>, <c>default</c> ids, an account of another
/// portal) throw the <see cref="ArgumentException"/> family.</para>
/// <para>Authorization: creating, renaming, describing, re-teaming and deleting a team workspace needs
/// <see cref="CsOperation.ManageTeamWorkspaces"/> (rules 5, 12); renaming and describing the primary workspace, which
/// every tier has (rule 25), and every settings operation need <see cref="CsOperation.ManageWorkspaceSettings"/>
/// (rule 4, ambiguity B3).</para>
/// <para>Not thread-safe: use one instance per operation (the <see cref="WorkspaceService"/> does).</para>
/// </remarks>
public sealed class WorkspaceDirectory : AggregateRoot<WorkspaceDirectoryState>
{
    /// <summary>The most team workspaces a portal may have; the primary workspace is not counted (rule 26, B12).</summary>
    public const int MaxTeamWorkspaces = 5;

    /// <summary>The most revenue objects an account may choose (rule 19).</summary>
    public const int MaxRevenueObjects = 2;

    /// <summary>The longest workspace name, in UTF-16 characters after trimming (library choice).</summary>
    public const int MaxNameLength = 100;

    /// <summary>The longest workspace description, in UTF-16 characters after trimming (library choice).</summary>
    public const int MaxDescriptionLength = 500;

    /// <summary>The name the primary workspace gets when a directory is created.</summary>
    public const string DefaultPrimaryWorkspaceName = "Primary workspace";

    /// <summary>The exact phrase (ordinal comparison) a caller passes to <see cref="Delete"/> to confirm that deleting
    /// a workspace cannot be undone (rule 31). A UI shows it as a checkbox label and passes it when ticked.</summary>
    public const string DeleteConfirmationPhrase = "I understand that deleting this workspace cannot be undone";

    private readonly AccessPolicy _policy;

    /// <summary>Initializes a directory over a stored state.</summary>
    /// <param name="state">The state, e.g. loaded from an <see cref="IWorkspaceDirectoryStore"/>.</param>
    /// <param name="policy">The access policy; <see langword="null"/> for <see cref="AccessPolicy.Default"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="state"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="state"/> breaks an invariant (corrupt data): no primary
    /// workspace, too many team workspaces, a team in two workspaces, a repeated name, or an id above
    /// <see cref="WorkspaceDirectoryState.LastWorkspaceNumber"/>.</exception>
    public WorkspaceDirectory(WorkspaceDirectoryState state, AccessPolicy? policy = null)
        : base(CheckInvariants(state))
    {
        _policy = policy ?? AccessPolicy.Default;
    }

    /// <summary>Creates the directory of a portal that has none yet: the primary workspace named
    /// <see cref="DefaultPrimaryWorkspaceName"/> with default settings, and <see cref="CsObjectSettings.Default"/>.</summary>
    /// <param name="portalId">The portal.</param>
    /// <param name="policy">The access policy; <see langword="null"/> for <see cref="AccessPolicy.Default"/>.</param>
    /// <returns>The new directory (no event recorded).</returns>
    /// <exception cref="ArgumentException"><paramref name="portalId"/> is <c>default</c>.</exception>
    public static WorkspaceDirectory CreateNew(PortalId portalId, AccessPolicy? policy = null) =>
        new(CreateInitialState(portalId), policy);

    /// <summary>Builds the state of a portal that has no directory yet (see <see cref="CreateNew"/>).</summary>
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
        var primary = new Workspace(primaryId, DefaultPrimaryWorkspaceName, string.Empty, IsPrimary: true, [], WorkspaceSettings.Default);
        return new WorkspaceDirectoryState(
            portalId,
            primaryId,
            ImmutableSortedDictionary<WorkspaceId, Workspace>.Empty.Add(primaryId, primary),
            LastWorkspaceNumber: 1,
            CsObjectSettings.Default);
    }

    /// <summary>Returns the workspace a user sees (rule 28, ambiguity B13).</summary>
    /// <param name="actor">The user.</param>
    /// <returns>The team workspace holding the user's primary team, else the primary workspace.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is <see langword="null"/>.</exception>
    public Workspace WorkspaceFor(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return VisibleWorkspaceFor(actor.PrimaryTeamId);
    }

    /// <summary>Returns the workspace the members of a primary team see (rule 28, ambiguity B13).</summary>
    /// <param name="primaryTeamId">A user's primary team, or <see langword="null"/> if they have none.</param>
    /// <returns>The team workspace holding the team, else the primary workspace. A user sees exactly one workspace,
    /// because a team is in at most one (rule 27).</returns>
    public Workspace VisibleWorkspaceFor(TeamId? primaryTeamId) =>
        (primaryTeamId is { } team ? State.FindWorkspaceOfTeam(team) : null) ?? State.Primary;

    /// <summary>Creates a team workspace (rule 29).</summary>
    /// <param name="actor">Who creates it; needs <see cref="CsOperation.ManageTeamWorkspaces"/> (rules 5, 12).</param>
    /// <param name="account">The account; must be this directory's portal.</param>
    /// <param name="name">The name; trimmed, required, at most <see cref="MaxNameLength"/> characters, unique ignoring case.</param>
    /// <param name="description">The description, or <see langword="null"/> for none; at most <see cref="MaxDescriptionLength"/> characters.</param>
    /// <param name="teams">The teams to assign (possibly none; repeats are ignored); none may be in another workspace (rule 27).</param>
    /// <param name="now">The current instant, stamped on the event.</param>
    /// <returns>The new workspace's id, or a failure: <c>access.*</c>, <see cref="WorkspaceErrors.LimitReachedCode"/>,
    /// <see cref="WorkspaceErrors.NameRequiredCode"/>, <see cref="WorkspaceErrors.NameTooLongCode"/>,
    /// <see cref="WorkspaceErrors.NameTakenCode"/>, <see cref="WorkspaceErrors.DescriptionTooLongCode"/>,
    /// <see cref="WorkspaceErrors.TeamAlreadyAssignedCode"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/>, <paramref name="account"/>,
    /// <paramref name="name"/> or <paramref name="teams"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is another portal, or a team id is <c>default</c>.</exception>
    /// <remarks>The new workspace starts with <see cref="WorkspaceSettings.Default"/>; its settings are configured
    /// afterwards (rule 29).</remarks>
    public Result<WorkspaceId> CreateTeamWorkspace(Actor actor, AccountContext account, string name, string? description, IEnumerable<TeamId> teams, Instant now)
    {
        CheckCaller(actor, account);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(teams);
        var teamSet = teams.ToImmutableSortedSet();
        if (teamSet.Any(t => t.IsDefault))
        {
            throw new ArgumentException("A team id must not be default.", nameof(teams));
        }

        string trimmedName = string.Empty;
        string trimmedDescription = string.Empty;
        var error = Authorize(actor, account, CsOperation.ManageTeamWorkspaces)
            ?? (State.TeamWorkspaceCount >= MaxTeamWorkspaces ? WorkspaceErrors.LimitReached(MaxTeamWorkspaces) : null)
            ?? CheckName(name, null, out trimmedName)
            ?? CheckDescription(description, out trimmedDescription)
            ?? teamSet.Select(t => State.FindWorkspaceOfTeam(t) is { } other ? WorkspaceErrors.TeamAlreadyAssigned(t, other) : null)
                .FirstOrDefault(e => e is not null);
        if (error is not null)
        {
            return Result.Failure<WorkspaceId>(error);
        }

        var number = State.LastWorkspaceNumber + 1;
        var id = WorkspaceId.From(number);
        var workspace = new Workspace(id, trimmedName, trimmedDescription, IsPrimary: false, teamSet, WorkspaceSettings.Default);
        var next = State with { Workspaces = State.Workspaces.Add(id, workspace), LastWorkspaceNumber = number };
        Commit(next, new WorkspaceCreated(State.PortalId, id, trimmedName, [.. teamSet], actor.UserId, now));
        return Result.Success(id);
    }

    /// <summary>Renames a workspace (rules 25, 30).</summary>
    /// <param name="actor">Who renames it: <see cref="CsOperation.ManageTeamWorkspaces"/> for a team workspace,
    /// <see cref="CsOperation.ManageWorkspaceSettings"/> for the primary one.</param>
    /// <param name="account">The account; must be this directory's portal.</param>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="newName">The new name; trimmed, required, at most <see cref="MaxNameLength"/> characters, unique
    /// ignoring case (a change of case only is allowed).</param>
    /// <param name="now">The current instant.</param>
    /// <returns>Success (without an event when the name is unchanged), or <c>access.*</c>,
    /// <see cref="WorkspaceErrors.NotFoundCode"/>, <see cref="WorkspaceErrors.NameRequiredCode"/>,
    /// <see cref="WorkspaceErrors.NameTooLongCode"/>, <see cref="WorkspaceErrors.NameTakenCode"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is another portal.</exception>
    public Result Rename(Actor actor, AccountContext account, WorkspaceId workspaceId, string newName, Instant now)
    {
        CheckCaller(actor, account);
        ArgumentNullException.ThrowIfNull(newName);
        Workspace? workspace = null;
        string trimmed = string.Empty;
        var error = Authorize(actor, account, EditOperation(workspaceId))
            ?? Find(workspaceId, out workspace)
            ?? CheckName(newName, workspaceId, out trimmed);
        if (error is not null)
        {
            return Result.Failure(error);
        }

        if (string.Equals(workspace!.Name, trimmed, StringComparison.Ordinal))
        {
            return Result.Success();
        }

        return Commit(
            Replace(workspace with { Name = trimmed }),
            new WorkspaceRenamed(State.PortalId, workspaceId, workspace.Name, trimmed, actor.UserId, now));
    }

    /// <summary>Changes a workspace's description (rules 25, 30).</summary>
    /// <param name="actor">Who changes it (as for <see cref="Rename"/>).</param>
    /// <param name="account">The account; must be this directory's portal.</param>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="description">The new description, or <see langword="null"/> for none; trimmed, at most
    /// <see cref="MaxDescriptionLength"/> characters.</param>
    /// <param name="now">The current instant.</param>
    /// <returns>Success (without an event when unchanged), or <c>access.*</c>, <see cref="WorkspaceErrors.NotFoundCode"/>,
    /// <see cref="WorkspaceErrors.DescriptionTooLongCode"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="account"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is another portal.</exception>
    public Result Describe(Actor actor, AccountContext account, WorkspaceId workspaceId, string? description, Instant now)
    {
        CheckCaller(actor, account);
        Workspace? workspace = null;
        string trimmed = string.Empty;
        var error = Authorize(actor, account, EditOperation(workspaceId))
            ?? Find(workspaceId, out workspace)
            ?? CheckDescription(description, out trimmed);
        if (error is not null)
        {
            return Result.Failure(error);
        }

        if (string.Equals(workspace!.Description, trimmed, StringComparison.Ordinal))
        {
            return Result.Success();
        }

        return Commit(
            Replace(workspace with { Description = trimmed }),
            new WorkspaceDescriptionChanged(State.PortalId, workspaceId, trimmed, actor.UserId, now));
    }

    /// <summary>Assigns a team to a team workspace (rules 27, 30).</summary>
    /// <param name="actor">Who assigns it; needs <see cref="CsOperation.ManageTeamWorkspaces"/>.</param>
    /// <param name="account">The account; must be this directory's portal.</param>
    /// <param name="workspaceId">The team workspace.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="now">The current instant.</param>
    /// <returns>Success (without an event if the team is already in this workspace), or <c>access.*</c>,
    /// <see cref="WorkspaceErrors.NotFoundCode"/>, <see cref="WorkspaceErrors.PrimaryHasNoTeamsCode"/>,
    /// <see cref="WorkspaceErrors.TeamAlreadyAssignedCode"/> (naming the other workspace).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="account"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is another portal, or <paramref name="teamId"/> is <c>default</c>.</exception>
    public Result AddTeam(Actor actor, AccountContext account, WorkspaceId workspaceId, TeamId teamId, Instant now)
    {
        CheckCaller(actor, account);
        CheckTeam(teamId);
        Workspace? workspace = null;
        var error = Authorize(actor, account, CsOperation.ManageTeamWorkspaces)
            ?? FindTeamWorkspace(workspaceId, out workspace);
        if (error is not null)
        {
            return Result.Failure(error);
        }

        var holder = State.FindWorkspaceOfTeam(teamId);
        if (holder is not null && holder.Id == workspaceId)
        {
            return Result.Success();
        }

        if (holder is not null)
        {
            return Result.Failure(WorkspaceErrors.TeamAlreadyAssigned(teamId, holder));
        }

        return Commit(
            Replace(workspace! with { Teams = workspace.Teams.Add(teamId) }),
            new TeamAddedToWorkspace(State.PortalId, workspaceId, teamId, actor.UserId, now));
    }

    /// <summary>Removes a team from a team workspace (rule 30); its members then see the primary workspace (B13).</summary>
    /// <param name="actor">Who removes it; needs <see cref="CsOperation.ManageTeamWorkspaces"/>.</param>
    /// <param name="account">The account; must be this directory's portal.</param>
    /// <param name="workspaceId">The team workspace.</param>
    /// <param name="teamId">The team.</param>
    /// <param name="now">The current instant.</param>
    /// <returns>Success, or <c>access.*</c>, <see cref="WorkspaceErrors.NotFoundCode"/>,
    /// <see cref="WorkspaceErrors.PrimaryHasNoTeamsCode"/>, <see cref="WorkspaceErrors.TeamNotAssignedCode"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="account"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is another portal, or <paramref name="teamId"/> is <c>default</c>.</exception>
    /// <remarks>A team workspace may be left without teams; nobody sees it then until a team is added.</remarks>
    public Result RemoveTeam(Actor actor, AccountContext account, WorkspaceId workspaceId, TeamId teamId, Instant now)
    {
        CheckCaller(actor, account);
        CheckTeam(teamId);
        Workspace? workspace = null;
        var error = Authorize(actor, account, CsOperation.ManageTeamWorkspaces)
            ?? FindTeamWorkspace(workspaceId, out workspace)
            ?? (workspace!.Teams.Contains(teamId) ? null : WorkspaceErrors.TeamNotAssigned(teamId, workspace));
        if (error is not null)
        {
            return Result.Failure(error);
        }

        return Commit(
            Replace(workspace! with { Teams = workspace.Teams.Remove(teamId) }),
            new TeamRemovedFromWorkspace(State.PortalId, workspaceId, teamId, actor.UserId, now));
    }

    /// <summary>Deletes a team workspace, irreversibly (rule 31); its teams become free and its number is never reused.</summary>
    /// <param name="actor">Who deletes it; needs <see cref="CsOperation.ManageTeamWorkspaces"/>.</param>
    /// <param name="account">The account; must be this directory's portal.</param>
    /// <param name="workspaceId">The team workspace.</param>
    /// <param name="confirmation">The explicit confirmation: exactly <see cref="DeleteConfirmationPhrase"/> (ordinal);
    /// anything else, including <see langword="null"/>, refuses the delete.</param>
    /// <param name="now">The current instant.</param>
    /// <returns>Success, or <c>access.*</c>, <see cref="WorkspaceErrors.NotFoundCode"/>,
    /// <see cref="WorkspaceErrors.PrimaryCannotBeDeletedCode"/>, <see cref="WorkspaceErrors.DeleteNotConfirmedCode"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="account"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is another portal.</exception>
    public Result Delete(Actor actor, AccountContext account, WorkspaceId workspaceId, string? confirmation, Instant now)
    {
        CheckCaller(actor, account);
        Workspace? workspace = null;
        var error = Authorize(actor, account, CsOperation.ManageTeamWorkspaces)
            ?? Find(workspaceId, out workspace)
            ?? (workspace!.IsPrimary ? WorkspaceErrors.PrimaryCannotBeDeleted(workspace) : null)
            ?? (string.Equals(confirmation, DeleteConfirmationPhrase, StringComparison.Ordinal) ? null : WorkspaceErrors.DeleteNotConfirmed(workspace));
        if (error is not null)
        {
            return Result.Failure(error);
        }

        return Commit(
            State with { Workspaces = State.Workspaces.Remove(workspaceId) },
            new WorkspaceDeleted(State.PortalId, workspaceId, workspace!.Name, [.. workspace.Teams], actor.UserId, now));
    }

    /// <summary>Chooses the account's customer object (rules 14, 23, ambiguity B6).</summary>
    /// <param name="actor">Who chooses; needs <see cref="CsOperation.ManageWorkspaceSettings"/>, and for a custom
    /// object <see cref="CsOperation.UseCustomObjectAsCustomerObject"/> (Enterprise, rule 12).</param>
    /// <param name="account">The account; must be this directory's portal.</param>
    /// <param name="customerObject">Contacts, companies or a custom object.</param>
    /// <param name="schema">The account's CRM objects; the object must be among them.</param>
    /// <param name="now">The current instant.</param>
    /// <returns>Success (without an event if unchanged), or <c>access.*</c>, <see cref="WorkspaceErrors.ObjectNotAllowedCode"/>,
    /// <see cref="WorkspaceErrors.ObjectNotFoundCode"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is another portal, or <paramref name="customerObject"/> is <c>default</c>.</exception>
    /// <remarks>A change resets the Customers settings of every workspace to <see cref="CustomerSettings.Default"/>,
    /// because their properties belonged to the previous object (rule 24).</remarks>
    public Result ChooseCustomerObject(Actor actor, AccountContext account, CrmObjectType customerObject, CrmSchema schema, Instant now)
    {
        CheckCaller(actor, account);
        CrmObjectType.ThrowIfDefault(customerObject, nameof(customerObject));
        ArgumentNullException.ThrowIfNull(schema);
        const string Role = "customer";
        var error = Authorize(actor, account, CsOperation.ManageWorkspaceSettings)
            ?? (customerObject.Kind is CrmObjectKind.Contacts or CrmObjectKind.Companies or CrmObjectKind.Custom
                ? null
                : WorkspaceErrors.ObjectNotAllowed(customerObject, Role, "contacts, companies or a custom object"))
            ?? (customerObject.IsCustom ? Authorize(actor, account, CsOperation.UseCustomObjectAsCustomerObject) : null)
            ?? (schema.Find(customerObject) is null ? WorkspaceErrors.ObjectNotFound(customerObject, Role) : null);
        if (error is not null)
        {
            return Result.Failure(error);
        }

        if (customerObject == State.Objects.CustomerObject)
        {
            return Result.Success();
        }

        var objects = State.Objects with { CustomerObject = customerObject };
        var workspaces = MapWorkspaces(w => w.Settings with { Customers = CustomerSettings.Default });
        return Commit(State with { Objects = objects, Workspaces = workspaces }, new CsObjectsChanged(State.PortalId, objects, actor.UserId, now));
    }

    /// <summary>Chooses the account's services object, or none (rules 17, 23, ambiguity B10).</summary>
    /// <param name="actor">Who chooses; needs <see cref="CsOperation.ManageWorkspaceSettings"/>, and for a custom
    /// object <see cref="CsOperation.UseCustomObjectForServices"/> (Enterprise, rule 12).</param>
    /// <param name="account">The account; must be this directory's portal.</param>
    /// <param name="servicesObject">The Services object or a custom object; <see langword="null"/> for none.</param>
    /// <param name="schema">The account's CRM objects: the Services object counts as activated when it is listed.</param>
    /// <param name="now">The current instant.</param>
    /// <returns>Success (without an event if unchanged), or <c>access.*</c>, <see cref="WorkspaceErrors.ObjectNotAllowedCode"/>,
    /// <see cref="WorkspaceErrors.ServicesObjectNotActivatedCode"/> (the Services object is not in
    /// <paramref name="schema"/>), <see cref="WorkspaceErrors.ObjectNotFoundCode"/> (a custom object is not).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/>, <paramref name="account"/> or <paramref name="schema"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is another portal, or <paramref name="servicesObject"/> is <c>default</c>.</exception>
    /// <remarks>A change clears the services configuration of every workspace (the tab toggles stay).</remarks>
    public Result ChooseServicesObject(Actor actor, AccountContext account, CrmObjectType? servicesObject, CrmSchema schema, Instant now)
    {
        CheckCaller(actor, account);
        if (servicesObject is { } chosen)
        {
            CrmObjectType.ThrowIfDefault(chosen, nameof(servicesObject));
        }

        ArgumentNullException.ThrowIfNull(schema);
        const string Role = "services";
        var error = Authorize(actor, account, CsOperation.ManageWorkspaceSettings);
        if (error is null && servicesObject is { } value)
        {
            error = (value.Kind is CrmObjectKind.Services or CrmObjectKind.Custom
                    ? null
                    : WorkspaceErrors.ObjectNotAllowed(value, Role, "the Services object or a custom object"))
                ?? (value.IsCustom ? Authorize(actor, account, CsOperation.UseCustomObjectForServices) : null)
                ?? (schema.Find(value) is not null
                    ? null
                    : value.IsCustom ? WorkspaceErrors.ObjectNotFound(value, Role) : WorkspaceErrors.ServicesObjectNotActivated());
        }

        if (error is not null)
        {
            return Result.Failure(error);
        }

        if (servicesObject == State.Objects.ServicesObject)
        {
            return Result.Success();
        }

        var objects = State.Objects with { ServicesObject = servicesObject };
        var workspaces = MapWorkspaces(w => w.Settings with { Services = w.Settings.Services with { Configuration = null } });
        return Commit(State with { Objects = objects, Workspaces = workspaces }, new CsObjectsChanged(State.PortalId, objects, actor.UserId, now));
    }

    /// <summary>Chooses the account's revenue objects and the default one (rules 19, 20, 23).</summary>
    /// <param name="actor">Who chooses; needs <see cref="CsOperation.ManageWorkspaceSettings"/>.</param>
    /// <param name="account">The account; must be this directory's portal.</param>
    /// <param name="revenueObjects">At most <see cref="MaxRevenueObjects"/> objects, each deals or a custom object, no
    /// repeats; the order is kept. Empty for none.</param>
    /// <param name="defaultObject">The object the team sees first: one of <paramref name="revenueObjects"/>. May be
    /// <see langword="null"/> when there is at most one object (the only one is then the default).</param>
    /// <param name="schema">The account's CRM objects; every chosen object must be among them.</param>
    /// <param name="now">The current instant.</param>
    /// <returns>Success (without an event if unchanged), or <c>access.*</c>,
    /// <see cref="WorkspaceErrors.TooManyRevenueObjectsCode"/>, <see cref="WorkspaceErrors.ObjectNotAllowedCode"/>,
    /// <see cref="WorkspaceErrors.DuplicateRevenueObjectCode"/>, <see cref="WorkspaceErrors.ObjectNotFoundCode"/>,
    /// <see cref="WorkspaceErrors.DefaultRevenueObjectInvalidCode"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/>, <paramref name="account"/>,
    /// <paramref name="revenueObjects"/> or <paramref name="schema"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is another portal, or an object is <c>default</c>.</exception>
    /// <remarks>Every workspace's revenue settings of objects no longer chosen are dropped. The sources gate custom
    /// revenue objects behind no tier of their own (custom objects exist only on Enterprise accounts anyway).</remarks>
    public Result ChooseRevenueObjects(Actor actor, AccountContext account, IReadOnlyList<CrmObjectType> revenueObjects, CrmObjectType? defaultObject, CrmSchema schema, Instant now)
    {
        CheckCaller(actor, account);
        ArgumentNullException.ThrowIfNull(revenueObjects);
        ArgumentNullException.ThrowIfNull(schema);
        foreach (var o in revenueObjects)
        {
            CrmObjectType.ThrowIfDefault(o, nameof(revenueObjects));
        }

        if (defaultObject is { } d)
        {
            CrmObjectType.ThrowIfDefault(d, nameof(defaultObject));
        }

        const string Role = "revenue";
        var chosenDefault = defaultObject ?? (revenueObjects.Count == 1 ? revenueObjects[0] : null);
        var error = Authorize(actor, account, CsOperation.ManageWorkspaceSettings)
            ?? (revenueObjects.Count > MaxRevenueObjects ? WorkspaceErrors.TooManyRevenueObjects(revenueObjects.Count, MaxRevenueObjects) : null)
            ?? revenueObjects.Select(o => o.Kind is CrmObjectKind.Deals or CrmObjectKind.Custom
                ? null
                : WorkspaceErrors.ObjectNotAllowed(o, Role, "deals or a custom object")).FirstOrDefault(e => e is not null)
            ?? revenueObjects.Where((o, i) => revenueObjects.Take(i).Contains(o))
                .Select(WorkspaceErrors.DuplicateRevenueObject).FirstOrDefault()
            ?? revenueObjects.Where(o => schema.Find(o) is null).Select(o => WorkspaceErrors.ObjectNotFound(o, Role)).FirstOrDefault()
            ?? ((revenueObjects.Count == 0 && chosenDefault is null) || (chosenDefault is { } c && revenueObjects.Contains(c))
                ? null
                : WorkspaceErrors.DefaultRevenueObjectInvalid(chosenDefault, revenueObjects));
        if (error is not null)
        {
            return Result.Failure(error);
        }

        var objects = State.Objects with { RevenueObjects = [.. revenueObjects], DefaultRevenueObject = chosenDefault };
        if (objects.Equals(State.Objects))
        {
            return Result.Success();
        }

        var workspaces = MapWorkspaces(w => w.Settings with
        {
            Revenue = w.Settings.Revenue with
            {
                Objects = w.Settings.Revenue.Objects.RemoveRange(w.Settings.Revenue.Objects.Keys.Where(k => !revenueObjects.Contains(k))),
            },
        });
        return Commit(State with { Objects = objects, Workspaces = workspaces }, new CsObjectsChanged(State.PortalId, objects, actor.UserId, now));
    }

    /// <summary>Saves a workspace's Customers settings (rules 15, 16, 23, 24).</summary>
    /// <param name="actor">Who saves them; needs <see cref="CsOperation.ManageWorkspaceSettings"/> (rule 4).</param>
    /// <param name="account">The account; must be this directory's portal.</param>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="csmOwnerProperty">The HubSpot-user property of the customer object naming the CSM; required.</param>
    /// <param name="renewalDateProperty">A date property of the customer object, or <see langword="null"/>/blank for none.</param>
    /// <param name="schema">The account's CRM objects.</param>
    /// <param name="now">The current instant.</param>
    /// <returns>Success (without an event if unchanged), or <c>access.*</c>, <see cref="WorkspaceErrors.NotFoundCode"/>,
    /// <see cref="WorkspaceErrors.ObjectNotFoundCode"/> (the customer object is not in the schema),
    /// <see cref="WorkspaceErrors.CsmOwnerPropertyRequiredCode"/>, <see cref="WorkspaceErrors.PropertyNotFoundCode"/>,
    /// <see cref="WorkspaceErrors.PropertyWrongObjectCode"/>, <see cref="WorkspaceErrors.PropertyWrongTypeCode"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/>, <paramref name="account"/> or <paramref name="schema"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is another portal.</exception>
    public Result ConfigureCustomers(Actor actor, AccountContext account, WorkspaceId workspaceId, string? csmOwnerProperty, string? renewalDateProperty, CrmSchema schema, Instant now)
    {
        CheckCaller(actor, account);
        ArgumentNullException.ThrowIfNull(schema);
        var customerObject = State.Objects.CustomerObject;
        var csm = Blank(csmOwnerProperty);
        var renewal = Blank(renewalDateProperty);
        Workspace? workspace = null;
        CrmObjectSchema? objectSchema = null;
        var error = Authorize(actor, account, CsOperation.ManageWorkspaceSettings)
            ?? Find(workspaceId, out workspace)
            ?? FindObject(schema, customerObject, "customer", out objectSchema)
            ?? (csm is null ? WorkspaceErrors.CsmOwnerPropertyRequired(customerObject) : null)
            ?? CheckProperty(schema, objectSchema!, csm!, CrmPropertyType.User)
            ?? (renewal is null ? null : CheckProperty(schema, objectSchema!, renewal, CrmPropertyType.Date));
        if (error is not null)
        {
            return Result.Failure(error);
        }

        var settings = workspace!.Settings with { Customers = new CustomerSettings(csm, renewal) };
        return CommitSettings(workspace, settings, WorkspaceSettingsSection.Customers, actor, now);
    }

    /// <summary>Shows or hides the Services tab of a workspace (rule 22); it is shown by default.</summary>
    /// <param name="actor">Who changes it; needs <see cref="CsOperation.ManageWorkspaceSettings"/>.</param>
    /// <param name="account">The account; must be this directory's portal.</param>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="shown">Whether the tab is shown to the workspace's teams.</param>
    /// <param name="now">The current instant.</param>
    /// <returns>Success (without an event if unchanged), or <c>access.*</c>, <see cref="WorkspaceErrors.NotFoundCode"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="account"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is another portal.</exception>
    /// <remarks>The toggle does not need a services object: hiding a tab is always allowed (library choice).</remarks>
    public Result SetServicesTabShown(Actor actor, AccountContext account, WorkspaceId workspaceId, bool shown, Instant now) =>
        SetTabShown(actor, account, workspaceId, WorkspaceSettingsSection.Services, s => s with { Services = s.Services with { TabShown = shown } }, now);

    /// <summary>Saves a workspace's services configuration (rules 17, 18, 24).</summary>
    /// <param name="actor">Who saves it; needs <see cref="CsOperation.ManageWorkspaceSettings"/>.</param>
    /// <param name="account">The account; must be this directory's portal.</param>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="configuration">The CSM user property (required), optional renewal-date property, selected
    /// pipelines, default pipeline (one of the selected) and default page layout id, all of the services object.</param>
    /// <param name="schema">The account's CRM objects.</param>
    /// <param name="now">The current instant.</param>
    /// <returns>Success (without an event if unchanged), or <c>access.*</c>, <see cref="WorkspaceErrors.NotFoundCode"/>,
    /// <see cref="WorkspaceErrors.ServicesObjectNotActivatedCode"/>, <see cref="WorkspaceErrors.ObjectNotFoundCode"/>,
    /// <see cref="WorkspaceErrors.CsmOwnerPropertyRequiredCode"/>, <see cref="WorkspaceErrors.PropertyNotFoundCode"/>,
    /// <see cref="WorkspaceErrors.PropertyWrongObjectCode"/>, <see cref="WorkspaceErrors.PropertyWrongTypeCode"/>,
    /// <see cref="WorkspaceErrors.PipelineNotFoundCode"/>, <see cref="WorkspaceErrors.DefaultPipelineNotSelectedCode"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/>, <paramref name="account"/>,
    /// <paramref name="configuration"/> or <paramref name="schema"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is another portal, or a pipeline id is blank.</exception>
    public Result ConfigureServices(Actor actor, AccountContext account, WorkspaceId workspaceId, PipelineObjectSettings configuration, CrmSchema schema, Instant now)
    {
        CheckCaller(actor, account);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(schema);
        var servicesObject = State.Objects.ServicesObject;
        CrmObjectSchema? objectSchema = null;
        PipelineObjectSettings? normalized = null;
        Workspace? workspace = null;
        var error = Authorize(actor, account, CsOperation.ManageWorkspaceSettings)
            ?? Find(workspaceId, out workspace)
            ?? (servicesObject is { } s
                ? (schema.Find(s) is { } found
                    ? Assign(found, out objectSchema)
                    : s.IsCustom ? WorkspaceErrors.ObjectNotFound(s, "services") : WorkspaceErrors.ServicesObjectNotActivated())
                : WorkspaceErrors.ServicesObjectNotActivated())
            ?? CheckPipelineSettings(schema, objectSchema!, configuration, out normalized);
        if (error is not null)
        {
            return Result.Failure(error);
        }

        var settings = workspace!.Settings with { Services = workspace.Settings.Services with { Configuration = normalized } };
        return CommitSettings(workspace, settings, WorkspaceSettingsSection.Services, actor, now);
    }

    /// <summary>Shows or hides the Revenue tab of a workspace (rule 22); it is shown by default.</summary>
    /// <param name="actor">Who changes it; needs <see cref="CsOperation.ManageWorkspaceSettings"/>.</param>
    /// <param name="account">The account; must be this directory's portal.</param>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="shown">Whether the tab is shown to the workspace's teams.</param>
    /// <param name="now">The current instant.</param>
    /// <returns>Success (without an event if unchanged), or <c>access.*</c>, <see cref="WorkspaceErrors.NotFoundCode"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="account"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is another portal.</exception>
    public Result SetRevenueTabShown(Actor actor, AccountContext account, WorkspaceId workspaceId, bool shown, Instant now) =>
        SetTabShown(actor, account, workspaceId, WorkspaceSettingsSection.Revenue, s => s with { Revenue = s.Revenue with { TabShown = shown } }, now);

    /// <summary>The Services and Revenue tab toggles (rule 22): settings permission, the workspace, then the change.</summary>
    private Result SetTabShown(Actor actor, AccountContext account, WorkspaceId workspaceId, WorkspaceSettingsSection section, Func<WorkspaceSettings, WorkspaceSettings> toggle, Instant now)
    {
        CheckCaller(actor, account);
        Workspace? workspace = null;
        var error = Authorize(actor, account, CsOperation.ManageWorkspaceSettings) ?? Find(workspaceId, out workspace);
        return error is not null
            ? Result.Failure(error)
            : CommitSettings(workspace!, toggle(workspace!.Settings), section, actor, now);
    }

    /// <summary>Saves a workspace's configuration of one revenue object (rules 21, 24, ambiguity B11).</summary>
    /// <param name="actor">Who saves it; needs <see cref="CsOperation.ManageWorkspaceSettings"/>.</param>
    /// <param name="account">The account; must be this directory's portal.</param>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="revenueObject">One of the account's revenue objects (<see cref="CsObjectSettings.RevenueObjects"/>).</param>
    /// <param name="configuration">The CSM user property (required), optional renewal-or-end-date property, selected
    /// pipelines, default pipeline (one of the selected) and default page layout id, all of
    /// <paramref name="revenueObject"/> (B11: the date depends on the revenue object, not the services one).</param>
    /// <param name="schema">The account's CRM objects.</param>
    /// <param name="now">The current instant.</param>
    /// <returns>Success (without an event if unchanged), or <c>access.*</c>, <see cref="WorkspaceErrors.NotFoundCode"/>,
    /// <see cref="WorkspaceErrors.RevenueObjectNotSelectedCode"/>, <see cref="WorkspaceErrors.ObjectNotFoundCode"/>,
    /// <see cref="WorkspaceErrors.CsmOwnerPropertyRequiredCode"/>, <see cref="WorkspaceErrors.PropertyNotFoundCode"/>,
    /// <see cref="WorkspaceErrors.PropertyWrongObjectCode"/>, <see cref="WorkspaceErrors.PropertyWrongTypeCode"/>,
    /// <see cref="WorkspaceErrors.PipelineNotFoundCode"/>, <see cref="WorkspaceErrors.DefaultPipelineNotSelectedCode"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/>, <paramref name="account"/>,
    /// <paramref name="configuration"/> or <paramref name="schema"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is another portal, <paramref name="revenueObject"/>
    /// is <c>default</c>, or a pipeline id is blank.</exception>
    public Result ConfigureRevenueObject(Actor actor, AccountContext account, WorkspaceId workspaceId, CrmObjectType revenueObject, PipelineObjectSettings configuration, CrmSchema schema, Instant now)
    {
        CheckCaller(actor, account);
        CrmObjectType.ThrowIfDefault(revenueObject, nameof(revenueObject));
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(schema);
        PipelineObjectSettings? normalized = null;
        Workspace? workspace = null;
        CrmObjectSchema? objectSchema = null;
        var error = Authorize(actor, account, CsOperation.ManageWorkspaceSettings)
            ?? Find(workspaceId, out workspace)
            ?? (State.Objects.RevenueObjects.Contains(revenueObject)
                ? null
                : WorkspaceErrors.RevenueObjectNotSelected(revenueObject, State.Objects.RevenueObjects))
            ?? FindObject(schema, revenueObject, "revenue", out objectSchema)
            ?? CheckPipelineSettings(schema, objectSchema!, configuration, out normalized);
        if (error is not null)
        {
            return Result.Failure(error);
        }

        var revenue = workspace!.Settings.Revenue;
        var settings = workspace.Settings with { Revenue = revenue with { Objects = revenue.Objects.SetItem(revenueObject, normalized!) } };
        return CommitSettings(workspace, settings, WorkspaceSettingsSection.Revenue, actor, now);
    }

    private static WorkspaceDirectoryState CheckInvariants(WorkspaceDirectoryState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(state.Workspaces, nameof(state));
        ArgumentNullException.ThrowIfNull(state.Objects, nameof(state));
        string? problem = null;
        if (state.PortalId.IsDefault)
        {
            problem = "the portal id is default";
        }
        else if (!state.Workspaces.TryGetValue(state.PrimaryWorkspaceId, out var primary) || !primary.IsPrimary)
        {
            problem = $"the primary workspace {state.PrimaryWorkspaceId} is missing";
        }
        else if (state.Workspaces.Values.Count(w => w.IsPrimary) != 1 || !primary.Teams.IsEmpty)
        {
            problem = "there must be exactly one primary workspace, and it holds no teams";
        }
        else if (state.TeamWorkspaceCount > MaxTeamWorkspaces)
        {
            problem = $"there are {state.TeamWorkspaceCount} team workspaces, more than {MaxTeamWorkspaces}";
        }
        else if (state.Workspaces.Any(pair => pair.Key != pair.Value.Id || pair.Key.Value > state.LastWorkspaceNumber))
        {
            problem = "a workspace id does not match its key or exceeds the last workspace number";
        }
        else if (state.Workspaces.Values.SelectMany(w => w.Teams).GroupBy(t => t).Any(g => g.Count() > 1))
        {
            problem = "a team is assigned to two workspaces";
        }
        else if (state.Workspaces.Values.GroupBy(w => w.Name, StringComparer.OrdinalIgnoreCase).Any(g => g.Count() > 1))
        {
            problem = "two workspaces have the same name";
        }

        return problem is null
            ? state
            : throw new ArgumentException($"The workspace directory state of portal {state.PortalId} is corrupt: {problem}.", nameof(state));
    }

    private static DomainError? Assign(CrmObjectSchema found, out CrmObjectSchema? target)
    {
        target = found;
        return null;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static void CheckTeam(TeamId teamId)
    {
        if (teamId.IsDefault)
        {
            throw new ArgumentException("The team id must not be default.", nameof(teamId));
        }
    }

    private static DomainError? CheckDescription(string? description, out string trimmed)
    {
        trimmed = description?.Trim() ?? string.Empty;
        return trimmed.Length > MaxDescriptionLength ? WorkspaceErrors.DescriptionTooLong(trimmed.Length, MaxDescriptionLength) : null;
    }

    private static DomainError? FindObject(CrmSchema schema, CrmObjectType objectType, string role, out CrmObjectSchema? objectSchema)
    {
        objectSchema = schema.Find(objectType);
        return objectSchema is null ? WorkspaceErrors.ObjectNotFound(objectType, role) : null;
    }

    private static DomainError? CheckProperty(CrmSchema schema, CrmObjectSchema objectSchema, string name, CrmPropertyType expected)
    {
        var property = objectSchema.FindProperty(name);
        if (property is null)
        {
            return schema.FindOwnerOfProperty(name, objectSchema.ObjectType) is { } owner
                ? WorkspaceErrors.PropertyWrongObject(name, objectSchema.ObjectType, owner)
                : WorkspaceErrors.PropertyNotFound(name, objectSchema.ObjectType);
        }

        return property.Type == expected ? null : WorkspaceErrors.PropertyWrongType(name, objectSchema.ObjectType, property.Type, expected);
    }

    private static DomainError? CheckPipelineSettings(CrmSchema schema, CrmObjectSchema objectSchema, PipelineObjectSettings input, out PipelineObjectSettings? normalized)
    {
        normalized = null;
        var pipelines = input.SelectedPipelineIds.IsDefault ? [] : input.SelectedPipelineIds;
        if (pipelines.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("A selected pipeline id must not be blank.", nameof(input));
        }

        var selected = pipelines.Select(p => p.Trim()).Distinct(StringComparer.Ordinal).ToImmutableArray();
        var csm = Blank(input.CsmOwnerProperty);
        var date = Blank(input.DateProperty);
        var defaultPipeline = Blank(input.DefaultPipelineId);
        var error = (csm is null ? WorkspaceErrors.CsmOwnerPropertyRequired(objectSchema.ObjectType) : null)
            ?? CheckProperty(schema, objectSchema, csm!, CrmPropertyType.User)
            ?? (date is null ? null : CheckProperty(schema, objectSchema, date, CrmPropertyType.Date))
            ?? selected.Where(p => !objectSchema.HasPipeline(p)).Select(p => WorkspaceErrors.PipelineNotFound(p, objectSchema.ObjectType)).FirstOrDefault()
            ?? (defaultPipeline is null || selected.Contains(defaultPipeline, StringComparer.Ordinal)
                ? null
                : WorkspaceErrors.DefaultPipelineNotSelected(defaultPipeline));
        if (error is null)
        {
            normalized = new PipelineObjectSettings(csm!, date, selected, defaultPipeline, Blank(input.DefaultPageLayoutId));
        }

        return error;
    }

    private void CheckCaller(Actor actor, AccountContext account)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(account);
        if (account.PortalId != State.PortalId)
        {
            throw new ArgumentException($"The account is portal {account.PortalId}, but this directory belongs to portal {State.PortalId}.", nameof(account));
        }
    }

    private DomainError? Authorize(Actor actor, AccountContext account, CsOperation operation) =>
        _policy.Authorize(actor, account, operation).Error;

    private CsOperation EditOperation(WorkspaceId workspaceId) =>
        workspaceId == State.PrimaryWorkspaceId ? CsOperation.ManageWorkspaceSettings : CsOperation.ManageTeamWorkspaces;

    private DomainError? Find(WorkspaceId workspaceId, out Workspace? workspace)
    {
        workspace = State.Find(workspaceId);
        return workspace is null ? WorkspaceErrors.NotFound(workspaceId) : null;
    }

    private DomainError? FindTeamWorkspace(WorkspaceId workspaceId, out Workspace? workspace) =>
        Find(workspaceId, out workspace) ?? (workspace!.IsPrimary ? WorkspaceErrors.PrimaryHasNoTeams(workspace) : null);

    private DomainError? CheckName(string name, WorkspaceId? self, out string trimmed)
    {
        trimmed = name.Trim();
        if (trimmed.Length == 0)
        {
            return WorkspaceErrors.NameRequired();
        }

        if (trimmed.Length > MaxNameLength)
        {
            return WorkspaceErrors.NameTooLong(trimmed.Length, MaxNameLength);
        }

        var candidate = trimmed;
        var other = State.Workspaces.Values.FirstOrDefault(w => w.Id != self && string.Equals(w.Name, candidate, StringComparison.OrdinalIgnoreCase));
        return other is null ? null : WorkspaceErrors.NameTaken(trimmed, other);
    }

    private WorkspaceDirectoryState Replace(Workspace workspace) =>
        State with { Workspaces = State.Workspaces.SetItem(workspace.Id, workspace) };

    private ImmutableSortedDictionary<WorkspaceId, Workspace> MapWorkspaces(Func<Workspace, WorkspaceSettings> settings) =>
        State.Workspaces.ToImmutableSortedDictionary(pair => pair.Key, pair => pair.Value with { Settings = settings(pair.Value) });

    private Result CommitSettings(Workspace workspace, WorkspaceSettings settings, WorkspaceSettingsSection section, Actor actor, Instant now)
    {
        if (settings.Equals(workspace.Settings))
        {
            return Result.Success();
        }

        return Commit(
            Replace(workspace with { Settings = settings }),
            new WorkspaceSettingsChanged(State.PortalId, workspace.Id, section, settings, actor.UserId, now));
    }
}
