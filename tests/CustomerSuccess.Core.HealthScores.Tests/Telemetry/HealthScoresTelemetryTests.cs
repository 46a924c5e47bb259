using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using CustomerSuccess.Core.HealthScores.Activity;
using CustomerSuccess.Core.HealthScores.Engine;
using CustomerSuccess.Core.HealthScores.Snapshots;
using CustomerSuccess.Core.HealthScores.Tests.Engine;
using NodaTime;
using DiagnosticActivity = System.Diagnostics.Activity;

namespace CustomerSuccess.Core.HealthScores.Tests.Telemetry;

public class HealthScoresTelemetryTests
{
    // A score id no other test uses: listeners are process-wide and tests run in parallel.
    private const long ScoreId = 987_654_321;

    [Fact]
    public void Evaluate_RescoreAndScoreAccount_RecordMetricsAndActivitiesWithScoreTags()
    {
        var measurements = new ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        var activities = new ConcurrentQueue<DiagnosticActivity>();
        using var meterListener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == HealthScoresTelemetry.MeterName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        meterListener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Collect(instrument, value, tags));
        meterListener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Collect(instrument, value, tags));
        meterListener.Start();
        using var activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == HealthScoresTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (Equals(activity.GetTagItem(HealthScoresTelemetry.ScoreIdTag), ScoreId))
                {
                    activities.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(activityListener);

        var definition = new HealthScoreDefinition("t", "companies", [], [new ScoreGroup("g", ScoreGroupKind.Property, 100,
            [new PropertyCriterion("n1 ≥ 1", 60, [new NumberCondition("n1", NumberOperator.GreaterThanOrEqual, 1)])])], StatusThresholds.Default);
        var version = new ScoreVersion(HealthScoreId.From(ScoreId), 4, Instant.FromUtc(2025, 1, 1, 0, 0), definition);
        CompiledHealthScore score = HealthScoreCompiler.Compile(version, ScoringCase.Schema).GetValueOrThrow();
        var accounts = Enumerable.Range(0, 10).Select(i => new ReferenceAccount(new Dictionary<string, object?> { ["n1"] = i < 5 ? (object?)null : 2d }, [], 0, 0)).ToList();
        PortfolioSnapshot snapshot = ScoringCase.BuildSnapshot(accounts);
        var scores = new byte[10];
        var statuses = new HealthStatus[10];
        var coverage = new double[10];
        var asOf = new LocalDate(2025, 6, 30);

        var statistics = score.EvaluateRange(snapshot, null, asOf, 0, scores, statuses, coverage);
        score.Rescore(snapshot, null, asOf, [1, 2, 3], scores, statuses, statistics);
        score.ScoreAccount(snapshot, null, asOf, 7);

        var ours = measurements.Where(m => Equals(m.Tags.GetValueOrDefault(HealthScoresTelemetry.ScoreIdTag), ScoreId)).ToList();
        Assert.Equal(
            [("evaluate", 10d), ("rescore", 3d), ("score_account", 1d)],
            ours.Where(m => m.Instrument == HealthScoresTelemetry.AccountsScoredName).Select(m => ((string)m.Tags[HealthScoresTelemetry.OperationTag]!, m.Value)));
        Assert.Equal(3, ours.Count(m => m.Instrument == HealthScoresTelemetry.EvaluationDurationName && m.Value >= 0));
        Assert.Equal([0.5, 1d], ours.Where(m => m.Instrument == HealthScoresTelemetry.CoverageName).Select(m => m.Value));
        Assert.All(ours, m => Assert.Equal(4, m.Tags[HealthScoresTelemetry.ScoreVersionTag]));
        Assert.Equal(
            [HealthScoresTelemetry.EvaluateActivityName, HealthScoresTelemetry.RescoreActivityName, HealthScoresTelemetry.ScoreAccountActivityName],
            activities.Select(a => a.OperationName));
        Assert.Equal([10, 3, 1], activities.Select(a => (int)a.GetTagItem(HealthScoresTelemetry.AccountCountTag)!));

        void Collect<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
            where T : struct, IConvertible =>
            measurements.Enqueue((instrument.Name, value.ToDouble(System.Globalization.CultureInfo.InvariantCulture), tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));
    }

    [Fact]
    public void Aggregate_WithListeners_RecordsEventsAndAnActivity()
    {
        var schema = new PortfolioSchema([new SignalDefinition("escalated", SignalType.Boolean)]);
        var definition = new HealthScoreDefinition("e", "companies", [], [new ScoreGroup("g", ScoreGroupKind.Event, 100,
            [new EventCriterion("logins", 10, "login", [], 7, CountOperator.AtLeast, 1)])], StatusThresholds.Default);
        ActivityAggregator aggregator = ActivityAggregator.Compile(definition, schema).GetValueOrThrow();
        var builder = new ActivityLogBuilder(schema);
        var asOf = Instant.FromUtc(2025, 6, 30, 0, 0);
        const int Events = 12_345;
        for (int i = 0; i < Events; i++)
        {
            builder.AddEvent(i % 3, "login", asOf - Duration.FromHours(1));
        }

        var events = new ConcurrentQueue<long>();
        var activities = new ConcurrentQueue<DiagnosticActivity>();
        using var meterListener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Name == HealthScoresTelemetry.EventsAggregatedName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        meterListener.SetMeasurementEventCallback<long>((_, value, _, _) => events.Enqueue(value));
        meterListener.Start();
        using var activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == HealthScoresTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.OperationName == HealthScoresTelemetry.AggregateActivityName && Equals(activity.GetTagItem(HealthScoresTelemetry.EventCountTag), Events))
                {
                    activities.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(activityListener);

        ActivityCounts counts = aggregator.Aggregate(builder.Build(), 3, asOf);

        Assert.Equal([4115, 4115, 4115], counts.GetCounts(0).ToArray());
        Assert.Contains(Events, events);
        DiagnosticActivity activity = Assert.Single(activities);
        Assert.Equal(3, activity.GetTagItem(HealthScoresTelemetry.AccountCountTag));
    }
}
