using System;
using System.ComponentModel;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.Core.HealthScores.Explanations;
using NodaTime;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CustomerSuccess.Core.Cli.Commands;

/// <summary><c>cs-core explain</c>: explain one account's score.</summary>
internal sealed class ExplainCommand(IClock clock) : AsyncCommand<ExplainCommand.Settings>
{
    internal sealed class Settings : PortfolioSettings
    {
        [CommandOption("-a|--account <ID>")]
        [Description("The id of the account to explain.")]
        public string Account { get; init; } = string.Empty;
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var prepared = Scoring.Prepare(settings, clock, labelColumn: null);
        if (prepared is null)
        {
            return Task.FromResult(1);
        }

        var (portfolio, compiled, asOf) = prepared;
        var index = Array.IndexOf(portfolio.AccountIds, settings.Account);
        if (index < 0)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]No account '{settings.Account}' in column '{settings.IdColumn}' of {settings.Portfolio}.[/]");
            return Task.FromResult(1);
        }

        Render(compiled.Explain(portfolio.Snapshot, null, asOf, index), settings.Account);
        return Task.FromResult(0);
    }

    public static void Render(HealthScoreExplanation explanation, string accountId)
    {
        var root = new Tree($"Account [bold]{Markup.Escape(accountId)}[/]: score [bold]{explanation.Score}[/] {Scoring.Label(explanation.Status)} " +
            $"(coverage {explanation.Coverage.ToString("P0", CultureInfo.InvariantCulture)}, score {explanation.ScoreId} v{explanation.VersionNumber}, as of {explanation.AsOf:yyyy-MM-dd})");
        foreach (var group in explanation.Groups)
        {
            var capped = group.RawPoints != group.Points ? $" [grey](raw {group.RawPoints}, capped to 0..{group.Group.MaxPoints})[/]" : string.Empty;
            var node = root.AddNode($"[bold]{Markup.Escape(group.Group.Name)}[/]: {group.Points}/{group.Group.MaxPoints}{capped}");
            foreach (var criterion in group.Criteria)
            {
                var mark = criterion.Matched ? "[green]✔[/]" : criterion.InputsPresent ? "[grey]✘[/]" : "[yellow]?[/]";
                var inputs = string.Join("; ", criterion.Conditions.Select(c => $"{c.Condition.Property} = {Format(c.Value)}"));
                var count = criterion.EventCount is { } n ? $" [grey](count {n})[/]" : string.Empty;
                node.AddNode($"{mark} {Markup.Escape(criterion.Criterion.Name)} [grey]({criterion.Criterion.Points:+#;-#;0})[/] → {criterion.AwardedPoints}{count} [grey]{Markup.Escape(inputs)}[/]");
            }
        }

        AnsiConsole.Write(root);
    }

    private static string Format(object? value) => value switch
    {
        null => "(missing)",
        double d => d.ToString("0.###", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
