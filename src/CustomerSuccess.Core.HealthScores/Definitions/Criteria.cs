using System;
using System.Collections.Immutable;

namespace CustomerSuccess.Core.HealthScores;

/// <summary>A scoring rule: adds <see cref="Points"/> (which may be negative) to its group when it matches (rule 79).</summary>
/// <param name="Name">The criterion name, unique within its group.</param>
/// <param name="Points">The points added when the criterion matches; negative values subtract.</param>
/// <remarks>Instances are immutable and thread-safe. Blank names and out-of-range points are allowed in the model (drafts) and reported by validation.</remarks>
public abstract record Criterion(string Name, int Points)
{
    /// <summary>The largest accepted absolute value of <see cref="Points"/>.</summary>
    public const int MaxAbsolutePoints = 100;

    /// <summary>Gets the criterion name.</summary>
    /// <value>Never <see langword="null"/>; may be blank in a draft.</value>
    /// <exception cref="ArgumentNullException">The value set is <see langword="null"/>.</exception>
    public string Name
    {
        get;
        init => field = Guard.NotNull(value, nameof(Name));
    } = Guard.NotNull(Name, nameof(Name));

    /// <summary>Gets the group kind this criterion belongs in.</summary>
    /// <value>Fixed per criterion type.</value>
    public abstract ScoreGroupKind Kind { get; }
}

/// <summary>A fit rule on property values of the scored record.</summary>
/// <param name="Name">The criterion name.</param>
/// <param name="Points">The points added on a match.</param>
/// <param name="Conditions">The conditions; all must be true for the same record (AND, rule 81).</param>
/// <remarks>Matches iff every condition matches. Equality compares <see cref="Conditions"/> element by element.</remarks>
public sealed record PropertyCriterion(string Name, int Points, ImmutableArray<Condition> Conditions) : Criterion(Name, Points)
{
    /// <summary>Gets the conditions, AND'ed over the same record.</summary>
    /// <value>Never default (a default array is stored as empty); no <see langword="null"/> elements.</value>
    /// <exception cref="ArgumentException">The value set contains a <see langword="null"/> element.</exception>
    public ImmutableArray<Condition> Conditions
    {
        get;
        init => field = Guard.Elements(value, nameof(Conditions));
    } = Guard.Elements(Conditions, nameof(Conditions));

    /// <inheritdoc/>
    /// <value><see cref="ScoreGroupKind.Property"/>.</value>
    public override ScoreGroupKind Kind => ScoreGroupKind.Property;

    /// <summary>Compares name, points and the condition sequence.</summary>
    /// <param name="other">The other criterion.</param>
    /// <returns><see langword="true"/> when all members are equal.</returns>
    public bool Equals(PropertyCriterion? other) =>
        other is not null && base.Equals(other) && Guard.SequenceEqual(Conditions, other.Conditions);

    /// <summary>Returns a hash code consistent with <see cref="Equals(PropertyCriterion)"/>.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode()
    {
        HashCode hash = default;
        hash.Add(base.GetHashCode());
        Guard.AddSequence(ref hash, Conditions);
        return hash.ToHashCode();
    }
}

/// <summary>An engagement rule on tracked events: counts matching events in a window and compares the count.</summary>
/// <param name="Name">The criterion name.</param>
/// <param name="Points">The points added on a match.</param>
/// <param name="EventType">The event type counted (ordinal, case-sensitive), e.g. <c>meeting</c>.</param>
/// <param name="EventConditions">Conditions on the event's properties; all must be true for one single event (rule 81).</param>
/// <param name="WindowDays">The window length in days (1..3650).</param>
/// <param name="CountOperator">How the count is compared with <paramref name="Count"/>.</param>
/// <param name="Count">The count operand (&gt;= 0).</param>
/// <remarks>
/// An event counts when its type equals <see cref="EventType"/>, it satisfies every condition of
/// <see cref="EventConditions"/>, and its occurred-at falls in the half-open window
/// asOfInstant − WindowDays × 24 h &lt;= occurredAt &lt; asOfInstant. A count is never missing (no events = 0).
/// </remarks>
public sealed record EventCriterion(
    string Name,
    int Points,
    string EventType,
    ImmutableArray<Condition> EventConditions,
    int WindowDays,
    CountOperator CountOperator,
    int Count) : Criterion(Name, Points)
{
    /// <summary>The largest accepted <see cref="WindowDays"/> value (about ten years).</summary>
    public const int MaxWindowDays = 3650;

    /// <summary>Gets the counted event type.</summary>
    /// <value>Never <see langword="null"/>; may be blank in a draft.</value>
    /// <exception cref="ArgumentNullException">The value set is <see langword="null"/>.</exception>
    public string EventType
    {
        get;
        init => field = Guard.NotNull(value, nameof(EventType));
    } = Guard.NotNull(EventType, nameof(EventType));

    /// <summary>Gets the conditions on the properties of one single event.</summary>
    /// <value>Never default (a default array is stored as empty); no <see langword="null"/> elements.</value>
    /// <exception cref="ArgumentException">The value set contains a <see langword="null"/> element.</exception>
    public ImmutableArray<Condition> EventConditions
    {
        get;
        init => field = Guard.Elements(value, nameof(EventConditions));
    } = Guard.Elements(EventConditions, nameof(EventConditions));

    /// <inheritdoc/>
    /// <value><see cref="ScoreGroupKind.Event"/>.</value>
    public override ScoreGroupKind Kind => ScoreGroupKind.Event;

    /// <summary>Compares all members, the event conditions element by element.</summary>
    /// <param name="other">The other criterion.</param>
    /// <returns><see langword="true"/> when all members are equal.</returns>
    public bool Equals(EventCriterion? other) =>
        other is not null
        && base.Equals(other)
        && string.Equals(EventType, other.EventType, StringComparison.Ordinal)
        && WindowDays == other.WindowDays
        && CountOperator == other.CountOperator
        && Count == other.Count
        && Guard.SequenceEqual(EventConditions, other.EventConditions);

    /// <summary>Returns a hash code consistent with <see cref="Equals(EventCriterion)"/>.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode()
    {
        HashCode hash = default;
        hash.Add(base.GetHashCode());
        hash.Add(EventType, StringComparer.Ordinal);
        hash.Add(WindowDays);
        hash.Add(CountOperator);
        hash.Add(Count);
        Guard.AddSequence(ref hash, EventConditions);
        return hash.ToHashCode();
    }
}
