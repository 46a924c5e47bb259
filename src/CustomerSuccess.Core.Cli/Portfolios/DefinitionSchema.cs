using System;
using System.Collections.Generic;
using CustomerSuccess.Core.HealthScores;
using CustomerSuccess.Core.HealthScores.Snapshots;

namespace CustomerSuccess.Core.Cli.Portfolios;

/// <summary>Derives the portfolio schema a definition needs: one signal per record property its criteria read, typed by
/// the kind of condition that reads it.</summary>
internal static class DefinitionSchema
{
    public static PortfolioSchema For(HealthScoreDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var types = new Dictionary<string, SignalType>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var group in definition.Groups)
        {
            foreach (var criterion in group.Criteria)
            {
                if (criterion is not PropertyCriterion property)
                {
                    continue;
                }

                foreach (var condition in property.Conditions)
                {
                    var type = condition switch
                    {
                        NumberCondition => SignalType.Number,
                        TextCondition => SignalType.Text,
                        DateCondition => SignalType.Date,
                        BooleanCondition => SignalType.Boolean,
                        _ => throw new InvalidOperationException($"Unknown condition kind {condition.GetType().Name}."),
                    };
                    if (types.TryGetValue(condition.Property, out var existing))
                    {
                        if (existing != type)
                        {
                            throw new InvalidOperationException(
                                $"Property '{condition.Property}' is read both as {existing} and as {type} in '{definition.Name}'.");
                        }
                    }
                    else
                    {
                        types.Add(condition.Property, type);
                        order.Add(condition.Property);
                    }
                }
            }
        }

        var signals = new List<SignalDefinition>(order.Count);
        foreach (var name in order)
        {
            signals.Add(new SignalDefinition(name, types[name]));
        }

        return new PortfolioSchema(signals);
    }
}
