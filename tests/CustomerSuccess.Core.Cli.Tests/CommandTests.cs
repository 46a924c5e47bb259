using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using CustomerSuccess.Core.Cli.Commands;
using CustomerSuccess.Core.Cli.Infrastructure;

namespace CustomerSuccess.Core.Cli.Tests;

/// <summary>Each command on small inputs: exit code, stream and message.</summary>
public sealed class CommandTests : IDisposable
{
    private readonly TempFolder _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Score_WritesEveryAccount_AndTheStatisticsOnStdout()
    {
        string definition = _files.File("d.json", Definitions.NumberAndText);
        string portfolio = _files.File("p.csv", "id,n,plan\na,60,pro\nb,1,basic\nc,70,basic\n");
        string output = _files.Name("scores.csv");

        CliResult result = await Cli.RunAsync("score", "-p", portfolio, "-d", definition, "-o", output, "--as-of", "2026-11-25");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Scored 3 accounts", result.Out, StringComparison.Ordinal);
        Assert.Contains("Wrote 3 scores to", result.Error, StringComparison.Ordinal);
        Assert.Equal("id,score,status,coverage\r\na,100,Healthy,1\r\nb,0,AtRisk,1\r\nc,60,Neutral,1\r\n", File.ReadAllText(output));
    }

    [Fact]
    public async Task Score_OutputCells_AreQuotedAndFormulasNeutralised()
    {
        string definition = _files.File("d.json", Definitions.NumberAndText);
        string portfolio = _files.File("p.csv", "id,n,plan\n\"a,1\",60,pro\n\"say \"\"hi\"\"\",1,basic\n\"=HYPERLINK(\"\"x\"\")\",1,basic\n+1,1,basic\n@SUM(A1),1,basic\n-2,1,basic\n'quoted,1,basic\n");
        string output = _files.Name("scores.csv");

        CliResult result = await Cli.RunAsync("score", "-p", portfolio, "-d", definition, "-o", output);

        Assert.True(result.ExitCode == 0, result.ToString());
        string[] ids = [.. File.ReadAllText(output).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l[..l.LastIndexOf(',', l.LastIndexOf(',', l.LastIndexOf(',') - 1) - 1)])];
        Assert.Equal(["\"a,1\"", "\"say \"\"hi\"\"\"", "\"'=HYPERLINK(\"\"x\"\")\"", "'+1", "'@SUM(A1)", "'-2", "''quoted"], ids);
    }

    [Fact]
    public async Task Score_TheOutputIsCheckedBeforeScoring()
    {
        string definition = _files.File("d.json", Definitions.NumberAndText);
        string portfolio = _files.File("p.csv", "id,n,plan\na,60,pro\nb,oops,basic\n");

        CliResult missingFolder = await Cli.RunAsync("score", "-p", portfolio, "-d", definition, "-o", Path.Combine(_files.Path, "no-such-folder", "s.csv"));
        CliResult intoDirectory = await Cli.RunAsync("score", "-p", portfolio, "-d", definition, "-o", _files.Path);
        CliResult overInput = await Cli.RunAsync("score", "-p", portfolio, "-d", definition, "-o", portfolio);

        Assert.Equal(ExitCodes.InvalidInput, missingFolder.ExitCode);
        Assert.Contains("--out: the folder", missingFolder.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("oops", missingFolder.Error, StringComparison.Ordinal); // the bad row was never read
        Assert.Contains("is a directory", intoDirectory.Error, StringComparison.Ordinal);
        Assert.Contains("is also an input file", overInput.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_AFailedRun_LeavesAnExistingOutputUntouched_AndNoTemporaryFile()
    {
        string definition = _files.File("d.json", Definitions.NumberAndText);
        string portfolio = _files.File("p.csv", "id,n,plan\na,60,pro\nb,oops,basic\n");
        string output = _files.File("scores.csv", "previous results\n");

        CliResult result = await Cli.RunAsync("score", "-p", portfolio, "-d", definition, "-o", output);

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Equal("previous results\n", File.ReadAllText(output));
        Assert.Equal(["d.json", "p.csv", "scores.csv"], _files.Files().Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Explain_ReadsOnlyUpToTheAccount()
    {
        string definition = _files.File("d.json", Definitions.NumberAndText);
        // Everything after account b is broken: explain b must not read it; score must.
        string portfolio = _files.File("p.csv", "id,n,plan\na,1,basic\nb,60,pro\nc,not a number,basic\nd,1\n");

        CliResult explain = await Cli.RunAsync("explain", "-p", portfolio, "-d", definition, "-a", "b");
        CliResult score = await Cli.RunAsync("score", "-p", portfolio, "-d", definition);

        Assert.True(explain.ExitCode == 0, explain.ToString());
        Assert.Contains("Account b: score 100 Healthy", explain.Out, StringComparison.Ordinal);
        Assert.Contains("n = 60", explain.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.InvalidInput, score.ExitCode);
    }

    [Fact]
    public async Task Explain_UnknownAccount_IsInvalidInput()
    {
        string definition = _files.File("d.json", Definitions.NumberAndText);
        string portfolio = _files.File("p.csv", "id,n,plan\na,1,basic\n");

        CliResult result = await Cli.RunAsync("explain", "-p", portfolio, "-d", definition, "-a", "zz");

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("no account 'zz' in column 'id'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_JsonAndCsv()
    {
        string definition = _files.File("d.json", Definitions.NumberAndText);
        string portfolio = _files.File("p.csv", "id,n,plan\na,60,basic\n");

        CliResult json = await Cli.RunAsync("explain", "-p", portfolio, "-d", definition, "-a", "a", "--format", "json");
        CliResult csv = await Cli.RunAsync("explain", "-p", portfolio, "-d", definition, "-a", "a", "--format", "csv");

        using JsonDocument document = JsonDocument.Parse(json.Out);
        Assert.Equal(60, document.RootElement.GetProperty("score").GetInt32());
        Assert.Equal("Neutral", document.RootElement.GetProperty("status").GetString());
        Assert.Equal("group,criterion,points,matched,awarded,inputs_present,inputs", csv.Out.Split("\r\n")[0]);
        Assert.Equal("Usage,High usage,60,true,60,true,n = 60", csv.Out.Split("\r\n")[1]);
    }

    [Fact]
    public async Task Events_AreScoredThroughTheLibrarysAggregation()
    {
        string definition = _files.File("d.json", Definitions.WithEvents);
        string portfolio = _files.File("p.csv", "id,n\na,60\nb,60\nc,1\n");
        string events = _files.File("e.csv", """
            account,type,time,properties
            a,call,2026-11-20T10:00:00Z,"{""outcome"": ""connected""}"
            b,call,2026-11-20T10:00:00Z,"{""outcome"": ""voicemail""}"
            b,call,2026-09-01,"{""outcome"": ""connected""}"
            c,call,2026-11-24T08:00:00+02:00,"{""outcome"": ""connected"", ""ignored"": 3}"
            zz,call,2026-11-24T08:00:00Z,
            """);
        string output = _files.Name("scores.csv");

        CliResult result = await Cli.RunAsync("score", "-p", portfolio, "-d", definition, "--events", events, "-o", output, "--as-of", "2026-11-25");
        CliResult explain = await Cli.RunAsync("explain", "-p", portfolio, "-d", definition, "--events", events, "-a", "c", "--as-of", "2026-11-25");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("id,score,status,coverage\r\na,100,Healthy,1\r\nb,50,Neutral,1\r\nc,50,Neutral,1\r\n", File.ReadAllText(output));
        Assert.Contains("1 events name accounts that are not in the portfolio", result.Error, StringComparison.Ordinal);
        Assert.Contains("(count 1)", explain.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_BadRows_AreInvalidInput()
    {
        string definition = _files.File("d.json", Definitions.WithEvents);
        string portfolio = _files.File("p.csv", "id,n\na,60\n");

        CliResult badTime = await Cli.RunAsync("score", "-p", portfolio, "-d", definition, "--events", _files.File("e1.csv", "account,type,time,properties\na,call,yesterday,\n"));
        CliResult badType = await Cli.RunAsync("score", "-p", portfolio, "-d", definition, "--events", _files.File("e2.csv", "account,type,time,properties\na,call,2026-11-20,\"{\"\"outcome\"\": 3}\"\n"));
        CliResult badJson = await Cli.RunAsync("score", "-p", portfolio, "-d", definition, "--events", _files.File("e3.csv", "account,type,time,properties\na,call,2026-11-20,{oops\n"));

        Assert.Equal(ExitCodes.InvalidInput, badTime.ExitCode);
        Assert.Contains("line 2, column 'time': 'yesterday' is not an ISO instant", badTime.Error, StringComparison.Ordinal);
        Assert.Contains("the property 'outcome' must be text", badType.Error, StringComparison.Ordinal);
        Assert.Contains("is not valid JSON", badJson.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backtest_ReportsBandsLiftAndAuc()
    {
        string definition = _files.File("d.json", Definitions.NumberAndText);
        string portfolio = _files.File("p.csv", "id,n,plan,churned\na,60,pro,no\nb,1,basic,yes\nc,70,basic,no\nd,2,pro,yes\ne,3,basic,\n");

        CliResult table = await Cli.RunAsync("backtest", "-p", portfolio, "-d", definition, "--outcome", "churned");
        CliResult json = await Cli.RunAsync("backtest", "-p", portfolio, "-d", definition, "--outcome", "churned", "--format", "json");

        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains("4 accounts, 2 churned (base rate 50.0 %)", table.Out, StringComparison.Ordinal);
        Assert.Contains("1 accounts with a blank 'churned' were left out", table.Error, StringComparison.Ordinal);
        using JsonDocument document = JsonDocument.Parse(json.Out);
        Assert.Equal(1.0, document.RootElement.GetProperty("auc").GetDouble());
        Assert.Equal(1.0, document.RootElement.GetProperty("bands")[0].GetProperty("churnRate").GetDouble());
    }

    [Fact]
    public async Task Backtest_UnreadableOutcome_IsInvalidInput_UnlessPositiveIsGiven()
    {
        string definition = _files.File("d.json", Definitions.NumberAndText);
        string portfolio = _files.File("p.csv", "id,n,plan,status\na,60,pro,Active\nb,1,basic,Churned\n");

        CliResult strict = await Cli.RunAsync("backtest", "-p", portfolio, "-d", definition, "--outcome", "status");
        CliResult named = await Cli.RunAsync("backtest", "-p", portfolio, "-d", definition, "--outcome", "status", "--positive", "churned", "--format", "csv");

        Assert.Equal(ExitCodes.InvalidInput, strict.ExitCode);
        Assert.Contains("'Active' is not an outcome", strict.Error, StringComparison.Ordinal);
        Assert.True(named.ExitCode == 0, named.ToString());
        Assert.EndsWith("All,2,1,0.5,1,,1\r\n", named.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Template_WritesTheStarter_WhichValidates()
    {
        CliResult template = await Cli.RunAsync("template");
        string path = _files.File("starter.json", template.Out);
        CliResult validate = await Cli.RunAsync("validate", "-d", path);

        Assert.Equal(0, template.ExitCode);
        Assert.Contains("\"name\": \"Customer health\"", template.Out, StringComparison.Ordinal);
        Assert.True(validate.ExitCode == 0, validate.ToString());
        Assert.Contains("is valid for activation", validate.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Template_Telco_ToAFile_RefusesToOverwriteWithoutForce()
    {
        string path = _files.Name("telco.json");

        CliResult first = await Cli.RunAsync("template", "telco", "-o", path);
        string written = File.ReadAllText(path);
        CliResult second = await Cli.RunAsync("template", "telco", "-o", path);
        CliResult forced = await Cli.RunAsync("template", "starter", "-o", path, "--force");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(TemplateCommand.ReadSample(TemplateCommand.TelcoSample).TrimEnd() + "\n", written.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal(ExitCodes.InvalidInput, second.ExitCode);
        Assert.Contains("exists; pass --force", second.Error, StringComparison.Ordinal);
        Assert.Equal(0, forced.ExitCode);
        Assert.Contains("Customer health", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_ShowsWhatItsDescriptionSays()
    {
        CliResult result = await Cli.RunAsync("demo", "--in-memory");

        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (string section in (string[])["Workspaces and teams", "Saved views", "lifecycle", "Backtest against 'Churn'", "Why is the lowest-scored customer at risk?"])
        {
            Assert.Contains(section, result.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Demo_PersistsToSqlite_ASecondRunSeesTheFirstRunsWorkspaces()
    {
        string store = _files.Name("demo.db");

        CliResult first = await Cli.RunAsync("demo", "--store", store);
        CliResult second = await Cli.RunAsync("demo", "--store", store);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.True(File.Exists(store));
        Assert.Contains(store, first.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("from an earlier run", first.Out, StringComparison.Ordinal);
        Assert.Contains("already holds 5 team workspaces from an earlier run", second.Out, StringComparison.Ordinal);
        // Rule 72's limits are not used up by running again: the second run scores with the first run's active score.
        Assert.Contains("'Telco customer health' is already on from an earlier run.", second.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("save an empty draft", second.Out, StringComparison.Ordinal);

        // The saved views are used again, not saved a second time.
        Assert.Contains("'My book' is kept from an earlier run.", second.Out, StringComparison.Ordinal);
        Assert.Contains("The CSM sees 4 views:", second.Out, StringComparison.Ordinal);
        foreach (string name in (string[])["EMEA", "APAC", "Americas", "Strategic", "SMB"])
        {
            Assert.Contains($"'{name}'", second.Out, StringComparison.Ordinal);
        }

        // Rule 26 holds across runs: the second run's creations are refused, not added.
        Assert.Contains("workspace.limit_reached", second.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_StoreAndInMemory_IsAUsageError()
    {
        CliResult result = await Cli.RunAsync("demo", "--in-memory", "--store", _files.Name("x.db"));

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--store and --in-memory", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-o", "template", "-o")]
    [InlineData("--object-type", "template", "--object-type")]
    [InlineData("--store", "demo", "--store")]
    [InlineData("-p", "score", "-d", "score.json", "-p", "-o", "out.csv")]
    [InlineData("-o", "score", "-d", "score.json", "-p", "accounts.csv", "-o", "--format", "json")]
    public async Task AnOptionWithoutItsValue_IsAUsageError(string option, params string[] args)
    {
        // Before the check, the parser bound a placeholder of its own as the value (a file of that name was written).
        CliResult result = await Cli.RunAsync(args);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains($"{option} needs a value", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("__default_command", result.Out + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_DataThatIsMissingOrAFolder_IsRefusedBeforeTheWalkThrough()
    {
        CliResult missing = await Cli.RunAsync("demo", "--in-memory", "--data", _files.Name("nope.csv"));
        CliResult folder = await Cli.RunAsync("demo", "--in-memory", "--data", _files.Path);

        Assert.Equal((ExitCodes.InvalidInput, ExitCodes.InvalidInput), (missing.ExitCode, folder.ExitCode));
        Assert.Contains("not found", missing.Error, StringComparison.Ordinal);
        Assert.Contains("is a directory", folder.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("team workspace", missing.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "needs an object type")]
    [InlineData("  ", "needs an object type")]
    public async Task Template_ABlankObjectType_IsAUsageError(string objectType, string expected)
    {
        CliResult result = await Cli.RunAsync("template", "--object-type", objectType);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Template_ObjectTypeWithTheTelcoSample_IsAUsageError()
    {
        CliResult result = await Cli.RunAsync("template", "telco", "--object-type", "deals");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("applies to the starter template only", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--positive needs --outcome", "validate", "-d", "DEF", "--positive", "Yes")]
    [InlineData("describe the portfolio", "validate", "-d", "DEF", "--id-column", "customerID")]
    [InlineData("describe the portfolio", "validate", "-d", "DEF", "--as-of", "2026-01-01")]
    [InlineData("--force replaces the --out file", "template", "--force")]
    public async Task OptionsThatWouldBeIgnored_AreUsageErrors(string expected, params string[] args)
    {
        string definition = _files.File("d.json", Definitions.NumberAndText);
        CliResult result = await Cli.RunAsync([.. args.Select(a => a == "DEF" ? definition : a)]);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExtraWordAfterACommand_IsAnUnexpectedArgument()
    {
        CliResult result = await Cli.RunAsync("score", "-d", _files.File("d.json", Definitions.NumberAndText), "-p", _files.File("p.csv", "id,n,plan\na,1,pro\n"), "extra");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("unexpected argument 'extra' for 'score'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMistypedTopLevelOption_SuggestsTheClosest()
    {
        CliResult result = await Cli.RunAsync("--verison");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("unknown option '--verison' for cs-core. Did you mean '--version'?", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RedirectedOutput_HasNoTrailingSpaces()
    {
        CliResult help = await Cli.RunAsync("score", "--help");

        Assert.Equal(ExitCodes.Success, help.ExitCode);
        Assert.Contains("--portfolio", help.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(help.Out.Split('\n'), line => line.TrimEnd('\r').EndsWith(' '));
    }
}
