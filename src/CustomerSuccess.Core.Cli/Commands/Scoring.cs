using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using CustomerSuccess.Core.Cli.Portfolios;
using CustomerSuccess.Core.HealthScores;
using CustomerSuccess.Core.HealthScores.Engine;
using CustomerSuccess.Core.HealthScores.Serialization;
using CustomerSuccess.Core.HealthScores.Statistics;
using CustomerSuccess.Core.HealthScores.Validation;
using NodaTime;
using NodaTime.Text;
using Spectre.Console;

namespace CustomerSuccess.Core.Cli.Commands;

/// <summary>What the scoring commands share: reading definitions, compiling, scoring, rendering.</summary>
internal static class Scoring
{
    public static HealthScoreDefinition? ReadDefinition(string json, string source)
    {
        var parsed = HealthScoreJson.Parse(json);
        if (!parsed.IsSuccess)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{source}: {parsed.Error}[/]");
            return null;
        }

        return parsed.Value;
    }

    public static string ReadSample(string name)
    {
        using var stream = typeof(Scoring).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded sample '{name}' is missing from {typeof(Scoring).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static bool ReportProblems(ValidationReport report)
    {
        foreach (var problem in report.Problems)
        {
            var colour = problem.Severity == ValidationSeverity.Error ? "red" : "yellow";
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[{colour}]{problem.Severity}[/] {problem.Path}: {problem.Message} [grey]({problem.Code})[/]");
        }

        return report.IsSuccess;
    }

    public static LocalDate? ParseAsOf(string? text, IClock clock)
    {
        if (text is null)
        {
            return clock.GetCurrentInstant().InUtc().Date;
        }

        var parsed = LocalDatePattern.Iso.Parse(text);
        if (!parsed.Success)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]--as-of: '{text}' is not a date (yyyy-MM-dd).[/]");
            return null;
        }

        return parsed.Value;
    }

    public static CompiledHealthScore? Compile(ScoreVersion version, CsvPortfolio portfolio)
    {
        var compiled = HealthScoreCompiler.Compile(version, portfolio.Snapshot.Schema);
        if (!compiled.IsSuccess)
        {
            foreach (var problem in compiled.Problems)
            {
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{problem.Path}: {problem.Message}[/] [grey]({problem.Code})[/]");
            }

            return null;
        }

        return compiled.Value;
    }

    /// <summary>A definition compiled against a portfolio read from CSV, ready to score or explain.</summary>
    public sealed record Prepared(CsvPortfolio Portfolio, CompiledHealthScore Score, LocalDate AsOf);

    /// <summary>What <c>score</c> and <c>explain</c> share: read and validate the definition, read the portfolio with the
    /// signals the definition needs, compile. Problems are printed; <see langword="null"/> means "exit 1".</summary>
    public static Prepared? Prepare(PortfolioSettings settings, IClock clock, string? labelColumn)
    {
        var definition = ReadDefinition(File.ReadAllText(settings.Definition), settings.Definition);
        var asOf = ParseAsOf(settings.AsOf, clock);
        if (definition is null || asOf is null || !ReportProblems(HealthScoreValidator.Validate(definition, ValidationMode.Activation)))
        {
            return null;
        }

        var portfolio = CsvPortfolio.Load(settings.Portfolio, DefinitionSchema.For(definition), settings.IdColumn, settings.OwnerColumn, labelColumn);
        var compiled = Compile(new ScoreVersion(HealthScoreId.From(1), 1, clock.GetCurrentInstant(), definition), portfolio);
        return compiled is null ? null : new Prepared(portfolio, compiled, asOf.Value);
    }

    public sealed record Scored(byte[] Scores, HealthStatus[] Statuses, double[] Coverage, PortfolioStatistics Statistics);

    public static Scored Score(CompiledHealthScore score, CsvPortfolio portfolio, LocalDate asOf)
    {
        var scores = new byte[portfolio.Count];
        var statuses = new HealthStatus[portfolio.Count];
        var coverage = new double[portfolio.Count];
        var statistics = score.EvaluateRange(portfolio.Snapshot, null, asOf, 0, scores, statuses, coverage);
        return new Scored(scores, statuses, coverage, statistics);
    }

    public static void RenderStatistics(PortfolioStatistics statistics, Scored scored, CsvPortfolio portfolio)
    {
        var overall = statistics.Overall;
        var table = new Table().Title($"Health of {overall.Count:N0} accounts (score {statistics.ScoreId}, version {statistics.VersionNumber})")
            .AddColumns("status", "accounts", "share");
        foreach (var status in new[] { HealthStatus.AtRisk, HealthStatus.Neutral, HealthStatus.Healthy })
        {
            table.AddRow(Label(status), overall.CountOf(status).ToString("N0", CultureInfo.InvariantCulture), overall.ShareOf(status).ToString("P1", CultureInfo.InvariantCulture));
        }

        table.AddRow("[bold]average score[/]", (overall.AverageScore ?? 0).ToString("F1", CultureInfo.InvariantCulture), string.Empty);
        table.AddRow("[bold]average coverage[/]", scored.Coverage.DefaultIfEmpty().Average().ToString("P1", CultureInfo.InvariantCulture), "[grey]share of max points whose inputs were present[/]");
        AnsiConsole.Write(table);

        var chart = new BarChart().Label("Score distribution (10-point buckets; the last includes 100)").Width(72);
        var histogram = overall.Histogram;
        for (var i = 0; i < histogram.Length; i++)
        {
            chart.AddItem($"{i * 10,3}-{(i == histogram.Length - 1 ? 100 : (i * 10) + 9),3}", histogram[i], Color.SteelBlue);
        }

        AnsiConsole.Write(chart);

        if (statistics.OwnerCount > 1)
        {
            var owners = new Table().Title("By CSM owner").AddColumns("owner", "accounts", "average", "at risk");
            for (var owner = 0; owner < statistics.OwnerCount; owner++)
            {
                var d = statistics.ForOwner(owner);
                if (d.Count > 0)
                {
                    owners.AddRow(Markup.Escape(portfolio.Owners[owner]), d.Count.ToString("N0", CultureInfo.InvariantCulture), (d.AverageScore ?? 0).ToString("F1", CultureInfo.InvariantCulture), d.ShareOf(HealthStatus.AtRisk).ToString("P1", CultureInfo.InvariantCulture));
                }
            }

            AnsiConsole.Write(owners);
        }
    }

    /// <summary>Backtest: for each status, how many accounts carry the positive label (for example churned).</summary>
    public static void RenderBacktest(Scored scored, CsvPortfolio portfolio, string positive)
    {
        if (portfolio.Labels is null)
        {
            return;
        }

        var totalPositive = portfolio.Labels.Count(l => string.Equals(l, positive, StringComparison.OrdinalIgnoreCase));
        var baseRate = (double)totalPositive / Math.Max(1, portfolio.Count);
        var table = new Table().Title($"Backtest against the label ('{Markup.Escape(positive)}' = positive; base rate {baseRate:P1})")
            .AddColumns("status", "accounts", "positive", "rate", "lift");
        foreach (var status in new[] { HealthStatus.AtRisk, HealthStatus.Neutral, HealthStatus.Healthy })
        {
            int n = 0, hits = 0;
            for (var i = 0; i < portfolio.Count; i++)
            {
                if (scored.Statuses[i] == status)
                {
                    n++;
                    hits += string.Equals(portfolio.Labels[i], positive, StringComparison.OrdinalIgnoreCase) ? 1 : 0;
                }
            }

            var rate = n == 0 ? 0 : (double)hits / n;
            table.AddRow(Label(status), n.ToString("N0", CultureInfo.InvariantCulture), hits.ToString("N0", CultureInfo.InvariantCulture), rate.ToString("P1", CultureInfo.InvariantCulture), baseRate == 0 ? "-" : (rate / baseRate).ToString("F2", CultureInfo.InvariantCulture) + "x");
        }

        AnsiConsole.Write(table);
    }

    public static string Label(HealthStatus status) => status switch
    {
        HealthStatus.AtRisk => "[red]At risk[/]",
        HealthStatus.Neutral => "[yellow]Neutral[/]",
        HealthStatus.Healthy => "[green]Healthy[/]",
        _ => status.ToString(),
    };

    public static void WriteScores(string path, Scored scored, CsvPortfolio portfolio)
    {
        using var writer = new StreamWriter(path);
        writer.WriteLine("id,score,status,coverage");
        for (var i = 0; i < portfolio.Count; i++)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{portfolio.AccountIds[i]},{scored.Scores[i]},{scored.Statuses[i]},{scored.Coverage[i]:0.###}"));
        }
    }

    public static string Describe(Assembly assembly) => assembly.GetName().Version?.ToString() ?? "?";
}
