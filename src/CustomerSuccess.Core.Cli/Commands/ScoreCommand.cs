using System.ComponentModel;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.Core.Cli.Portfolios;
using CustomerSuccess.Core.HealthScores;
using CustomerSuccess.Core.HealthScores.Validation;
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
        var definition = Scoring.ReadDefinition(File.ReadAllText(settings.Definition), settings.Definition);
        var asOf = Scoring.ParseAsOf(settings.AsOf, clock);
        if (definition is null || asOf is null || !Scoring.ReportProblems(HealthScoreValidator.Validate(definition, ValidationMode.Activation)))
        {
            return Task.FromResult(1);
        }

        var portfolio = CsvPortfolio.Load(settings.Portfolio, DefinitionSchema.For(definition), settings.IdColumn, settings.OwnerColumn, settings.LabelColumn);
        var version = new ScoreVersion(HealthScoreId.From(1), 1, clock.GetCurrentInstant(), definition);
        var compiled = Scoring.Compile(version, portfolio);
        if (compiled is null)
        {
            return Task.FromResult(1);
        }

        var scored = Scoring.Score(compiled, portfolio, asOf.Value);
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Scored [bold]{portfolio.Count:N0}[/] accounts from {settings.Portfolio} as of {asOf.Value:yyyy-MM-dd} ({portfolio.BlankCells:N0} blank cells read as missing).");
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
