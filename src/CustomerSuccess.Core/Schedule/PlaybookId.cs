using CustomerSuccess.Core.Generators;

namespace CustomerSuccess.Core.Schedule;

/// <summary>Identifies a playbook (a CRM playbook: the guided notes and questions a user works through on a call or
/// meeting) within its portal.</summary>
/// <remarks>A positive number; <c>default</c> (0) means "no id" and is never returned by <c>From</c>. Generated members:
/// <c>From</c>, <c>TryCreate</c>, <c>Parse</c>/<c>TryParse</c>, ordering, invariant formatting and a System.Text.Json
/// converter. <threadsafety>Immutable value type; thread-safe.</threadsafety></remarks>
[TypedId]
public readonly partial record struct PlaybookId;
