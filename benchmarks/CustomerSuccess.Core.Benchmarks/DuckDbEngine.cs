using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using CustomerSuccess.Core.HealthScores;
using CustomerSuccess.Core.HealthScores.Snapshots;
using DuckDB.NET.Data;
using NodaTime;

namespace CustomerSuccess.Core.Benchmarks;

/// <summary>DuckDB in process: the accounts table (DOUBLE, VARCHAR, DATE, BOOLEAN, INTEGER event counts; gaps as
/// NULL) loaded with the appender, the profile as one SQL statement (CASE WHEN per criterion, LEAST/GREATEST clamp per
/// group and for the total, CASE for the band), scores written into a table.</summary>
public sealed class DuckDbEngine : IDisposable
{
    private readonly DuckDBConnection _connection;

    public DuckDbEngine(PortfolioData data, HealthScoreDefinition definition, LocalDate asOf)
    {
        _connection = new DuckDBConnection("Data Source=:memory:");
        _connection.Open();
        var columns = new List<string> { "id INTEGER" };
        columns.AddRange(PortfolioData.NumberNames.Select(n => n + " DOUBLE"));
        columns.AddRange(PortfolioData.TextNames.Select(n => n + " VARCHAR"));
        columns.AddRange(PortfolioData.DateNames.Select(n => n + " DATE"));
        columns.Add(PortfolioData.BooleanName + " BOOLEAN");
        columns.AddRange(Enumerable.Range(0, data.ActivityCounts.Length).Select(e => $"e{e} INTEGER"));
        Execute($"CREATE TABLE accounts ({string.Join(", ", columns)})");
        using (DuckDBAppender appender = _connection.CreateAppender("accounts"))
        {
            for (int i = 0; i < data.Count; i++)
            {
                IDuckDBAppenderRow row = appender.CreateRow().AppendValue(i);
                for (int c = 0; c < PortfolioData.NumberNames.Length; c++)
                {
                    double v = data.Numbers[c][i];
                    row = double.IsNaN(v) ? row.AppendNullValue() : row.AppendValue(v);
                }

                for (int c = 0; c < PortfolioData.TextNames.Length; c++)
                {
                    row = data.Texts[c][i] is { } s ? row.AppendValue(s) : row.AppendNullValue();
                }

                for (int c = 0; c < PortfolioData.DateNames.Length; c++)
                {
                    int day = data.Days[c][i];
                    row = day == int.MinValue ? row.AppendNullValue() : row.AppendValue((DateOnly?)SignalEncoding.FromDayNumber(day).ToDateOnly());
                }

                row = data.Flags[i] is { } flag ? row.AppendValue(flag) : row.AppendNullValue();
                for (int e = 0; e < data.ActivityCounts.Length; e++)
                {
                    row = row.AppendValue(data.ActivityCounts[e][i]);
                }

                row.EndRow();
            }
        }

        ScoreSql = BuildScoreSql(definition, asOf);
    }

    public string ScoreSql { get; }

    public void SetThreads(int threads) => Execute($"SET threads = {threads}");

    /// <summary>The timed operation: per-account score and band into a table.</summary>
    public void ScoreIntoTable() => Execute(ScoreSql);

    public (byte[] Scores, byte[] Statuses) ReadScores(int n)
    {
        var scores = new byte[n];
        var statuses = new byte[n];
        using DuckDBCommand command = _connection.CreateCommand();
        command.CommandText = "SELECT id, score, status FROM scores";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            int id = reader.GetInt32(0);
            scores[id] = (byte)reader.GetInt32(1);
            statuses[id] = (byte)reader.GetInt32(2);
        }

        return (scores, statuses);
    }

    public long DatabaseBytes()
    {
        using DuckDBCommand command = _connection.CreateCommand();
        command.CommandText = "SELECT memory_usage FROM pragma_database_size()";
        object? value = command.ExecuteScalar();
        return ParseSize(value?.ToString() ?? "0");
    }

    public void Execute(string sql)
    {
        using DuckDBCommand command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose() => _connection.Dispose();

    private static long ParseSize(string text)
    {
        string[] parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double v))
        {
            return 0;
        }

        return parts[1] switch
        {
            "KiB" => (long)(v * 1024),
            "MiB" => (long)(v * 1024 * 1024),
            "GiB" => (long)(v * 1024 * 1024 * 1024),
            _ => (long)v,
        };
    }

    private static string BuildScoreSql(HealthScoreDefinition definition, LocalDate asOf)
    {
        var groupExpressions = new List<string>();
        int eventIndex = 0;
        foreach (ScoreGroup group in definition.Groups)
        {
            var terms = new List<string>();
            foreach (Criterion criterion in group.Criteria)
            {
                string test = criterion switch
                {
                    EventCriterion e => $"e{eventIndex++} {CountSql(e.CountOperator)} {e.Count}",
                    PropertyCriterion p => string.Join(" AND ", p.Conditions.Select(c => ConditionSql(c, asOf))),
                    _ => throw new NotSupportedException(),
                };
                terms.Add($"CASE WHEN {test} THEN {criterion.Points} ELSE 0 END");
            }

            groupExpressions.Add($"LEAST(GREATEST({string.Join(" + ", terms)}, 0), {group.MaxPoints})");
        }

        var sql = new StringBuilder();
        sql.Append("CREATE OR REPLACE TABLE scores AS SELECT id, score, CASE WHEN score >= ")
            .Append(definition.Thresholds.HealthyFrom).Append(" THEN 2 WHEN score >= ").Append(definition.Thresholds.NeutralFrom)
            .Append(" THEN 1 ELSE 0 END AS status FROM (SELECT id, LEAST(GREATEST(")
            .Append(string.Join(" + ", groupExpressions))
            .Append(", 0), 100) AS score FROM accounts)");
        return sql.ToString();
    }

    private static string Iso(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string CountSql(CountOperator op) =>
        op switch
        {
            CountOperator.AtLeast => ">=",
            CountOperator.AtMost => "<=",
            CountOperator.Exactly => "=",
            CountOperator.MoreThan => ">",
            _ => "<",
        };

    private static string ConditionSql(Condition condition, LocalDate asOf)
    {
        switch (condition)
        {
            case NumberCondition n:
                string op = n.Operator switch
                {
                    NumberOperator.Equal => "=",
                    NumberOperator.NotEqual => "<>",
                    NumberOperator.LessThan => "<",
                    NumberOperator.LessThanOrEqual => "<=",
                    NumberOperator.GreaterThan => ">",
                    NumberOperator.GreaterThanOrEqual => ">=",
                    _ => throw new NotSupportedException(),
                };
                return $"{n.Property} {op} {n.Value.ToString(CultureInfo.InvariantCulture)}";
            case TextCondition { Operator: TextOperator.Is } t:
                return $"{t.Property} = '{t.Values[0]}'";
            case DateCondition { Operator: DateOperator.WithinLastDays } d:
                return $"{d.Property} BETWEEN DATE '{Iso(asOf.PlusDays(-d.Days!.Value))}' AND DATE '{Iso(asOf)}'";
            case BooleanCondition b:
                return $"{b.Property} = {(b.Value ? "true" : "false")}";
            default:
                throw new NotSupportedException(condition.ToString());
        }
    }
}
