using System;
using System.Collections.Immutable;
using System.Linq;
using CustomerSuccess.Core.Access;
using CustomerSuccess.Core.Alerts;
using CustomerSuccess.Core.Alerts.Events;
using CustomerSuccess.Core.HealthScores;
using CustomerSuccess.Core.Persistence;
using CustomerSuccess.Core.Records;
using NodaTime;
using static CustomerSuccess.Core.Tests.Alerts.AlertTestData;

namespace CustomerSuccess.Core.Tests.Alerts;

public class AlertBookTests
{
    [Fact]
    [Trait("Rule", "35")]
    [Trait("Rule", "87")]
    public void Raise_OneAlertPerStatusChange_OwnedByTheCsmOwner_ExpiringAfter14Days()
    {
        var book = Book();
        var changes = Changes(T0, new Row(1001, 7, 80, 30), new Row(1002, 8, 50, 51), new Row(1003, 8, 20, 75));

        var report = book.Raise(changes, T0 + Duration.FromMinutes(5)).Value;

        Assert.Equal(new AlertRaiseReport(2, 2, 0, 0, 0, 0, ImmutableDictionary<UserId, int>.Empty), report with { Overflow = ImmutableDictionary<UserId, int>.Empty });
        var first = book.State.Alerts[0];
        Assert.Equal((RecordId.From(1001), UserId.From(7), HealthStatus.Healthy, HealthStatus.AtRisk, 80, 30), (first.CustomerId, first.OwnerId, first.From, first.To, first.ScoreBefore, first.ScoreAfter));
        Assert.Equal(T0, first.RaisedAt);
        Assert.Equal(T0 + Duration.FromDays(14), first.ExpiresAt);
        Assert.Equal(changes.RunId, first.RunId);
        var raised = Assert.IsType<AlertRaised>(book.DomainEvents[0]);
        Assert.True(raised.Initiator.IsSystem);
        Assert.Equal(T0 + Duration.FromMinutes(5), raised.OccurredAt);
        Assert.Equal(2, book.DomainEvents.Count);
    }

    [Fact]
    [Trait("Rule", "35")]
    public void Raise_ChangesOfCustomersWithoutOwner_AreCountedNotLost()
    {
        var book = Book();

        var report = book.Raise(Changes(T0, new Row(1001, 0, 80, 30), new Row(1002, 7, 80, 30)), T0).Value;

        Assert.Equal((2, 1, 1), (report.Changes, report.Raised, report.Unowned));
        Assert.Single(book.State.Alerts);
    }

    [Fact]
    [Trait("Rule", "35")]
    public void Raise_ANewerChangeOfTheSameCustomerAndScore_SupersedesItsActiveAlert()
    {
        var book = Book();
        book.Raise(Changes(T0, new Row(1001, 7, 80, 50)), T0);

        var report = book.Raise(Changes(T0 + Duration.FromDays(1), new Row(1001, 7, 50, 20)), T0 + Duration.FromDays(1)).Value;

        Assert.Equal(1, report.Replaced);
        Assert.Equal(0, report.OverflowTotal);
        var (old, current) = (book.State.Alerts[0], book.State.Alerts[1]);
        Assert.Equal((AlertStatus.Superseded, SupersedeReason.NewerChange, current.Id), (old.Status, old.SupersedeReason!.Value, old.SupersededBy!.Value));
        Assert.Equal([current], AlertBook.ActiveAsOf(book.State, UserId.From(7), T0 + Duration.FromDays(2)).ToArray());
        var superseded = Assert.IsType<AlertSuperseded>(book.DomainEvents.Single(e => e is AlertSuperseded));
        Assert.True(superseded.Initiator.IsSystem);
    }

    [Fact]
    [Trait("Rule", "35")]
    public void Raise_OnABookKeptUnderALargerLimit_BringsTheOwnerBackWithinTheCurrentLimit()
    {
        var wide = Book(options: AlertOptions.Default with { MaxActivePerOwner = 30 });
        wide.Raise(Changes(T0, [.. Enumerable.Range(1, 30).Select(i => new Row(i, 7, 80, 30))]), T0);
        var book = Book(wide.State);

        var report = book.Raise(Changes(T0 + Duration.FromHours(1), new Row(31, 7, 80, 30)), T0 + Duration.FromHours(1)).Value;

        Assert.Equal(AlertOptions.DefaultMaxActivePerOwner, AlertBook.ActiveAsOf(book.State, UserId.From(7), T0 + Duration.FromHours(1)).Length);
        Assert.Equal(ImmutableDictionary<UserId, int>.Empty.Add(UserId.From(7), 6), report.Overflow);
    }

    [Fact]
    [Trait("Rule", "35")]
    public void Raise_AnOwnerAtTheLimitWhoseCustomersAllChangeAgain_ReplacesTheirAlerts_AndOverflowsOnlyTheExtraOne()
    {
        // 26 customers of one owner change status in two runs in a row: the second run's changes replace the 25 active
        // alerts of their own customers (a newer change), and only the 26th alert is over the limit.
        var book = Book();
        var rows = Enumerable.Range(1, 26).Select(i => new Row(i, 7, 80, 30)).ToArray();
        book.Raise(Changes(T0, rows), T0);

        var report = book.Raise(Changes(T0 + Duration.FromDays(1), rows), T0 + Duration.FromDays(1)).Value;

        Assert.Equal((26, 25), (report.Raised, report.Replaced));
        Assert.Equal(ImmutableDictionary<UserId, int>.Empty.Add(UserId.From(7), 1), report.Overflow);
        var active = AlertBook.ActiveAsOf(book.State, UserId.From(7), T0 + Duration.FromDays(1));
        Assert.Equal(AlertOptions.DefaultMaxActivePerOwner, active.Length);
        Assert.Equal(25, book.State.Alerts.Count(a => a.SupersedeReason == SupersedeReason.NewerChange));
    }

    [Fact]
    [Trait("Rule", "35")]
    public void Raise_BeyondTheOwnersLimit_SupersedesTheOldestActive_AndCountsTheOverflow()
    {
        // Ambiguity B1: at most 25 active alerts per owner; expired alerts drop out first, then the oldest.
        var book = Book();
        var rows = Enumerable.Range(1, 25).Select(i => new Row(i, 7, 80, 30)).ToArray();
        book.Raise(Changes(T0, rows), T0);
        book.Raise(Changes(T0 + Duration.FromHours(1), new Row(100, 8, 80, 30)), T0 + Duration.FromHours(1));

        var report = book.Raise(Changes(T0 + Duration.FromDays(1), new Row(26, 7, 80, 30), new Row(27, 7, 80, 30)), T0 + Duration.FromDays(1)).Value;

        Assert.Equal(2, report.Raised);
        Assert.Equal(ImmutableDictionary<UserId, int>.Empty.Add(UserId.From(7), 2), report.Overflow);
        var active = AlertBook.ActiveAsOf(book.State, UserId.From(7), T0 + Duration.FromDays(1));
        Assert.Equal(AlertOptions.DefaultMaxActivePerOwner, active.Length);
        Assert.DoesNotContain(active, a => a.CustomerId.Value is 1 or 2);
        Assert.All(book.State.Alerts.Where(a => a.CustomerId.Value is 1 or 2), a => Assert.Equal(SupersedeReason.Overflow, a.SupersedeReason));
        Assert.Single(AlertBook.ActiveAsOf(book.State, UserId.From(8), T0 + Duration.FromDays(1)));

        // Fourteen days after the first 25 they have expired: the next alert needs no room.
        var later = book.Raise(Changes(T0 + Duration.FromDays(14), new Row(28, 7, 80, 30)), T0 + Duration.FromDays(14)).Value;
        Assert.Equal(23, later.Expired);
        Assert.Equal(0, later.OverflowTotal);
    }

    [Fact]
    [Trait("Rule", "35")]
    public void Expiry_IsHalfOpenAt14Days_AndASystemTransition()
    {
        var book = Book();
        book.Raise(Changes(T0, new Row(1001, 7, 80, 30)), T0);
        var alert = book.State.Alerts[0];
        var end = T0 + Duration.FromDays(14);

        Assert.Single(AlertBook.ActiveAsOf(book.State, UserId.From(7), end - Duration.Epsilon));
        Assert.Empty(AlertBook.ActiveAsOf(book.State, UserId.From(7), end));
        Assert.Empty(AlertBook.ActiveAsOf(book.State, UserId.From(7), T0 - Duration.Epsilon));

        book.ClearDomainEvents();
        Assert.Equal(0, book.Expire(end - Duration.Epsilon).Value);
        Assert.Empty(book.DomainEvents);
        Assert.Equal(1, book.Expire(end + Duration.FromDays(1)).Value);

        var expired = book.State.Find(alert.Id)!;
        Assert.Equal((AlertStatus.Expired, (Instant?)end), (expired.Status, expired.EndedAt));
        var e = Assert.IsType<AlertExpired>(Assert.Single(book.DomainEvents));
        Assert.Equal((Initiator.System, end, end + Duration.FromDays(1)), (e.Initiator, e.ExpiredAt, e.OccurredAt));
    }

    [Fact]
    [Trait("Rule", "35")]
    public void Dismiss_ByTheOwnerOnly_AndFinal()
    {
        var book = Book();
        book.Raise(Changes(T0, new Row(1001, 7, 80, 30)), T0);
        var id = book.State.Alerts[0].Id;
        book.ClearDomainEvents();
        var before = book.State;

        Assert.Equal(AlertErrors.NotOwnerCode, book.Dismiss(Csm8, Account, id, T0).Error!.Code);
        Assert.Equal(AlertErrors.NotOwnerCode, book.Dismiss(Manager, Account, id, T0).Error!.Code);
        Assert.Equal(AlertErrors.NotFoundCode, book.Dismiss(Csm7, Account, AlertId.From(99), T0).Error!.Code);
        Assert.Equal(AlertErrors.NotActiveCode, book.Dismiss(Csm7, Account, id, T0 + Duration.FromDays(14)).Error!.Code);
        Assert.Equal(AccessErrors.ViewAsReadOnlyCode, book.Dismiss(Manager.ViewAs(Csm7), Account, id, T0).Error!.Code);
        Assert.Same(before, book.State);
        Assert.Empty(book.DomainEvents);

        var dismissed = book.Dismiss(Csm7, Account, id, T0 + Duration.FromHours(2)).Value;

        Assert.Equal((AlertStatus.Dismissed, (Instant?)(T0 + Duration.FromHours(2))), (dismissed.Status, dismissed.EndedAt));
        Assert.Equal(Initiator.User(UserId.From(7)), Assert.IsType<AlertDismissed>(Assert.Single(book.DomainEvents)).Initiator);
        Assert.Equal(AlertErrors.NotActiveCode, book.Dismiss(Csm7, Account, id, T0 + Duration.FromHours(3)).Error!.Code);
        Assert.Equal(0, book.Expire(T0 + Duration.FromDays(20)).Value);
        Assert.Equal(AlertStatus.Dismissed, book.State.Find(id)?.Status ?? AlertStatus.Dismissed);
    }

    [Fact]
    [Trait("Rule", "35")]
    public void ListActive_OwnAlertsForEveryoneWithSummaryAccess_OthersOnlyForManagers()
    {
        var book = Book();
        book.Raise(Changes(T0, new Row(1001, 7, 80, 30), new Row(1002, 7, 80, 50)), T0);

        Assert.Equal([1002L, 1001L], book.ListActive(Csm7, Account, UserId.From(7), T0).Value.Select(a => a.CustomerId.Value));
        Assert.Equal(AccessErrors.PermissionRequiredCode, book.ListActive(Csm8, Account, UserId.From(7), T0).Error!.Code);
        Assert.Equal(2, book.ListActive(Manager, Account, UserId.From(7), T0).Value.Length);
        Assert.Equal(2, book.ListActive(Manager.ViewAs(Csm7), Account, UserId.From(7), T0).Value.Length);
        Assert.Empty(book.ListActive(Csm8, Account, UserId.From(8), T0).Value);
    }

    [Fact]
    [Trait("Rule", "35")]
    public void AntiFlapping_IsOffByDefault_MinimumChangeAndCoolDownSuppressAndCount()
    {
        var rows = new[] { new Row(1, 7, 40, 39), new Row(2, 7, 75, 20) };
        Assert.Equal(2, Book().Raise(Changes(T0, rows), T0).Value.Raised);

        var options = AlertOptions.Default with { Damping = ImmutableDictionary<HealthScoreId, AlertDamping>.Empty.Add(Score, new AlertDamping(5, Duration.FromDays(3))) };
        var book = Book(options: options);

        var first = book.Raise(Changes(T0, rows), T0).Value;
        var again = book.Raise(Changes(T0 + Duration.FromDays(1), new Row(2, 7, 20, 80)), T0 + Duration.FromDays(1)).Value;
        var afterCoolDown = book.Raise(Changes(T0 + Duration.FromDays(3), new Row(2, 7, 80, 20)), T0 + Duration.FromDays(3)).Value;
        var otherScore = Book(options: options).Raise(Changes(T0, HealthScoreId.From(2), rows), T0).Value;

        Assert.Equal((1, 1), (first.Raised, first.Suppressed));
        Assert.Equal((0, 1), (again.Raised, again.Suppressed));
        Assert.Equal((1, 0), (afterCoolDown.Raised, afterCoolDown.Suppressed));
        Assert.Equal(2, otherScore.Raised);
        Assert.Throws<ArgumentOutOfRangeException>(() => Book(options: AlertOptions.Default with { MaxActivePerOwner = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Book(options: AlertOptions.Default with { Damping = options.Damping.SetItem(Score, new AlertDamping(-1, Duration.Zero)) }));
    }

    [Fact]
    public void FinishedAlerts_AreDroppedAfterTheirRetention_ButTheirIdsAreNeverReused()
    {
        var book = Book();
        book.Raise(Changes(T0, new Row(1, 7, 80, 30)), T0);
        book.Dismiss(Csm7, Account, AlertId.From(1), T0);

        book.Expire(T0 + Duration.FromDays(15));
        book.Raise(Changes(T0 + Duration.FromDays(15), new Row(1, 7, 30, 80)), T0 + Duration.FromDays(15));

        Assert.Equal([AlertId.From(2)], book.State.Alerts.Select(a => a.Id));
        Assert.Equal(2, book.State.LastAlertNumber);
    }

    [Fact]
    public void PersistedForm_RoundTripsTheBook()
    {
        var book = Book();
        book.Raise(Changes(T0, new Row(1, 7, 80, 30), new Row(2, 8, 20, 90)), T0);
        book.Raise(Changes(T0 + Duration.FromDays(1), new Row(1, 7, 30, 60)), T0 + Duration.FromDays(1));
        book.Dismiss(Csm8, Account, AlertId.From(2), T0 + Duration.FromDays(1));

        var read = PersistedForms.AlertBook.Read(Portal, PersistedForms.AlertBook.Write(Portal, book.State));

        Assert.Equal(book.State, read);
        Assert.Throws<ArgumentException>(() => AlertBook.CheckInvariants(book.State with { LastAlertNumber = 1 }));
        Assert.Throws<ArgumentException>(() => AlertBook.CheckInvariants(book.State with { Alerts = [book.State.Alerts[2], book.State.Alerts[2] with { Id = AlertId.From(9) }], LastAlertNumber = 9 }));
    }
}
