using CustomerSuccess.Core.Generators;

namespace CustomerSuccess.Core.Alerts;

/// <summary>Identifies a health-score alert within its portal; handed out by the portal's alert book, never reused.</summary>
/// <remarks>A positive number; <c>default</c> (0) means "no id" and is never returned by <c>From</c>. Generated members:
/// <c>From</c>, <c>TryCreate</c>, <c>Parse</c>/<c>TryParse</c>, ordering, invariant formatting and a System.Text.Json
/// converter. <threadsafety>Immutable value type; thread-safe.</threadsafety></remarks>
[TypedId]
public readonly partial record struct AlertId;
