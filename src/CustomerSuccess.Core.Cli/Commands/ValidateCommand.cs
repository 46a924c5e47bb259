using System.ComponentModel;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.Core.HealthScores.Validation;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CustomerSuccess.Core.Cli.Commands;

/// <summary><c>cs-core validate</c>: validate a definition for activation.</summary>
internal sealed class ValidateCommand : AsyncCommand<ValidateCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandOption("-d|--definition <PATH>")]
        [Description("Health-score definition (JSON).")]
        public string Definition { get; init; } = string.Empty;

        [CommandOption("--draft")]
        [Description("Validate as a draft (structure only) instead of for activation.")]
        public bool Draft { get; init; }

        public override ValidationResult Validate() =>
            File.Exists(Definition) ? ValidationResult.Success() : ValidationResult.Error($"--definition: file '{Definition}' not found.");
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var definition = Scoring.ReadDefinition(File.ReadAllText(settings.Definition), settings.Definition);
        if (definition is null)
        {
            return Task.FromResult(1);
        }

        var report = HealthScoreValidator.Validate(definition, settings.Draft ? ValidationMode.Draft : ValidationMode.Activation);
        var valid = Scoring.ReportProblems(report);
        if (valid)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[green]'{definition.Name}' is valid for {(settings.Draft ? "a draft" : "activation")}.[/]");
        }
        else
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]'{definition.Name}' has {report.Problems.Count} problem(s).[/]");
        }

        return Task.FromResult(valid ? 0 : 1);
    }
}
