using System.Threading.Tasks;
using CustomerSuccess.Core.Access;
using CustomerSuccess.Core.HealthScores;
using CustomerSuccess.Core.HealthScores.Engine;
using CustomerSuccess.Core.HealthScores.Serialization;
using CustomerSuccess.Core.HealthScores.Snapshots;
using CustomerSuccess.Core.Workspaces;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace CustomerSuccess.Core.Tests.Examples;

/// <summary>The README's quick start, compiled and run: if the API changes, these fail and the README gets fixed.</summary>
public sealed class ReadmeExamplesTests
{
    [Fact]
    [Trait("Rule", "26")]
    [Trait("Rule", "29")]
    public async Task QuickStart_CreateTeamWorkspaceThroughTheContainer()
    {
        var services = new ServiceCollection()
            .AddSingleton<IClock>(new FakeClock(Instant.FromUtc(2026, 11, 25, 9, 0)))
            .AddCustomerSuccess()
            .AddInMemoryStores()
            .Services
            .BuildServiceProvider();

        using var scope = services.CreateScope();
        var workspaces = scope.ServiceProvider.GetRequiredService<WorkspaceService>();
        var account = new AccountContext(PortalId.From(42), ServiceHubTier.Enterprise);
        var manager = Actor.Manager(UserId.From(7));

        var created = await workspaces.CreateTeamWorkspaceAsync(manager, account, "EMEA", "Enterprise accounts in Europe", [TeamId.From(3)]);

        Assert.True(created.IsSuccess, created.ToString());
        Assert.Equal("EMEA", created.Value.Output.Name);

        var again = await workspaces.CreateTeamWorkspaceAsync(manager, account, "EMEA 2", null, [TeamId.From(3)]);
        Assert.Equal(WorkspaceErrors.TeamAlreadyAssignedCode, again.Error!.Code);
    }

    [Fact]
    [Trait("Rule", "79")]
    [Trait("Rule", "80")]
    public void QuickStart_ScoreAPortfolio()
    {
        const string json = """
            {
              "schema": "customersuccess.health-score/v1",
              "name": "Quick start",
              "objectType": "companies",
              "groups": [
                { "name": "NPS", "kind": "property", "maxPoints": 60, "criteria": [
                  { "kind": "property", "name": "Promoter", "points": 60, "conditions": [ { "kind": "number", "property": "nps", "operator": "greaterThanOrEqual", "value": 9 } ] } ] },
                { "name": "Sentiment", "kind": "property", "maxPoints": 40, "criteria": [
                  { "kind": "property", "name": "Happy CSM", "points": 40, "conditions": [ { "kind": "text", "property": "csm_sentiment", "operator": "is", "values": [ "happy" ] } ] } ] }
              ]
            }
            """;
        var definition = HealthScoreJson.Parse(json).GetValueOrThrow();
        var schema = new PortfolioSchema([new SignalDefinition("nps", SignalType.Number), new SignalDefinition("csm_sentiment", SignalType.Text)]);
        var builder = new PortfolioSnapshotBuilder(schema);
        var a = builder.AddAccount();
        builder.SetNumber(a, schema.IndexOf("nps"), 9);
        builder.SetText(a, schema.IndexOf("csm_sentiment"), null); // missing: never matches
        var snapshot = builder.Build();

        var asOf = new LocalDate(2026, 11, 25);
        var version = new ScoreVersion(HealthScoreId.From(1), 1, Instant.FromUtc(2026, 11, 25, 0, 0), definition);
        var score = HealthScoreCompiler.Compile(version, schema).GetValueOrThrow();
        var scores = new byte[snapshot.AccountCount];
        var statuses = new HealthStatus[snapshot.AccountCount];
        var stats = score.Evaluate(snapshot, eventCounts: null, asOf, scores, statuses);
        var why = score.Explain(snapshot, null, asOf, a);

        Assert.Equal(60, scores[a]);
        Assert.Equal(HealthStatus.Neutral, statuses[a]);
        Assert.Equal(1, stats.Overall.CountOf(HealthStatus.Neutral));
        Assert.Equal(60, why.Score);
        Assert.Equal(0.6, why.Coverage, 6); // the sentiment group's input was missing
    }
}
