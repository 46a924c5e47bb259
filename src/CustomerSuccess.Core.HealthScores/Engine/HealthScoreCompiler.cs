using System;
using System.Collections.Immutable;
using CustomerSuccess.Core.HealthScores.Snapshots;

namespace CustomerSuccess.Core.HealthScores.Engine;

/// <summary>Compiles a score version once against a portfolio schema.</summary>
public static class HealthScoreCompiler
{
    /// <summary>Binds every property criterion's conditions to the schema's columns and numbers the event criteria.</summary>
    /// <param name="version">The score version (its ScoreId and Number name every output).</param>
    /// <param name="schema">The snapshot schema.</param>
    /// <returns>The compiled score, or the problems: <c>health_score.unknown_property</c>,
    /// <c>health_score.operator_type_mismatch</c>, <c>health_score.missing_upper_value</c>, <c>health_score.invalid_days</c>,
    /// <c>health_score.missing_date</c>, <c>health_score.text_value_count</c>, <c>health_score.invalid_window</c>,
    /// <c>health_score.invalid_count</c>. A text value absent from a snapshot's dictionary is not a problem (never matches).
    /// Definition rules that do not affect evaluation (e.g. the max-points sum, rule 78) are the validator's job: a
    /// draft may be compiled for what-if runs.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static CompilationResult<CompiledHealthScore> Compile(ScoreVersion version, PortfolioSchema schema)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(schema);
        var builder = new PlanBuilder(schema);
        var eventCriteria = ImmutableArray.CreateBuilder<EventCriterion>();
        PlanGroup[] groups = builder.Build(version.Definition, eventCriteria);
        if (builder.Problems.Count > 0)
        {
            return new CompilationResult<CompiledHealthScore>(null, [.. builder.Problems]);
        }

        var compiled = new CompiledHealthScore(version, schema, groups, [.. builder.Conditions], builder.CodeCount, eventCriteria.ToImmutable());
        return new CompilationResult<CompiledHealthScore>(compiled, []);
    }
}
