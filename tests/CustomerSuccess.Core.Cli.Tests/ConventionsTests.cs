using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using CustomerSuccess.Core.Cli.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace CustomerSuccess.Core.Cli.Tests;

/// <summary>Strict parsing, --version, streams and exit codes (docs/cli.md).</summary>
public sealed class ConventionsTests : IDisposable
{
    private readonly TempFolder _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Version_PrintsTheVersionOnStdout_ExitZero()
    {
        CliResult result = await Cli.RunAsync("--version");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal(CliApplication.Version, result.Out.Trim());
        Assert.Matches(@"^\d+\.\d+\.\d+", result.Out.Trim());
        Assert.Empty(result.Error);
    }

    [Fact]
    public async Task UnknownOption_IsAUsageError_SuggestingTheClosestOption()
    {
        CliResult result = await Cli.RunAsync("score", "--portfolo", "a.csv", "-d", "b.json");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Empty(result.Out);
        Assert.Contains("unknown option '--portfolo' for 'score'. Did you mean '--portfolio'?", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--id-colum", "--id-column")]
    [InlineData("--formt", "--format")]
    [InlineData("--duplicate", "--duplicates")]
    public async Task MistypedOptions_AreNeverIgnored(string typo, string suggested)
    {
        CliResult result = await Cli.RunAsync("score", "-p", "a.csv", "-d", "b.json", typo, "x");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains($"Did you mean '{suggested}'?", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCommand_IsAUsageError_SuggestingTheClosestCommand()
    {
        CliResult result = await Cli.RunAsync("scroe");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("unknown command 'scroe'. Did you mean 'score'?", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnexpectedArgument_IsAUsageError()
    {
        CliResult result = await Cli.RunAsync("validate", "-d", "x.json", "extra");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("'extra'", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Out);
    }

    [Theory]
    [InlineData("score", "-d", "x.json")]
    [InlineData("score", "-p", "x.csv", "-d", "x.json", "--format", "xml")]
    [InlineData("score", "-p", "x.csv", "-d", "x.json", "--duplicates", "newest")]
    [InlineData("score", "-p", "x.csv", "-d", "x.json", "--delimiter", ";;")]
    [InlineData("score", "-p", "x.csv", "-d", "x.json", "--as-of", "25/11/2026")]
    [InlineData("explain", "-p", "x.csv", "-d", "x.json")]
    [InlineData("backtest", "-p", "x.csv", "-d", "x.json")]
    [InlineData("template", "gold")]
    public async Task MissingOrMalformedOptionValues_AreUsageErrors_OnStderr(params string[] args)
    {
        CliResult result = await Cli.RunAsync(args);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Empty(result.Out);
        Assert.StartsWith("cs-core: ", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Trim().Split('\n'));
    }

    [Fact]
    public async Task NoCommand_PrintsHelpOnStdout_AndExitsWithUsage()
    {
        CliResult result = await Cli.RunAsync();

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("score", result.Out, StringComparison.Ordinal);
        Assert.Contains("no command given", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_IsAResult_OnStdout_ExitZero()
    {
        CliResult result = await Cli.RunAsync("score", "--help");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("--duplicates", result.Out, StringComparison.Ordinal);
        Assert.Empty(result.Error);
    }

    [Fact]
    public async Task UnexpectedFailure_OneLineWithoutStackTrace_Exit70()
    {
        string definition = _files.File("d.json", Definitions.NumberAndText);
        string portfolio = _files.File("p.csv", "id,n,plan\na,1,pro\n");

        CliResult result = await Cli.RunAsync(s => s.AddSingleton<IClock>(new BrokenClock()), "score", "-p", portfolio, "-d", definition);

        Assert.Equal(ExitCodes.Unexpected, result.ExitCode);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.Contains("unexpected error: InvalidOperationException: the clock broke", result.Error, StringComparison.Ordinal);
        Assert.Contains("--verbose", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnexpectedFailure_WithVerbose_PrintsTheStackTrace()
    {
        string definition = _files.File("d.json", Definitions.NumberAndText);
        string portfolio = _files.File("p.csv", "id,n,plan\na,1,pro\n");

        CliResult result = await Cli.RunAsync(s => s.AddSingleton<IClock>(new BrokenClock()), "score", "-p", portfolio, "-d", definition, "--verbose");

        Assert.Equal(ExitCodes.Unexpected, result.ExitCode);
        Assert.Contains("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RedirectedOutput_IsNotHardWrapped()
    {
        string folder = System.IO.Path.Combine(_files.Path, new string('f', 120), new string('g', 120));
        System.IO.Directory.CreateDirectory(folder);
        string portfolio = System.IO.Path.Combine(folder, "portfolio-with-a-long-name.csv");
        System.IO.File.WriteAllText(portfolio, "id,n,plan\na,1,pro\n");
        string definition = _files.File("d.json", Definitions.NumberAndText);

        CliResult result = await Cli.RunAsync("score", "-p", portfolio, "-d", definition);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        string line = result.Out.Split('\n').Single(l => l.StartsWith("Scored", StringComparison.Ordinal));
        Assert.Contains(portfolio, line, StringComparison.Ordinal);
        Assert.Contains("blank cells", line, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', result.Out);
    }

    [Fact]
    public async Task Formats_JsonAndCsv_AreMachineReadable_OnStdout()
    {
        string definition = _files.File("d.json", Definitions.NumberAndText);
        string portfolio = _files.File("p.csv", "id,n,plan,csm\na,60,pro,ann\nb,1,basic,bob\nc,70,basic,ann\n");

        CliResult json = await Cli.RunAsync("score", "-p", portfolio, "-d", definition, "--owner-column", "csm", "--format", "json");
        CliResult csv = await Cli.RunAsync("score", "-p", portfolio, "-d", definition, "--owner-column", "csm", "--format", "csv");

        using JsonDocument document = JsonDocument.Parse(json.Out);
        Assert.Equal(3, document.RootElement.GetProperty("accounts").GetInt32());
        Assert.Equal(2, document.RootElement.GetProperty("owners").GetArrayLength());
        Assert.Equal("breakdown,key,accounts,average_score,at_risk,neutral,healthy", csv.Out.Split("\r\n")[0]);
        Assert.Equal("overall,all,3,53.333,1,1,1", csv.Out.Split("\r\n")[1]);
        Assert.Empty(json.Error);
        Assert.Empty(csv.Error);
    }

    private sealed class BrokenClock : IClock
    {
        public Instant GetCurrentInstant() => throw new InvalidOperationException("the clock broke");
    }
}
