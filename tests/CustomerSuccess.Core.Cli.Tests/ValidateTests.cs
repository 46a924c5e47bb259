using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using CustomerSuccess.Core.Cli.Infrastructure;

namespace CustomerSuccess.Core.Cli.Tests;

/// <summary>Validate means runnable: with --portfolio (and --events) it reports what score would reject, and a
/// definition it accepts scores.</summary>
public sealed class ValidateTests : IDisposable
{
    private readonly TempFolder _files = new();

    public void Dispose() => _files.Dispose();

    public static TheoryData<string, string, string?, string> Rejected() => new()
    {
        // definition, portfolio, events, the code both commands report
        { Definitions.ConflictingTypes, "id,n\na,1\n", null, "cli.property_type_conflict" },
        { Definitions.WithEvents, "id,n\na,1\n", null, "cli.events_required" },
        { Definitions.WithEvents, "id,n\na,1\n", "account,type\na,call\n", "cli.column_missing" },
        { Definitions.NumberAndText, "id,n\na,1\n", null, "cli.column_missing" },
        { Definitions.NumberAndText, "key,n,plan\na,1,pro\n", null, "cli.column_missing" },
        { Definitions.NumberAndText.Replace("\"maxPoints\": 40", "\"maxPoints\": 30", StringComparison.Ordinal), "id,n,plan\na,1,pro\n", null, "health_score.max_points_sum" },
        { Definitions.NumberAndText, "id,n,plan\na,1,pro\na,2,pro\n", null, "cli.portfolio_invalid" },
        { Definitions.NumberAndText, "id,n,plan\na,Infinity,pro\n", null, "cli.portfolio_invalid" },
        { Definitions.WithEvents, "id,n\na,1\n", "account,type,time,properties\na,call,soon,\n", "cli.events_invalid" },
    };

    [Theory]
    [MemberData(nameof(Rejected))]
    public async Task WhatScoreRejects_ValidateReports(string definition, string portfolio, string? events, string code)
    {
        string d = _files.File("d.json", definition);
        string p = _files.File("p.csv", portfolio);
        string[] eventArgs = events is null ? [] : ["--events", _files.File("e.csv", events)];

        CliResult validate = await Cli.RunAsync([.. (string[])["validate", "-d", d, "-p", p, "--format", "json"], .. eventArgs]);
        CliResult score = await Cli.RunAsync([.. (string[])["score", "-d", d, "-p", p], .. eventArgs]);

        Assert.True(validate.ExitCode == ExitCodes.InvalidInput, validate.ToString());
        using JsonDocument report = JsonDocument.Parse(validate.Out);
        Assert.False(report.RootElement.GetProperty("valid").GetBoolean());
        Assert.Contains(code, report.RootElement.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("code").GetString()));
        Assert.True(score.ExitCode == ExitCodes.InvalidInput, score.ToString());
        Assert.Empty(score.Out);
    }

    [Fact]
    public async Task AConflictingPropertyType_IsAProblem_NotACrash()
    {
        string d = _files.File("d.json", Definitions.ConflictingTypes);
        string p = _files.File("p.csv", "id,n\na,1\n");

        CliResult alone = await Cli.RunAsync("validate", "-d", d);
        CliResult score = await Cli.RunAsync("score", "-d", d, "-p", p);

        Assert.Equal(ExitCodes.InvalidInput, alone.ExitCode);
        Assert.Contains("groups[1].criteria[0].conditions[0]: the record property 'n' is read as text here but as a number at groups[0].criteria[0].conditions[0]", alone.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.InvalidInput, score.ExitCode);
        Assert.Contains("cli.property_type_conflict", score.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryDefinitionTheLibraryAccepts_CanBeScored_EventsIncluded()
    {
        CliResult starter = await Cli.RunAsync("template");
        string d = _files.File("starter.json", starter.Out);
        string p = _files.File("p.csv", "id,csm_sentiment,nps\na,positive,10\nb,negative,3\n");
        string e = _files.File("e.csv", "account,type,time,properties\na,meeting,2026-11-20T09:00:00Z,\na,call,2026-11-21T09:00:00Z,\"{\"\"outcome\"\":\"\"connected\"\"}\"\nb,ticket,2026-11-21T09:00:00Z,\"{\"\"priority\"\":\"\"high\"\"}\"\n");

        CliResult validate = await Cli.RunAsync("validate", "-d", d, "-p", p, "--events", e);
        CliResult score = await Cli.RunAsync("score", "-d", d, "-p", p, "--events", e, "--format", "json");

        Assert.True(validate.ExitCode == 0, validate.ToString());
        Assert.True(score.ExitCode == 0, score.ToString());
        using JsonDocument document = JsonDocument.Parse(score.Out);
        Assert.Equal(2, document.RootElement.GetProperty("accounts").GetInt32());
    }

    [Fact]
    public async Task Validate_Draft_AndCsv()
    {
        string d = _files.File("d.json", Definitions.NumberAndText.Replace("\"maxPoints\": 40", "\"maxPoints\": 30", StringComparison.Ordinal));

        CliResult draft = await Cli.RunAsync("validate", "-d", d, "--draft");
        CliResult activation = await Cli.RunAsync("validate", "-d", d, "--format", "csv");

        Assert.Equal(0, draft.ExitCode);
        Assert.Contains("is valid for a draft", draft.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.InvalidInput, activation.ExitCode);
        Assert.Equal("severity,where,code,message", activation.Out.Split("\r\n")[0]);
        Assert.StartsWith("error,groups,health_score.max_points_sum,", activation.Out.Split("\r\n")[1], StringComparison.Ordinal);
    }
}
