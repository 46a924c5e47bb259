namespace CustomerSuccess.Core.HealthScores;

/// <summary>The value type of a record property or an event property that a condition tests.</summary>
public enum SignalType
{
    /// <summary>A number (<see cref="double"/>); tested by <see cref="NumberCondition"/>.</summary>
    Number,

    /// <summary>A text (<see cref="string"/>); tested by <see cref="TextCondition"/>.</summary>
    Text,

    /// <summary>A calendar date (<see cref="NodaTime.LocalDate"/>); tested by <see cref="DateCondition"/>.</summary>
    Date,

    /// <summary>A boolean; tested by <see cref="BooleanCondition"/>.</summary>
    Boolean,
}
