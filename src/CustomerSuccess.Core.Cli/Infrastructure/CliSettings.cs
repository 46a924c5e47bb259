using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CustomerSuccess.Core.Cli.Infrastructure;

/// <summary>The options every command accepts.</summary>
internal class CliSettings : CommandSettings
{
    [CommandOption("--verbose")]
    [Description("On an unexpected failure, print the stack trace too.")]
    public bool Verbose { get; init; }
}

/// <summary>The options of a command whose result is a table.</summary>
internal class FormattedSettings : CliSettings
{
    [CommandOption("--format <FORMAT>")]
    [Description("How the result is printed: [bold]table[/] (for people), [bold]json[/] or [bold]csv[/] (for programs).")]
    [DefaultValue("table")]
    public string Format { get; init; } = "table";

    public OutputFormat OutputFormat => Format.ToUpperInvariant() switch
    {
        "JSON" => OutputFormat.Json,
        "CSV" => OutputFormat.Csv,
        _ => OutputFormat.Table,
    };

    public override ValidationResult Validate() =>
        Format.ToUpperInvariant() is "TABLE" or "JSON" or "CSV"
            ? ValidationResult.Success()
            : ValidationResult.Error($"--format: '{Format}' is not a format; use table, json or csv.");
}

/// <summary>How a tabular result is printed.</summary>
internal enum OutputFormat
{
    /// <summary>Tables and trees for people.</summary>
    Table,

    /// <summary>One JSON document.</summary>
    Json,

    /// <summary>RFC 4180 CSV with a header row.</summary>
    Csv,
}
