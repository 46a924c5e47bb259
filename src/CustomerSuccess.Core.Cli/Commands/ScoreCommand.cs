using System;
using System.ComponentModel;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.Core.Cli.Infrastructure;
using CustomerSuccess.Core.Cli.Output;
using CustomerSuccess.Core.Cli.Scoring;
using CustomerSuccess.Core.HealthScores;
using CustomerSuccess.Core.HealthScores.Statistics;
using NodaTime;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CustomerSuccess.Core.Cli.Commands;

/// <summary><c>cs-core score</c>: score a CSV portfolio with a JSON definition.</summary>
internal sealed class ScoreCommand(IClock clock, CliConsole console) : AsyncCommand<ScoreCommand.Settings>
{
    internal sealed class Settings : InputSettings
    {
        [CommandOption("--owner-column <NAME>")]
        [Description("Column holding the CSM owner, for statistics per owner.")]
        public string? OwnerColumn { get; init; }

        [CommandOption("-o|--out <PATH>")]
        [Description("Write id,score,status,coverage for every account to this CSV file (RFC 4180; written atomically; checked before scoring starts).")]
        public string? Out { get; init; }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ScoringSession session = ScoringSession.Open(settings, new PortfolioColumns(settings.IdColumn, settings.OwnerColumn), clock, console);
        using AtomicFile? output = settings.Out is { } path ? AtomicFile.Create(path, "--out", overwrite: true, settings.Portfolio, settings.Definition, settings.Events) : null;
        Scored scored = session.ScoreAll(console);
        cancellationToken.ThrowIfCancellationRequested();
        if (output is not null)
        {
            WriteScores(output, scored);
            output.Commit();
        }

        Render(console, settings.OutputFormat, scored);
        if (scored.Events is { UnknownAccounts: > 0 } events)
        {
            console.Warning(string.Create(CultureInfo.InvariantCulture, $"{events.UnknownAccounts:N0} events name accounts that are not in the portfolio; they were skipped."));
        }

        if (scored.Portfolio.DroppedDuplicates > 0)
        {
            console.Note(string.Create(CultureInfo.InvariantCulture, $"{scored.Portfolio.DroppedDuplicates:N0} row(s) with a repeated account id were dropped (--duplicates {settings.Duplicates})."));
        }

        if (output is not null)
        {
            console.Note($"Wrote {scored.Portfolio.Count:N0} scores to {settings.Out}.");
        }

        return Task.FromResult(ExitCodes.Success);
    }

    /// <summary>id,score,status,coverage per account, in portfolio order.</summary>
    internal static void WriteScores(AtomicFile output, Scored scored)
    {
        var csv = new CsvOutput(output.Writer);
        csv.Row(["id", "score", "status", "coverage"]);
        for (int i = 0; i < scored.Portfolio.Count; i++)
        {
            csv.Cell(scored.Portfolio.Ids[i]);
            csv.Plain(scored.Scores[i].ToString(CultureInfo.InvariantCulture));
            csv.Plain(Labels.Name(scored.Statuses[i]));
            csv.Plain(scored.Coverage[i].ToString("0.####", CultureInfo.InvariantCulture));
            csv.EndRow();
        }
    }

    internal static void Render(CliConsole console, OutputFormat format, Scored scored)
    {
        PortfolioStatistics statistics = scored.Statistics;
        ScoreDistribution overall = statistics.Overall;
        double coverage = scored.Coverage.Length == 0 ? 1 : scored.Coverage.Average();
        switch (format)
        {
            case OutputFormat.Json:
                JsonOutput.Write(console.OutWriter, json =>
                {
                    json.WriteStartObject();
                    json.WriteString("portfolio", scored.Portfolio.Source);
                    json.WriteString("asOf", scored.AsOf.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    json.WriteNumber("accounts", overall.Count);
                    json.WriteNumber("blankCells", scored.Portfolio.BlankCells);
                    json.WriteNumber("droppedDuplicates", scored.Portfolio.DroppedDuplicates);
                    json.Number("averageScore", overall.AverageScore);
                    json.Number("averageCoverage", coverage);
                    json.WriteStartArray("statuses");
                    foreach (HealthStatus status in Labels.Statuses)
                    {
                        json.WriteStartObject();
                        json.WriteString("status", Labels.Name(status));
                        json.WriteNumber("accounts", overall.CountOf(status));
                        json.Number("share", overall.ShareOf(status));
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                    json.WriteStartArray("histogram");
                    foreach (long bucket in overall.Histogram)
                    {
                        json.WriteNumberValue(bucket);
                    }

                    json.WriteEndArray();
                    json.WriteStartArray("owners");
                    for (int owner = 0; owner < statistics.OwnerCount && scored.Portfolio.Owners.Count > 1; owner++)
                    {
                        ScoreDistribution d = statistics.ForOwner(owner);
                        if (d.Count > 0)
                        {
                            json.WriteStartObject();
                            json.WriteString("owner", scored.Portfolio.Owners[owner]);
                            json.WriteNumber("accounts", d.Count);
                            json.Number("averageScore", d.AverageScore);
                            json.Number("atRiskShare", d.ShareOf(HealthStatus.AtRisk));
                            json.WriteEndObject();
                        }
                    }

                    json.WriteEndArray();
                    json.WriteEndObject();
                });
                break;
            case OutputFormat.Csv:
                var csv = new CsvOutput(console.OutWriter);
                csv.Row(["breakdown", "key", "accounts", "average_score", "at_risk", "neutral", "healthy"]);
                Row(csv, "overall", "all", overall);
                for (int owner = 0; owner < statistics.OwnerCount && scored.Portfolio.Owners.Count > 1; owner++)
                {
                    ScoreDistribution d = statistics.ForOwner(owner);
                    if (d.Count > 0)
                    {
                        Row(csv, "owner", scored.Portfolio.Owners[owner], d);
                    }
                }

                break;
            default:
                console.Out.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Scored [bold]{overall.Count:N0}[/] accounts from {scored.Portfolio.Source} as of {scored.AsOf.Date:yyyy-MM-dd} ({scored.Portfolio.BlankCells:N0} blank cells read as missing values).");
                var table = new Table().AddColumns("status", "accounts", "share");
                foreach (HealthStatus status in Labels.Statuses)
                {
                    table.AddRow(Labels.Markup(status), overall.CountOf(status).ToString("N0", CultureInfo.InvariantCulture), Labels.Percent(overall.ShareOf(status)));
                }

                table.AddRow("[bold]average score[/]", (overall.AverageScore ?? 0).ToString("F1", CultureInfo.InvariantCulture), string.Empty);
                table.AddRow("[bold]average coverage[/]", Labels.Percent(coverage), "[grey]share of the points whose inputs were present[/]");
                console.Out.Write(table);
                var chart = new BarChart().Label("Score distribution (10-point buckets; the last includes 100)").Width(72);
                ReadOnlySpan<long> histogram = overall.Histogram;
                for (int i = 0; i < histogram.Length; i++)
                {
                    chart.AddItem(string.Create(CultureInfo.InvariantCulture, $"{i * 10,3}-{(i == histogram.Length - 1 ? 100 : (i * 10) + 9),3}"), histogram[i], Color.SteelBlue);
                }

                console.Out.Write(chart);
                if (scored.Portfolio.Owners.Count > 1)
                {
                    var owners = new Table().Title("By CSM owner").AddColumns("owner", "accounts", "average", "at risk");
                    for (int owner = 0; owner < statistics.OwnerCount; owner++)
                    {
                        ScoreDistribution d = statistics.ForOwner(owner);
                        if (d.Count > 0)
                        {
                            owners.AddRow(Markup.Escape(scored.Portfolio.Owners[owner]), d.Count.ToString("N0", CultureInfo.InvariantCulture), (d.AverageScore ?? 0).ToString("F1", CultureInfo.InvariantCulture), Labels.Percent(d.ShareOf(HealthStatus.AtRisk)));
                        }
                    }

                    console.Out.Write(owners);
                }

                break;
        }
    }

    private static void Row(CsvOutput csv, string breakdown, string key, ScoreDistribution d)
    {
        csv.Plain(breakdown);
        csv.Cell(key);
        csv.Plain(d.Count.ToString(CultureInfo.InvariantCulture));
        csv.Plain((d.AverageScore ?? 0).ToString("0.###", CultureInfo.InvariantCulture));
        csv.Plain(d.CountOf(HealthStatus.AtRisk).ToString(CultureInfo.InvariantCulture));
        csv.Plain(d.CountOf(HealthStatus.Neutral).ToString(CultureInfo.InvariantCulture));
        csv.Plain(d.CountOf(HealthStatus.Healthy).ToString(CultureInfo.InvariantCulture));
        csv.EndRow();
    }
}
