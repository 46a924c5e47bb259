using CustomerSuccess.Core.Generators;

namespace CustomerSuccess.Core.HealthScores.History;

/// <summary>Identifies one scoring run of a portal; the caller chooses it (for example from a job's id), so that a run
/// submitted twice is recognised and recorded once.</summary>
/// <remarks>A positive number; <c>default</c> (0) means "no id" and is never returned by <c>From</c>. Generated members:
/// <c>From</c>, <c>TryCreate</c>, <c>Parse</c>/<c>TryParse</c>, ordering, invariant formatting and a System.Text.Json
/// converter. <threadsafety>Immutable value type; thread-safe.</threadsafety></remarks>
[TypedId]
public readonly partial record struct ScoringRunId;
