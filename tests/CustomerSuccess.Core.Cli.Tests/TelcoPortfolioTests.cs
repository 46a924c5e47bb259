using System;
using System.IO;
using System.Linq;
using CustomerSuccess.Core.Cli.Commands;
using CustomerSuccess.Core.Cli.Portfolios;
using CustomerSuccess.Core.HealthScores;
using CustomerSuccess.Core.HealthScores.Validation;
using NodaTime;

namespace CustomerSuccess.Core.Cli.Tests;

/// <summary>Skips (explicitly, with the reason) when the shared Telco data set is not beside the repository.</summary>
public sealed class TelcoFactAttribute : FactAttribute
{
    public TelcoFactAttribute()
    {
        if (TelcoData.Path is null)
        {
            Skip = $"../shared/data/{DemoCommand.DataFileName} is not beside the repository.";
        }
    }
}

internal static class TelcoData
{
    public static readonly string? Path = Find();

    private static string? Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = System.IO.Path.Combine(directory.FullName, "shared", "data", DemoCommand.DataFileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}

/// <summary>Integration: the real IBM Telco churn portfolio (7,043 customers, blank TotalCharges for new ones), scored
/// with the CLI's sample definition.</summary>
public sealed class TelcoPortfolioTests
{
    private static readonly LocalDate AsOf = new(2026, 11, 25);

    private static (CsvPortfolio Portfolio, Scoring.Scored Scored, CustomerSuccess.Core.HealthScores.Engine.CompiledHealthScore Score) ScoreTelco()
    {
        var definition = Scoring.ReadDefinition(Scoring.ReadSample("telco-health-score.json"), "sample")!;
        Assert.True(HealthScoreValidator.Validate(definition, ValidationMode.Activation).IsSuccess);
        var portfolio = CsvPortfolio.Load(TelcoData.Path!, DefinitionSchema.For(definition), "customerID", null, "Churn");
        var score = Scoring.Compile(new ScoreVersion(HealthScoreId.From(1), 1, Instant.FromUtc(2026, 11, 25, 0, 0), definition), portfolio)!;
        return (portfolio, Scoring.Score(score, portfolio, AsOf), score);
    }

    [TelcoFact]
    public void Load_ReadsEveryCustomer_AndBlankTotalChargesAsMissing()
    {
        var (portfolio, scored, _) = ScoreTelco();

        Assert.Equal(7043, portfolio.Count);
        Assert.Equal(11, portfolio.BlankCells);               // the 11 new customers without TotalCharges
        Assert.Equal(7043, scored.Statistics.Overall.Count);
        Assert.Equal(11, scored.Coverage.Count(c => c < 1.0)); // their "Value" group input was missing
    }

    [TelcoFact]
    [Trait("Rule", "86")]
    public void BatchScores_EqualTheExplanation_ForEveryCustomer()
    {
        var (portfolio, scored, score) = ScoreTelco();
        for (var i = 0; i < portfolio.Count; i++)
        {
            var why = score.Explain(portfolio.Snapshot, null, AsOf, i);
            Assert.Equal(scored.Scores[i], why.Score);
            Assert.Equal(scored.Statuses[i], why.Status);
            Assert.Equal(scored.Coverage[i], why.Coverage, 12);
        }
    }

    [TelcoFact]
    [Trait("Rule", "84")]
    public void Statuses_RankChurn_AtRiskAboveNeutralAboveHealthy()
    {
        var (portfolio, scored, _) = ScoreTelco();
        double ChurnRate(HealthStatus status)
        {
            var members = Enumerable.Range(0, portfolio.Count).Where(i => scored.Statuses[i] == status).ToList();
            return members.Count(i => portfolio.Labels![i] == "Yes") / (double)members.Count;
        }

        var atRisk = ChurnRate(HealthStatus.AtRisk);
        var neutral = ChurnRate(HealthStatus.Neutral);
        var healthy = ChurnRate(HealthStatus.Healthy);
        Assert.True(atRisk > neutral && neutral > healthy, $"churn rates: at risk {atRisk:P1}, neutral {neutral:P1}, healthy {healthy:P1}");
    }
}

public sealed class CsvPortfolioTests
{
    [Fact]
    public void Parse_BadNumber_NamesLineAndColumn()
    {
        var schema = new CustomerSuccess.Core.HealthScores.Snapshots.PortfolioSchema([new CustomerSuccess.Core.HealthScores.Snapshots.SignalDefinition("nps", SignalType.Number)]);
        var ex = Assert.Throws<FormatException>(() => CsvPortfolio.Parse("id,nps\na,9\nb,nine\n", "test.csv", schema, "id", null, null));
        Assert.Contains("line 3", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'nps'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingColumn_ListsTheColumns()
    {
        var schema = new CustomerSuccess.Core.HealthScores.Snapshots.PortfolioSchema([new CustomerSuccess.Core.HealthScores.Snapshots.SignalDefinition("nps", SignalType.Number)]);
        var ex = Assert.Throws<FormatException>(() => CsvPortfolio.Parse("id,score\na,9\n", "test.csv", schema, "id", null, null));
        Assert.Contains("no column 'nps'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_QuotedCellsBlanksAndOwners_AreRead()
    {
        var schema = new CustomerSuccess.Core.HealthScores.Snapshots.PortfolioSchema([new CustomerSuccess.Core.HealthScores.Snapshots.SignalDefinition("plan", SignalType.Text), new CustomerSuccess.Core.HealthScores.Snapshots.SignalDefinition("nps", SignalType.Number)]);
        var portfolio = CsvPortfolio.Parse("id,plan,nps,csm\na,\"Pro, annual\",9,ann\nb,Basic,,bob\nc,Basic,3,ann\n", "test.csv", schema, "id", "csm", null);

        Assert.Equal(3, portfolio.Count);
        Assert.Equal(1, portfolio.BlankCells);
        Assert.Equal(["(none)", "ann", "bob"], portfolio.Owners);
    }
}
