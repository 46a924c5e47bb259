using System;
using System.ComponentModel;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.Core.Cli.Infrastructure;
using CustomerSuccess.Core.Cli.Input;
using CustomerSuccess.Core.Cli.Output;
using CustomerSuccess.Core.Cli.Scoring;
using CustomerSuccess.Core.HealthScores;
using CustomerSuccess.Core.HealthScores.Analysis;
using NodaTime;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CustomerSuccess.Core.Cli.Commands;

/// <summary><c>cs-core backtest</c>: score a portfolio whose outcome is known and measure how well the statuses and the
/// score separate churned from retained accounts (<see cref="ChurnBacktest"/>).</summary>
internal sealed class BacktestCommand(IClock clock, CliConsole console) : AsyncCommand<BacktestCommand.Settings>
{
    internal sealed class Settings : InputSettings
    {
        [CommandOption("--outcome <COLUMN>")]
        [Description("Column with the known outcome, for example Churn: yes/no, true/false or 1/0 (or see --positive); a blank cell leaves the account out.")]
        public string? Outcome { get; init; }

        [CommandOption("--positive <VALUE>")]
        [Description("The outcome value that means churned (any case); every other non-blank value means retained.")]
        public string? Positive { get; init; }

        public override ValidationResult Validate()
        {
            ValidationResult inputs = base.Validate();
            return !inputs.Successful ? inputs
                : string.IsNullOrWhiteSpace(Outcome) ? ValidationResult.Error("--outcome is required: the column with the known outcome (for example Churn).")
                : ValidationResult.Success();
        }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ScoringSession session = ScoringSession.Open(settings, new PortfolioColumns(settings.IdColumn, Outcome: settings.Outcome), clock, console, settings.Positive);
        Scored scored = session.ScoreAll(console);
        byte[] outcomes = scored.Portfolio.Outcomes!;
        int known = 0;
        foreach (byte outcome in outcomes)
        {
            known += outcome == Outcome.Unknown ? 0 : 1;
        }

        var scores = new byte[known];
        var statuses = new HealthStatus[known];
        var churned = new bool[known];
        for (int i = 0, k = 0; i < outcomes.Length; i++)
        {
            if (outcomes[i] != Outcome.Unknown)
            {
                scores[k] = scored.Scores[i];
                statuses[k] = scored.Statuses[i];
                churned[k++] = outcomes[i] == Outcome.Churned;
            }
        }

        ChurnBacktestResult result = ChurnBacktest.Evaluate(scores, statuses, churned);
        Render(console, settings.OutputFormat, result, settings.Outcome!);
        if (known < outcomes.Length)
        {
            console.Note(string.Create(CultureInfo.InvariantCulture, $"{outcomes.Length - known:N0} accounts with a blank '{settings.Outcome}' were left out."));
        }

        if (result.Churned == 0 || result.Churned == result.Accounts)
        {
            console.Warning($"every account has the same outcome in '{settings.Outcome}', so lift and AUC are undefined; is --positive right?");
        }

        return Task.FromResult(ExitCodes.Success);
    }

    internal static void Render(CliConsole console, OutputFormat format, ChurnBacktestResult result, string outcome)
    {
        switch (format)
        {
            case OutputFormat.Json:
                JsonOutput.Write(console.OutWriter, json =>
                {
                    json.WriteStartObject();
                    json.WriteString("outcome", outcome);
                    json.WriteNumber("accounts", result.Accounts);
                    json.WriteNumber("churned", result.Churned);
                    json.Number("baseRate", result.BaseRate);
                    json.WriteStartArray("bands");
                    foreach (BandOutcome band in result.Bands)
                    {
                        json.WriteStartObject();
                        json.WriteString("status", Labels.Name(band.Status));
                        json.WriteNumber("accounts", band.Accounts);
                        json.WriteNumber("churned", band.Churned);
                        json.Number("churnRate", band.ChurnRate);
                        json.Number("liftOverBase", result.LiftOverBase(band.Status));
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                    json.Number("atRiskOverHealthyLift", result.AtRiskOverHealthyLift);
                    json.Number("auc", result.Auc);
                    json.WriteEndObject();
                });
                break;
            case OutputFormat.Csv:
                var csv = new CsvOutput(console.OutWriter);
                csv.Row(["band", "accounts", "churned", "churn_rate", "lift_over_base", "at_risk_over_healthy_lift", "auc"]);
                foreach (BandOutcome band in result.Bands)
                {
                    csv.Row([Labels.Name(band.Status), Invariant(band.Accounts), Invariant(band.Churned), Number(band.ChurnRate), Number(result.LiftOverBase(band.Status)), string.Empty, string.Empty]);
                }

                csv.Row(["All", Invariant(result.Accounts), Invariant(result.Churned), Number(result.BaseRate), "1", Number(result.AtRiskOverHealthyLift), Number(result.Auc)]);
                break;
            default:
                console.Out.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Backtest against '{outcome}': {result.Accounts:N0} accounts, {result.Churned:N0} churned (base rate {Labels.Percent(result.BaseRate)}).");
                var table = new Table()
                    .AddColumns("status", "accounts", "churned", "churn rate", "lift over base");
                foreach (BandOutcome band in result.Bands)
                {
                    table.AddRow(Labels.Markup(band.Status), band.Accounts.ToString("N0", CultureInfo.InvariantCulture), band.Churned.ToString("N0", CultureInfo.InvariantCulture), Labels.Percent(band.ChurnRate), result.LiftOverBase(band.Status) is { } lift ? lift.ToString("F2", CultureInfo.InvariantCulture) + "x" : "-");
                }

                console.Out.Write(table);
                console.Out.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"At risk churned [bold]{(result.AtRiskOverHealthyLift is { } l ? l.ToString("F2", CultureInfo.InvariantCulture) + "x" : "-")}[/] as often as Healthy; ROC AUC of the score against churn [bold]{(result.Auc is { } auc ? auc.ToString("F3", CultureInfo.InvariantCulture) : "-")}[/] (0.5 = chance, 1 = every churned account scored below every retained one).");
                break;
        }
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(double? value) => value is { } v ? v.ToString("0.######", CultureInfo.InvariantCulture) : string.Empty;
}
