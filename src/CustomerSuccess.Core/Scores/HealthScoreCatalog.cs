using System;
using CustomerSuccess.Core.Access;
using CustomerSuccess.Core.HealthScores;
using CustomerSuccess.Core.HealthScores.Templates;
using CustomerSuccess.Core.HealthScores.Validation;
using CustomerSuccess.Core.Scores.Events;
using NodaTime;

namespace CustomerSuccess.Core.Scores;

/// <summary>
/// The health scores of one portal and their lifecycle (rules 71–83): drafts, turning a score on and off, the tier
/// limits, and the immutable numbered versions every computed score refers to.
/// </summary>
/// <remarks>
/// <para><b>Lifecycle</b> (rule 83). A new score is a <see cref="HealthScoreStatus.Draft"/> whose definition may be
/// incomplete (ambiguity B18). <see cref="Activate"/> validates the working definition completely
/// (<see cref="ValidationMode.Activation"/>), makes the score <see cref="HealthScoreStatus.Active"/> and appends an
/// immutable <see cref="ScoreVersion"/> numbered 1, 2, 3… per score with <c>ActivatedAt = now</c>.
/// <see cref="Deactivate"/> makes it <see cref="HealthScoreStatus.Inactive"/>; it can be turned on again (a new
/// version). Editing an active score edits its working definition only: records keep being scored with the active
/// version until the score is turned on again ("leaving the builder without turning it on keeps the edits as a
/// draft"). Versions are never changed and stay retrievable with <see cref="GetVersion"/> while the score exists.</para>
/// <para><b>Limits</b> (rule 72, ambiguity B2). Per tier, from <see cref="HealthScoreCatalogOptions"/>: at most
/// <see cref="HealthScoreLimits.MaxActive"/> active scores and <see cref="HealthScoreLimits.MaxDrafts"/> drafts, where a
/// draft is every score that is not currently active (never turned on, or turned off). Creating a score and turning
/// one off add a draft; turning a draft on moves it from the drafts to the active scores. Having more than one active
/// score also needs <see cref="CsOperation.ActivateMultipleHealthScores"/> (Enterprise, rule 12).</para>
/// <para><b>Scored object</b> (rule 73, ambiguity B5). Every stored definition scores exactly the workspace's customer
/// object, which the caller passes as <c>customerObjectType</c> (the object's name, e.g. <c>companies</c>; compared
/// ordinally). If the customer object changes later, the existing scores cannot be turned on until they are edited.</para>
/// <para><b>Drafts</b>. Saving checks <see cref="ValidationMode.Draft"/> only (contradictions such as more than five
/// segments, rule 74, or duplicate group names); incompleteness such as a Max points sum other than 100 (rule 78) is
/// reported when the score is turned on.</para>
/// <para><b>Errors</b>. Every operation first asks the <see cref="AccessPolicy"/> for
/// <see cref="CsOperation.ManageHealthScores"/> (rules 3, 6), then checks its rules. A refused operation returns a
/// failed <see cref="Result"/> with an <c>access.*</c> code or one of <see cref="HealthScoreErrors"/> and leaves the
/// state and the recorded events exactly as they were; an operation that would change nothing succeeds without an
/// event. Argument mistakes (<see langword="null"/>, a blank customer object, an account of another portal) throw the
/// <see cref="ArgumentException"/> family.</para>
/// <para>Not thread-safe: use one instance per operation (the <see cref="HealthScoreCatalogService"/> does).</para>
/// </remarks>
public sealed class HealthScoreCatalog : AggregateRoot<HealthScoreCatalogState>
{
    private readonly AccessPolicy _policy;
    private readonly HealthScoreLimits _professional;
    private readonly HealthScoreLimits _enterprise;

    /// <summary>Initializes a catalog over a stored state.</summary>
    /// <param name="state">The state, e.g. loaded from an <see cref="IHealthScoreCatalogStore"/>.</param>
    /// <param name="policy">The access policy; <see langword="null"/> for <see cref="AccessPolicy.Default"/>.</param>
    /// <param name="options">The tier limits; <see langword="null"/> for the defaults. They are copied.</param>
    /// <exception cref="ArgumentNullException"><paramref name="state"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="state"/> breaks an invariant (corrupt data): a default
    /// portal, ids not unique and ascending or above <see cref="HealthScoreCatalogState.LastScoreNumber"/>, versions of
    /// another score or not numbered 1, 2, 3…, or an active score without a version.</exception>
    public HealthScoreCatalog(HealthScoreCatalogState state, AccessPolicy? policy = null, HealthScoreCatalogOptions? options = null)
        : base(CheckInvariants(state))
    {
        _policy = policy ?? AccessPolicy.Default;
        options ??= new HealthScoreCatalogOptions();
        _professional = options.LimitsFor(ServiceHubTier.Professional);
        _enterprise = options.LimitsFor(ServiceHubTier.Enterprise);
    }

    /// <summary>Creates the empty catalog of a portal that has none yet.</summary>
    /// <param name="portalId">The portal.</param>
    /// <param name="policy">The access policy; <see langword="null"/> for <see cref="AccessPolicy.Default"/>.</param>
    /// <param name="options">The tier limits; <see langword="null"/> for the defaults.</param>
    /// <returns>The new catalog (no event recorded).</returns>
    /// <exception cref="ArgumentException"><paramref name="portalId"/> is <c>default</c>.</exception>
    public static HealthScoreCatalog CreateEmpty(PortalId portalId, AccessPolicy? policy = null, HealthScoreCatalogOptions? options = null) =>
        new(CreateInitialState(portalId), policy, options);

    /// <summary>Builds the state of a portal that has no catalog yet: no scores, no id handed out.</summary>
    /// <param name="portalId">The portal.</param>
    /// <returns>The initial state.</returns>
    /// <exception cref="ArgumentException"><paramref name="portalId"/> is <c>default</c>.</exception>
    public static HealthScoreCatalogState CreateInitialState(PortalId portalId)
    {
        if (portalId.IsDefault)
        {
            throw new ArgumentException("The portal id must not be default.", nameof(portalId));
        }

        return new HealthScoreCatalogState(portalId, [], 0);
    }

    /// <summary>Returns the limits this catalog enforces for a tier (rule 72).</summary>
    /// <param name="tier">The account's tier.</param>
    /// <returns>The Professional or Enterprise limits; <see cref="HealthScoreLimits.None"/> for other tiers.</returns>
    public HealthScoreLimits LimitsFor(ServiceHubTier tier) => tier switch
    {
        ServiceHubTier.Professional => _professional,
        ServiceHubTier.Enterprise => _enterprise,
        _ => HealthScoreLimits.None,
    };

    /// <summary>Creates a draft from the starter template (<see cref="HealthScoreTemplates.Starter"/>): the pre-defined
    /// groups 1:1 Engagement, 1:1 Call Engagement, Supported Tickets, CSM Sentiment and NPS (rules 75, 76).</summary>
    /// <param name="actor">Who creates it; needs <see cref="CsOperation.ManageHealthScores"/> (rules 3, 6).</param>
    /// <param name="account">The account; must be this catalog's portal.</param>
    /// <param name="customerObjectType">The workspace's customer object (rule 73): the object the score will score.</param>
    /// <param name="name">The score name (e.g. <see cref="HealthScoreTemplates.StarterName"/>); may be blank in a draft.</param>
    /// <param name="now">The current instant, stamped on the event.</param>
    /// <returns>The new score's id, or a failure: <c>access.*</c>, <see cref="HealthScoreErrors.DraftLimitReachedCode"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/>, <paramref name="account"/> or
    /// <paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is another portal, or
    /// <paramref name="customerObjectType"/> is null or blank.</exception>
    /// <remarks>The template is complete: it can be turned on as it is, and its criteria are meant to be edited.</remarks>
    public Result<HealthScoreId> CreateFromTemplate(Actor actor, AccountContext account, string customerObjectType, string name, Instant now)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(customerObjectType);
        return Create(actor, account, customerObjectType, HealthScoreTemplates.Starter(customerObjectType) with { Name = name }, HealthScoreOrigin.Template, now);
    }

    /// <summary>Creates an empty draft: no groups or segments yet, default thresholds (rule 75).</summary>
    /// <param name="actor">Who creates it; needs <see cref="CsOperation.ManageHealthScores"/> (rules 3, 6).</param>
    /// <param name="account">The account; must be this catalog's portal.</param>
    /// <param name="customerObjectType">The workspace's customer object (rule 73).</param>
    /// <param name="name">The score name; may be blank in a draft.</param>
    /// <param name="now">The current instant, stamped on the event.</param>
    /// <returns>The new score's id, or a failure: <c>access.*</c>, <see cref="HealthScoreErrors.DraftLimitReachedCode"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/>, <paramref name="account"/> or
    /// <paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is another portal, or
    /// <paramref name="customerObjectType"/> is null or blank.</exception>
    public Result<HealthScoreId> CreateFromScratch(Actor actor, AccountContext account, string customerObjectType, string name, Instant now)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(customerObjectType);
        return Create(actor, account, customerObjectType, HealthScoreTemplates.FromScratch(name, customerObjectType), HealthScoreOrigin.Scratch, now);
    }

    /// <summary>Creates a draft from a supplied definition, e.g. imported JSON or a copy of another score.</summary>
    /// <param name="actor">Who creates it; needs <see cref="CsOperation.ManageHealthScores"/> (rules 3, 6).</param>
    /// <param name="account">The account; must be this catalog's portal.</param>
    /// <param name="customerObjectType">The workspace's customer object; the definition must score it (rule 73, B5).</param>
    /// <param name="definition">The definition; may be incomplete, must have no contradiction (<see cref="ValidationMode.Draft"/>).</param>
    /// <param name="now">The current instant, stamped on the event.</param>
    /// <returns>The new score's id, or a failure: <c>access.*</c>, <see cref="HealthScoreErrors.DraftLimitReachedCode"/>,
    /// <see cref="HealthScoreErrors.WrongObjectTypeCode"/>, <see cref="HealthScoreErrors.InvalidCode"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/>, <paramref name="account"/> or
    /// <paramref name="definition"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is another portal, or
    /// <paramref name="customerObjectType"/> is null or blank.</exception>
    public Result<HealthScoreId> CreateFromDefinition(Actor actor, AccountContext account, string customerObjectType, HealthScoreDefinition definition, Instant now)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentException.ThrowIfNullOrWhiteSpace(customerObjectType);
        return Create(actor, account, customerObjectType, definition, HealthScoreOrigin.Definition, now);
    }

    /// <summary>Replaces the working definition of a score (saving the builder, rule 83).</summary>
    /// <param name="actor">Who edits it; needs <see cref="CsOperation.ManageHealthScores"/> (rules 3, 6).</param>
    /// <param name="account">The account; must be this catalog's portal.</param>
    /// <param name="customerObjectType">The workspace's customer object; the definition must score it (rule 73, B5).</param>
    /// <param name="scoreId">The score.</param>
    /// <param name="definition">The new working definition; may be incomplete, must have no contradiction
    /// (<see cref="ValidationMode.Draft"/>, e.g. at most five segments, rule 74).</param>
    /// <param name="now">The current instant, stamped on the event.</param>
    /// <returns>Success (without an event when the definition is unchanged), or <c>access.*</c>,
    /// <see cref="HealthScoreErrors.NotFoundCode"/>, <see cref="HealthScoreErrors.WrongObjectTypeCode"/>,
    /// <see cref="HealthScoreErrors.InvalidCode"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/>, <paramref name="account"/> or
    /// <paramref name="definition"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is another portal, or
    /// <paramref name="customerObjectType"/> is null or blank.</exception>
    /// <remarks>The status does not change. For an active score the edit takes effect only at the next
    /// <see cref="Activate"/>; until then records are scored with the active version.</remarks>
    public Result UpdateDefinition(Actor actor, AccountContext account, string customerObjectType, HealthScoreId scoreId, HealthScoreDefinition definition, Instant now)
    {
        CheckCaller(actor, account);
        ArgumentException.ThrowIfNullOrWhiteSpace(customerObjectType);
        ArgumentNullException.ThrowIfNull(definition);
        HealthScoreEntry? score = null;
        var error = Authorize(actor, account, CsOperation.ManageHealthScores)
            ?? Find(scoreId, out score)
            ?? CheckObjectType(definition, customerObjectType)
            ?? CheckDraft(definition, scoreId);
        if (error is not null)
        {
            return Result.Failure(error);
        }

        if (score!.Definition.Equals(definition))
        {
            return Result.Success();
        }

        return Commit(
            Replace(score with { Definition = definition }),
            new HealthScoreDefinitionChanged(State.PortalId, scoreId, definition.Name, actor.UserId, now));
    }

    /// <summary>Renames a group of a score's working definition (rule 82).</summary>
    /// <param name="actor">Who edits it; needs <see cref="CsOperation.ManageHealthScores"/> (rules 3, 6).</param>
    /// <param name="account">The account; must be this catalog's portal.</param>
    /// <param name="scoreId">The score.</param>
    /// <param name="groupName">The group's current name (ordinal).</param>
    /// <param name="newName">The new name; trimmed, required, not the name of another group of the score (ordinal).</param>
    /// <param name="now">The current instant, stamped on the event.</param>
    /// <returns>Success (without an event when the name is unchanged), or <c>access.*</c>,
    /// <see cref="HealthScoreErrors.NotFoundCode"/>, <see cref="HealthScoreErrors.GroupNotFoundCode"/>,
    /// <see cref="HealthScoreErrors.GroupNameRequiredCode"/>, <see cref="HealthScoreErrors.GroupNameTakenCode"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is another portal.</exception>
    public Result RenameGroup(Actor actor, AccountContext account, HealthScoreId scoreId, string groupName, string newName, Instant now)
    {
        CheckCaller(actor, account);
        ArgumentNullException.ThrowIfNull(groupName);
        ArgumentNullException.ThrowIfNull(newName);
        HealthScoreEntry? score = null;
        var index = -1;
        var trimmed = newName.Trim();
        var error = Authorize(actor, account, CsOperation.ManageHealthScores)
            ?? Find(scoreId, out score)
            ?? FindGroup(score!, groupName, out index)
            ?? (trimmed.Length == 0 ? HealthScoreErrors.GroupNameRequired(score!) : null)
            ?? CheckGroupNameFree(score!, trimmed, index);
        if (error is not null)
        {
            return Result.Failure(error);
        }

        if (string.Equals(score!.Definition.Groups[index].Name, trimmed, StringComparison.Ordinal))
        {
            return Result.Success();
        }

        return Commit(
            Replace(score with { Definition = score.Definition.RenameGroup(index, trimmed) }),
            new HealthScoreGroupRenamed(State.PortalId, scoreId, groupName, trimmed, actor.UserId, now));
    }

    /// <summary>Clones a group of a score's working definition; the copy is inserted right after the original and
    /// keeps its kind, Max points and criteria (rule 82).</summary>
    /// <param name="actor">Who edits it; needs <see cref="CsOperation.ManageHealthScores"/> (rules 3, 6).</param>
    /// <param name="account">The account; must be this catalog's portal.</param>
    /// <param name="scoreId">The score.</param>
    /// <param name="groupName">The name of the group to clone (ordinal).</param>
    /// <param name="cloneName">The copy's name; trimmed, required, not used by any group of the score (ordinal).</param>
    /// <param name="now">The current instant, stamped on the event.</param>
    /// <returns>Success, or <c>access.*</c>, <see cref="HealthScoreErrors.NotFoundCode"/>,
    /// <see cref="HealthScoreErrors.GroupNotFoundCode"/>, <see cref="HealthScoreErrors.GroupNameRequiredCode"/>,
    /// <see cref="HealthScoreErrors.GroupNameTakenCode"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is another portal.</exception>
    /// <remarks>The copy raises the Max points sum above 100, so the score has to be rebalanced before it can be turned
    /// on again (rule 78); the saved draft keeps the clone.</remarks>
    public Result CloneGroup(Actor actor, AccountContext account, HealthScoreId scoreId, string groupName, string cloneName, Instant now)
    {
        CheckCaller(actor, account);
        ArgumentNullException.ThrowIfNull(groupName);
        ArgumentNullException.ThrowIfNull(cloneName);
        HealthScoreEntry? score = null;
        var index = -1;
        var trimmed = cloneName.Trim();
        var error = Authorize(actor, account, CsOperation.ManageHealthScores)
            ?? Find(scoreId, out score)
            ?? FindGroup(score!, groupName, out index)
            ?? (trimmed.Length == 0 ? HealthScoreErrors.GroupNameRequired(score!) : null)
            ?? CheckGroupNameFree(score!, trimmed, -1);
        if (error is not null)
        {
            return Result.Failure(error);
        }

        return Commit(
            Replace(score! with { Definition = score.Definition.CloneGroup(index, trimmed) }),
            new HealthScoreGroupCloned(State.PortalId, scoreId, groupName, trimmed, actor.UserId, now));
    }

    /// <summary>Deletes a group from a score's working definition (rule 82).</summary>
    /// <param name="actor">Who edits it; needs <see cref="CsOperation.ManageHealthScores"/> (rules 3, 6).</param>
    /// <param name="account">The account; must be this catalog's portal.</param>
    /// <param name="scoreId">The score.</param>
    /// <param name="groupName">The name of the group to delete (ordinal).</param>
    /// <param name="now">The current instant, stamped on the event.</param>
    /// <returns>Success, or <c>access.*</c>, <see cref="HealthScoreErrors.NotFoundCode"/>,
    /// <see cref="HealthScoreErrors.GroupNotFoundCode"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is another portal.</exception>
    public Result DeleteGroup(Actor actor, AccountContext account, HealthScoreId scoreId, string groupName, Instant now)
    {
        CheckCaller(actor, account);
        ArgumentNullException.ThrowIfNull(groupName);
        HealthScoreEntry? score = null;
        var index = -1;
        var error = Authorize(actor, account, CsOperation.ManageHealthScores)
            ?? Find(scoreId, out score)
            ?? FindGroup(score!, groupName, out index);
        if (error is not null)
        {
            return Result.Failure(error);
        }

        return Commit(
            Replace(score! with { Definition = score.Definition.DeleteGroup(index) }),
            new HealthScoreGroupDeleted(State.PortalId, scoreId, groupName, actor.UserId, now));
    }

    /// <summary>Turns a score on: validates its working definition completely and creates the next immutable
    /// version (rules 72, 78, 83).</summary>
    /// <param name="actor">Who turns it on; needs <see cref="CsOperation.ManageHealthScores"/> (rules 3, 6), and
    /// <see cref="CsOperation.ActivateMultipleHealthScores"/> when another score is already active (rule 12).</param>
    /// <param name="account">The account; must be this catalog's portal. Its tier selects the limits.</param>
    /// <param name="customerObjectType">The workspace's customer object; the score must score it (rule 73, B5).</param>
    /// <param name="scoreId">The score.</param>
    /// <param name="now">The current instant: the version's <see cref="ScoreVersion.ActivatedAt"/>.</param>
    /// <returns>The version records are now scored with, or a failure: <c>access.*</c>,
    /// <see cref="HealthScoreErrors.NotFoundCode"/>, <see cref="HealthScoreErrors.WrongObjectTypeCode"/>,
    /// <see cref="HealthScoreErrors.InvalidCode"/> (with every problem in <see cref="DomainError.Details"/>),
    /// <see cref="HealthScoreErrors.ActiveLimitReachedCode"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="account"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is another portal, or
    /// <paramref name="customerObjectType"/> is null or blank.</exception>
    /// <remarks>
    /// <para>A draft or inactive score becomes active with version <c>n + 1</c> (n = its latest version, 0 if none).
    /// An active score with pending edits gets version <c>n + 1</c> in place of the old one (the limits are not touched).
    /// An active score without pending edits is left as it is: success, no new version, no event.</para>
    /// <para>The <see cref="HealthScoreActivated"/> event names the new version.</para>
    /// </remarks>
    public Result<ScoreVersion> Activate(Actor actor, AccountContext account, string customerObjectType, HealthScoreId scoreId, Instant now)
    {
        CheckCaller(actor, account);
        ArgumentException.ThrowIfNullOrWhiteSpace(customerObjectType);
        HealthScoreEntry? score = null;
        var error = Authorize(actor, account, CsOperation.ManageHealthScores)
            ?? Find(scoreId, out score)
            ?? CheckObjectType(score!.Definition, customerObjectType)
            ?? CheckActivation(score!);
        if (error is not null)
        {
            return Result.Failure<ScoreVersion>(error);
        }

        if (score!.Status == HealthScoreStatus.Active && !score.HasPendingChanges)
        {
            return Result.Success(score.ActiveVersion!);
        }

        if (score.Status != HealthScoreStatus.Active)
        {
            var limits = LimitsFor(account.Tier);
            var active = State.ActiveCount;
            error = (active >= limits.MaxActive ? HealthScoreErrors.ActiveLimitReached(score, limits, account.Tier) : null)
                ?? (active >= 1 ? Authorize(actor, account, CsOperation.ActivateMultipleHealthScores) : null);
            if (error is not null)
            {
                return Result.Failure<ScoreVersion>(error);
            }
        }

        var version = new ScoreVersion(scoreId, (score.LatestVersion?.Number ?? 0) + 1, now, score.Definition);
        Commit(
            Replace(score with { Status = HealthScoreStatus.Active, Versions = score.Versions.Add(version) }),
            new HealthScoreActivated(State.PortalId, scoreId, version.Number, actor.UserId, now));
        return Result.Success(version);
    }

    /// <summary>Turns an active score off; it keeps its versions and working definition and counts as a draft again
    /// (rules 72, 83).</summary>
    /// <param name="actor">Who turns it off; needs <see cref="CsOperation.ManageHealthScores"/> (rules 3, 6).</param>
    /// <param name="account">The account; must be this catalog's portal. Its tier selects the limits.</param>
    /// <param name="scoreId">The score.</param>
    /// <param name="now">The current instant, stamped on the event.</param>
    /// <returns>Success, or <c>access.*</c>, <see cref="HealthScoreErrors.NotFoundCode"/>,
    /// <see cref="HealthScoreErrors.NotActiveCode"/>, <see cref="HealthScoreErrors.DraftLimitReachedCode"/> (the
    /// portal already has the most drafts its tier allows; delete one first).</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is another portal.</exception>
    public Result Deactivate(Actor actor, AccountContext account, HealthScoreId scoreId, Instant now)
    {
        CheckCaller(actor, account);
        HealthScoreEntry? score = null;
        var limits = LimitsFor(account.Tier);
        var error = Authorize(actor, account, CsOperation.ManageHealthScores)
            ?? Find(scoreId, out score)
            ?? (score!.Status != HealthScoreStatus.Active ? HealthScoreErrors.NotActive(score) : null)
            ?? (State.DraftCount >= limits.MaxDrafts ? HealthScoreErrors.DraftLimitReachedOnDeactivate(score, limits, account.Tier) : null);
        if (error is not null)
        {
            return Result.Failure(error);
        }

        return Commit(
            Replace(score! with { Status = HealthScoreStatus.Inactive }),
            new HealthScoreDeactivated(State.PortalId, scoreId, score.ActiveVersionNumber!.Value, actor.UserId, now));
    }

    /// <summary>Deletes a score that is not active, with its working definition and versions; its id is never reused.</summary>
    /// <param name="actor">Who deletes it; needs <see cref="CsOperation.ManageHealthScores"/> (rules 3, 6).</param>
    /// <param name="account">The account; must be this catalog's portal.</param>
    /// <param name="scoreId">The score.</param>
    /// <param name="now">The current instant, stamped on the event.</param>
    /// <returns>Success, or <c>access.*</c>, <see cref="HealthScoreErrors.NotFoundCode"/>,
    /// <see cref="HealthScoreErrors.ActiveCannotBeDeletedCode"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is another portal.</exception>
    /// <remarks>An active score must be turned off first (library choice), so the version records are being scored
    /// with never disappears by accident. Integrators that keep computed scores should keep the versions they name.</remarks>
    public Result Delete(Actor actor, AccountContext account, HealthScoreId scoreId, Instant now)
    {
        CheckCaller(actor, account);
        HealthScoreEntry? score = null;
        var error = Authorize(actor, account, CsOperation.ManageHealthScores)
            ?? Find(scoreId, out score)
            ?? (score!.Status == HealthScoreStatus.Active ? HealthScoreErrors.ActiveCannotBeDeleted(score) : null);
        if (error is not null)
        {
            return Result.Failure(error);
        }

        return Commit(
            State with { Scores = State.Scores.RemoveAll(s => s.Id == scoreId) },
            new HealthScoreDeleted(State.PortalId, scoreId, score!.Name, actor.UserId, now));
    }

    /// <summary>Returns an activated version of a score (rule 83: every computed score names its version).</summary>
    /// <param name="scoreId">The score.</param>
    /// <param name="number">The version number (1-based).</param>
    /// <returns>The version, or <see cref="HealthScoreErrors.NotFoundCode"/>, <see cref="HealthScoreErrors.VersionNotFoundCode"/>.</returns>
    /// <remarks>A query: no permission is checked and nothing is recorded.</remarks>
    public Result<ScoreVersion> GetVersion(HealthScoreId scoreId, int number)
    {
        if (State.Find(scoreId) is not { } score)
        {
            return Result.Failure<ScoreVersion>(HealthScoreErrors.NotFound(scoreId));
        }

        return score.FindVersion(number) is { } version
            ? Result.Success(version)
            : Result.Failure<ScoreVersion>(HealthScoreErrors.VersionNotFound(score, number));
    }

    private static HealthScoreCatalogState CheckInvariants(HealthScoreCatalogState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.PortalId.IsDefault)
        {
            throw new ArgumentException("The catalog's portal id must not be default.", nameof(state));
        }

        long previous = 0;
        foreach (var score in state.Scores)
        {
            if (score is null || score.Id.Value <= previous || score.Id.Value > state.LastScoreNumber)
            {
                throw new ArgumentException(
                    $"The health score catalog of portal {state.PortalId} is corrupt: score ids must be unique, ascending, positive and at most {state.LastScoreNumber}.",
                    nameof(state));
            }

            previous = score.Id.Value;
            for (var i = 0; i < score.Versions.Length; i++)
            {
                var version = score.Versions[i];
                if (version is null || version.ScoreId != score.Id || version.Number != i + 1)
                {
                    throw new ArgumentException(
                        $"The health score catalog of portal {state.PortalId} is corrupt: the versions of score {score.Id} must belong to it and be numbered 1, 2, 3….",
                        nameof(state));
                }
            }

            if (score.Status == HealthScoreStatus.Active && score.Versions.IsEmpty)
            {
                throw new ArgumentException(
                    $"The health score catalog of portal {state.PortalId} is corrupt: score {score.Id} is active but has no version.",
                    nameof(state));
            }

            if (!Enum.IsDefined(score.Status))
            {
                throw new ArgumentException(
                    $"The health score catalog of portal {state.PortalId} is corrupt: score {score.Id} has an unknown status.",
                    nameof(state));
            }
        }

        return state;
    }

    private static DomainError? CheckObjectType(HealthScoreDefinition definition, string customerObjectType) =>
        string.Equals(definition.ObjectType, customerObjectType, StringComparison.Ordinal)
            ? null
            : HealthScoreErrors.WrongObjectType(definition.Name, definition.ObjectType, customerObjectType);

    private static DomainError? CheckDraft(HealthScoreDefinition definition, HealthScoreId? id)
    {
        var report = HealthScoreValidator.Validate(definition, ValidationMode.Draft);
        return report.IsSuccess ? null : HealthScoreErrors.Invalid(definition.Name, id, report.Errors, activation: false);
    }

    private static DomainError? CheckActivation(HealthScoreEntry score)
    {
        var report = HealthScoreValidator.Validate(score.Definition, ValidationMode.Activation);
        return report.IsSuccess ? null : HealthScoreErrors.Invalid(score.Name, score.Id, report.Errors, activation: true);
    }

    private static DomainError? FindGroup(HealthScoreEntry score, string groupName, out int index)
    {
        index = score.Definition.IndexOfGroup(groupName);
        return index < 0 ? HealthScoreErrors.GroupNotFound(score, groupName) : null;
    }

    private static DomainError? CheckGroupNameFree(HealthScoreEntry score, string name, int exceptIndex)
    {
        var groups = score.Definition.Groups;
        for (var i = 0; i < groups.Length; i++)
        {
            if (i != exceptIndex && string.Equals(groups[i].Name, name, StringComparison.Ordinal))
            {
                return HealthScoreErrors.GroupNameTaken(score, name);
            }
        }

        return null;
    }

    private Result<HealthScoreId> Create(
        Actor actor,
        AccountContext account,
        string customerObjectType,
        HealthScoreDefinition definition,
        HealthScoreOrigin origin,
        Instant now)
    {
        CheckCaller(actor, account);
        var limits = LimitsFor(account.Tier);
        var error = Authorize(actor, account, CsOperation.ManageHealthScores)
            ?? (State.DraftCount >= limits.MaxDrafts ? HealthScoreErrors.DraftLimitReachedOnCreate(definition.Name, limits, account.Tier) : null)
            ?? CheckObjectType(definition, customerObjectType)
            ?? CheckDraft(definition, null);
        if (error is not null)
        {
            return Result.Failure<HealthScoreId>(error);
        }

        var number = State.LastScoreNumber + 1;
        var id = HealthScoreId.From(number);
        var entry = new HealthScoreEntry(id, HealthScoreStatus.Draft, definition, []);
        Commit(
            State with { Scores = State.Scores.Add(entry), LastScoreNumber = number },
            new HealthScoreCreated(State.PortalId, id, definition.Name, origin, actor.UserId, now));
        return Result.Success(id);
    }

    private void CheckCaller(Actor actor, AccountContext account)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(account);
        if (account.PortalId != State.PortalId)
        {
            throw new ArgumentException(
                $"The account is portal {account.PortalId}, but this health score catalog belongs to portal {State.PortalId}.",
                nameof(account));
        }
    }

    private DomainError? Authorize(Actor actor, AccountContext account, CsOperation operation) =>
        _policy.Authorize(actor, account, operation).Error;

    private DomainError? Find(HealthScoreId id, out HealthScoreEntry? score)
    {
        score = State.Find(id);
        return score is null ? HealthScoreErrors.NotFound(id) : null;
    }

    private HealthScoreCatalogState Replace(HealthScoreEntry score)
    {
        var scores = State.Scores;
        for (var i = 0; i < scores.Length; i++)
        {
            if (scores[i].Id == score.Id)
            {
                return State with { Scores = scores.SetItem(i, score) };
            }
        }

        throw new InvalidOperationException($"Score {score.Id} is not in the catalog of portal {State.PortalId}.");
    }
}
