using System.Collections.Immutable;
using NodaTime;

namespace CustomerSuccess.Core.HealthScores.Explanations;

/// <summary>
/// "Test a record" (rule 86): why one account got its score, as of a date, under a named score version — per
/// criterion the input values, matched or not and the points awarded; per group the raw and clamped points; the
/// total, the status and the coverage. Agrees exactly with the batch evaluation.
/// </summary>
/// <param name="ScoreId">The score's id.</param>
/// <param name="VersionNumber">The score version's number.</param>
/// <param name="AccountIndex">The account's index in the snapshot.</param>
/// <param name="AsOf">The as-of date used for date conditions.</param>
/// <param name="Score">The total: Σ clamped group points, clamped to [0, 100].</param>
/// <param name="Status">The status of <paramref name="Score"/> under the version's thresholds.</param>
/// <param name="Coverage">Σ over groups MaxPoints × covered criteria ÷ criteria, ÷ Σ MaxPoints, in [0, 1].</param>
/// <param name="Groups">One entry per group, in definition order.</param>
public sealed record HealthScoreExplanation(
    HealthScoreId ScoreId,
    int VersionNumber,
    int AccountIndex,
    LocalDate AsOf,
    int Score,
    HealthStatus Status,
    double Coverage,
    ImmutableArray<GroupExplanation> Groups);

/// <summary>One group's share of an explanation.</summary>
/// <param name="Group">The group as defined.</param>
/// <param name="RawPoints">Σ points of the matched criteria (may be negative or above the cap).</param>
/// <param name="Points">The contribution: <paramref name="RawPoints"/> clamped to [0, MaxPoints] (rules 79, 80).</param>
/// <param name="CoveredCriteria">The number of criteria whose every input was present.</param>
/// <param name="Criteria">One entry per criterion, in definition order.</param>
public sealed record GroupExplanation(
    ScoreGroup Group,
    int RawPoints,
    int Points,
    int CoveredCriteria,
    ImmutableArray<CriterionExplanation> Criteria);

/// <summary>One criterion's share of an explanation.</summary>
/// <param name="Criterion">The criterion as defined (operators, thresholds, window).</param>
/// <param name="Matched">Whether it matched: every condition true (property criterion, rule 81) or the event count
/// satisfied its count operator (event criterion).</param>
/// <param name="AwardedPoints">The criterion's points when matched, otherwise 0.</param>
/// <param name="InputsPresent">Whether every input property was present (event counts are always present).</param>
/// <param name="Conditions">Per condition of a property criterion: the input value and the outcome; empty for event criteria.</param>
/// <param name="EventCount">For an event criterion, the counted events in its window; otherwise null.</param>
public sealed record CriterionExplanation(
    Criterion Criterion,
    bool Matched,
    int AwardedPoints,
    bool InputsPresent,
    ImmutableArray<ConditionExplanation> Conditions,
    int? EventCount);

/// <summary>One condition of a property criterion, with the account's input value.</summary>
/// <param name="Condition">The condition as defined.</param>
/// <param name="Value">The input: a boxed <see cref="double"/>, <see cref="string"/>, <see cref="LocalDate"/> or
/// <see cref="bool"/>, or null when missing (a missing value never matches, except text IsUnknown).</param>
/// <param name="Matched">Whether the condition held.</param>
public sealed record ConditionExplanation(Condition Condition, object? Value, bool Matched);
