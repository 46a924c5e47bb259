using System;
using System.ComponentModel;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.Core.Access;
using CustomerSuccess.Core.Cli.Infrastructure;
using CustomerSuccess.Core.Cli.Input;
using CustomerSuccess.Core.Cli.Scoring;
using CustomerSuccess.Core.HealthScores;
using CustomerSuccess.Core.HealthScores.Analysis;
using CustomerSuccess.Core.HealthScores.Engine;
using CustomerSuccess.Core.HealthScores.Statistics;
using CustomerSuccess.Core.Records;
using CustomerSuccess.Core.Scores;
using CustomerSuccess.Core.Views;
using CustomerSuccess.Core.Stores.EntityFrameworkCore;
using CustomerSuccess.Core.Workspaces;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CustomerSuccess.Core.Cli.Commands;

/// <summary><c>cs-core demo</c>: the library end to end, on the embedded SQLite store by default (so a second run sees what
/// the first one saved) or on the in-memory stores.</summary>
internal sealed class DemoCommand(IClock clock, CliConsole console) : AsyncCommand<DemoCommand.Settings>
{
    public const string DataFileName = "telco-customer-churn.csv";

    /// <summary>The demo database's file name in the tool's folder of the user's local application data.</summary>
    public const string DefaultStoreFileName = "demo.db";

    internal sealed class Settings : CliSettings
    {
        [CommandOption("--data <PATH>")]
        [Description("The Telco customer churn CSV. Default: data/telco-customer-churn.csv in a 'shared' folder of the current directory or one of its parents; a generated portfolio of the same shape if there is none.")]
        public string? Data { get; init; }

        [CommandOption("--store <PATH>")]
        [Description("The SQLite database the demo keeps its workspaces, views and scores in (created, or upgraded, when needed); a second run sees what the first one saved. Default: cs-core/demo.db in the user's local application data folder.")]
        public string? Store { get; init; }

        [CommandOption("--in-memory")]
        [Description("Keep everything in memory for this run only (nothing is written).")]
        public bool InMemory { get; init; }

        public override ValidationResult Validate() =>
            InMemory && Store is not null
                ? ValidationResult.Error("--store and --in-memory contradict each other; pass one of them.")
                : ValidationResult.Success();
    }

    private static readonly AccountContext Account = new(PortalId.From(42), ServiceHubTier.Enterprise);
    private static readonly Actor Manager = Actor.Manager(UserId.From(1));
    private static readonly Actor Csm = Actor.Csm(UserId.From(2), TeamId.From(6));
    private static readonly Actor TeamLead = Actor.Manager(UserId.From(3), TeamId.From(6));

    private WorkspaceService _workspaces = null!;
    private ViewService _views = null!;
    private HealthScoreCatalogService _scores = null!;

    /// <summary>The demo database's default path: cs-core/demo.db in the user's local application data folder (the
    /// temporary folder when the platform names none).</summary>
    public static string DefaultStorePath()
    {
        string root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        return Path.Combine(string.IsNullOrEmpty(root) ? Path.GetTempPath() : root, "cs-core", DefaultStoreFileName);
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Data is not null)
        {
            // Checked before the walk-through, which reads the file only at its end.
            InputFiles.CheckReadable(settings.Data, "--data");
        }

        // The demo is an application of the library with its own container: the EF Core store on SQLite for every
        // port it has (the in-memory stores fill in the rest), or the in-memory stores alone.
        var services = new ServiceCollection();
        services.AddSingleton(clock);
        var builder = services.AddCustomerSuccess();
        string? storePath = settings.InMemory ? null : Path.GetFullPath(settings.Store ?? DefaultStorePath());
        if (storePath is not null)
        {
            EntityFrameworkCoreStores stores;
            try
            {
                stores = await EntityFrameworkCoreStores.OpenSqliteAsync(storePath, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or SqliteException)
            {
                throw new CliException($"--store: cannot open the SQLite database '{storePath}': {ex.Message} (pass another --store PATH, or --in-memory).");
            }

            builder.AddEntityFrameworkCoreStores(stores);
        }

        builder.AddInMemoryStores();
        await using var provider = services.BuildServiceProvider();
        _workspaces = provider.GetRequiredService<WorkspaceService>();
        _views = provider.GetRequiredService<ViewService>();
        _scores = provider.GetRequiredService<HealthScoreCatalogService>();

        console.Heading("CustomerSuccess.Core demo");
        console.Out.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[grey]Account 42 on Service Hub Enterprise; {(storePath is null ? "in-memory stores (nothing is kept)" : $"the SQLite store {storePath} (run the demo again to see what this run saved; --in-memory keeps nothing)")}. Every refusal below is a Result with a stable code, and nothing changes.[/]");
        WorkspaceId csmWorkspace = await ShowWorkspacesAsync(cancellationToken).ConfigureAwait(false);
        await ShowViewsAsync(csmWorkspace, cancellationToken).ConfigureAwait(false);
        ScoreVersion? version = await ShowLifecycleAsync(cancellationToken).ConfigureAwait(false);
        return version is null ? ExitCodes.InvalidInput : ScorePortfolio(settings, version);
    }

    private async Task<WorkspaceId> ShowWorkspacesAsync(CancellationToken cancellationToken)
    {
        console.Heading("Workspaces and teams (rules 25-31)");
        var before = await _workspaces.GetDirectoryAsync(Manager, Account, cancellationToken).ConfigureAwait(false);
        if (before.IsSuccess && before.Value.State.TeamWorkspaceCount > 0)
        {
            string saved = string.Join(", ", before.Value.State.TeamWorkspaces.Select(w => $"'{w.Name}'"));
            console.Out.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"The store already holds {before.Value.State.TeamWorkspaceCount} team workspaces from an earlier run: {saved}. Creating them again is refused:");
        }

        string[] names = ["EMEA", "APAC", "Americas", "Strategic", "SMB"];
        for (int i = 0; i < names.Length; i++)
        {
            var created = await _workspaces.CreateTeamWorkspaceAsync(Manager, Account, names[i], null, [TeamId.From(i + 2)], cancellationToken: cancellationToken).ConfigureAwait(false);
            Report($"create team workspace '{names[i]}' for team {i + 2}", created.ToResult());
        }

        Report("create a sixth team workspace 'Partners'", (await _workspaces.CreateTeamWorkspaceAsync(Manager, Account, "Partners", null, [TeamId.From(9)], cancellationToken: cancellationToken).ConfigureAwait(false)).ToResult());
        var directory = await _workspaces.GetDirectoryAsync(Manager, Account, cancellationToken).ConfigureAwait(false);
        var apac = directory.Value.State.Workspaces.Values.First(w => w.Name == "APAC");
        Report("add team 2 (already in EMEA) to APAC", (await _workspaces.AddTeamAsync(Manager, Account, apac.Id, TeamId.From(2), cancellationToken: cancellationToken).ConfigureAwait(false)).ToResult());
        Report("a CSM renames APAC", (await _workspaces.RenameAsync(Csm, Account, apac.Id, "Asia-Pacific", cancellationToken: cancellationToken).ConfigureAwait(false)).ToResult());
        var seen = await _workspaces.GetVisibleWorkspaceAsync(Csm, Account, cancellationToken).ConfigureAwait(false);
        console.Out.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"A CSM whose primary team is 6 sees the workspace [bold]{seen.Value.Name}[/] (rule 28).");
        return seen.Value.Id;
    }

    private async Task ShowViewsAsync(WorkspaceId workspace, CancellationToken cancellationToken)
    {
        console.Heading("Saved views on the Customers tab of the CSM's workspace (rules 42-57)");
        var tab = ViewCatalogKey.Create(Account.PortalId, workspace, ViewTab.Customers);
        var target = RecordFilterTarget.MembersOnly;
        string[] columns = [RecordFilterTarget.CsmOwner, RecordFilterTarget.LastActivityAt];
        // A store kept from an earlier run already holds the views: they are used again instead of being saved twice.
        var before = await _views.GetViewsAsync(Csm, Account, tab, cancellationToken).ConfigureAwait(false);
        View? Kept(string name) => before.IsSuccess ? before.Value.State.Views.FirstOrDefault(v => v.Name == name) : null;
        async Task<ViewId?> SaveAsync(Actor actor, string name, ViewSharing sharing, string step)
        {
            if (Kept(name) is { } kept)
            {
                console.Out.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"'{name}' is kept from an earlier run.");
                return kept.Id;
            }

            var created = await _views.CreateViewAsync(actor, Account, tab, ViewDefinition.Create(name, sharing, columns), target, cancellationToken: cancellationToken).ConfigureAwait(false);
            Report(step, created.ToResult());
            return created.IsSuccess ? created.Value.Output.Id : null;
        }

        await SaveAsync(Csm, "My book", ViewSharing.Private, "a CSM saves a private view 'My book'").ConfigureAwait(false);
        await SaveAsync(Csm, "Team book", ViewSharing.Everyone, "a CSM shares a view with Everyone").ConfigureAwait(false);
        var shared = await SaveAsync(TeamLead, "Renewals this quarter", ViewSharing.Everyone, "the team's manager shares 'Renewals this quarter' with Everyone").ConfigureAwait(false);
        if (shared is { } sharedId && !(before.IsSuccess && before.Value.State.DefaultViews.Any(v => v.Id == sharedId)))
        {
            Report("the manager makes it a default view", (await _views.SetDefaultViewAsync(TeamLead, Account, tab, sharedId, "What to work on first", cancellationToken: cancellationToken).ConfigureAwait(false)).ToResult());
        }

        var visible = await _views.GetViewsAsync(Csm, Account, tab, cancellationToken).ConfigureAwait(false);
        if (visible.IsSuccess)
        {
            string Names(System.Collections.Generic.IEnumerable<View> list) => string.Join(", ", list.Select(v => $"'{v.Name}'"));
            console.Out.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"The CSM sees {visible.Value.State.Views.Count} views: {Names(visible.Value.State.Views)}; defaults: {Names(visible.Value.State.DefaultViews)}.");
        }
    }

    private const string HalfBuilt = "Half-built";

    private async Task<ScoreVersion?> ShowLifecycleAsync(CancellationToken cancellationToken)
    {
        console.Heading("A health score's lifecycle (rules 72-83)");
        HealthScoreDefinition definition = InputFiles.ParseDefinition(Encoding.UTF8.GetBytes(TemplateCommand.ReadSample(TemplateCommand.TelcoSample)), TemplateCommand.TelcoSample);
        Report("a CSM without Manage CS Settings creates a score", (await _scores.CreateFromScratchAsync(Csm, Account, "Mine", cancellationToken: cancellationToken).ConfigureAwait(false)).ToResult());

        // A store kept from an earlier run already holds the two scores: they are used again, so that the demo can run
        // any number of times without reaching rule 72's limits.
        var catalog = await _scores.GetCatalogAsync(Manager, Account, cancellationToken).ConfigureAwait(false);
        HealthScoreEntry? Saved(string name) => catalog.IsSuccess ? catalog.Value.State.Scores.FirstOrDefault(e => e.Name == name) : null;

        HealthScoreId emptyId;
        if (Saved(HalfBuilt) is { IsDraft: true } savedEmpty)
        {
            emptyId = savedEmpty.Id;
        }
        else
        {
            var empty = await _scores.CreateFromScratchAsync(Manager, Account, HalfBuilt, cancellationToken: cancellationToken).ConfigureAwait(false);
            Report("save an empty draft", empty.ToResult());
            if (empty.IsFailure)
            {
                return null;
            }

            emptyId = empty.Value.Output.Id;
        }

        Report("turn on an empty draft", (await _scores.ActivateAsync(Manager, Account, emptyId, cancellationToken: cancellationToken).ConfigureAwait(false)).ToResult());

        ScoreVersion version;
        if (Saved(definition.Name) is { ActiveVersion: { } active })
        {
            console.Out.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"'{definition.Name}' is already on from an earlier run.");
            version = active;
        }
        else
        {
            var draft = await _scores.CreateFromDefinitionAsync(Manager, Account, definition, cancellationToken: cancellationToken).ConfigureAwait(false);
            Report($"save '{definition.Name}' as a draft", draft.ToResult());
            var activated = draft.IsSuccess
                ? await _scores.ActivateAsync(Manager, Account, draft.Value.Output.Id, cancellationToken: cancellationToken).ConfigureAwait(false)
                : null;
            if (activated is null)
            {
                return null;
            }

            Report($"turn on '{definition.Name}'", activated.ToResult());
            if (activated.IsFailure)
            {
                return null;
            }

            version = activated.Value.Output;
        }

        console.Out.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Version [bold]{version.Number}[/] of score {version.ScoreId} is immutable; every score computed below names it.");
        return version;
    }

    private void Report(string what, Result result)
    {
        if (result.IsSuccess)
        {
            console.Out.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[green]ok[/]      {what}");
        }
        else
        {
            console.Out.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]refused[/] {what}: [bold]{result.Error.Code}[/] - {result.Error.Message}");
        }
    }

    private int ScorePortfolio(Settings settings, ScoreVersion version)
    {
        console.Heading("Scoring a real portfolio, explaining a score, backtesting against churn");
        var plan = ScoringPlan.Create(version.Definition);
        var options = new PortfolioReadOptions(new PortfolioColumns("customerID", Outcome: "Churn"));
        string? path = settings.Data ?? FindData();
        Portfolio portfolio;
        if (path is not null)
        {
            portfolio = Step($"Reading {path}", () => PortfolioReader.Read(path, plan.RecordSchema, options));
        }
        else
        {
            portfolio = Step("Generating a portfolio", () => PortfolioReader.Read("generated portfolio", plan.RecordSchema, options, text: GenerateTelcoLike(2_000)));
            console.Out.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[yellow]{DataFileName} not found; scoring a generated portfolio of {portfolio.Count:N0} customers of the same shape instead (pass --data PATH).[/]");
        }

        var compiled = HealthScoreCompiler.Compile(version, plan.RecordSchema);
        if (compiled.IsFailure)
        {
            foreach (ValidationProblem problem in compiled.Problems)
            {
                console.Problem(problem.ToString());
            }

            return ExitCodes.InvalidInput;
        }

        AsOfPoint asOf = AsOfPoint.At(clock.GetCurrentInstant());
        int n = portfolio.Count;
        var scoresOut = new byte[n];
        var statuses = new HealthStatus[n];
        var coverage = new double[n];
        PortfolioStatistics statistics = Step("Scoring", () => compiled.Value.EvaluateRange(portfolio.Snapshot, null, asOf.Date, 0, scoresOut, statuses, coverage));
        var scored = new Scored(portfolio, scoresOut, statuses, coverage, statistics, null, null, asOf);
        ScoreCommand.Render(console, OutputFormat.Table, scored);

        byte[] outcomes = portfolio.Outcomes!;
        bool[] churned = [.. outcomes.Select(o => o == Outcome.Churned)];
        BacktestCommand.Render(console, OutputFormat.Table, ChurnBacktest.Evaluate(scoresOut, statuses, churned), "Churn");

        int lowest = Enumerable.Range(0, n).MinBy(i => scoresOut[i]);
        console.Out.MarkupLine("Why is the lowest-scored customer at risk? (\"test a record\")");
        ExplainCommand.Render(console, OutputFormat.Table, compiled.Value.Explain(portfolio.Snapshot, null, asOf.Date, lowest), portfolio.Ids[lowest]);
        return ExitCodes.Success;
    }

    /// <summary>Runs one step with a spinner on a terminal (so a step that takes more than a moment shows progress).</summary>
    private T Step<T>(string label, Func<T> work) =>
        console.OutIsTerminal ? console.Out.Status().Start(Markup.Escape(label) + "…", _ => work()) : work();

    private static string? FindData()
    {
        var directory = new DirectoryInfo(Directory.GetCurrentDirectory());
        for (int depth = 0; directory is not null && depth < 6; depth++, directory = directory.Parent)
        {
            string candidate = Path.Combine(directory.FullName, "shared", "data", DataFileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>A deterministic portfolio with the Telco columns the demo definition reads (SplitMix64, seed 42).</summary>
    internal static string GenerateTelcoLike(int count)
    {
        ulong state = 42UL;
        double Next()
        {
            state += 0x9E3779B97F4A7C15UL;
            ulong z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return ((z ^ (z >> 31)) >> 11) * (1.0 / (1UL << 53));
        }

        string Pick(params string[] values) => values[(int)(Next() * values.Length)];
        var text = new StringBuilder("customerID,tenure,Contract,TechSupport,OnlineSecurity,PaymentMethod,PaperlessBilling,TotalCharges,MonthlyCharges,InternetService,Churn\n");
        for (int i = 0; i < count; i++)
        {
            int tenure = (int)(Next() * 73);
            double monthly = Math.Round(18 + (Next() * 100), 2);
            string total = tenure == 0 ? string.Empty : (tenure * monthly).ToString("0.##", CultureInfo.InvariantCulture);
            string contract = Pick("Month-to-month", "Month-to-month", "One year", "Two year");
            double churnRisk = (contract == "Month-to-month" ? 0.35 : 0.08) + (tenure < 6 ? 0.2 : 0);
            text.Append(CultureInfo.InvariantCulture, $"{i:D4}-GEN,{tenure},{contract},{Pick("Yes", "No", "No internet service")},{Pick("Yes", "No")},")
                .Append(CultureInfo.InvariantCulture, $"\"{Pick("Electronic check", "Mailed check", "Bank transfer (automatic)", "Credit card (automatic)")}\",{Pick("Yes", "No")},{total},")
                .Append(CultureInfo.InvariantCulture, $"{monthly},{Pick("DSL", "Fiber optic", "No")},{(Next() < churnRisk ? "Yes" : "No")}\n");
        }

        return text.ToString();
    }
}
