using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using DiagnosticActivity = System.Diagnostics.Activity;

namespace CustomerSuccess.Core.HealthScores;

/// <summary>
/// The names of the package's metrics (<see cref="System.Diagnostics.Metrics"/>) and traces
/// (<see cref="System.Diagnostics.ActivitySource"/>), for listeners and exporters such as OpenTelemetry
/// (<c>AddMeter(HealthScoresTelemetry.MeterName)</c>, <c>AddSource(HealthScoresTelemetry.ActivitySourceName)</c>).
/// </summary>
/// <remarks>
/// <para>Conventions, shared by every CustomerSuccess.Core package: one meter and one activity source per package,
/// named after the package; activity (span) names <c>{package}.{Operation}</c>; instrument and tag names lower case,
/// dot-separated, words joined by underscores, under <c>customer_success.</c>; durations in seconds.</para>
/// <para>Recorded by <see cref="Engine.CompiledHealthScore"/> (Evaluate, EvaluateRange, Rescore, ScoreAccount) and
/// <see cref="Activity.ActivityAggregator"/> (Aggregate, AggregateInto). Nothing is allocated or timed when nobody
/// listens: every instrument and the source are checked first.</para>
/// </remarks>
public static class HealthScoresTelemetry
{
    /// <summary>The meter's name (and the package's): <c>CustomerSuccess.Core.HealthScores</c>.</summary>
    public const string MeterName = "CustomerSuccess.Core.HealthScores";

    /// <summary>The activity source's name: <c>CustomerSuccess.Core.HealthScores</c>.</summary>
    public const string ActivitySourceName = "CustomerSuccess.Core.HealthScores";

    /// <summary>Activity name of a portfolio evaluation (Evaluate, EvaluateRange).</summary>
    public const string EvaluateActivityName = "CustomerSuccess.Core.HealthScores.Evaluate";

    /// <summary>Activity name of an incremental rescoring (Rescore).</summary>
    public const string RescoreActivityName = "CustomerSuccess.Core.HealthScores.Rescore";

    /// <summary>Activity name of a one-account scoring (ScoreAccount).</summary>
    public const string ScoreAccountActivityName = "CustomerSuccess.Core.HealthScores.ScoreAccount";

    /// <summary>Activity name of an event aggregation (Aggregate, AggregateInto).</summary>
    public const string AggregateActivityName = "CustomerSuccess.Core.HealthScores.AggregateActivity";

    /// <summary>Histogram (seconds) of the duration of evaluations, rescorings and one-account scorings, tagged with
    /// <see cref="ScoreIdTag"/>, <see cref="ScoreVersionTag"/> and <see cref="OperationTag"/>.</summary>
    public const string EvaluationDurationName = "customer_success.health_score.evaluation.duration";

    /// <summary>Counter (<c>{account}</c>) of accounts scored, same tags.</summary>
    public const string AccountsScoredName = "customer_success.health_score.accounts.scored";

    /// <summary>Histogram (unit 1, in [0, 1]) of the mean coverage of an evaluation that computed coverage, same tags.</summary>
    public const string CoverageName = "customer_success.health_score.coverage";

    /// <summary>Histogram (seconds) of the duration of event aggregations.</summary>
    public const string AggregationDurationName = "customer_success.activity.aggregation.duration";

    /// <summary>Counter (<c>{event}</c>) of events read by aggregations.</summary>
    public const string EventsAggregatedName = "customer_success.activity.events.aggregated";

    /// <summary>Tag: the score's id (a number).</summary>
    public const string ScoreIdTag = "customer_success.health_score.id";

    /// <summary>Tag: the score version's number.</summary>
    public const string ScoreVersionTag = "customer_success.health_score.version";

    /// <summary>Tag: <c>evaluate</c>, <c>rescore</c> or <c>score_account</c>.</summary>
    public const string OperationTag = "customer_success.health_score.operation";

    /// <summary>Tag (activities only): the number of accounts evaluated, rescored or counted for.</summary>
    public const string AccountCountTag = "customer_success.accounts";

    /// <summary>Tag (activities only): the number of events in the aggregated log.</summary>
    public const string EventCountTag = "customer_success.events";

    /// <summary>Tag (activities only): the maximum degree of parallelism asked for.</summary>
    public const string ThreadsTag = "customer_success.threads";
}

/// <summary>The package's meter, instruments and activity source, and the guarded recording helpers.</summary>
internal static class Telemetry
{
    public const string Evaluate = "evaluate";
    public const string Rescore = "rescore";
    public const string ScoreAccount = "score_account";

    public static readonly ActivitySource Source = new(HealthScoresTelemetry.ActivitySourceName, typeof(Telemetry).Assembly.GetName().Version?.ToString());

    public static readonly Meter Meter = new(HealthScoresTelemetry.MeterName, typeof(Telemetry).Assembly.GetName().Version?.ToString());

    public static readonly Histogram<double> EvaluationDuration = Meter.CreateHistogram<double>(
        HealthScoresTelemetry.EvaluationDurationName, "s", "Duration of health-score evaluations, rescorings and one-account scorings.");

    public static readonly Counter<long> AccountsScored = Meter.CreateCounter<long>(
        HealthScoresTelemetry.AccountsScoredName, "{account}", "Accounts scored.");

    public static readonly Histogram<double> Coverage = Meter.CreateHistogram<double>(
        HealthScoresTelemetry.CoverageName, "1", "Mean coverage of an evaluation that computed coverage.");

    public static readonly Histogram<double> AggregationDuration = Meter.CreateHistogram<double>(
        HealthScoresTelemetry.AggregationDurationName, "s", "Duration of event aggregations.");

    public static readonly Counter<long> EventsAggregated = Meter.CreateCounter<long>(
        HealthScoresTelemetry.EventsAggregatedName, "{event}", "Events read by aggregations.");

    /// <summary>Whether anything listens to an evaluation: only then is the clock read.</summary>
    public static bool EvaluationObserved => EvaluationDuration.Enabled || AccountsScored.Enabled || Coverage.Enabled || Source.HasListeners();

    public static bool AggregationObserved => AggregationDuration.Enabled || EventsAggregated.Enabled || Source.HasListeners();

    public static DiagnosticActivity? StartEvaluation(string name, KeyValuePair<string, object?> scoreId, KeyValuePair<string, object?> version, int accounts, int threads)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        DiagnosticActivity? activity = Source.StartActivity(name, ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(scoreId.Key, scoreId.Value);
            activity.SetTag(version.Key, version.Value);
            activity.SetTag(HealthScoresTelemetry.AccountCountTag, accounts);
            activity.SetTag(HealthScoresTelemetry.ThreadsTag, threads);
        }

        return activity;
    }

    public static void RecordEvaluation(long startTimestamp, string operation, KeyValuePair<string, object?> scoreId, KeyValuePair<string, object?> version, int accounts, double? meanCoverage)
    {
        var tags = new TagList { scoreId, version, { HealthScoresTelemetry.OperationTag, operation } };
        if (EvaluationDuration.Enabled)
        {
            EvaluationDuration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds, tags);
        }

        if (AccountsScored.Enabled)
        {
            AccountsScored.Add(accounts, tags);
        }

        if (meanCoverage is { } coverage && Coverage.Enabled)
        {
            Coverage.Record(coverage, tags);
        }
    }

    public static DiagnosticActivity? StartAggregation(int events, int accounts, int threads)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        DiagnosticActivity? activity = Source.StartActivity(HealthScoresTelemetry.AggregateActivityName, ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(HealthScoresTelemetry.EventCountTag, events);
            activity.SetTag(HealthScoresTelemetry.AccountCountTag, accounts);
            activity.SetTag(HealthScoresTelemetry.ThreadsTag, threads);
        }

        return activity;
    }

    public static void RecordAggregation(long startTimestamp, int events)
    {
        if (AggregationDuration.Enabled)
        {
            AggregationDuration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds);
        }

        if (EventsAggregated.Enabled)
        {
            EventsAggregated.Add(events);
        }
    }
}
