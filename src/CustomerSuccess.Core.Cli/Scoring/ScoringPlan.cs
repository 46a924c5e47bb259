using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Core.HealthScores;
using CustomerSuccess.Core.HealthScores.Activity;
using CustomerSuccess.Core.HealthScores.Engine;
using CustomerSuccess.Core.HealthScores.Snapshots;
using CustomerSuccess.Core.HealthScores.Validation;
using NodaTime;

namespace CustomerSuccess.Core.Cli.Scoring;

/// <summary>
/// Everything that decides whether a definition can be scored from files, in one place, so that <c>validate</c> and
/// the scoring commands cannot disagree: the definition's validation for activation, the record and event property
/// types its conditions imply (a property read as two types is a problem), the columns the portfolio and events files
/// must have, and compilation against those schemas.
/// </summary>
internal sealed class ScoringPlan
{
    /// <summary>The columns of an events file, in any order; <see cref="EventProperties"/> is optional.</summary>
    public const string EventAccount = "account";
    public const string EventType = "type";
    public const string EventTime = "time";
    public const string EventProperties = "properties";

    private ScoringPlan(HealthScoreDefinition definition, PortfolioSchema records, PortfolioSchema events, IReadOnlyList<Problem> problems)
    {
        Definition = definition;
        RecordSchema = records;
        EventSchema = events;
        DefinitionProblems = problems;
    }

    public HealthScoreDefinition Definition { get; }

    /// <summary>One signal per record property the property criteria read, typed by the conditions that read it.</summary>
    public PortfolioSchema RecordSchema { get; }

    /// <summary>One signal per event property the event criteria's conditions read.</summary>
    public PortfolioSchema EventSchema { get; }

    public bool HasEventCriteria => Definition.Groups.Any(g => g.Criteria.Any(c => c is EventCriterion));

    /// <summary>Problems of the definition itself (validation for activation, conflicting property types).</summary>
    public IReadOnlyList<Problem> DefinitionProblems { get; }

    public static ScoringPlan Create(HealthScoreDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var problems = new List<Problem>();
        problems.AddRange(HealthScoreValidator.Validate(definition, ValidationMode.Activation).Problems.Select(Problem.From));
        var records = new SchemaBuilder("record property", problems);
        var events = new SchemaBuilder("event property", problems);
        for (int g = 0; g < definition.Groups.Length; g++)
        {
            for (int c = 0; c < definition.Groups[g].Criteria.Length; c++)
            {
                string path = $"groups[{g}].criteria[{c}]";
                switch (definition.Groups[g].Criteria[c])
                {
                    case PropertyCriterion property:
                        records.AddAll(property.Conditions, path + ".conditions");
                        break;
                    case EventCriterion ev:
                        events.AddAll(ev.EventConditions, path + ".eventConditions");
                        break;
                    default:
                        break;
                }
            }
        }

        return new ScoringPlan(definition, records.Build(), events.Build(), problems);
    }

    /// <summary>The problems of scoring a portfolio whose header has <paramref name="columns"/>.</summary>
    public List<Problem> CheckPortfolioColumns(IReadOnlyList<string> columns, PortfolioColumns wanted, string source, char delimiter)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(wanted);
        var problems = new List<Problem>();
        var present = new HashSet<string>(columns, StringComparer.Ordinal);
        void Need(string column, string why)
        {
            if (!present.Contains(column))
            {
                problems.Add(new Problem(source, "cli.column_missing", $"no column '{column}' ({why}).{Hint(columns, column, delimiter)}"));
            }
        }

        Need(wanted.Id, "the account id, --id-column");
        foreach (SignalDefinition signal in RecordSchema.Signals)
        {
            Need(signal.Name, $"read as {Describe(signal.Type)} by {Readers(signal.Name, events: false)}");
        }

        if (wanted.Owner is { } owner)
        {
            Need(owner, "the CSM owner, --owner-column");
        }

        if (wanted.Outcome is { } outcome)
        {
            Need(outcome, "the outcome, --outcome");
        }

        if (problems.Count > 0)
        {
            problems.Add(new Problem(source, "cli.columns", $"the columns are {ColumnList(columns)}."));
        }

        return problems;
    }

    /// <summary>The problems of reading events from a file with <paramref name="columns"/> (or from no file).</summary>
    public List<Problem> CheckEvents(string? source, IReadOnlyList<string>? columns, char delimiter)
    {
        var problems = new List<Problem>();
        if (source is null || columns is null)
        {
            if (HasEventCriteria)
            {
                string first = EventCriteriaPaths().First();
                problems.Add(new Problem(first, "cli.events_required", "the definition has event criteria, which are scored from tracked events: pass --events FILE (columns account,type,time,properties)."));
            }

            return problems;
        }

        var present = new HashSet<string>(columns, StringComparer.Ordinal);
        foreach (string column in (string[])[EventAccount, EventType, EventTime])
        {
            if (!present.Contains(column))
            {
                problems.Add(new Problem(source, "cli.column_missing", $"no column '{column}' (an events file has the columns account,type,time,properties).{Hint(columns, column, delimiter)}"));
            }
        }

        if (EventSchema.Count > 0 && !present.Contains(EventProperties))
        {
            problems.Add(new Problem(source, "cli.column_missing", $"no column '{EventProperties}', but event conditions read {string.Join(", ", EventSchema.Signals.Select(s => "'" + s.Name + "'"))}."));
        }

        return problems;
    }

    /// <summary>Compiles the definition against the derived schemas (what scoring runs); problems are added.</summary>
    public (CompiledHealthScore? Score, ActivityAggregator? Aggregator) Compile(Instant activatedAt, List<Problem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var version = new ScoreVersion(HealthScoreId.From(1), 1, activatedAt, Definition);
        CompilationResult<CompiledHealthScore> score = HealthScoreCompiler.Compile(version, RecordSchema);
        problems.AddRange(score.Problems.Select(Problem.From));
        ActivityAggregator? aggregator = null;
        if (HasEventCriteria)
        {
            CompilationResult<ActivityAggregator> compiled = ActivityAggregator.Compile(Definition, EventSchema);
            problems.AddRange(compiled.Problems.Select(Problem.From));
            aggregator = compiled.Value;
        }

        return (score.Value, aggregator);
    }

    public static string Describe(SignalType type) => type switch
    {
        SignalType.Number => "a number",
        SignalType.Text => "text",
        SignalType.Date => "a date (yyyy-MM-dd)",
        _ => "a boolean (true/false, yes/no, 1/0)",
    };

    /// <summary>A hint when the header looks delimited by another character than the one used.</summary>
    public static string Hint(IReadOnlyList<string> columns, string missing, char delimiter)
    {
        foreach (char candidate in (char[])[',', ';', '\t', '|'])
        {
            if (candidate != delimiter && columns.Any(c => c.Split(candidate).Contains(missing, StringComparer.Ordinal)))
            {
                string shown = candidate == '\t' ? "\\t" : candidate.ToString();
                return $" The header looks delimited by '{shown}', not '{(delimiter == '\t' ? "\\t" : delimiter.ToString())}': pass --delimiter '{shown}'.";
            }
        }

        return string.Empty;
    }

    public static string ColumnList(IReadOnlyList<string> columns)
    {
        const int Shown = 12;
        string list = string.Join(", ", columns.Take(Shown).Select(c => Input.CsvCells.Excerpt(c)));
        return columns.Count > Shown ? $"{list} and {columns.Count - Shown} more" : list;
    }

    private IEnumerable<string> EventCriteriaPaths()
    {
        for (int g = 0; g < Definition.Groups.Length; g++)
        {
            for (int c = 0; c < Definition.Groups[g].Criteria.Length; c++)
            {
                if (Definition.Groups[g].Criteria[c] is EventCriterion)
                {
                    yield return $"groups[{g}].criteria[{c}]";
                }
            }
        }
    }

    private string Readers(string property, bool events)
    {
        var paths = new List<string>();
        for (int g = 0; g < Definition.Groups.Length; g++)
        {
            for (int c = 0; c < Definition.Groups[g].Criteria.Length; c++)
            {
                Criterion criterion = Definition.Groups[g].Criteria[c];
                var conditions = criterion switch
                {
                    PropertyCriterion p when !events => p.Conditions,
                    EventCriterion e when events => e.EventConditions,
                    _ => [],
                };
                if (conditions.Any(k => k.Property == property))
                {
                    paths.Add($"'{criterion.Name}' (groups[{g}].criteria[{c}])");
                }
            }
        }

        return paths.Count <= 2 ? string.Join(" and ", paths) : $"{paths[0]} and {paths.Count - 1} more criteria";
    }

    /// <summary>Collects property names and types in first-seen order; a second type for a name is a problem.</summary>
    private sealed class SchemaBuilder(string kind, List<Problem> problems)
    {
        private readonly Dictionary<string, (SignalType Type, string Path)> _types = new(StringComparer.Ordinal);
        private readonly List<string> _order = [];

        public void AddAll(IReadOnlyList<Condition> conditions, string path)
        {
            for (int k = 0; k < conditions.Count; k++)
            {
                Condition condition = conditions[k];
                string where = $"{path}[{k}]";
                if (string.IsNullOrWhiteSpace(condition.Property))
                {
                    continue; // reported by validation (health_score.property_required)
                }

                if (_types.TryGetValue(condition.Property, out var first))
                {
                    if (first.Type != condition.SignalType)
                    {
                        problems.Add(new Problem(
                            where,
                            "cli.property_type_conflict",
                            $"the {kind} '{condition.Property}' is read as {Describe(condition.SignalType)} here but as {Describe(first.Type)} at {first.Path}; a column has one type."));
                    }
                }
                else
                {
                    _types.Add(condition.Property, (condition.SignalType, where));
                    _order.Add(condition.Property);
                }
            }
        }

        public PortfolioSchema Build() => new(_order.Select(name => new SignalDefinition(name, _types[name].Type)));
    }
}

/// <summary>The portfolio columns a command reads besides the signals.</summary>
internal sealed record PortfolioColumns(string Id, string? Owner = null, string? Outcome = null);
