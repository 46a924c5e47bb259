using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using CustomerSuccess.Core.Cli.Commands;

namespace CustomerSuccess.Core.Cli.Tests;

/// <summary>Skips (explicitly, with the reason) when the shared Telco data set is not beside the repository.</summary>
public sealed class TelcoFactAttribute : FactAttribute
{
    public TelcoFactAttribute()
    {
        if (TelcoData.Path is null)
        {
            Skip = $"The Telco data set ({DemoCommand.DataFileName}) is not in a shared/data folder beside the repository.";
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
            string candidate = System.IO.Path.Combine(directory.FullName, "shared", "data", DemoCommand.DataFileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}

/// <summary>Integration: the real IBM Telco churn portfolio (7,043 customers, blank TotalCharges for new ones), scored
/// by the tool with its Telco sample definition.</summary>
public sealed class TelcoPortfolioTests : IDisposable
{
    private readonly TempFolder _files = new();

    public void Dispose() => _files.Dispose();

    private async Task<string> SampleAsync()
    {
        string path = _files.Name("telco.json");
        Assert.Equal(0, (await Cli.RunAsync("template", "telco", "-o", path)).ExitCode);
        return path;
    }

    [TelcoFact]
    public async Task Score_ReadsEveryCustomer_AndBlankTotalChargesAsMissing()
    {
        string output = _files.Name("scores.csv");

        CliResult result = await Cli.RunAsync("score", "-p", TelcoData.Path!, "-d", await SampleAsync(), "--id-column", "customerID", "-o", output, "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using JsonDocument document = JsonDocument.Parse(result.Out);
        Assert.Equal(7043, document.RootElement.GetProperty("accounts").GetInt32());
        Assert.Equal(11, document.RootElement.GetProperty("blankCells").GetInt32()); // the 11 new customers without TotalCharges
        string[] rows = File.ReadAllLines(output)[1..];
        Assert.Equal(7043, rows.Length);
        Assert.Equal(11, rows.Count(r => r.Split(',')[3] != "1")); // their "Value" group input was missing
    }

    [TelcoFact]
    [Trait("Rule", "86")]
    public async Task Explain_EqualsTheBatchScore_ForSampledCustomers()
    {
        string definition = await SampleAsync();
        string output = _files.Name("scores.csv");
        Assert.Equal(0, (await Cli.RunAsync("score", "-p", TelcoData.Path!, "-d", definition, "--id-column", "customerID", "-o", output)).ExitCode);
        string[][] rows = [.. File.ReadAllLines(output)[1..].Select(r => r.Split(','))];

        foreach (string[] row in rows.Where((_, i) => i % 701 == 0))
        {
            CliResult explain = await Cli.RunAsync("explain", "-p", TelcoData.Path!, "-d", definition, "--id-column", "customerID", "-a", row[0], "--format", "json");
            using JsonDocument document = JsonDocument.Parse(explain.Out);
            Assert.Equal(int.Parse(row[1], System.Globalization.CultureInfo.InvariantCulture), document.RootElement.GetProperty("score").GetInt32());
            Assert.Equal(row[2], document.RootElement.GetProperty("status").GetString());
        }
    }

    [TelcoFact]
    [Trait("Rule", "84")]
    public async Task Backtest_StatusesRankChurn_AndTheScoreBeatsChance()
    {
        CliResult result = await Cli.RunAsync("backtest", "-p", TelcoData.Path!, "-d", await SampleAsync(), "--id-column", "customerID", "--outcome", "Churn", "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using JsonDocument document = JsonDocument.Parse(result.Out);
        double[] rates = [.. document.RootElement.GetProperty("bands").EnumerateArray().Select(b => b.GetProperty("churnRate").GetDouble())];
        Assert.True(rates[0] > rates[1] && rates[1] > rates[2], $"churn rates: at risk {rates[0]:P1}, neutral {rates[1]:P1}, healthy {rates[2]:P1}");
        Assert.True(document.RootElement.GetProperty("auc").GetDouble() > 0.7);
        Assert.True(document.RootElement.GetProperty("atRiskOverHealthyLift").GetDouble() > 2);
    }

    [Fact]
    public async Task TheExampleInTheDocs_IsTheToolsTelcoTemplate()
    {
        string example = Path.Combine(AppContext.BaseDirectory, "examples", "telco-health-score.json");
        Assert.Equal(await File.ReadAllTextAsync(await SampleAsync()), await File.ReadAllTextAsync(example));
    }

    [TelcoFact]
    [Trait("Rule", "84")]
    [Trait("Rule", "39")]
    public async Task Backtest_OfTheDocsExample_ScoresEveryRow_AtRiskChurnsMoreThanHealthy_AndReportsTheAuc()
    {
        string example = Path.Combine(AppContext.BaseDirectory, "examples", "telco-health-score.json");

        CliResult result = await Cli.RunAsync("backtest", "-p", TelcoData.Path!, "-d", example, "--id-column", "customerID", "--outcome", "Churn", "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using JsonDocument document = JsonDocument.Parse(result.Out);
        var bands = document.RootElement.GetProperty("bands").EnumerateArray().ToArray();
        Assert.Equal(7043, bands.Sum(b => b.GetProperty("accounts").GetInt32()));
        Assert.True(bands[0].GetProperty("churnRate").GetDouble() > bands[2].GetProperty("churnRate").GetDouble());
        double auc = document.RootElement.GetProperty("auc").GetDouble();
        Assert.InRange(auc, 0.5, 1.0);
        Console.WriteLine($"Telco backtest of docs/examples/telco-health-score.json: {result.Out}");
    }
}
