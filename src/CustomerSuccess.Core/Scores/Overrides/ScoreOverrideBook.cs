using System;
using System.Globalization;
using System.Linq;
using CustomerSuccess.Core.Access;
using CustomerSuccess.Core.HealthScores;
using CustomerSuccess.Core.HealthScores.History;
using CustomerSuccess.Core.Records;
using CustomerSuccess.Core.Scores.Events;
using NodaTime;

namespace CustomerSuccess.Core.Scores;

/// <summary>
/// A portal's manual overrides of health scores (reading R84): a CSM sets an account's score and/or status under one
/// score with a reason and an expiry; the override wins over every scoring run until it expires or is removed
/// (<see cref="ScoringRun.WithOverrides(System.Collections.Generic.IEnumerable{ScoreOverride}, CustomerSuccess.Core.HealthScores.ScoreVersion)"/> with <see cref="ScoreOverrideBookState.InForceAt"/>).
/// </summary>
/// <remarks>
/// <para>One override per account and score: setting another replaces it. An override ends by itself at its expiry (no
/// command is needed: scoring runs only apply overrides in force at their instant); expired overrides are dropped from the
/// book the next time it changes. Setting and removing need <see cref="CsOperation.ManageScoreOverrides"/>; the events
/// name the acting user, and the override names its author.</para>
/// <threadsafety>Not thread-safe: use one instance per operation (the state it holds is immutable).</threadsafety>
/// </remarks>
public sealed class ScoreOverrideBook : PortalAggregate<ScoreOverrideBookState>
{
    /// <summary>The longest time an override may last: one year.</summary>
    public static readonly Duration MaxDuration = Duration.FromDays(366);

    /// <summary>Initializes the aggregate over a stored state (or <see cref="CreateInitialState"/>).</summary>
    /// <param name="state">The state.</param>
    /// <param name="policy">The access policy.</param>
    /// <exception cref="ArgumentNullException"><paramref name="state"/> or <paramref name="policy"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The state breaks an invariant.</exception>
    public ScoreOverrideBook(ScoreOverrideBookState state, AccessPolicy policy)
        : base(Checked(state), policy)
    {
    }

    /// <summary>Creates the state of a portal without overrides.</summary>
    /// <param name="portalId">The portal.</param>
    /// <returns>The empty book.</returns>
    public static ScoreOverrideBookState CreateInitialState(PortalId portalId) => new(portalId, []);

    /// <summary>Checks the invariants of a state: no null entries, at most one override per account and score, ordered.</summary>
    /// <param name="state">The state.</param>
    /// <exception cref="ArgumentNullException"><paramref name="state"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An invariant is broken.</exception>
    public static void CheckInvariants(ScoreOverrideBookState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        for (int i = 0; i < state.Overrides.Length; i++)
        {
            if (state.Overrides[i] is null || (i > 0 && Key(state.Overrides[i - 1]).CompareTo(Key(state.Overrides[i])) >= 0))
            {
                throw new ArgumentException("Overrides must be ordered by score and account, one per account and score.", nameof(state));
            }
        }
    }

    /// <summary>Sets (or replaces) the override of an account under a score.</summary>
    /// <param name="actor">Who sets it; becomes its author.</param>
    /// <param name="account">The account; must be the book's portal.</param>
    /// <param name="customerId">The customer record.</param>
    /// <param name="scoreId">The score.</param>
    /// <param name="score">The score to show (0–100), or null to keep the computed score.</param>
    /// <param name="status">The status to show, or null for the status of <paramref name="score"/>.</param>
    /// <param name="reason">Why (1 to <see cref="ScoreOverride.MaxReasonLength"/> characters).</param>
    /// <param name="expiresAt">When it ends (exclusive): after <paramref name="now"/>, within <see cref="MaxDuration"/>.</param>
    /// <param name="now">The command's instant: the override is in force from it.</param>
    /// <returns>The override, or <c>access.*</c> or <c>score_override.invalid</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/>, <paramref name="account"/> or <paramref name="reason"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is another portal, or an id is default.</exception>
    public Result<ScoreOverride> Set(Actor actor, AccountContext account, RecordId customerId, HealthScoreId scoreId, int? score, HealthStatus? status, string reason, Instant expiresAt, Instant now)
    {
        ArgumentNullException.ThrowIfNull(reason);
        CheckIds(customerId, scoreId);

        if (Authorize(actor, account, CsOperation.ManageScoreOverrides) is { IsFailure: true } denied)
        {
            return denied.Error;
        }

        string? problem = score is null && status is null ? "set a score, a status or both"
            : score is < 0 or > HealthScoreDefinition.TotalMaxPoints ? "the score must be 0 to 100"
            : status is { } s && !Enum.IsDefined(s) ? "the status is not a known status"
            : reason.Trim().Length is 0 or > ScoreOverride.MaxReasonLength ? string.Create(CultureInfo.InvariantCulture, $"give a reason of 1 to {ScoreOverride.MaxReasonLength} characters")
            : expiresAt <= now || expiresAt - now > MaxDuration ? "the expiry must be after now and at most a year ahead"
            : null;
        if (problem is not null)
        {
            return ScoreOverrideErrors.Invalid(problem);
        }

        var value = new ScoreOverride(customerId.Value, scoreId, score, status, reason, actor.UserId.Value, now, expiresAt);
        var kept = State.Overrides.Where(o => o.ExpiresAt > now && Key(o) != Key(value)).Append(value).OrderBy(Key);
        Commit(State with { Overrides = [.. kept] }, new ScoreOverrideSet(PortalId, value, Initiator.User(actor.UserId), now));
        return value;
    }

    /// <summary>Removes the override of an account under a score before it expires.</summary>
    /// <param name="actor">Who removes it.</param>
    /// <param name="account">The account; must be the book's portal.</param>
    /// <param name="customerId">The customer record.</param>
    /// <param name="scoreId">The score.</param>
    /// <param name="now">The command's instant.</param>
    /// <returns>The removed override, or <c>access.*</c>, <c>score_override.not_found</c> (none, or already expired).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="account"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is another portal, or an id is default.</exception>
    public Result<ScoreOverride> Remove(Actor actor, AccountContext account, RecordId customerId, HealthScoreId scoreId, Instant now)
    {
        CheckIds(customerId, scoreId);
        if (Authorize(actor, account, CsOperation.ManageScoreOverrides) is { IsFailure: true } denied)
        {
            return denied.Error;
        }

        var key = (scoreId.Value, customerId.Value);
        if (State.Overrides.FirstOrDefault(o => Key(o) == key && o.ExpiresAt > now) is not { } existing)
        {
            return ScoreOverrideErrors.NotFound(customerId, scoreId);
        }

        Commit(State with { Overrides = [.. State.Overrides.Where(o => o.ExpiresAt > now && Key(o) != key)] }, new ScoreOverrideRemoved(PortalId, customerId, scoreId, Initiator.User(actor.UserId), now));
        return existing;
    }

    private static (long Score, long Account) Key(ScoreOverride o) => (o.ScoreId.Value, o.AccountId);

    private static ScoreOverrideBookState Checked(ScoreOverrideBookState state)
    {
        CheckInvariants(state);
        return state;
    }

    private static void CheckIds(RecordId customerId, HealthScoreId scoreId)
    {
        if (customerId.IsDefault || scoreId.IsDefault)
        {
            throw new ArgumentException("The customer and the score must not be default.", nameof(customerId));
        }
    }
}
