using System;
using System.ComponentModel;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.Core.Cli.Portfolios;
using CustomerSuccess.Core.HealthScores;
using CustomerSuccess.Core.Access;
using CustomerSuccess.Core.Scores;
using CustomerSuccess.Core.Workspaces;
using NodaTime;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CustomerSuccess.Core.Cli.Commands;

/// <summary><c>cs-core demo</c>: the library end to end on the embedded defaults.</summary>
internal sealed class DemoCommand(IClock clock, WorkspaceService workspaces, HealthScoreCatalogService scores) : AsyncCommand<DemoCommand.Settings>
{
    public const string DataFileName = "telco-customer-churn.csv";

    internal sealed class Settings : CommandSettings
    {
        [CommandOption("--data <PATH>")]
        [Description("The Telco customer churn CSV. Default: ../shared/data/telco-customer-churn.csv searched upwards from the current directory; a generated portfolio of the same shape if absent.")]
        public string? Data { get; init; }
    }

    private static readonly AccountContext Account = new(PortalId.From(42), ServiceHubTier.Enterprise);
    private static readonly Actor Manager = Actor.Manager(UserId.From(1));
    private static readonly Actor Csm = Actor.Csm(UserId.From(2), TeamId.From(6));

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        AnsiConsole.Write(new Rule("[bold]CustomerSuccess.Core demo[/]").LeftJustified());
        AnsiConsole.MarkupLine("[grey]Account 42 on Service Hub Enterprise; in-memory stores; every refusal below is a Result with a stable code, and nothing changes.[/]");
        await ShowWorkspacesAsync(cancellationToken).ConfigureAwait(false);
        var version = await ShowLifecycleAsync(cancellationToken).ConfigureAwait(false);
        return version is null ? 1 : ScorePortfolio(settings, version);
    }

    private async Task ShowWorkspacesAsync(CancellationToken cancellationToken)
    {
        AnsiConsole.Write(new Rule("Workspaces and teams (rules 25-31)").LeftJustified());
        string[] names = ["EMEA", "APAC", "Americas", "Strategic", "SMB"];
        for (var i = 0; i < names.Length; i++)
        {
            var created = await workspaces.CreateTeamWorkspaceAsync(Manager, Account, names[i], null, [TeamId.From(i + 2)], cancellationToken: cancellationToken).ConfigureAwait(false);
            Report($"create team workspace '{names[i]}' for team {i + 2}", created.ToResult());
        }

        Report("create a sixth team workspace 'Partners'", (await workspaces.CreateTeamWorkspaceAsync(Manager, Account, "Partners", null, [TeamId.From(9)], cancellationToken: cancellationToken).ConfigureAwait(false)).ToResult());
        var directory = await workspaces.GetDirectoryAsync(Manager, Account, cancellationToken).ConfigureAwait(false);
        var apac = directory.Value.State.Workspaces.Values.First(w => w.Name == "APAC");
        Report("add team 2 (already in EMEA) to APAC", (await workspaces.AddTeamAsync(Manager, Account, apac.Id, TeamId.From(2), cancellationToken: cancellationToken).ConfigureAwait(false)).ToResult());
        Report("a CSM renames APAC", (await workspaces.RenameAsync(Csm, Account, apac.Id, "Asia-Pacific", cancellationToken: cancellationToken).ConfigureAwait(false)).ToResult());
        var seen = await workspaces.GetVisibleWorkspaceAsync(Csm, Account, cancellationToken).ConfigureAwait(false);
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"A CSM whose primary team is 6 sees the workspace [bold]{seen.Value.Name}[/] (rule 28).");
    }

    private async Task<ScoreVersion?> ShowLifecycleAsync(CancellationToken cancellationToken)
    {
        AnsiConsole.Write(new Rule("A health score's lifecycle (rules 72-83)").LeftJustified());
        var definition = Scoring.ReadDefinition(Scoring.ReadSample("telco-health-score.json"), "telco-health-score.json")!;
        var draft = await scores.CreateFromDefinitionAsync(Manager, Account, definition, cancellationToken: cancellationToken).ConfigureAwait(false);
        Report($"save '{definition.Name}' as a draft", draft.ToResult());
        Report("a CSM without Manage CS Settings creates a score", (await scores.CreateFromScratchAsync(Csm, Account, "Mine", cancellationToken: cancellationToken).ConfigureAwait(false)).ToResult());

        var empty = await scores.CreateFromScratchAsync(Manager, Account, "Half-built", cancellationToken: cancellationToken).ConfigureAwait(false);
        var refused = await scores.ActivateAsync(Manager, Account, empty.Value.Output.Id, cancellationToken: cancellationToken).ConfigureAwait(false);
        Report("turn on an empty draft", refused.ToResult());

        var activated = await scores.ActivateAsync(Manager, Account, draft.Value.Output.Id, cancellationToken: cancellationToken).ConfigureAwait(false);
        Report($"turn on '{definition.Name}'", activated.ToResult());
        if (activated.IsFailure)
        {
            return null;
        }

        var version = activated.Value.Output;
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Version [bold]{version.Number}[/] of score {version.ScoreId} is immutable; every score computed below names it.");
        return version;
    }

    private static void Report(string what, Result result)
    {
        if (result.IsSuccess)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[green]ok[/]      {what}");
        }
        else
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]refused[/] {what}: [bold]{result.Error.Code}[/] - {result.Error.Message}");
        }
    }

    private int ScorePortfolio(Settings settings, ScoreVersion version)
    {
        AnsiConsole.Write(new Rule("Scoring a real portfolio").LeftJustified());
        var definition = version.Definition;

        var schema = DefinitionSchema.For(definition);
        var path = settings.Data ?? FindData();
        CsvPortfolio portfolio;
        if (path is not null)
        {
            portfolio = CsvPortfolio.Load(path, schema, "customerID", null, "Churn");
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Read [bold]{portfolio.Count:N0}[/] customers from {path} ({portfolio.BlankCells:N0} blank cells read as missing values).");
        }
        else
        {
            portfolio = CsvPortfolio.Parse(GenerateTelcoLike(2_000), "generated portfolio", schema, "customerID", null, "Churn");
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[yellow]{DataFileName} not found; scoring a generated portfolio of {portfolio.Count:N0} customers of the same shape instead (pass --data PATH).[/]");
        }

        var now = clock.GetCurrentInstant();
        var compiled = Scoring.Compile(version, portfolio);
        if (compiled is null)
        {
            return 1;
        }

        var asOf = now.InUtc().Date;
        var scored = Scoring.Score(compiled, portfolio, asOf);
        Scoring.RenderStatistics(scored.Statistics, scored, portfolio);
        Scoring.RenderBacktest(scored, portfolio, "Yes");

        var index = Enumerable.Range(0, portfolio.Count).MinBy(i => scored.Scores[i]);
        AnsiConsole.MarkupLine("Why is the lowest-scored customer at risk? (\"test a record\")");
        ExplainCommand.Render(compiled.Explain(portfolio.Snapshot, null, asOf, index), portfolio.AccountIds[index]);
        return 0;
    }

    private static string? FindData()
    {
        var directory = new DirectoryInfo(Directory.GetCurrentDirectory());
        for (var depth = 0; directory is not null && depth < 6; depth++, directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "data", DataFileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>A deterministic portfolio with the Telco columns the demo definition reads (SplitMix64, seed 42).</summary>
    private static string GenerateTelcoLike(int count)
    {
        var state = 42UL;
        double Next()
        {
            state += 0x9E3779B97F4A7C15UL;
            var z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return ((z ^ (z >> 31)) >> 11) * (1.0 / (1UL << 53));
        }

        string Pick(params string[] values) => values[(int)(Next() * values.Length)];
        var text = new StringBuilder("customerID,tenure,Contract,TechSupport,OnlineSecurity,PaymentMethod,PaperlessBilling,TotalCharges,MonthlyCharges,InternetService,Churn\n");
        for (var i = 0; i < count; i++)
        {
            var tenure = (int)(Next() * 73);
            var monthly = Math.Round(18 + (Next() * 100), 2);
            var total = tenure == 0 ? string.Empty : (tenure * monthly).ToString("0.##", CultureInfo.InvariantCulture);
            var contract = Pick("Month-to-month", "Month-to-month", "One year", "Two year");
            var churnRisk = (contract == "Month-to-month" ? 0.35 : 0.08) + (tenure < 6 ? 0.2 : 0);
            text.Append(CultureInfo.InvariantCulture, $"{i:D4}-GEN,{tenure},{contract},{Pick("Yes", "No", "No internet service")},{Pick("Yes", "No")},")
                .Append(CultureInfo.InvariantCulture, $"\"{Pick("Electronic check", "Mailed check", "Bank transfer (automatic)", "Credit card (automatic)")}\",{Pick("Yes", "No")},{total},")
                .Append(CultureInfo.InvariantCulture, $"{monthly},{Pick("DSL", "Fiber optic", "No")},{(Next() < churnRisk ? "Yes" : "No")}\n");
        }

        return text.ToString();
    }
}
