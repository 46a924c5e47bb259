using System.ComponentModel;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CustomerSuccess.Core.Cli.Commands;

/// <summary><c>cs-core score</c>: score a CSV portfolio with a JSON definition.</summary>
internal sealed class ScoreCommand(IClock clock) : AsyncCommand<ScoreCommand.Settings>
{
    internal sealed class Settings : PortfolioSettings
    {
        [CommandOption("--label-column <NAME>")]
        [Description("Column with a known outcome (for example Churn) to backtest the statuses against.")]
        public string? LabelColumn { get; init; }

        [CommandOption("--positive <VALUE>")]
        [Description("Label value that counts as positive (for example Yes).")]
        [DefaultValue("Yes")]
        public string Positive { get; init; } = "Yes";

        [CommandOption("-o|--out <PATH>")]
        [Description("Write id,score,status,coverage per account to this CSV file.")]
        public string? Out { get; init; }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var prepared = Scoring.Prepare(settings, clock, settings.LabelColumn);
        if (prepared is null)
        {
            return Task.FromResult(1);
        }

        var (portfolio, compiled, asOf) = prepared;
        var scored = Scoring.Score(compiled, portfolio, asOf);
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Scored [bold]{portfolio.Count:N0}[/] accounts from {settings.Portfolio} as of {asOf:yyyy-MM-dd} ({portfolio.BlankCells:N0} blank cells read as missing).");
        Scoring.RenderStatistics(scored.Statistics, scored, portfolio);
        Scoring.RenderBacktest(scored, portfolio, settings.Positive);
        if (settings.Out is not null)
        {
            Scoring.WriteScores(settings.Out, scored, portfolio);
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Wrote {settings.Out}.");
        }

        return Task.FromResult(0);
    }
}
