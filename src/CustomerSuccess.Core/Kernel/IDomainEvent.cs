using NodaTime;

namespace CustomerSuccess.Core;

/// <summary>
/// Something that happened in an aggregate. Aggregates record events only for operations that succeeded and changed
/// state (a no-change update records none); integrators dispatch them after the aggregate was saved.
/// </summary>
/// <remarks>Events are immutable records; <see cref="OccurredAt"/> is the <c>now</c> the operation was given (the
/// library never reads a clock itself).</remarks>
public interface IDomainEvent
{
    /// <summary>Gets the instant at which the event happened.</summary>
    Instant OccurredAt { get; }
}
