using System;
using System.ComponentModel;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.Core.Cli.Infrastructure;
using CustomerSuccess.Core.Cli.Output;
using CustomerSuccess.Core.Cli.Scoring;
using CustomerSuccess.Core.HealthScores.Explanations;
using NodaTime;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CustomerSuccess.Core.Cli.Commands;

/// <summary><c>cs-core explain</c>: explain one account's score, reading the portfolio only up to that account.</summary>
internal sealed class ExplainCommand(IClock clock, CliConsole console) : AsyncCommand<ExplainCommand.Settings>
{
    internal sealed class Settings : InputSettings
    {
        [CommandOption("-a|--account <ID>")]
        [Description("The id of the account to explain (compared exactly).")]
        public string? Account { get; init; }

        public override ValidationResult Validate()
        {
            ValidationResult inputs = base.Validate();
            return !inputs.Successful ? inputs
                : string.IsNullOrEmpty(Account) ? ValidationResult.Error("--account is required: the id of the account to explain.")
                : ValidationResult.Success();
        }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ScoringSession session = ScoringSession.Open(settings, new PortfolioColumns(settings.IdColumn), clock, console);
        var read = session.ReadOne(console, settings.Account!)
            ?? throw CliException.Input($"no account '{settings.Account}' in column '{settings.IdColumn}' of {settings.Portfolio}.");
        HealthScoreExplanation explanation = session.Score.Explain(read.Portfolio.Snapshot, read.Counts, session.AsOf.Date, 0);
        Render(console, settings.OutputFormat, explanation, settings.Account!);
        return Task.FromResult(ExitCodes.Success);
    }

    internal static void Render(CliConsole console, OutputFormat format, HealthScoreExplanation explanation, string accountId)
    {
        switch (format)
        {
            case OutputFormat.Json:
                JsonOutput.Write(console.OutWriter, json =>
                {
                    json.WriteStartObject();
                    json.WriteString("account", accountId);
                    json.WriteNumber("score", explanation.Score);
                    json.WriteString("status", Labels.Name(explanation.Status));
                    json.Number("coverage", explanation.Coverage);
                    json.WriteString("asOf", explanation.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    json.WriteStartArray("groups");
                    foreach (GroupExplanation group in explanation.Groups)
                    {
                        json.WriteStartObject();
                        json.WriteString("name", group.Group.Name);
                        json.WriteNumber("maxPoints", group.Group.MaxPoints);
                        json.WriteNumber("rawPoints", group.RawPoints);
                        json.WriteNumber("points", group.Points);
                        json.WriteStartArray("criteria");
                        foreach (CriterionExplanation criterion in group.Criteria)
                        {
                            json.WriteStartObject();
                            json.WriteString("name", criterion.Criterion.Name);
                            json.WriteNumber("points", criterion.Criterion.Points);
                            json.WriteBoolean("matched", criterion.Matched);
                            json.WriteNumber("awarded", criterion.AwardedPoints);
                            json.WriteBoolean("inputsPresent", criterion.InputsPresent);
                            if (criterion.EventCount is { } count)
                            {
                                json.WriteNumber("eventCount", count);
                            }

                            json.WriteStartArray("inputs");
                            foreach (ConditionExplanation condition in criterion.Conditions)
                            {
                                json.WriteStartObject();
                                json.WriteString("property", condition.Condition.Property);
                                json.WriteString("value", Format(condition.Value));
                                json.WriteBoolean("matched", condition.Matched);
                                json.WriteEndObject();
                            }

                            json.WriteEndArray();
                            json.WriteEndObject();
                        }

                        json.WriteEndArray();
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                    json.WriteEndObject();
                });
                break;
            case OutputFormat.Csv:
                var csv = new CsvOutput(console.OutWriter);
                csv.Row(["group", "criterion", "points", "matched", "awarded", "inputs_present", "inputs"]);
                foreach (GroupExplanation group in explanation.Groups)
                {
                    foreach (CriterionExplanation criterion in group.Criteria)
                    {
                        csv.Cell(group.Group.Name);
                        csv.Cell(criterion.Criterion.Name);
                        csv.Plain(criterion.Criterion.Points.ToString(CultureInfo.InvariantCulture));
                        csv.Plain(criterion.Matched ? "true" : "false");
                        csv.Plain(criterion.AwardedPoints.ToString(CultureInfo.InvariantCulture));
                        csv.Plain(criterion.InputsPresent ? "true" : "false");
                        csv.Cell(Inputs(criterion));
                        csv.EndRow();
                    }
                }

                break;
            default:
                var root = new Tree($"Account [bold]{Markup.Escape(accountId)}[/]: score [bold]{explanation.Score}[/] {Labels.Markup(explanation.Status)} " +
                    $"(coverage {explanation.Coverage.ToString("P0", CultureInfo.InvariantCulture)}, score {explanation.ScoreId} v{explanation.VersionNumber}, as of {explanation.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})");
                foreach (GroupExplanation group in explanation.Groups)
                {
                    string capped = group.RawPoints != group.Points ? $" [grey](raw {group.RawPoints}, capped to 0..{group.Group.MaxPoints})[/]" : string.Empty;
                    TreeNode node = root.AddNode($"[bold]{Markup.Escape(group.Group.Name)}[/]: {group.Points}/{group.Group.MaxPoints}{capped}");
                    foreach (CriterionExplanation criterion in group.Criteria)
                    {
                        string mark = criterion.Matched ? "[green]✔[/]" : criterion.InputsPresent ? "[grey]✘[/]" : "[yellow]?[/]";
                        string count = criterion.EventCount is { } n ? $" [grey](count {n})[/]" : string.Empty;
                        string inputs = Inputs(criterion);
                        string shown = inputs.Length == 0 ? string.Empty : $" [grey]{Markup.Escape(inputs)}[/]";
                        node.AddNode($"{mark} {Markup.Escape(criterion.Criterion.Name)} [grey]({criterion.Criterion.Points.ToString("+#;-#;0", CultureInfo.InvariantCulture)})[/] → {criterion.AwardedPoints}{count}{shown}");
                    }
                }

                console.Out.Write(root);
                break;
        }
    }

    /// <summary>The criterion's inputs, each property once (two conditions may read the same property).</summary>
    private static string Inputs(CriterionExplanation criterion) =>
        string.Join("; ", criterion.Conditions.Select(c => $"{c.Condition.Property} = {Format(c.Value)}").Distinct(StringComparer.Ordinal));

    private static string Format(object? value) => value switch
    {
        null => "(missing)",
        double d => d.ToString("0.###", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
