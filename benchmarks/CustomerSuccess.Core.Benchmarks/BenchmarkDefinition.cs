using CustomerSuccess.Core.HealthScores;
using NodaTime;

namespace CustomerSuccess.Core.Benchmarks;

/// <summary>
/// The benchmark profile: 5 groups, 20 criteria (3 event criteria over pre-aggregated counts, 10 numeric thresholds,
/// 3 categorical equalities, 3 date recencies, 1 boolean); group caps sum to 100; bands &lt; 40 / 40–69 / ≥ 70.
/// </summary>
public static class BenchmarkDefinition
{
    public static ScoreVersion Version { get; } = new(HealthScoreId.From(1), 1, Instant.FromUtc(2025, 6, 1, 0, 0), Create());

    private static HealthScoreDefinition Create()
    {
        static PropertyCriterion P(string name, int points, Condition condition) => new(name, points, [condition]);
        static NumberCondition N(string p, NumberOperator op, double v) => new(p, op, v);

        ScoreGroup engagement = new("Engagement", ScoreGroupKind.Event, 20,
        [
            new EventCriterion("logins >= 20 in 30 d", 15, "login", [], 30, CountOperator.AtLeast, 20),
            new EventCriterion("logins < 3 in 30 d", -15, "login", [], 30, CountOperator.LessThan, 3),
            new EventCriterion("escalated tickets >= 2 in 90 d", -10, "ticket", [new BooleanCondition("escalated", true)], 90, CountOperator.AtLeast, 2),
        ]);
        ScoreGroup recency = new("Recency", ScoreGroupKind.Property, 15,
        [
            P("last login within 7 d", 10, new DateCondition("last_login", DateOperator.WithinLastDays, 7)),
            P("last meeting within 30 d", 10, new DateCondition("last_meeting", DateOperator.WithinLastDays, 30)),
            P("last QBR within 120 d", 5, new DateCondition("last_qbr", DateOperator.WithinLastDays, 120)),
        ]);
        ScoreGroup support = new("Support", ScoreGroupKind.Property, 20,
        [
            P("open tickets <= 2", 15, N("open_tickets", NumberOperator.LessThanOrEqual, 2)),
            P("open tickets > 5", -10, N("open_tickets", NumberOperator.GreaterThan, 5)),
            P("resolution < 24 h", 10, N("avg_resolution_hours", NumberOperator.LessThan, 24)),
            P("emails replied >= 5", 5, N("emails_replied_30d", NumberOperator.GreaterThanOrEqual, 5)),
        ]);
        ScoreGroup adoption = new("Adoption", ScoreGroupKind.Property, 25,
        [
            P("adoption >= 60 %", 15, N("feature_adoption_pct", NumberOperator.GreaterThanOrEqual, 60)),
            P("active users >= 50", 10, N("active_users", NumberOperator.GreaterThanOrEqual, 50)),
            P("onboarding completed", 5, new TextCondition("onboarding_status", TextOperator.Is, ["completed"])),
            P("onboarding stalled", -10, new TextCondition("onboarding_status", TextOperator.Is, ["stalled"])),
        ]);
        ScoreGroup sentiment = new("Sentiment and renewal", ScoreGroupKind.Property, 20,
        [
            P("nps >= 9", 10, N("nps", NumberOperator.GreaterThanOrEqual, 9)),
            P("nps <= 6", -10, N("nps", NumberOperator.LessThanOrEqual, 6)),
            P("csm sentiment at risk", -20, new TextCondition("csm_sentiment", TextOperator.Is, ["at_risk"])),
            P("csat >= 4.5", 5, N("csat", NumberOperator.GreaterThanOrEqual, 4.5)),
            P("exec sponsor", 5, new BooleanCondition("has_exec_sponsor", true)),
            P("mrr growing", 5, N("mrr_change_pct", NumberOperator.GreaterThan, 0)),
        ]);
        return new HealthScoreDefinition("Benchmark profile", "companies", [], [engagement, recency, support, adoption, sentiment], new StatusThresholds(40, 70));
    }
}
