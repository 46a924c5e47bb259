using System.Linq;
using System.Threading.Tasks;
using CustomerSuccess.Core.Access;
using CustomerSuccess.Core.Alerts;
using CustomerSuccess.Core.Alerts.Events;
using CustomerSuccess.Core.Crm;
using CustomerSuccess.Core.HealthScores;
using CustomerSuccess.Core.HealthScores.History;
using CustomerSuccess.Core.Scores;
using CustomerSuccess.Core.Stores.InMemory;
using NodaTime;
using NodaTime.Testing;
using static CustomerSuccess.Core.Tests.Alerts.AlertTestData;

namespace CustomerSuccess.Core.Tests.Alerts;

public class AlertServiceTests
{
    private readonly FakeClock _clock = new(T0);
    private readonly InMemoryAlertBookStore _books = new();
    private readonly InMemoryHealthScoreCatalogStore _scores = new();

    private AlertService Service => new(_books, _scores, new ServiceContext(AccessPolicy.Default, _clock));

    private async Task<HealthScoreId> ActivateScoreAsync()
    {
        var catalog = new HealthScoreCatalog(HealthScoreCatalog.CreateInitialState(Portal), AccessPolicy.Default);
        var entry = catalog.CreateFromTemplate(Manager, Account, CrmObjectType.Companies, "Customer health", T0).GetValueOrThrow();
        catalog.Activate(Manager, Account, CrmObjectType.Companies, entry.Id, T0).GetValueOrThrow();
        (await _scores.SaveAsync(Portal, catalog.State, VersionToken.None, [])).ThrowIfFailure();
        return entry.Id;
    }

    [Fact]
    [Trait("Rule", "35")]
    public async Task RaiseAsync_NoAlertsWhereNoHealthScoreExists()
    {
        var result = await Service.RaiseAsync(Manager, Account, Changes(T0, new Row(1, 7, 80, 20)));

        Assert.Equal(AlertErrors.NoHealthScoreCode, result.Error!.Code);
        Assert.Equal(AccessErrors.PermissionRequiredCode, (await Service.RaiseAsync(Csm7, Account, Changes(T0, new Row(1, 7, 80, 20)))).Error!.Code);
        Assert.Equal(AccessErrors.PermissionRequiredCode, (await Service.ExpireAsync(Csm7, Account)).Error!.Code);
        Assert.Equal(0, _books.Count);
    }

    [Fact]
    [Trait("Rule", "35")]
    public async Task RecordingARunTwice_RaisesItsAlertsOnce()
    {
        var score = await ActivateScoreAsync();
        var history = new ScoreHistory();
        ScoringRun RunAt(long id, Instant at, params byte[] scores) => ScoringRun.Create(
            ScoringRunId.From(id), new ScoreVersionKey(score, 1), at, at.InUtc().Date, [1, 2], scores,
            [.. scores.Select(s => StatusThresholds.Default.StatusOf(s))], [1, 1], [1, 2], [0, 7, 8], [0, 0]);
        history.Record(RunAt(1, T0, 80, 80));
        var second = RunAt(2, T0 + Duration.FromDays(1), 20, 80);
        _clock.AdvanceDays(1);

        var first = await Service.RaiseAsync(Manager, Account, history.Record(second).Changes);
        var again = await Service.RaiseAsync(Manager, Account, history.Record(second).Changes);

        Assert.Equal(1, first.Value.Output.Raised);
        Assert.IsType<AlertRaised>(Assert.Single(first.Value.Events));
        Assert.False(again.Value.Changed);
        Assert.Single(_books.Outbox);
        var listed = await Service.ListActiveAsync(Csm7, Account, UserId.From(7), _clock.GetCurrentInstant());
        Assert.Equal(1L, Assert.Single(listed.Value).CustomerId.Value);
    }

    [Fact]
    [Trait("Rule", "35")]
    public async Task DismissAndExpire_GoThroughTheStore_WithTheirInitiators()
    {
        var score = await ActivateScoreAsync();
        var changes = Changes(T0, score, new Row(1, 7, 80, 20), new Row(2, 8, 80, 20));
        await Service.RaiseAsync(Manager, Account, changes);
        var alerts = (await _books.LoadAsync(Portal))!.State.Alerts;

        var dismissed = await Service.DismissAsync(Csm7, Account, alerts[0].Id);
        var stale = await Service.DismissAsync(Csm8, Account, alerts[1].Id, expectedVersion: VersionToken.From("1"));
        _clock.AdvanceDays(14);
        var expired = await Service.ExpireAsync(Manager, Account);

        Assert.Equal(AlertStatus.Dismissed, dismissed.Value.Output.Status);
        Assert.Equal(ConcurrencyErrors.ConflictCode, stale.Error!.Code);
        Assert.Equal(1, expired.Value.Output);
        Assert.True(Assert.IsType<AlertExpired>(Assert.Single(expired.Value.Events)).Initiator.IsSystem);
        Assert.Empty((await Service.ListActiveAsync(Csm8, Account, UserId.From(8), _clock.GetCurrentInstant())).Value);
        Assert.Single((await Service.ListActiveAsync(Csm8, Account, UserId.From(8), T0 + Duration.FromDays(1))).Value);
    }
}
