using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using CustomerSuccess.Core.HealthScores.Snapshots;

namespace CustomerSuccess.Core.HealthScores.Engine;

/// <summary>A bound condition with its slot in the per-evaluation binding (codes and day ranges).</summary>
internal sealed class PlanCondition
{
    public PlanCondition(BoundCondition bound, int id, int codeOffset)
    {
        Bound = bound;
        Id = id;
        CodeOffset = codeOffset;
    }

    public BoundCondition Bound { get; }

    public int Id { get; }

    public int CodeOffset { get; }
}

/// <summary>One compiled criterion.</summary>
internal sealed class PlanCriterion
{
    public PlanCriterion(Criterion source, PlanCondition[] conditions, PlanCondition[] presence, int eventColumn, int countLow, int countHigh)
    {
        Source = source;
        Points = source.Points;
        Conditions = conditions;
        Presence = presence;
        EventColumn = eventColumn;
        CountLow = countLow;
        CountHigh = countHigh;
    }

    public Criterion Source { get; }

    public int Points { get; }

    /// <summary>Property conditions (AND); empty for event criteria.</summary>
    public PlanCondition[] Conditions { get; }

    /// <summary>One presence test per distinct input column; empty for event criteria (counts are never missing).</summary>
    public PlanCondition[] Presence { get; }

    /// <summary>The event count column, or -1 for a property criterion.</summary>
    public int EventColumn { get; }

    public int CountLow { get; }

    public int CountHigh { get; }

    public bool IsEvent => EventColumn >= 0;
}

/// <summary>One compiled group.</summary>
internal sealed class PlanGroup
{
    public PlanGroup(ScoreGroup source, PlanCriterion[] criteria)
    {
        Source = source;
        MaxPoints = Math.Max(0, source.MaxPoints);
        Criteria = criteria;
        long negative = 0;
        long positive = 0;
        foreach (PlanCriterion criterion in criteria)
        {
            if (criterion.Points < 0)
            {
                negative -= criterion.Points;
            }
            else
            {
                positive += criterion.Points;
            }
        }

        FitsBytes = positive + negative <= byte.MaxValue;
        Bias = FitsBytes ? (byte)negative : (byte)0;
        Upper = (byte)Math.Min(byte.MaxValue, negative + MaxPoints);
        Contributes = MaxPoints > 0 && positive > 0;
    }

    public ScoreGroup Source { get; }

    /// <summary>The cap, at least 0.</summary>
    public int MaxPoints { get; }

    public PlanCriterion[] Criteria { get; }

    /// <summary>Whether Σ |points| ≤ 255, so that a byte accumulator starting at <see cref="Bias"/> never wraps: every
    /// partial sum lies in [Σ negative, Σ positive], i.e. bias + partial sum in [0, Σ |points|].</summary>
    public bool FitsBytes { get; }

    /// <summary>Σ |negative points|: the byte accumulator's start value, so that it stays ≥ 0.</summary>
    public byte Bias { get; }

    /// <summary>min(255, Bias + MaxPoints): the clamp's upper bound in biased byte units.</summary>
    public byte Upper { get; }

    /// <summary>Whether the group can contribute anything: a positive cap and at least one positive criterion (a group
    /// without positive points is clamped to 0 whatever matches).</summary>
    public bool Contributes { get; }
}

/// <summary>Builds the plan: binds names to columns and numbers conditions.</summary>
internal sealed class PlanBuilder
{
    private readonly PortfolioSchema _schema;
    private readonly List<ValidationProblem> _problems = [];
    private readonly List<PlanCondition> _conditions = [];
    private int _codes;

    public PlanBuilder(PortfolioSchema schema) => _schema = schema;

    public List<ValidationProblem> Problems => _problems;

    public int ConditionCount => _conditions.Count;

    public int CodeCount => _codes;

    public IReadOnlyList<PlanCondition> Conditions => _conditions;

    public PlanGroup[] Build(HealthScoreDefinition definition, ImmutableArray<EventCriterion>.Builder eventCriteria)
    {
        var groups = new PlanGroup[definition.Groups.Length];
        for (int g = 0; g < groups.Length; g++)
        {
            ScoreGroup group = definition.Groups[g];
            var criteria = new PlanCriterion[group.Criteria.Length];
            for (int c = 0; c < criteria.Length; c++)
            {
                string path = $"groups[{g}].criteria[{c}]";
                criteria[c] = group.Criteria[c] switch
                {
                    PropertyCriterion p => BuildProperty(p, path),
                    EventCriterion e => BuildEvent(e, path, eventCriteria),
                    var other => Unsupported(other, path),
                };
            }

            groups[g] = new PlanGroup(group, criteria);
        }

        return groups;
    }

    private PlanCriterion BuildProperty(PropertyCriterion criterion, string path)
    {
        var conditions = new List<PlanCondition>();
        var presence = new List<PlanCondition>();
        var columns = new HashSet<int>();
        for (int k = 0; k < criterion.Conditions.Length; k++)
        {
            BoundCondition? bound = BoundCondition.Bind(criterion.Conditions[k], _schema, $"{path}.conditions[{k}]", _problems);
            if (bound is null)
            {
                continue;
            }

            conditions.Add(Add(bound));
            if (columns.Add(bound.Column))
            {
                presence.Add(Add(BoundCondition.Presence(bound.Column, _schema.Signals[bound.Column].Type)));
            }
        }

        return new PlanCriterion(criterion, [.. conditions], [.. presence], -1, 0, 0);
    }

    private PlanCriterion BuildEvent(EventCriterion criterion, string path, ImmutableArray<EventCriterion>.Builder eventCriteria)
    {
        Activity.ActivityAggregator.ValidateEventCriterion(criterion, path, _problems);
        (int low, int high) = Enum.IsDefined(criterion.CountOperator) ? BoundCondition.CountRange(criterion.CountOperator, criterion.Count) : (1, 0);
        eventCriteria.Add(criterion);
        return new PlanCriterion(criterion, [], [], eventCriteria.Count - 1, low, high);
    }

    private PlanCriterion Unsupported(Criterion criterion, string path)
    {
        _problems.Add(new ValidationProblem(path, "health_score.unknown_criterion", $"Unsupported criterion type {criterion.GetType().Name}."));
        return new PlanCriterion(criterion, [], [], -1, 0, 0);
    }

    private PlanCondition Add(BoundCondition bound)
    {
        var condition = new PlanCondition(bound, _conditions.Count, _codes);
        _codes += bound.MaxCodes;
        _conditions.Add(condition);
        return condition;
    }
}
