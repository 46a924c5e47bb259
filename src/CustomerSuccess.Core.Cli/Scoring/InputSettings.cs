using System;
using System.ComponentModel;
using CustomerSuccess.Core.Cli.Infrastructure;
using CustomerSuccess.Core.Cli.Input;
using NodaTime;
using NodaTime.Text;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CustomerSuccess.Core.Cli.Scoring;

/// <summary>The options of the commands that read a definition and a portfolio (score, explain, backtest, validate).</summary>
internal class InputSettings : FormattedSettings
{
    [CommandOption("-d|--definition <PATH>")]
    [Description("Health-score definition: JSON, schema customersuccess.health-score/v1, UTF-8, at most 1 MiB ([bold]cs-core template[/] writes one).")]
    public string? Definition { get; init; }

    [CommandOption("-p|--portfolio <PATH>")]
    [Description("Portfolio CSV: a header row, then one row per account.")]
    public string? Portfolio { get; init; }

    [CommandOption("--events <PATH>")]
    [Description("Tracked events CSV with the columns account,type,time,properties, for the definition's event criteria.")]
    public string? Events { get; init; }

    [CommandOption("--id-column <NAME>")]
    [Description("Column holding the account id.")]
    [DefaultValue("id")]
    public string IdColumn { get; init; } = "id";

    [CommandOption("--delimiter <CHAR>")]
    [Description("The CSV delimiter: one character, or [bold]tab[/]. Default: detected from the header (comma, semicolon, tab or pipe).")]
    public string? Delimiter { get; init; }

    [CommandOption("--duplicates <POLICY>")]
    [Description("A second row for the same account id: [bold]error[/] (stop), [bold]first[/] (keep the first row) or [bold]last[/] (keep the last).")]
    [DefaultValue("error")]
    public string Duplicates { get; init; } = "error";

    [CommandOption("--as-of <DATE>")]
    [Description("Score as of this date (yyyy-MM-dd: its start, UTC) or instant (2026-11-25T09:00:00Z). Default: now.")]
    public string? AsOf { get; init; }

    public char? DelimiterChar => Delimiter switch
    {
        null => null,
        "tab" or "\\t" => '\t',
        _ => Delimiter[0],
    };

    public DuplicatePolicy DuplicatePolicy => Duplicates.ToUpperInvariant() switch
    {
        "FIRST" => DuplicatePolicy.First,
        "LAST" => DuplicatePolicy.Last,
        _ => DuplicatePolicy.Error,
    };

    public override ValidationResult Validate()
    {
        ValidationResult format = base.Validate();
        if (!format.Successful)
        {
            return format;
        }

        if (Delimiter is not null && Delimiter is not ("tab" or "\\t"))
        {
            if (Delimiter.Length != 1 || Delimiter[0] is '\r' or '\n')
            {
                return ValidationResult.Error($"--delimiter: '{Delimiter}' is not one character (use for example ';' or tab).");
            }

            if (Delimiter[0] == '"')
            {
                return ValidationResult.Error("--delimiter: the quote '\"' cannot separate cells: it quotes them. Use for example ';' or tab.");
            }

            if (Delimiter[0] > '~' || char.IsLetterOrDigit(Delimiter[0]))
            {
                return ValidationResult.Error($"--delimiter: '{Delimiter}' cannot separate cells; use an ASCII punctuation character such as ',', ';' or '|', a space or tab.");
            }
        }

        if (Duplicates.ToUpperInvariant() is not ("ERROR" or "FIRST" or "LAST"))
        {
            return ValidationResult.Error($"--duplicates: '{Duplicates}' is not a policy; use error, first or last.");
        }

        if (AsOf is not null && ParseAsOf(AsOf) is null)
        {
            return ValidationResult.Error($"--as-of: '{AsOf}' is neither a date (yyyy-MM-dd) nor an instant (2026-11-25T09:00:00Z).");
        }

        if (string.IsNullOrWhiteSpace(IdColumn))
        {
            return ValidationResult.Error("--id-column needs a column name.");
        }

        return ValidationResult.Success();
    }

    /// <summary>The as-of point: the date that date conditions use and the instant that ends event windows.</summary>
    public AsOfPoint ResolveAsOf(IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return AsOf is null ? AsOfPoint.At(clock.GetCurrentInstant()) : ParseAsOf(AsOf)!.Value;
    }

    /// <summary>The file options as a usage error when missing.</summary>
    public string RequireDefinition() => Definition ?? throw CliException.Usage("--definition is required: the JSON health-score definition.");

    public string RequirePortfolio() => Portfolio ?? throw CliException.Usage("--portfolio is required: the CSV file with one row per account.");

    private static AsOfPoint? ParseAsOf(string text)
    {
        if (Input.CsvCells.TryParseIsoDate(text, out LocalDate date))
        {
            return new AsOfPoint(date, date.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant());
        }

        return InstantPattern.ExtendedIso.Parse(text) is { Success: true } instant ? AsOfPoint.At(instant.Value) : null;
    }
}

/// <summary>When a score is computed: <see cref="Date"/> for date conditions, <see cref="Instant"/> for the end of
/// event windows ([Instant − windowDays × 24 h, Instant)).</summary>
internal readonly record struct AsOfPoint(LocalDate Date, Instant Instant)
{
    public static AsOfPoint At(Instant instant) => new(instant.InUtc().Date, instant);
}
