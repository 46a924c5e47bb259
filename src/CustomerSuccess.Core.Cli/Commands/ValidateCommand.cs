using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.Core.Cli.Infrastructure;
using CustomerSuccess.Core.Cli.Input;
using CustomerSuccess.Core.Cli.Output;
using CustomerSuccess.Core.Cli.Scoring;
using CustomerSuccess.Core.HealthScores;
using CustomerSuccess.Core.HealthScores.Validation;
using NodaTime;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CustomerSuccess.Core.Cli.Commands;

/// <summary><c>cs-core validate</c>: every problem of a definition; with <c>--portfolio</c> (and <c>--events</c>) also
/// everything that scoring those files would reject, found by the same checks and the same reader that <c>score</c> runs.</summary>
internal sealed class ValidateCommand(IClock clock, CliConsole console) : AsyncCommand<ValidateCommand.Settings>
{
    internal sealed class Settings : InputSettings
    {
        [CommandOption("--draft")]
        [Description("Validate as a draft (contradictions only) instead of for activation. Cannot be combined with --portfolio.")]
        public bool Draft { get; init; }

        [CommandOption("--owner-column <NAME>")]
        [Description("With --portfolio: the owner column score will read.")]
        public string? OwnerColumn { get; init; }

        [CommandOption("--outcome <COLUMN>")]
        [Description("With --portfolio: the outcome column backtest will read.")]
        public string? Outcome { get; init; }

        [CommandOption("--positive <VALUE>")]
        [Description("With --outcome: the outcome value that means churned.")]
        public string? Positive { get; init; }

        public override ValidationResult Validate()
        {
            ValidationResult inputs = base.Validate();
            if (!inputs.Successful)
            {
                return inputs;
            }

            if (Draft && Portfolio is not null)
            {
                return ValidationResult.Error("--draft checks a definition alone; drop it to check a definition against --portfolio.");
            }

            if (Positive is not null && Outcome is null)
            {
                return ValidationResult.Error("--positive needs --outcome (it names the outcome value that means churned).");
            }

            if (Portfolio is null && (Delimiter is not null || AsOf is not null || IdColumn != "id" || Duplicates != "error"))
            {
                return ValidationResult.Error("--id-column, --delimiter, --duplicates and --as-of describe the portfolio; pass --portfolio too, or drop them.");
            }

            return Portfolio is null && (Events is not null || OwnerColumn is not null || Outcome is not null)
                ? ValidationResult.Error("--events, --owner-column and --outcome need --portfolio.")
                : ValidationResult.Success();
        }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        HealthScoreDefinition definition = InputFiles.ReadDefinition(settings.RequireDefinition());
        List<Problem> problems;
        if (settings.Draft)
        {
            problems = [.. HealthScoreValidator.Validate(definition, ValidationMode.Draft).Problems.Select(Problem.From)];
        }
        else
        {
            var plan = ScoringPlan.Create(definition);
            var columns = new PortfolioColumns(settings.IdColumn, settings.OwnerColumn, settings.Outcome);
            problems = ScoringSession.Check(plan, settings, columns, clock, out _, out _);
            if (settings.Portfolio is { } portfolio && !problems.Any(p => !p.IsWarning))
            {
                problems.AddRange(ReadRows(plan, settings, columns, portfolio));
            }
        }

        bool valid = !problems.Any(p => !p.IsWarning);
        string mode = settings.Draft ? "a draft" : settings.Portfolio is null ? "activation" : $"scoring {settings.Portfolio}";
        Render(console, settings.OutputFormat, problems, valid ? $"'{definition.Name}' is valid for {mode}." : $"'{definition.Name}' has {problems.Count(p => !p.IsWarning)} problem(s) for {mode}.", valid);
        return Task.FromResult(valid ? ExitCodes.Success : ExitCodes.InvalidInput);
    }

    /// <summary>Reads every row as score would (the same reader), so a bad cell or a repeated id is reported here too.</summary>
    private static IEnumerable<Problem> ReadRows(ScoringPlan plan, Settings settings, PortfolioColumns columns, string portfolio)
    {
        Portfolio read;
        try
        {
            read = PortfolioReader.Read(portfolio, plan.RecordSchema, new PortfolioReadOptions(columns, settings.DelimiterChar, settings.DuplicatePolicy, settings.Positive));
        }
        catch (CliException ex)
        {
            return [new Problem(portfolio, "cli.portfolio_invalid", ex.Message)];
        }

        if (settings.Events is { } events && plan.HasEventCriteria)
        {
            try
            {
                _ = EventsReader.Read(events, plan.EventSchema, settings.DelimiterChar, read.Ids);
            }
            catch (CliException ex)
            {
                return [new Problem(events, "cli.events_invalid", ex.Message)];
            }
        }

        return [];
    }

    private static void Render(CliConsole console, OutputFormat format, List<Problem> problems, string summary, bool valid)
    {
        switch (format)
        {
            case OutputFormat.Json:
                JsonOutput.Write(console.OutWriter, json =>
                {
                    json.WriteStartObject();
                    json.WriteBoolean("valid", valid);
                    json.WriteStartArray("problems");
                    foreach (Problem problem in problems)
                    {
                        json.WriteStartObject();
                        json.WriteString("severity", problem.IsWarning ? "warning" : "error");
                        json.WriteString("where", problem.Where);
                        json.WriteString("code", problem.Code);
                        json.WriteString("message", problem.Message);
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                    json.WriteEndObject();
                });
                break;
            case OutputFormat.Csv:
                var csv = new CsvOutput(console.OutWriter);
                csv.Row(["severity", "where", "code", "message"]);
                foreach (Problem problem in problems)
                {
                    csv.Row([problem.IsWarning ? "warning" : "error", problem.Where, problem.Code, problem.Message]);
                }

                break;
            default:
                foreach (Problem problem in problems)
                {
                    string colour = problem.IsWarning ? "yellow" : "red";
                    console.Out.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[{colour}]{(problem.IsWarning ? "warning" : "error")}[/] {problem.Where}: {problem.Message} [grey]({problem.Code})[/]");
                }

                console.Out.MarkupLine(valid ? $"[green]{Markup.Escape(summary)}[/]" : $"[red]{Markup.Escape(summary)}[/]");
                break;
        }
    }
}
