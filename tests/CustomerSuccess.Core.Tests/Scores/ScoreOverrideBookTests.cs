using System;
using System.Linq;
using System.Threading.Tasks;
using CustomerSuccess.Core.Access;
using CustomerSuccess.Core.HealthScores;
using CustomerSuccess.Core.HealthScores.History;
using CustomerSuccess.Core.Persistence;
using CustomerSuccess.Core.Records;
using CustomerSuccess.Core.Scores;
using CustomerSuccess.Core.Scores.Events;
using CustomerSuccess.Core.Stores.InMemory;
using NodaTime;
using NodaTime.Testing;

namespace CustomerSuccess.Core.Tests.Scores;

public class ScoreOverrideBookTests
{
    private static readonly PortalId Portal = PortalId.From(100);
    private static readonly AccountContext Account = new(Portal, ServiceHubTier.Professional);
    private static readonly Actor Csm = Actor.Csm(UserId.From(7));
    private static readonly HealthScoreId Score = HealthScoreId.From(1);
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 1, 9, 0);

    private static ScoreOverrideBook Book() => new(ScoreOverrideBook.CreateInitialState(Portal), AccessPolicy.Default);

    [Fact]
    [Trait("Rule", "84")]
    public void Set_RecordsTheAuthorReasonAndExpiry_AndWinsUntilItExpires()
    {
        var book = Book();

        var set = book.Set(Csm, Account, RecordId.From(1001), Score, null, HealthStatus.AtRisk, "  Sponsor left  ", Now + Duration.FromDays(30), Now).Value;

        Assert.Equal((1001L, 7L, "Sponsor left", Now, Now + Duration.FromDays(30)), (set.AccountId, set.AuthorId, set.Reason, set.CreatedAt, set.ExpiresAt));
        var e = Assert.IsType<ScoreOverrideSet>(Assert.Single(book.DomainEvents));
        Assert.Equal(Initiator.User(UserId.From(7)), e.Initiator);
        Assert.Equal([set], book.State.InForceAt(Now + Duration.FromDays(29)).ToArray());
        Assert.Empty(book.State.InForceAt(Now + Duration.FromDays(30)));
        Assert.Empty(book.State.InForceAt(Now - Duration.Epsilon));
    }

    [Fact]
    [Trait("Rule", "84")]
    public void Set_ReplacesTheOverrideOfTheSameAccountAndScore_AndRemoveEndsIt()
    {
        var book = Book();
        book.Set(Csm, Account, RecordId.From(1001), Score, 10, null, "first", Now + Duration.FromDays(30), Now);
        book.Set(Csm, Account, RecordId.From(1002), Score, 90, null, "other", Now + Duration.FromDays(30), Now);

        var second = book.Set(Csm, Account, RecordId.From(1001), Score, 20, null, "second", Now + Duration.FromDays(30), Now + Duration.FromHours(1)).Value;
        var removed = book.Remove(Csm, Account, RecordId.From(1002), Score, Now + Duration.FromHours(2));

        Assert.Equal(90, removed.Value.Score);
        Assert.Equal([second], book.State.Overrides.ToArray());
        Assert.IsType<ScoreOverrideRemoved>(book.DomainEvents[^1]);
        Assert.Equal(ScoreOverrideErrors.NotFoundCode, book.Remove(Csm, Account, RecordId.From(1002), Score, Now + Duration.FromHours(3)).Error!.Code);
        Assert.Equal(ScoreOverrideErrors.NotFoundCode, book.Remove(Csm, Account, RecordId.From(1001), Score, Now + Duration.FromDays(31)).Error!.Code);
    }

    [Fact]
    [Trait("Rule", "84")]
    public void Set_RefusesInvalidValuesAndUsersWithoutFullAccess_ChangingNothing()
    {
        var book = Book();
        var id = RecordId.From(1);

        Assert.Equal(ScoreOverrideErrors.InvalidCode, book.Set(Csm, Account, id, Score, null, null, "r", Now + Duration.FromDays(1), Now).Error!.Code);
        Assert.Equal(ScoreOverrideErrors.InvalidCode, book.Set(Csm, Account, id, Score, 101, null, "r", Now + Duration.FromDays(1), Now).Error!.Code);
        Assert.Equal(ScoreOverrideErrors.InvalidCode, book.Set(Csm, Account, id, Score, 5, null, " ", Now + Duration.FromDays(1), Now).Error!.Code);
        Assert.Equal(ScoreOverrideErrors.InvalidCode, book.Set(Csm, Account, id, Score, 5, null, "r", Now, Now).Error!.Code);
        Assert.Equal(ScoreOverrideErrors.InvalidCode, book.Set(Csm, Account, id, Score, 5, null, "r", Now + Duration.FromDays(400), Now).Error!.Code);
        Assert.Equal(AccessErrors.SummaryOnlyCode, book.Set(Actor.SuperAdmin(UserId.From(4), hasServiceSeat: false), Account, id, Score, 5, null, "r", Now + Duration.FromDays(1), Now).Error!.Code);
        Assert.Throws<ArgumentException>(() => book.Set(Csm, Account, default, Score, 5, null, "r", Now + Duration.FromDays(1), Now));
        Assert.Throws<ArgumentException>(() => book.Remove(Csm, Account, default, Score, Now));
        Assert.Throws<ArgumentException>(() => book.Remove(Csm, Account, id, default, Now));
        Assert.Empty(book.State.Overrides);
        Assert.Empty(book.DomainEvents);
    }

    [Fact]
    [Trait("Rule", "84")]
    [Trait("Rule", "85")]
    public async Task Service_OverridesInForceAreAppliedToRuns_AndNoRunOverwritesThem()
    {
        var store = new InMemoryScoreOverrideStore();
        var clock = new FakeClock(Now);
        var service = new ScoreOverrideService(store, new ServiceContext(AccessPolicy.Default, clock));
        (await service.SetAsync(Csm, Account, RecordId.From(2), Score, 12, null, "Churn signal from the renewal call", Now + Duration.FromDays(10))).ThrowIfFailure();
        var history = new ScoreHistory();
        ScoringRun RunAt(long id, Instant at, params byte[] scores) => ScoringRun.Create(
            ScoringRunId.From(id), new ScoreVersionKey(Score, 1), at, at.InUtc().Date, [1, 2], scores,
            [.. scores.Select(s => StatusThresholds.Default.StatusOf(s))], [1, 1], [0, 0], [0], [0, 0]);

        foreach (var (id, at) in new[] { (1L, Now + Duration.FromDays(1)), (2L, Now + Duration.FromDays(2)) })
        {
            var overrides = (await service.ListInForceAsync(Csm, Account, at)).Value;
            history.Record(RunAt(id, at, 80, 85).WithOverrides(overrides, StatusThresholds.Default));
        }

        var card = history.GetRecordCard(Score, 2);
        Assert.Equal((12, HealthStatus.AtRisk), (card.Current!.Score, card.Current.Status));
        Assert.Equal((85, 7L), (card.Current.Override!.ComputedScore, card.Current.Override.Override.AuthorId));
        var afterExpiry = Now + Duration.FromDays(11);
        var later = history.Record(RunAt(3, afterExpiry, 80, 85).WithOverrides((await service.ListInForceAsync(Csm, Account, afterExpiry)).Value, StatusThresholds.Default));
        Assert.Equal(85, history.GetRecordCard(Score, 2).Current!.Score);
        Assert.Equal([2L], later.Changes.AccountIds.ToArray());   // the status returns from the override's At risk to Healthy

        var state = (await store.LoadAsync(Portal))!.State;
        Assert.Equal(state, PersistedForms.ScoreOverrideBook.Read(Portal, PersistedForms.ScoreOverrideBook.Write(Portal, state)));
    }
}
