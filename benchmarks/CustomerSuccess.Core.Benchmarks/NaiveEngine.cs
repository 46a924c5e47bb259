using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Core.HealthScores;
using NodaTime;

namespace CustomerSuccess.Core.Benchmarks;

/// <summary>What a first implementation usually looks like (performance.md "naive"): a Dictionary&lt;string, object&gt;
/// property bag per account (missing = absent, values boxed), one class per criterion kind behind an interface,
/// LINQ group sums, one result record per account with its per-group breakdown, LINQ portfolio summary.</summary>
public static class NaiveEngine
{
    public interface IHealthCriterion
    {
        int Points { get; }

        bool Matches(NaiveAccount account, LocalDate asOf);
    }

    public sealed class NaiveAccount
    {
        public Dictionary<string, object> Properties { get; } = [];
    }

    public sealed record NaiveGroup(string Name, int MaxPoints, IReadOnlyList<IHealthCriterion> Criteria);

    public sealed record AccountHealth(int Score, HealthStatus Status, IReadOnlyList<int> GroupPoints);

    public sealed record Summary(double Average, int AtRisk, int Neutral, int Healthy);

    private sealed class NumberCriterion(string property, NumberOperator op, double value, int points) : IHealthCriterion
    {
        public int Points => points;

        public bool Matches(NaiveAccount account, LocalDate asOf)
        {
            if (!account.Properties.TryGetValue(property, out object? raw))
            {
                return false;
            }

            double x = Convert.ToDouble(raw, System.Globalization.CultureInfo.InvariantCulture);
            return op switch
            {
                NumberOperator.Equal => x == value,
                NumberOperator.NotEqual => x != value,
                NumberOperator.LessThan => x < value,
                NumberOperator.LessThanOrEqual => x <= value,
                NumberOperator.GreaterThan => x > value,
                NumberOperator.GreaterThanOrEqual => x >= value,
                _ => throw new NotSupportedException(),
            };
        }
    }

    private sealed class TextIsCriterion(string property, string value, int points) : IHealthCriterion
    {
        public int Points => points;

        public bool Matches(NaiveAccount account, LocalDate asOf) =>
            account.Properties.TryGetValue(property, out object? raw) && raw is string s && s == value;
    }

    private sealed class WithinLastDaysCriterion(string property, int days, int points) : IHealthCriterion
    {
        public int Points => points;

        public bool Matches(NaiveAccount account, LocalDate asOf)
        {
            if (!account.Properties.TryGetValue(property, out object? raw) || raw is not LocalDate date)
            {
                return false;
            }

            int ago = Period.Between(date, asOf, PeriodUnits.Days).Days;
            return ago >= 0 && ago <= days;
        }
    }

    private sealed class BooleanCriterion(string property, bool value, int points) : IHealthCriterion
    {
        public int Points => points;

        public bool Matches(NaiveAccount account, LocalDate asOf) =>
            account.Properties.TryGetValue(property, out object? raw) && raw is bool b && b == value;
    }

    private sealed class EventCountCriterion(string property, CountOperator op, int count, int points) : IHealthCriterion
    {
        public int Points => points;

        public bool Matches(NaiveAccount account, LocalDate asOf)
        {
            int n = account.Properties.TryGetValue(property, out object? raw) ? (int)raw : 0;
            return op switch
            {
                CountOperator.AtLeast => n >= count,
                CountOperator.AtMost => n <= count,
                CountOperator.Exactly => n == count,
                CountOperator.MoreThan => n > count,
                CountOperator.LessThan => n < count,
                _ => throw new NotSupportedException(),
            };
        }
    }

    /// <summary>Translates the (single-condition) benchmark definition into naive criteria.</summary>
    public static IReadOnlyList<NaiveGroup> Groups(HealthScoreDefinition definition)
    {
        var groups = new List<NaiveGroup>();
        int eventIndex = 0;
        foreach (ScoreGroup group in definition.Groups)
        {
            var criteria = new List<IHealthCriterion>();
            foreach (Criterion criterion in group.Criteria)
            {
                criteria.Add(criterion switch
                {
                    EventCriterion e => new EventCountCriterion("event:" + eventIndex++, e.CountOperator, e.Count, e.Points),
                    PropertyCriterion { Conditions: [NumberCondition n] } p => new NumberCriterion(n.Property, n.Operator, n.Value, p.Points),
                    PropertyCriterion { Conditions: [TextCondition { Operator: TextOperator.Is } t] } p => new TextIsCriterion(t.Property, t.Values[0], p.Points),
                    PropertyCriterion { Conditions: [DateCondition { Operator: DateOperator.WithinLastDays } d] } p => new WithinLastDaysCriterion(d.Property, d.Days!.Value, p.Points),
                    PropertyCriterion { Conditions: [BooleanCondition b] } p => new BooleanCriterion(b.Property, b.Value, p.Points),
                    _ => throw new NotSupportedException(criterion.ToString()),
                });
            }

            groups.Add(new NaiveGroup(group.Name, group.MaxPoints, criteria));
        }

        return groups;
    }

    public static NaiveAccount[] BuildAccounts(PortfolioData data)
    {
        var accounts = new NaiveAccount[data.Count];
        for (int i = 0; i < data.Count; i++)
        {
            var a = new NaiveAccount();
            for (int c = 0; c < PortfolioData.NumberNames.Length; c++)
            {
                double v = data.Numbers[c][i];
                if (!double.IsNaN(v))
                {
                    a.Properties[PortfolioData.NumberNames[c]] = v;
                }
            }

            for (int c = 0; c < PortfolioData.TextNames.Length; c++)
            {
                if (data.Texts[c][i] is { } s)
                {
                    a.Properties[PortfolioData.TextNames[c]] = new string(s.AsSpan());
                }
            }

            for (int c = 0; c < PortfolioData.DateNames.Length; c++)
            {
                int day = data.Days[c][i];
                if (day != int.MinValue)
                {
                    a.Properties[PortfolioData.DateNames[c]] = HealthScores.Snapshots.SignalEncoding.FromDayNumber(day);
                }
            }

            if (data.Flags[i] is { } flag)
            {
                a.Properties[PortfolioData.BooleanName] = flag;
            }

            for (int e = 0; e < data.ActivityCounts.Length; e++)
            {
                a.Properties["event:" + e] = data.ActivityCounts[e][i];
            }

            accounts[i] = a;
        }

        return accounts;
    }

    public static (AccountHealth[] Results, Summary Summary) Evaluate(IReadOnlyList<NaiveGroup> groups, NaiveAccount[] accounts, LocalDate asOf, StatusThresholds thresholds)
    {
        AccountHealth[] results = accounts.Select(account =>
        {
            List<int> points = groups
                .Select(g => Math.Clamp(g.Criteria.Where(c => c.Matches(account, asOf)).Sum(c => c.Points), 0, g.MaxPoints))
                .ToList();
            int score = Math.Clamp(points.Sum(), 0, 100);
            return new AccountHealth(score, thresholds.StatusOf(score), points);
        }).ToArray();
        var summary = new Summary(
            results.Average(r => r.Score),
            results.Count(r => r.Status == HealthStatus.AtRisk),
            results.Count(r => r.Status == HealthStatus.Neutral),
            results.Count(r => r.Status == HealthStatus.Healthy));
        return (results, summary);
    }
}
