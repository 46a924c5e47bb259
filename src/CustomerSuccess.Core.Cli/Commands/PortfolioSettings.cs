using System.ComponentModel;
using System.IO;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CustomerSuccess.Core.Cli.Commands;

/// <summary>The options shared by the commands that read a portfolio and a definition.</summary>
internal class PortfolioSettings : CommandSettings
{
    [CommandOption("-p|--portfolio <PATH>")]
    [Description("CSV file, one row per account, with a header row.")]
    public string Portfolio { get; init; } = string.Empty;

    [CommandOption("-d|--definition <PATH>")]
    [Description("Health-score definition (JSON, schema customersuccess.health-score/v1).")]
    public string Definition { get; init; } = string.Empty;

    [CommandOption("--id-column <NAME>")]
    [Description("Column holding the account id.")]
    [DefaultValue("id")]
    public string IdColumn { get; init; } = "id";

    [CommandOption("--owner-column <NAME>")]
    [Description("Column holding the CSM owner, for statistics per owner.")]
    public string? OwnerColumn { get; init; }

    [CommandOption("--as-of <DATE>")]
    [Description("As-of date for date criteria (yyyy-MM-dd); default today (UTC).")]
    public string? AsOf { get; init; }

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Portfolio) || !File.Exists(Portfolio))
        {
            return ValidationResult.Error($"--portfolio: file '{Portfolio}' not found.");
        }

        if (string.IsNullOrWhiteSpace(Definition) || !File.Exists(Definition))
        {
            return ValidationResult.Error($"--definition: file '{Definition}' not found.");
        }

        return ValidationResult.Success();
    }
}
