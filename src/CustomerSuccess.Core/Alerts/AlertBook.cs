using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using CustomerSuccess.Core.Access;
using CustomerSuccess.Core.Alerts.Events;
using CustomerSuccess.Core.HealthScores;
using CustomerSuccess.Core.HealthScores.History;
using CustomerSuccess.Core.Records;
using NodaTime;

namespace CustomerSuccess.Core.Alerts;

/// <summary>
/// A portal's health-score alerts (rules 35, 87; ambiguity B1): raised from the status changes of scoring runs, owned by
/// the customer's CSM owner, active for <see cref="AlertOptions.Lifetime"/> (14 days, half-open) unless dismissed by the
/// owner or superseded, at most <see cref="AlertOptions.MaxActivePerOwner"/> (25) active per owner and one active per
/// customer and score.
/// </summary>
/// <remarks>
/// <para>States and transitions: Active → Dismissed (the owner, <see cref="Dismiss"/>), Active → Expired (the system,
/// <see cref="Expire"/>, at <see cref="Alert.ExpiresAt"/>), Active → Superseded (the system, while raising: a newer change
/// of the same customer and score, or the owner's limit). Dismissed, Expired and Superseded are final; any other
/// transition is refused with <c>alert.not_active</c>.</para>
/// <para>Raising (<see cref="Raise"/>) first expires what is due, so expired alerts drop out first (B1); then a change of
/// a customer without owner is counted as unowned, and a change the score's <see cref="AlertDamping"/> suppresses is
/// counted as suppressed; every other change supersedes its customer's active alert of the same score (counted as
/// replaced), and only then are their alerts raised, in the run's order, each superseding the owner's oldest active
/// alert when the owner is at the limit (counted per owner in <see cref="AlertRaiseReport.Overflow"/>: never lost
/// silently), so the limit never drops an alert that a change of the same run replaces anyway. Finished alerts older than
/// <see cref="AlertOptions.FinishedRetention"/>, and alerts superseded at the very instant they were raised (an owner
/// with more changes in one run than the limit: never active at any instant), are dropped from the book; they stay
/// counted in the report and recorded in the outbox.</para>
/// <para>Time: the aggregate never reads a clock; commands take <c>now</c> and listings an as-of instant. An alert whose
/// <see cref="Alert.ExpiresAt"/> has passed is not listed as active even before <see cref="Expire"/> has recorded it.</para>
/// <threadsafety>Not thread-safe: use one instance per operation (the state it holds is immutable).</threadsafety>
/// </remarks>
public sealed class AlertBook : PortalAggregate<AlertBookState>
{
    private readonly AlertOptions _options;

    /// <summary>Initializes the aggregate over a stored state (or <see cref="CreateInitialState"/>).</summary>
    /// <param name="state">The state.</param>
    /// <param name="policy">The access policy.</param>
    /// <param name="options">The limits and anti-flapping settings; null for <see cref="AlertOptions.Default"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="state"/> or <paramref name="policy"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The state breaks an invariant.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public AlertBook(AlertBookState state, AccessPolicy policy, AlertOptions? options = null)
        : base(CheckState(state), policy)
    {
        _options = (options ?? AlertOptions.Default).Validated();
    }

    /// <summary>Creates the state of a portal that has no alerts yet.</summary>
    /// <param name="portalId">The portal.</param>
    /// <returns>The empty book.</returns>
    public static AlertBookState CreateInitialState(PortalId portalId) => new(portalId, [], 0);

    /// <summary>Checks the invariants of a state (used when reading a stored state).</summary>
    /// <param name="state">The state.</param>
    /// <exception cref="ArgumentNullException"><paramref name="state"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An invariant is broken; the message names it.</exception>
    public static void CheckInvariants(AlertBookState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var active = new HashSet<(RecordId, HealthScoreId)>();
        long previous = 0;
        foreach (Alert alert in state.Alerts)
        {
            if (alert is null || alert.Id.Value <= previous || alert.Id.Value > state.LastAlertNumber)
            {
                throw new ArgumentException("Alert ids must be ascending, unique and at most the last alert number.", nameof(state));
            }

            previous = alert.Id.Value;
            if (alert.CustomerId.IsDefault || alert.OwnerId.IsDefault || alert.Version.ScoreId.IsDefault || alert.ExpiresAt <= alert.RaisedAt)
            {
                throw new ArgumentException($"Alert {alert.Id} lacks a customer, owner or score, or expires before it was raised.", nameof(state));
            }

            if ((alert.Status == AlertStatus.Active) != (alert.EndedAt is null) || (alert.Status == AlertStatus.Superseded) != (alert.SupersededBy is not null))
            {
                throw new ArgumentException($"Alert {alert.Id} is {alert.Status} but its end or successor does not say so.", nameof(state));
            }

            if (alert.Status == AlertStatus.Active && !active.Add((alert.CustomerId, alert.ScoreId)))
            {
                throw new ArgumentException($"Customer {alert.CustomerId} has two active alerts for score {alert.ScoreId}.", nameof(state));
            }
        }
    }

    /// <summary>Raises the alerts of a run's status changes (rule 35); a system transition.</summary>
    /// <param name="changes">The run's status changes (<see cref="ScoreHistory.Record"/>).</param>
    /// <param name="now">The command's instant; new alerts are raised at the run's instant (<see cref="StatusChangeSet.At"/>) and
    /// expire <see cref="AlertOptions.Lifetime"/> after it.</param>
    /// <returns>The report (every change accounted for).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="changes"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The run is later than <paramref name="now"/>.</exception>
    public Result<AlertRaiseReport> Raise(StatusChangeSet changes, Instant now)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.At > now)
        {
            throw new ArgumentException($"The run's instant {changes.At} is after the command's instant {now}.", nameof(changes));
        }

        var work = new Working(State, _options);
        int expired = work.ExpireDue(now);
        AlertDamping damping = _options.DampingOf(changes.ScoreId);
        bool coolDown = damping.CoolDown > Duration.Zero;
        Dictionary<RecordId, Instant>? lastRaised = coolDown ? work.LastRaised(changes.ScoreId) : null;
        int raised = 0, replaced = 0, suppressed = 0, unowned = 0;
        var overflow = new Dictionary<UserId, int>();
        ReadOnlySpan<long> customers = changes.AccountIds;
        ReadOnlySpan<long> owners = changes.OwnerIds;
        ReadOnlySpan<byte> before = changes.ScoresBefore;
        ReadOnlySpan<byte> after = changes.ScoresAfter;
        Instant at = changes.At;
        // First every change that raises an alert supersedes its customer's active alert (a newer change), so that an
        // owner's limit then drops only alerts no change of this run replaces; then the alerts are raised in order.
        var raising = new List<(int Change, AlertId Id)>(customers.Length);
        for (int i = 0; i < customers.Length; i++)
        {
            if (owners[i] <= 0)
            {
                unowned++;
                continue;
            }

            var customer = RecordId.From(customers[i]);
            if (Math.Abs(after[i] - before[i]) < damping.MinScoreChange
                || (lastRaised is not null && lastRaised.TryGetValue(customer, out Instant last) && at < last + damping.CoolDown))
            {
                suppressed++;
                continue;
            }

            var id = work.NextId();
            raising.Add((i, id));
            if (work.Supersede(customer, changes.ScoreId, id, SupersedeReason.NewerChange, at, now))
            {
                replaced++;
            }
        }

        foreach ((int i, AlertId id) in raising)
        {
            var customer = RecordId.From(customers[i]);
            var owner = UserId.From(owners[i]);

            // A loop, not a test: a book stored under a larger limit comes back within the current one on its next raise.
            while (work.ActiveCount(owner) >= _options.MaxActivePerOwner && work.SupersedeOldest(owner, id, at, now))
            {
                overflow[owner] = overflow.GetValueOrDefault(owner) + 1;
            }

            var alert = new Alert(id, customer, changes.Version, changes.RunId, owner, changes.From[i], changes.To[i], before[i], after[i], at, at + _options.Lifetime, AlertStatus.Active, null, null, null);
            work.Add(alert);
            work.Events.Add(new AlertRaised(PortalId, id, customer, changes.ScoreId, changes.Version.Number, changes.RunId, owner, alert.From, alert.To, alert.ScoreBefore, alert.ScoreAfter, alert.ExpiresAt, Initiator.System, now));
            raised++;
        }

        Finish(work, now);
        return new AlertRaiseReport(customers.Length, raised, replaced, suppressed, unowned, expired, overflow.ToImmutableDictionary());
    }

    /// <summary>Dismisses an alert (rule 35): only its owner may, and only while it is active.</summary>
    /// <param name="actor">The owner.</param>
    /// <param name="account">The account; must be the book's portal.</param>
    /// <param name="alertId">The alert.</param>
    /// <param name="now">The command's instant.</param>
    /// <returns>The dismissed alert, or <c>access.*</c>, <c>alert.not_found</c>, <c>alert.not_owner</c>,
    /// <c>alert.not_active</c> (also for an alert whose lifetime is over at <paramref name="now"/>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="account"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is another portal.</exception>
    public Result<Alert> Dismiss(Actor actor, AccountContext account, AlertId alertId, Instant now)
    {
        if (Authorize(actor, account, CsOperation.DismissOwnAlerts) is { IsFailure: true } denied)
        {
            return denied.Error;
        }

        int index = State.IndexOf(alertId);
        if (index < 0)
        {
            return AlertErrors.NotFound(alertId);
        }

        Alert alert = State.Alerts[index];

        if (alert.OwnerId != actor.UserId)
        {
            return AlertErrors.NotOwner(alertId, alert.OwnerId);
        }

        if (alert.Status != AlertStatus.Active || now >= alert.ExpiresAt)
        {
            return AlertErrors.NotActive(alertId, alert.Status == AlertStatus.Active ? AlertStatus.Expired : alert.Status);
        }

        var dismissed = alert with { Status = AlertStatus.Dismissed, EndedAt = now };
        Commit(State with { Alerts = State.Alerts.SetItem(index, dismissed) }, new AlertDismissed(PortalId, alertId, Initiator.User(actor.UserId), now));
        return dismissed;
    }

    /// <summary>Expires every active alert whose lifetime is over at <paramref name="now"/> (rule 35) and drops finished
    /// alerts past their retention; a system transition an application scheduler calls.</summary>
    /// <param name="now">The command's instant.</param>
    /// <returns>How many alerts expired.</returns>
    public Result<int> Expire(Instant now)
    {
        var work = new Working(State, _options);
        int expired = work.ExpireDue(now);
        Finish(work, now);
        return expired;
    }

    /// <summary>Commits what a system transition changed (its events, or finished alerts dropped while the next state
    /// is built), if anything.</summary>
    private void Finish(Working work, Instant now)
    {
        AlertBookState next = work.ToState(now);
        if (work.Events.Count > 0 || work.Pruned)
        {
            CommitAll(next, work.Events);
        }
    }

    /// <summary>Lists an owner's active alerts as of an instant, newest first (rule 35's "Recent actions").</summary>
    /// <param name="actor">Who asks: the owner (<see cref="CsOperation.ViewOwnAlerts"/>) or someone allowed to see others'
    /// alerts (<see cref="CsOperation.ViewOthersAlerts"/>).</param>
    /// <param name="account">The account; must be the book's portal.</param>
    /// <param name="ownerId">Whose alerts.</param>
    /// <param name="asOf">The as-of instant.</param>
    /// <returns>The alerts active at <paramref name="asOf"/>, or <c>access.*</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="account"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is another portal.</exception>
    public Result<ImmutableArray<Alert>> ListActive(Actor actor, AccountContext account, UserId ownerId, Instant asOf)
    {
        var operation = ownerId == actor?.UserId ? CsOperation.ViewOwnAlerts : CsOperation.ViewOthersAlerts;
        if (Authorize(actor!, account, operation) is { IsFailure: true } denied)
        {
            return denied.Error;
        }

        return ActiveAsOf(State, ownerId, asOf);
    }

    /// <summary>The alerts of an owner active at an instant, newest first (no permission check: for services that have
    /// checked already, and for tests).</summary>
    /// <param name="state">The book.</param>
    /// <param name="ownerId">The owner.</param>
    /// <param name="asOf">The as-of instant.</param>
    /// <returns>The active alerts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="state"/> is <see langword="null"/>.</exception>
    public static ImmutableArray<Alert> ActiveAsOf(AlertBookState state, UserId ownerId, Instant asOf)
    {
        ArgumentNullException.ThrowIfNull(state);
        var list = ImmutableArray.CreateBuilder<Alert>();
        for (int i = state.Alerts.Length - 1; i >= 0; i--)
        {
            Alert alert = state.Alerts[i];
            if (alert.OwnerId == ownerId && alert.IsActiveAt(asOf))
            {
                list.Add(alert);
            }
        }

        return list.ToImmutable();
    }

    private static AlertBookState CheckState(AlertBookState state)
    {
        CheckInvariants(state);
        return state;
    }

    /// <summary>The mutable working copy of one operation: the alerts by position, the active ones indexed by customer
    /// and score and queued per owner (oldest first).</summary>
    private sealed class Working
    {
        private readonly AlertOptions _options;
        private readonly PortalId _portal;
        private readonly List<Alert> _alerts;
        private readonly Dictionary<(RecordId, HealthScoreId), int> _activeByKey = [];
        private readonly Dictionary<UserId, Queue<int>> _queues = [];
        private readonly Dictionary<UserId, int> _activeCounts = [];
        private long _last;

        public Working(AlertBookState state, AlertOptions options)
        {
            _options = options;
            _portal = state.PortalId;
            _alerts = new List<Alert>(state.Alerts.Length + 16);
            _alerts.AddRange(state.Alerts);
            _last = state.LastAlertNumber;
            var active = new List<int>();
            for (int i = 0; i < _alerts.Count; i++)
            {
                if (_alerts[i].Status == AlertStatus.Active)
                {
                    active.Add(i);
                }
            }

            active.Sort((a, b) => (_alerts[a].RaisedAt, _alerts[a].Id.Value).CompareTo((_alerts[b].RaisedAt, _alerts[b].Id.Value)));
            foreach (int i in active)
            {
                Index(i);
            }
        }

        public List<IDomainEvent> Events { get; } = [];

        public bool Pruned { get; private set; }

        public AlertId NextId() => AlertId.From(++_last);

        public int ActiveCount(UserId owner) => _activeCounts.GetValueOrDefault(owner);

        public int ExpireDue(Instant now)
        {
            int expired = 0;
            for (int i = 0; i < _alerts.Count; i++)
            {
                Alert alert = _alerts[i];
                if (alert.Status == AlertStatus.Active && alert.ExpiresAt <= now)
                {
                    End(i, alert with { Status = AlertStatus.Expired, EndedAt = alert.ExpiresAt });
                    Events.Add(new AlertExpired(_portal, alert.Id, alert.ExpiresAt, Initiator.System, now));
                    expired++;
                }
            }

            return expired;
        }

        public Dictionary<RecordId, Instant> LastRaised(HealthScoreId scoreId)
        {
            var last = new Dictionary<RecordId, Instant>();
            foreach (Alert alert in _alerts)
            {
                if (alert.ScoreId == scoreId && (!last.TryGetValue(alert.CustomerId, out Instant seen) || seen < alert.RaisedAt))
                {
                    last[alert.CustomerId] = alert.RaisedAt;
                }
            }

            return last;
        }

        public bool Supersede(RecordId customer, HealthScoreId scoreId, AlertId by, SupersedeReason reason, Instant at, Instant now)
        {
            if (!_activeByKey.TryGetValue((customer, scoreId), out int i))
            {
                return false;
            }

            SupersedeAt(i, by, reason, at, now);
            return true;
        }

        public bool SupersedeOldest(UserId owner, AlertId by, Instant at, Instant now)
        {
            if (!_queues.TryGetValue(owner, out var queue))
            {
                return false;
            }

            while (queue.TryDequeue(out int i))
            {
                if (_alerts[i].Status == AlertStatus.Active)
                {
                    SupersedeAt(i, by, SupersedeReason.Overflow, at, now);
                    return true;
                }
            }

            return false;
        }

        public void Add(Alert alert)
        {
            _alerts.Add(alert);
            Index(_alerts.Count - 1);
        }

        public AlertBookState ToState(Instant now)
        {
            Instant cutoff = now - _options.FinishedRetention;
            var kept = ImmutableArray.CreateBuilder<Alert>(_alerts.Count);
            foreach (Alert alert in _alerts)
            {
                // Dropped: finished alerts past their retention, and alerts superseded at the instant they were raised
                // (more changes for one owner in one run than the limit): never active at any instant, they are counted
                // in the report and recorded in the events, and keeping them would only grow the book.
                if (alert.EndedAt is { } ended && (ended < cutoff || (alert.Status == AlertStatus.Superseded && ended == alert.RaisedAt)))
                {
                    Pruned = true;
                    continue;
                }

                kept.Add(alert);
            }

            return new AlertBookState(_portal, kept.ToImmutable(), _last);
        }

        private void SupersedeAt(int i, AlertId by, SupersedeReason reason, Instant at, Instant now)
        {
            Alert alert = _alerts[i];
            End(i, alert with { Status = AlertStatus.Superseded, EndedAt = at, SupersededBy = by, SupersedeReason = reason });
            Events.Add(new AlertSuperseded(_portal, alert.Id, by, reason, Initiator.System, now));
        }

        private void Index(int i)
        {
            Alert alert = _alerts[i];
            _activeByKey[(alert.CustomerId, alert.ScoreId)] = i;
            if (!_queues.TryGetValue(alert.OwnerId, out var queue))
            {
                queue = new Queue<int>();
                _queues.Add(alert.OwnerId, queue);
            }

            queue.Enqueue(i);
            _activeCounts[alert.OwnerId] = _activeCounts.GetValueOrDefault(alert.OwnerId) + 1;
        }

        private void End(int i, Alert ended)
        {
            Alert alert = _alerts[i];
            _alerts[i] = ended;
            _activeByKey.Remove((alert.CustomerId, alert.ScoreId));
            _activeCounts[alert.OwnerId]--;
        }
    }
}
