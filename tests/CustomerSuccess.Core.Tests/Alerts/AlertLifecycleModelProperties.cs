using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Core.Access;
using CustomerSuccess.Core.Alerts;
using CustomerSuccess.Core.Alerts.Events;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using static CustomerSuccess.Core.Tests.Alerts.AlertTestData;

namespace CustomerSuccess.Core.Tests.Alerts;

/// <summary>
/// Model-based test of the alert lifecycle (rule 35, ambiguity B1): random sequences of scoring runs (status changes of
/// up to 40 customers of two owners and unowned ones), dismissals by owners and others, expiry sweeps and time passing
/// run against the <see cref="AlertBook"/> (restored from the previous state before every step, as a store would) and a
/// plain list model. After every step: the book equals the model alert by alert; no owner ever has more than 25 active
/// alerts and no active alert is 14 days old at any as-of instant seen so far; every status change yields exactly one
/// alert or is counted as unowned, and every overflow is one counted supersession; dismissed, expired and superseded
/// alerts never change again.
/// </summary>
public sealed class AlertLifecycleModelProperties
{
    private static readonly long[] Owners = [7, 8];
    private static readonly Actor[] Actors = [Csm7, Csm8, Manager];

    internal enum Kind
    {
        Run,
        Dismiss,
        Expire,
        Wait,
    }

    internal sealed record Op(Kind Kind, int Hours, Row[] Rows, int Pick, int Actor)
    {
        public override string ToString() => $"{Kind} +{Hours}h pick {Pick} actor {Actor} rows [{string.Join(", ", Rows)}]";
    }

    private static Arbitrary<Op[]> Sequences() => Arb.From(
        from length in Gen.Choose(1, 30)
        from ops in Gen.ArrayOf(
            from kind in Gen.Frequency((5, Gen.Constant(Kind.Run)), (3, Gen.Constant(Kind.Dismiss)), (1, Gen.Constant(Kind.Expire)), (1, Gen.Constant(Kind.Wait)))
            from hours in Gen.Frequency((3, Gen.Choose(0, 24)), (1, Gen.Choose(24, 400)))
            from customers in Gen.SubListOf(Enumerable.Range(1, 40).ToArray())
            from owners in Gen.ArrayOf(Gen.Frequency((8, Gen.Elements(Owners)), (1, Gen.Constant(0L))), customers.Count)
            from before in Gen.ArrayOf(Gen.Choose(0, 100), customers.Count)
            from after in Gen.ArrayOf(Gen.Choose(0, 100), customers.Count)
            from pick in Gen.Choose(0, 1000)
            from actor in Gen.Choose(0, Actors.Length - 1)
            select new Op(kind, hours, [.. customers.Select((c, i) => new Row(c, owners[i], before[i], after[i]))], pick, actor),
            length)
        select ops);

    [Property(MaxTest = 500)]
    [Trait("Rule", "35")]
    [Trait("Rule", "87")]
    public Property AnySequence_KeepsTheLimitsTheLifetimeAndFinalStates_AndMatchesTheModel() =>
        Prop.ForAll(Sequences(), ops =>
        {
            var state = AlertBook.CreateInitialState(Portal);
            var model = new List<ModelAlert>();
            var finals = new Dictionary<AlertId, Alert>();
            var instants = new List<Instant>();
            var now = T0;
            long lastId = 0;
            foreach (var op in ops)
            {
                now += Duration.FromHours(op.Hours);
                instants.Add(now);
                var book = new AlertBook(state, AccessPolicy.Default);
                switch (op.Kind)
                {
                    case Kind.Run:
                        var changes = Changes(now, op.Rows);
                        var report = book.Raise(changes, now).Value;
                        var expectedOverflow = ModelRaise(model, changes, now, ref lastId);
                        Prune(model, now);

                        // Every status change: exactly one alert, or counted as unowned (anti-flapping is off).
                        Assert.Equal(changes.Count, report.Changes);
                        Assert.Equal(report.Changes, report.Raised + report.Unowned + report.Suppressed);
                        Assert.Equal(0, report.Suppressed);
                        Assert.Equal(report.Raised, book.DomainEvents.OfType<AlertRaised>().Count());
                        Assert.Equal(report.OverflowTotal, book.DomainEvents.OfType<AlertSuperseded>().Count(e => e.Reason == SupersedeReason.Overflow));
                        Assert.Equal(report.Replaced, book.DomainEvents.OfType<AlertSuperseded>().Count(e => e.Reason == SupersedeReason.NewerChange));
                        Assert.Equal(expectedOverflow, report.OverflowTotal);
                        break;
                    case Kind.Dismiss:
                        var actor = Actors[op.Actor];
                        var candidates = model.Where(a => now - a.RaisedAt < Duration.FromDays(15)).ToList();
                        if (candidates.Count == 0)
                        {
                            continue;
                        }

                        var target = candidates[op.Pick % candidates.Count];
                        var result = book.Dismiss(actor, Account, target.Id, now);
                        var allowed = target.Owner == actor.UserId.Value && target.Status == AlertStatus.Active && now < target.RaisedAt + Duration.FromDays(14);
                        Assert.Equal(allowed, result.IsSuccess);
                        if (allowed)
                        {
                            target.Status = AlertStatus.Dismissed;
                            target.EndedAt = now;
                        }
                        else
                        {
                            Assert.Same(state, book.State);
                            Assert.Empty(book.DomainEvents);
                        }

                        break;
                    case Kind.Expire:
                        var expired = book.Expire(now).Value;
                        Assert.Equal(ModelExpire(model, now), expired);
                        Prune(model, now);
                        Assert.All(book.DomainEvents, e => Assert.True(e.Initiator.IsSystem));
                        break;
                    default:
                        continue;
                }

                state = book.State;
                AlertBook.CheckInvariants(state);
                CheckAgainstModel(state, model);
                CheckLimits(state, instants);
                CheckFinals(state, finals);
            }
        });

    /// <summary>Raising and expiring drop finished alerts past their retention; a dismissal does not.</summary>
    private static void Prune(List<ModelAlert> model, Instant now) =>
        model.RemoveAll(a => a.EndedAt is { } ended && ended < now - AlertOptions.Default.FinishedRetention);

    private static void CheckAgainstModel(AlertBookState state, List<ModelAlert> model)
    {
        Assert.Equal(model.Select(a => a.Id), state.Alerts.Select(a => a.Id));
        foreach (var (alert, m) in state.Alerts.Zip(model))
        {
            Assert.Equal((m.Customer, m.Owner, m.RaisedAt), (alert.CustomerId.Value, alert.OwnerId.Value, alert.RaisedAt));
            // The book records an expiry when a command runs; the model's status follows the same commands.
            Assert.Equal(m.Status, alert.Status);
            Assert.Equal(m.EndedAt, alert.EndedAt);
        }
    }

    private static void CheckLimits(AlertBookState state, List<Instant> instants)
    {
        foreach (var asOf in instants)
        {
            foreach (var owner in Owners)
            {
                var active = AlertBook.ActiveAsOf(state, UserId.From(owner), asOf);
                Assert.True(active.Length <= AlertOptions.DefaultMaxActivePerOwner, $"owner {owner} has {active.Length} active alerts as of {asOf}");
                Assert.All(active, a => Assert.True(asOf - a.RaisedAt < Duration.FromDays(14), $"alert {a.Id} raised {a.RaisedAt} is active as of {asOf}"));
                Assert.Equal(active.Length, active.Select(a => (a.CustomerId, a.ScoreId)).Distinct().Count());
            }
        }
    }

    private static void CheckFinals(AlertBookState state, Dictionary<AlertId, Alert> finals)
    {
        foreach (var alert in state.Alerts)
        {
            if (finals.TryGetValue(alert.Id, out var final))
            {
                Assert.Equal(final, alert);
            }
            else if (alert.Status != AlertStatus.Active)
            {
                finals.Add(alert.Id, alert);
            }
        }
    }

    private static int ModelExpire(List<ModelAlert> model, Instant now)
    {
        var n = 0;
        foreach (var a in model.Where(a => a.Status == AlertStatus.Active && a.RaisedAt + Duration.FromDays(14) <= now))
        {
            a.Status = AlertStatus.Expired;
            a.EndedAt = a.RaisedAt + Duration.FromDays(14);
            n++;
        }

        return n;
    }

    private static int ModelRaise(List<ModelAlert> model, CustomerSuccess.Core.HealthScores.History.StatusChangeSet changes, Instant now, ref long lastId)
    {
        ModelExpire(model, now);
        var overflow = 0;

        // Every raising change replaces its customer's active alert first; then the alerts are raised in order.
        var raising = new List<(long Customer, long Owner, AlertId Id)>();
        for (var i = 0; i < changes.Count; i++)
        {
            var (customer, owner) = (changes.AccountIds[i], changes.OwnerIds[i]);
            if (owner == 0)
            {
                continue;
            }

            raising.Add((customer, owner, AlertId.From(++lastId)));
            foreach (var same in model.Where(a => a.Status == AlertStatus.Active && a.Customer == customer))
            {
                same.Status = AlertStatus.Superseded;
                same.EndedAt = changes.At;
            }
        }

        foreach (var (customer, owner, id) in raising)
        {
            var active = model.Where(a => a.Status == AlertStatus.Active && a.Owner == owner).OrderBy(a => a.RaisedAt).ThenBy(a => a.Id).ToList();
            if (active.Count >= AlertOptions.DefaultMaxActivePerOwner)
            {
                active[0].Status = AlertStatus.Superseded;
                active[0].EndedAt = changes.At;
                overflow++;
            }

            model.Add(new ModelAlert(id, customer, owner, changes.At));
        }

        // Superseded at the instant it was raised: never active, dropped from the book (still counted).
        model.RemoveAll(a => a.Status == AlertStatus.Superseded && a.EndedAt == a.RaisedAt);
        return overflow;
    }

    private sealed class ModelAlert(AlertId id, long customer, long owner, Instant raisedAt)
    {
        public AlertId Id { get; } = id;

        public long Customer { get; } = customer;

        public long Owner { get; } = owner;

        public Instant RaisedAt { get; } = raisedAt;

        public AlertStatus Status { get; set; } = AlertStatus.Active;

        public Instant? EndedAt { get; set; }
    }
}
