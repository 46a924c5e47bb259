using System;
using CustomerSuccess.Core.Access;
using CustomerSuccess.Core.Crm;
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
/// object, which the caller passes as <c>customerObject</c> (the <see cref="HealthScoreCatalogService"/> reads it from
/// the workspace configuration); a definition's <see cref="HealthScoreDefinition.ObjectType"/> is the object's
/// <see cref="CrmObjectType.Name"/>. If the customer object changes later, the existing scores cannot be turned on
/// until they are edited.</para>
/// <para><b>Drafts</b>. Saving checks <see cref="ValidationMode.Draft"/> only (contradictions such as more than five
/// segments, rule 74, or duplicate group names); incompleteness such as a Max points sum other than 100 (rule 78) is
/// reported when the score is turned on.</para>
/// <para><b>Errors</b>. Every operation first asks the <see cref="AccessPolicy"/> for
/// <see cref="CsOperation.ManageHealthScores"/> (rules 3, 6), then checks its rules in the order documented on it and
/// returns the first refusal. A refused operation returns a
/// failed <see cref="Result"/> with an <c>access.*</c> code or one of <see cref="HealthScoreErrors"/> and leaves the
/// state and the recorded events exactly as they were; an operation that would change nothing succeeds without an
/// event. Argument mistakes (<see langword="null"/>, a <c>default</c> customer object, an account of another portal) throw the
/// <see cref="ArgumentException"/> family.</para>
/// <para>Not thread-safe: use one instance per operation (the <see cref="HealthScoreCatalogService"/> does).</para>
/// </remarks>
public sealed class HealthScoreCatalog : PortalAggregate<HealthScoreCatalogState>
{
    private readonly HealthScoreLimits _professional;
    private readonly HealthScoreLimits _enterprise;

    /// <summary>Initializes a catalog over a stored state.</summary>
    /// <param name="state">The state, e.g. loaded from an <see cref="IHealthScoreCatalogStore"/>.</param>
    /// <param name="policy">The access policy (with the options the application configured).</param>
    /// <param name="options">The tier limits; <see langword="null"/> for the defaults. They are copied.</param>
    /// <exception cref="ArgumentNullException"><paramref name="state"/> or <paramref name="policy"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="state"/> breaks an invariant (corrupt data): a default
    /// portal, ids not unique and ascending or above <see cref="HealthScoreCatalogState.LastScoreNumber"/>, versions of
    /// another score or not numbered 1, 2, 3…, or an active score without a version.</exception>
    public HealthScoreCatalog(HealthScoreCatalogState state, AccessPolicy policy, HealthScoreCatalogOptions? options = null)
        : base(CheckInvariants(state), policy)
    {
        options ??= new HealthScoreCatalogOptions();
        _professional = options.LimitsFor(ServiceHubTier.Professional);
        _enterprise = options.LimitsFor(ServiceHubTier.Enterprise);
    }

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
    /// <param name="customerObject">The workspace's customer object (rule 73): the object the score will score.</param>
    /// <param name="name">The score name (e.g. <see cref="HealthScoreTemplates.StarterName"/>); may be blank in a draft.</param>
    /// <param name="now">The current instant, stamped on the event.</param>
    /// <returns>The new score, or a failure: <c>access.*</c>, <see cref="HealthScoreErrors.DraftLimitReachedCode"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/>, <paramref name="account"/> or
    /// <paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is another portal, or
    /// <paramref name="customerObject"/> is <c>default</c>.</exception>
    /// <remarks>The template is complete: it can be turned on as it is, and its criteria are meant to be edited.</remarks>
    public Result<HealthScoreEntry> CreateFromTemplate(Actor actor, AccountContext account, CrmObjectType customerObject, string name, Instant now)
    {
        ArgumentNullException.ThrowIfNull(name);
        CrmObjectType.ThrowIfDefault(customerObject, nameof(customerObject));
        return Create(actor, account, customerObject, HealthScoreTemplates.Starter(customerObject.Name!) with { Name = name }, HealthScoreOrigin.Template, now);
    }

    /// <summary>Creates an empty draft: no groups or segments yet, default thresholds (rule 75).</summary>
    /// <param name="actor">Who creates it; needs <see cref="CsOperation.ManageHealthScores"/> (rules 3, 6).</param>
    /// <param name="account">The account; must be this catalog's portal.</param>
    /// <param name="customerObject">The workspace's customer object (rule 73).</param>
    /// <param name="name">The score name; may be blank in a draft.</param>
    /// <param name="now">The current instant, stamped on the event.</param>
    /// <returns>The new score, or a failure: <c>access.*</c>, <see cref="HealthScoreErrors.DraftLimitReachedCode"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/>, <paramref name="account"/> or
    /// <paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is another portal, or
    /// <paramref name="customerObject"/> is <c>default</c>.</exception>
    public Result<HealthScoreEntry> CreateFromScratch(Actor actor, AccountContext account, CrmObjectType customerObject, string name, Instant now)
    {
        ArgumentNullException.ThrowIfNull(name);
        CrmObjectType.ThrowIfDefault(customerObject, nameof(customerObject));
        return Create(actor, account, customerObject, HealthScoreTemplates.FromScratch(name, customerObject.Name!), HealthScoreOrigin.Scratch, now);
    }

    /// <summary>Creates a draft from a supplied definition, e.g. imported JSON or a copy of another score.</summary>
    /// <param name="actor">Who creates it; needs <see cref="CsOperation.ManageHealthScores"/> (rules 3, 6).</param>
    /// <param name="account">The account; must be this catalog's portal.</param>
    /// <param name="customerObject">The workspace's customer object; the definition must score it (rule 73, B5).</param>
    /// <param name="definition">The definition; may be incomplete, must have no contradiction (<see cref="ValidationMode.Draft"/>).</param>
    /// <param name="now">The current instant, stamped on the event.</param>
    /// <returns>The new score, or a failure: <c>access.*</c>, <see cref="HealthScoreErrors.DraftLimitReachedCode"/>,
    /// <see cref="HealthScoreErrors.WrongObjectTypeCode"/>, <see cref="HealthScoreErrors.InvalidCode"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/>, <paramref name="account"/> or
    /// <paramref name="definition"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is another portal, or
    /// <paramref name="customerObject"/> is <c>default</c>.</exception>
    public Result<HealthScoreEntry> CreateFromDefinition(Actor actor, AccountContext account, CrmObjectType customerObject, HealthScoreDefinition definition, Instant now)
    {
        ArgumentNullException.ThrowIfNull(definition);
        CrmObjectType.ThrowIfDefault(customerObject, nameof(customerObject));
        return Create(actor, account, customerObject, definition, HealthScoreOrigin.Definition, now);
    }

    /// <summary>Replaces the working definition of a score (saving the builder, rule 83).</summary>
    /// <param name="actor">Who edits it; needs <see cref="CsOperation.ManageHealthScores"/> (rules 3, 6).</param>
    /// <param name="account">The account; must be this catalog's portal.</param>
    /// <param name="customerObject">The workspace's customer object; the definition must score it (rule 73, B5).</param>
    /// <param name="scoreId">The score.</param>
    /// <param name="definition">The new working definition; may be incomplete, must have no contradiction
    /// (<see cref="ValidationMode.Draft"/>, e.g. at most five segments, rule 74).</param>
    /// <param name="now">The current instant, stamped on the event.</param>
    /// <returns>The score as it is now (without an event when the definition is unchanged), or <c>access.*</c>,
    /// <see cref="HealthScoreErrors.NotFoundCode"/>, <see cref="HealthScoreErrors.WrongObjectTypeCode"/>,
    /// <see cref="HealthScoreErrors.InvalidCode"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/>, <paramref name="account"/> or
    /// <paramref name="definition"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is another portal, or
    /// <paramref name="customerObject"/> is <c>default</c>.</exception>
    /// <remarks>The status does not change. For an active score the edit takes effect only at the next
    /// <see cref="Activate"/>; until then records are scored with the active version.</remarks>
    public Result<HealthScoreEntry> UpdateDefinition(Actor actor, AccountContext account, CrmObjectType customerObject, HealthScoreId scoreId, HealthScoreDefinition definition, Instant now)
    {
        CheckCaller(actor, account);
        CrmObjectType.ThrowIfDefault(customerObject, nameof(customerObject));
        ArgumentNullException.ThrowIfNull(definition);
        var found = FindForEdit(actor, account, scoreId);
        if (!found.TryGetValue(out var score))
        {
            return found;
        }

        if ((CheckObjectType(definition, customerObject) ?? CheckDraft(definition, scoreId)) is { } invalid)
        {
            return invalid;
        }

        if (score.Definition.Equals(definition))
        {
            return score;
        }

        return Replace(score with { Definition = definition }, new HealthScoreDefinitionChanged(PortalId, scoreId, definition.Name, Initiator.User(actor.UserId), now));
    }

    /// <summary>Renames a group of a score's working definition (rule 82).</summary>
    /// <param name="actor">Who edits it; needs <see cref="CsOperation.ManageHealthScores"/> (rules 3, 6).</param>
    /// <param name="account">The account; must be this catalog's portal.</param>
    /// <param name="scoreId">The score.</param>
    /// <param name="groupName">The group's current name (ordinal).</param>
    /// <param name="newName">The new name; trimmed, required, unique within the score.</param>
    /// <param name="now">The current instant, stamped on the event.</param>
    /// <returns>The score as it is now (without an event when the name is unchanged), or <c>access.*</c>,
    /// <see cref="HealthScoreErrors.NotFoundCode"/>, <see cref="HealthScoreErrors.GroupNotFoundCode"/>,
    /// <see cref="HealthScoreErrors.GroupNameRequiredCode"/>, <see cref="HealthScoreErrors.GroupNameTakenCode"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is another portal.</exception>
    public Result<HealthScoreEntry> RenameGroup(Actor actor, AccountContext account, HealthScoreId scoreId, string groupName, string newName, Instant now)
    {
        CheckCaller(actor, account);
        ArgumentNullException.ThrowIfNull(groupName);
        ArgumentNullException.ThrowIfNull(newName);
        var found = FindForEdit(actor, account, scoreId);
        if (!found.TryGetValue(out var score))
        {
            return found;
        }

        var index = score.Definition.IndexOfGroup(groupName);
        var trimmed = newName.Trim();
        if (CheckGroupName(score, index, groupName, trimmed, index) is { } invalid)
        {
            return invalid;
        }

        if (string.Equals(score.Definition.Groups[index].Name, trimmed, StringComparison.Ordinal))
        {
            return score;
        }

        return Replace(score with { Definition = score.Definition.RenameGroup(index, trimmed) }, new HealthScoreGroupRenamed(PortalId, scoreId, groupName, trimmed, Initiator.User(actor.UserId), now));
    }

    /// <summary>Clones a group of a score's working definition under a new name, placed right after the original (rule
    /// 82). The clone keeps the group's Max points, so the sum of Max points changes; fix it before turning the score on.</summary>
    /// <param name="actor">Who edits it; needs <see cref="CsOperation.ManageHealthScores"/> (rules 3, 6).</param>
    /// <param name="account">The account; must be this catalog's portal.</param>
    /// <param name="scoreId">The score.</param>
    /// <param name="groupName">The group to clone (ordinal).</param>
    /// <param name="cloneName">The clone's name; trimmed, required, unique within the score.</param>
    /// <param name="now">The current instant, stamped on the event.</param>
    /// <returns>The score as it is now, or <c>access.*</c>, <see cref="HealthScoreErrors.NotFoundCode"/>,
    /// <see cref="HealthScoreErrors.GroupNotFoundCode"/>, <see cref="HealthScoreErrors.GroupNameRequiredCode"/>,
    /// <see cref="HealthScoreErrors.GroupNameTakenCode"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is another portal.</exception>
    public Result<HealthScoreEntry> CloneGroup(Actor actor, AccountContext account, HealthScoreId scoreId, string groupName, string cloneName, Instant now)
    {
        CheckCaller(actor, account);
        ArgumentNullException.ThrowIfNull(groupName);
        ArgumentNullException.ThrowIfNull(cloneName);
        var found = FindForEdit(actor, account, scoreId);
        if (!found.TryGetValue(out var score))
        {
            return found;
        }

        var index = score.Definition.IndexOfGroup(groupName);
        var trimmed = cloneName.Trim();
        if (CheckGroupName(score, index, groupName, trimmed, -1) is { } invalid)
        {
            return invalid;
        }

        return Replace(score with { Definition = score.Definition.CloneGroup(index, trimmed) }, new HealthScoreGroupCloned(PortalId, scoreId, groupName, trimmed, Initiator.User(actor.UserId), now));
    }

    /// <summary>Deletes a group of a score's working definition (rule 82).</summary>
    /// <param name="actor">Who edits it; needs <see cref="CsOperation.ManageHealthScores"/> (rules 3, 6).</param>
    /// <param name="account">The account; must be this catalog's portal.</param>
    /// <param name="scoreId">The score.</param>
    /// <param name="groupName">The group to delete (ordinal).</param>
    /// <param name="now">The current instant, stamped on the event.</param>
    /// <returns>The score as it is now, or <c>access.*</c>, <see cref="HealthScoreErrors.NotFoundCode"/>,
    /// <see cref="HealthScoreErrors.GroupNotFoundCode"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is another portal.</exception>
    public Result<HealthScoreEntry> DeleteGroup(Actor actor, AccountContext account, HealthScoreId scoreId, string groupName, Instant now)
    {
        CheckCaller(actor, account);
        ArgumentNullException.ThrowIfNull(groupName);
        var found = FindForEdit(actor, account, scoreId);
        if (!found.TryGetValue(out var score))
        {
            return found;
        }

        var index = score.Definition.IndexOfGroup(groupName);
        if (index < 0)
        {
            return HealthScoreErrors.GroupNotFound(score, groupName);
        }

        return Replace(score with { Definition = score.Definition.DeleteGroup(index) }, new HealthScoreGroupDeleted(PortalId, scoreId, groupName, Initiator.User(actor.UserId), now));
    }

    /// <summary>Turns a score on (rule 83): validates its working definition completely and appends an immutable
    /// version numbered one above the last; from then on records are scored with it.</summary>
    /// <param name="actor">Who turns it on; needs <see cref="CsOperation.ManageHealthScores"/> (rules 3, 6), and for a
    /// second active score <see cref="CsOperation.ActivateMultipleHealthScores"/> (Enterprise, rule 12).</param>
    /// <param name="account">The account; must be this catalog's portal; its tier sets the limits (rule 72).</param>
    /// <param name="customerObject">The workspace's customer object; the score must score it (rule 73, B5).</param>
    /// <param name="scoreId">The score.</param>
    /// <param name="now">The current instant: the version's <see cref="ScoreVersion.ActivatedAt"/>.</param>
    /// <returns>The new version (or the active one, without an event, when the score is active and unchanged), or
    /// <c>access.*</c>, <see cref="HealthScoreErrors.NotFoundCode"/>, <see cref="HealthScoreErrors.WrongObjectTypeCode"/>,
    /// <see cref="HealthScoreErrors.InvalidCode"/> (every problem in <see cref="DomainError.Details"/>),
    /// <see cref="HealthScoreErrors.ActiveLimitReachedCode"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="account"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is another portal, or
    /// <paramref name="customerObject"/> is <c>default</c>.</exception>
    /// <remarks>Turning on an active score with pending edits publishes them as a new version; the count of active scores
    /// does not change.</remarks>
    public Result<ScoreVersion> Activate(Actor actor, AccountContext account, CrmObjectType customerObject, HealthScoreId scoreId, Instant now)
    {
        CheckCaller(actor, account);
        CrmObjectType.ThrowIfDefault(customerObject, nameof(customerObject));
        var found = FindForEdit(actor, account, scoreId);
        if (!found.TryGetValue(out var score))
        {
            return found.Error!;
        }

        if ((CheckObjectType(score.Definition, customerObject) ?? CheckActivation(score)) is { } invalid)
        {
            return invalid;
        }

        if (score.Status == HealthScoreStatus.Active && !score.HasPendingChanges)
        {
            return score.ActiveVersion!;
        }

        if (score.Status != HealthScoreStatus.Active)
        {
            var limits = LimitsFor(account.Tier);
            if (State.ActiveCount >= limits.MaxActive)
            {
                return HealthScoreErrors.ActiveLimitReached(score, limits, account.Tier);
            }

            if (State.ActiveCount >= 1 && Authorize(actor, account, CsOperation.ActivateMultipleHealthScores) is { IsFailure: true } notEnterprise)
            {
                return notEnterprise.Error;
            }
        }

        var version = new ScoreVersion(scoreId, (score.LatestVersion?.Number ?? 0) + 1, now, score.Definition);
        Replace(score with { Status = HealthScoreStatus.Active, Versions = score.Versions.Add(version) }, new HealthScoreActivated(PortalId, scoreId, version.Number, Initiator.User(actor.UserId), now));
        return version;
    }

    /// <summary>Turns an active score off (rule 83): records are no longer scored with it; it counts as a draft again and
    /// can be turned on later (a new version).</summary>
    /// <param name="actor">Who turns it off; needs <see cref="CsOperation.ManageHealthScores"/> (rules 3, 6).</param>
    /// <param name="account">The account; must be this catalog's portal; its tier sets the draft limit (rule 72).</param>
    /// <param name="scoreId">The score.</param>
    /// <param name="now">The current instant.</param>
    /// <returns>The score as it is now, or <c>access.*</c>, <see cref="HealthScoreErrors.NotFoundCode"/>,
    /// <see cref="HealthScoreErrors.NotActiveCode"/>, <see cref="HealthScoreErrors.DraftLimitReachedCode"/> (no room for
    /// one more draft).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="account"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is another portal.</exception>
    public Result<HealthScoreEntry> Deactivate(Actor actor, AccountContext account, HealthScoreId scoreId, Instant now)
    {
        CheckCaller(actor, account);
        var found = FindForEdit(actor, account, scoreId);
        if (!found.TryGetValue(out var score))
        {
            return found;
        }

        if (score.Status != HealthScoreStatus.Active)
        {
            return HealthScoreErrors.NotActive(score);
        }

        var limits = LimitsFor(account.Tier);
        if (State.DraftCount >= limits.MaxDrafts)
        {
            return HealthScoreErrors.DraftLimitReachedOnDeactivate(score, limits, account.Tier);
        }

        return Replace(score with { Status = HealthScoreStatus.Inactive }, new HealthScoreDeactivated(PortalId, scoreId, score.ActiveVersionNumber!.Value, Initiator.User(actor.UserId), now));
    }

    /// <summary>Deletes a score that is not active, with its versions.</summary>
    /// <param name="actor">Who deletes it; needs <see cref="CsOperation.ManageHealthScores"/> (rules 3, 6).</param>
    /// <param name="account">The account; must be this catalog's portal.</param>
    /// <param name="scoreId">The score.</param>
    /// <param name="now">The current instant.</param>
    /// <returns>The deleted score, or <c>access.*</c>, <see cref="HealthScoreErrors.NotFoundCode"/>,
    /// <see cref="HealthScoreErrors.ActiveCannotBeDeletedCode"/> (turn it off first).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="account"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is another portal.</exception>
    public Result<HealthScoreEntry> Delete(Actor actor, AccountContext account, HealthScoreId scoreId, Instant now)
    {
        CheckCaller(actor, account);
        var found = FindForEdit(actor, account, scoreId);
        if (!found.TryGetValue(out var score))
        {
            return found;
        }

        if (score.Status == HealthScoreStatus.Active)
        {
            return HealthScoreErrors.ActiveCannotBeDeleted(score);
        }

        Commit(State with { Scores = State.Scores.RemoveAll(s => s.Id == scoreId) }, new HealthScoreDeleted(PortalId, scoreId, score.Name, Initiator.User(actor.UserId), now));
        return score;
    }

    /// <summary>Returns an immutable version of a score, e.g. to score records with it or to explain an old score.</summary>
    /// <param name="scoreId">The score.</param>
    /// <param name="number">The version number (1, 2, 3…).</param>
    /// <returns>The version, or <see cref="HealthScoreErrors.NotFoundCode"/>, <see cref="HealthScoreErrors.VersionNotFoundCode"/>.</returns>
    public Result<ScoreVersion> GetVersion(HealthScoreId scoreId, int number)
    {
        if (State.Find(scoreId) is not { } score)
        {
            return HealthScoreErrors.NotFound(scoreId);
        }

        return score.FindVersion(number) is { } version ? version : HealthScoreErrors.VersionNotFound(score, number);
    }

    internal static HealthScoreCatalogState CheckInvariants(HealthScoreCatalogState state)
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

    private static DomainError? CheckObjectType(HealthScoreDefinition definition, CrmObjectType customerObject) =>
        string.Equals(definition.ObjectType, customerObject.Name, StringComparison.Ordinal)
            ? null
            : HealthScoreErrors.WrongObjectType(definition.Name, definition.ObjectType, customerObject.Name!);

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

    private static DomainError? CheckGroupName(HealthScoreEntry score, int index, string groupName, string name, int exceptIndex)
    {
        if (index < 0)
        {
            return HealthScoreErrors.GroupNotFound(score, groupName);
        }

        if (name.Length == 0)
        {
            return HealthScoreErrors.GroupNameRequired(score);
        }

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

    private Result<HealthScoreEntry> Create(
        Actor actor,
        AccountContext account,
        CrmObjectType customerObject,
        HealthScoreDefinition definition,
        HealthScoreOrigin origin,
        Instant now)
    {
        if (Authorize(actor, account, CsOperation.ManageHealthScores) is { IsFailure: true } denied)
        {
            return denied.Error;
        }

        var limits = LimitsFor(account.Tier);
        if (State.DraftCount >= limits.MaxDrafts)
        {
            return HealthScoreErrors.DraftLimitReachedOnCreate(definition.Name, limits, account.Tier);
        }

        if ((CheckObjectType(definition, customerObject) ?? CheckDraft(definition, null)) is { } invalid)
        {
            return invalid;
        }

        var number = State.LastScoreNumber + 1;
        var entry = new HealthScoreEntry(HealthScoreId.From(number), HealthScoreStatus.Draft, definition, []);
        Commit(
            State with { Scores = State.Scores.Add(entry), LastScoreNumber = number },
            new HealthScoreCreated(PortalId, entry.Id, definition.Name, origin, Initiator.User(actor.UserId), now));
        return entry;
    }

    private Result<HealthScoreEntry> FindForEdit(Actor actor, AccountContext account, HealthScoreId scoreId)
    {
        if (Authorize(actor, account, CsOperation.ManageHealthScores) is { IsFailure: true } denied)
        {
            return denied.Error;
        }

        return State.Find(scoreId) is { } score ? score : HealthScoreErrors.NotFound(scoreId);
    }

    private HealthScoreEntry Replace(HealthScoreEntry score, IDomainEvent domainEvent)
    {
        var scores = State.Scores;
        for (var i = 0; i < scores.Length; i++)
        {
            if (scores[i].Id == score.Id)
            {
                Commit(State with { Scores = scores.SetItem(i, score) }, domainEvent);
                return score;
            }
        }

        throw new InvalidOperationException($"Score {score.Id} is not in the catalog of portal {State.PortalId}.");
    }
}
