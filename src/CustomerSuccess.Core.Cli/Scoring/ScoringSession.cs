using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Core.Cli.Infrastructure;
using CustomerSuccess.Core.Cli.Input;
using CustomerSuccess.Core.HealthScores;
using CustomerSuccess.Core.HealthScores.Activity;
using CustomerSuccess.Core.HealthScores.Engine;
using CustomerSuccess.Core.HealthScores.Statistics;
using NodaTime;
using Spectre.Console;

namespace CustomerSuccess.Core.Cli.Scoring;

/// <summary>A portfolio scored: one score, status and coverage per account.</summary>
internal sealed record Scored(Portfolio Portfolio, byte[] Scores, HealthStatus[] Statuses, double[] Coverage, PortfolioStatistics Statistics, ActivityCounts? Counts, EventsRead? Events, AsOfPoint AsOf);

/// <summary>
/// What score, backtest, explain and validate share: read the definition, check it and the files' headers against one
/// <see cref="ScoringPlan"/> (so that validate reports exactly what scoring would reject), compile, then read and score.
/// </summary>
internal sealed class ScoringSession
{
    private ScoringSession(ScoringPlan plan, CompiledHealthScore score, ActivityAggregator? aggregator, InputSettings settings, PortfolioColumns columns, AsOfPoint asOf)
    {
        Plan = plan;
        Score = score;
        Aggregator = aggregator;
        Settings = settings;
        Columns = columns;
        AsOf = asOf;
    }

    public ScoringPlan Plan { get; }

    public CompiledHealthScore Score { get; }

    public ActivityAggregator? Aggregator { get; }

    public InputSettings Settings { get; }

    public PortfolioColumns Columns { get; }

    public AsOfPoint AsOf { get; }

    public PortfolioReadOptions ReadOptions => new(Columns, Settings.DelimiterChar, Settings.DuplicatePolicy, Positive);

    public string? Positive { get; init; }

    /// <summary>Every problem of scoring <paramref name="settings"/>' files with <paramref name="plan"/>, reading only
    /// the headers: the definition's own problems, missing columns (with a delimiter hint), a missing events file.</summary>
    public static List<Problem> Check(ScoringPlan plan, InputSettings settings, PortfolioColumns columns, IClock clock, out CompiledHealthScore? score, out ActivityAggregator? aggregator)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(settings);
        var problems = new List<Problem>(plan.DefinitionProblems);
        if (settings.Portfolio is { } portfolio)
        {
            CsvHeader header = PortfolioReader.ReadHeader(portfolio, settings.DelimiterChar, "--portfolio");
            problems.AddRange(plan.CheckPortfolioColumns(header.Columns, columns, portfolio, header.Delimiter));
            if (settings.Events is { } events)
            {
                CsvHeader eventsHeader = EventsReader.ReadHeader(events, settings.DelimiterChar);
                problems.AddRange(plan.CheckEvents(events, eventsHeader.Columns, eventsHeader.Delimiter));
            }
            else
            {
                problems.AddRange(plan.CheckEvents(null, null, ','));
            }
        }

        score = null;
        aggregator = null;
        if (!problems.Any(p => !p.IsWarning))
        {
            (score, aggregator) = plan.Compile(clock.GetCurrentInstant(), problems);
        }

        return problems;
    }

    /// <summary>Reads the definition and checks everything that can be checked before reading rows; prints the
    /// problems on stderr and fails (exit 1) if any is an error.</summary>
    public static ScoringSession Open(InputSettings settings, PortfolioColumns columns, IClock clock, CliConsole console, string? positive = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(console);
        settings.RequirePortfolio();
        HealthScoreDefinition definition = InputFiles.ReadDefinition(settings.RequireDefinition());
        var plan = ScoringPlan.Create(definition);
        List<Problem> problems = Check(plan, settings, columns, clock, out CompiledHealthScore? score, out ActivityAggregator? aggregator);
        int errors = problems.Count(p => !p.IsWarning);
        foreach (Problem problem in problems.Where(p => !p.IsWarning || errors == 0))
        {
            string text = $"{problem.Where}: {problem.Message} ({problem.Code})";
            if (problem.IsWarning)
            {
                console.Warning(text);
            }
            else
            {
                console.Problem(text);
            }
        }

        if (errors > 0 || score is null)
        {
            throw CliException.Input($"'{definition.Name}' cannot be scored from these files: {errors} problem(s) above ('cs-core validate' with the same options lists them too).");
        }

        return new ScoringSession(plan, score, aggregator, settings, columns, settings.ResolveAsOf(clock)) { Positive = positive };
    }

    /// <summary>Reads the whole portfolio (and events) and scores every account.</summary>
    public Scored ScoreAll(CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        string path = Settings.Portfolio!;
        Portfolio portfolio = WithProgress(console, $"Reading {path}", report => PortfolioReader.Read(path, Plan.RecordSchema, ReadOptions, rows => report($"Reading {path}: {rows:N0} accounts")));
        (ActivityCounts? counts, EventsRead? events) = ReadEvents(console, portfolio);
        int n = portfolio.Count;
        var scores = new byte[n];
        var statuses = new HealthStatus[n];
        var coverage = new double[n];
        PortfolioStatistics statistics = Score.EvaluateRange(portfolio.Snapshot, counts, AsOf.Date, 0, scores, statuses, coverage);
        return new Scored(portfolio, scores, statuses, coverage, statistics, counts, events, AsOf);
    }

    /// <summary>Reads the portfolio up to one account (and that account's events).</summary>
    public (Portfolio Portfolio, ActivityCounts? Counts, EventsRead? Events)? ReadOne(CliConsole console, string accountId)
    {
        Portfolio? portfolio = PortfolioReader.ReadAccount(Settings.Portfolio!, Plan.RecordSchema, ReadOptions, accountId);
        if (portfolio is null)
        {
            return null;
        }

        (ActivityCounts? counts, EventsRead? events) = ReadEvents(console, portfolio);
        return (portfolio, counts, events);
    }

    private (ActivityCounts? Counts, EventsRead? Events) ReadEvents(CliConsole console, Portfolio portfolio)
    {
        if (Aggregator is null || Settings.Events is not { } path)
        {
            return (null, null);
        }

        EventsRead events = WithProgress(console, $"Reading {path}", _ => EventsReader.Read(path, Plan.EventSchema, Settings.DelimiterChar, portfolio.Ids));
        return (Aggregator.Aggregate(events.Log, portfolio.Count, AsOf.Instant), events);
    }

    /// <summary>Runs <paramref name="work"/> with a spinner on a terminal's stderr; silently otherwise.</summary>
    private static T WithProgress<T>(CliConsole console, string label, Func<Action<string>, T> work)
    {
        if (!console.ErrorIsTerminal)
        {
            return work(_ => { });
        }

        return console.Error.Status().Start(Markup.Escape(label), context => work(text => context.Status(Markup.Escape(text))));
    }
}
