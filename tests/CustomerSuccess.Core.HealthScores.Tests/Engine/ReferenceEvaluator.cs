using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;

namespace CustomerSuccess.Core.HealthScores.Tests.Engine;

/// <summary>One account as a plain object: a property bag (absent or null = missing) and its event counts.</summary>
public sealed record ReferenceAccount(IReadOnlyDictionary<string, object?> Values, IReadOnlyList<int> ActivityCounts, int Owner, int SegmentMask);

/// <summary>The reference result for one account.</summary>
public sealed record ReferenceResult(int Score, HealthStatus Status, double Coverage, IReadOnlyList<int> GroupRaw, IReadOnlyList<int> GroupPoints);

/// <summary>
/// A deliberately straightforward evaluator straight from the definition records (object per account, LINQ,
/// no binding, no columns): the oracle the engine is compared with.
/// </summary>
public static class ReferenceEvaluator
{
    public static IReadOnlyList<EventCriterion> EventCriteria(HealthScoreDefinition definition) =>
        definition.Groups.SelectMany(g => g.Criteria).OfType<EventCriterion>().ToList();

    public static ReferenceResult Evaluate(HealthScoreDefinition definition, ReferenceAccount account, LocalDate asOf)
    {
        int eventIndex = 0;
        var raws = new List<int>();
        var points = new List<int>();
        double coverage = 0;
        foreach (ScoreGroup group in definition.Groups)
        {
            int max = Math.Max(0, group.MaxPoints);
            var matched = new List<Criterion>();
            foreach (Criterion criterion in group.Criteria)
            {
                bool isMatch = criterion is EventCriterion e
                    ? CountMatches(e, account.ActivityCounts[eventIndex++])
                    : ((PropertyCriterion)criterion).Conditions.All(c => ConditionMatches(c, Get(account, c.Property), asOf));
                if (isMatch)
                {
                    matched.Add(criterion);
                }
            }

            int raw = matched.Sum(c => c.Points);
            int covered = group.Criteria.Count(c => Covered(c, account));
            raws.Add(raw);
            points.Add(Math.Clamp(raw, 0, max));
            coverage += group.Criteria.Length == 0 ? max : (double)max * covered / group.Criteria.Length;
        }

        int totalMax = definition.Groups.Sum(g => Math.Max(0, g.MaxPoints));
        int score = Math.Clamp(points.Sum(), 0, 100);
        return new ReferenceResult(
            score,
            definition.Thresholds.StatusOf(score),
            totalMax == 0 ? 1d : Math.Min(1d, coverage / totalMax),
            raws,
            points);
    }

    public static bool CountMatches(EventCriterion e, int count) =>
        e.CountOperator switch
        {
            CountOperator.AtLeast => count >= e.Count,
            CountOperator.AtMost => count <= e.Count,
            CountOperator.Exactly => count == e.Count,
            CountOperator.MoreThan => count > e.Count,
            CountOperator.LessThan => count < e.Count,
            _ => throw new InvalidOperationException(),
        };

    public static bool ConditionMatches(Condition condition, object? value, LocalDate asOf)
    {
        switch (condition)
        {
            case NumberCondition n:
                if (value is not double x)
                {
                    return false;
                }

                return n.Operator switch
                {
                    NumberOperator.Equal => x == n.Value,
                    NumberOperator.NotEqual => x != n.Value,
                    NumberOperator.LessThan => x < n.Value,
                    NumberOperator.LessThanOrEqual => x <= n.Value,
                    NumberOperator.GreaterThan => x > n.Value,
                    NumberOperator.GreaterThanOrEqual => x >= n.Value,
                    NumberOperator.Between => n.Value <= x && x <= n.UpperValue!.Value,
                    _ => throw new InvalidOperationException(),
                };
            case TextCondition t:
                string? s = value as string;
                return t.Operator switch
                {
                    TextOperator.Is => s is not null && string.Equals(s, t.Values[0], StringComparison.Ordinal),
                    TextOperator.IsNot => s is not null && !string.Equals(s, t.Values[0], StringComparison.Ordinal),
                    TextOperator.IsAnyOf => s is not null && t.Values.Contains(s, StringComparer.Ordinal),
                    TextOperator.IsKnown => s is not null,
                    TextOperator.IsUnknown => s is null,
                    _ => throw new InvalidOperationException(),
                };
            case DateCondition d:
                if (value is not LocalDate date)
                {
                    return false;
                }

                return d.Operator switch
                {
                    DateOperator.WithinLastDays => asOf.PlusDays(-d.Days!.Value) <= date && date <= asOf,
                    DateOperator.WithinNextDays => asOf <= date && date <= asOf.PlusDays(d.Days!.Value),
                    DateOperator.Before => date < d.Date!.Value,
                    DateOperator.After => date > d.Date!.Value,
                    _ => throw new InvalidOperationException(),
                };
            case BooleanCondition b:
                return value is bool flag && flag == b.Value;
            default:
                throw new InvalidOperationException();
        }
    }

    private static bool Covered(Criterion criterion, ReferenceAccount account) =>
        criterion is not PropertyCriterion p || p.Conditions.All(c => Get(account, c.Property) is not null);

    private static object? Get(ReferenceAccount account, string property) =>
        account.Values.TryGetValue(property, out object? value) ? value : null;
}
