using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace CustomerSuccess.Core.HealthScores.Explanations;

/// <summary>
/// Why a score moved: the difference between two explanations of one account, criterion by criterion, separating
/// changes of the account's data from changes of the definition (a new score version).
/// </summary>
/// <remarks>
/// <para>Criteria are matched by group name and criterion name (ordinal). A criterion present in both explanations whose
/// definition (operators, thresholds, points, window) is equal is compared on its data: its input values or event count
/// and its outcome; when those differ it is <see cref="CriterionChangeKind.DataChanged"/>. A criterion whose definition
/// differs is <see cref="CriterionChangeKind.DefinitionChanged"/> (its data may have changed too; the inputs of both
/// sides are kept); one present on one side only is <see cref="CriterionChangeKind.Added"/> or
/// <see cref="CriterionChangeKind.Removed"/>. A group whose cap (Max points) changed is listed in
/// <see cref="ExplanationDiff.CapChanges"/>.</para>
/// <para><see cref="ExplanationDiff.DataPoints"/> and <see cref="ExplanationDiff.DefinitionPoints"/> sum the awarded-point
/// changes of each kind before group caps; the caps and the 0–100 clamp can make the score change smaller.</para>
/// <threadsafety>Immutable; thread-safe.</threadsafety>
/// </remarks>
/// <param name="Before">The earlier explanation.</param>
/// <param name="After">The later explanation.</param>
/// <param name="VersionChanged">Whether the two explanations come from different score versions.</param>
/// <param name="Criteria">Every criterion of either side, in the later definition's order, then the removed ones.</param>
/// <param name="CapChanges">The groups of both sides whose Max points differ.</param>
public sealed record ExplanationDiff(
    HealthScoreExplanation Before,
    HealthScoreExplanation After,
    bool VersionChanged,
    ImmutableArray<CriterionChange> Criteria,
    ImmutableArray<GroupCapChange> CapChanges)
{
    /// <summary>Gets the change of the total score.</summary>
    public int ScoreChange => After.Score - Before.Score;

    /// <summary>Gets the awarded-point change of the criteria whose data changed (before caps).</summary>
    public int DataPoints => Criteria.Where(c => c.Kind == CriterionChangeKind.DataChanged).Sum(c => c.PointsChange);

    /// <summary>Gets the awarded-point change of added, removed and redefined criteria (before caps).</summary>
    public int DefinitionPoints => Criteria.Where(c => c.Kind is CriterionChangeKind.DefinitionChanged or CriterionChangeKind.Added or CriterionChangeKind.Removed).Sum(c => c.PointsChange);

    /// <summary>Compares two explanations of one account.</summary>
    /// <param name="before">The earlier explanation.</param>
    /// <param name="after">The later explanation.</param>
    /// <returns>The difference.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The explanations are of different scores.</exception>
    public static ExplanationDiff Compare(HealthScoreExplanation before, HealthScoreExplanation after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        if (before.ScoreId != after.ScoreId)
        {
            throw new ArgumentException($"The explanations are of scores {before.ScoreId} and {after.ScoreId}.", nameof(after));
        }

        var earlier = Index(before);
        var seen = new HashSet<(string, string)>();
        var criteria = ImmutableArray.CreateBuilder<CriterionChange>();
        var caps = ImmutableArray.CreateBuilder<GroupCapChange>();
        foreach (GroupExplanation group in after.Groups)
        {
            if (before.Groups.FirstOrDefault(g => g.Group.Name == group.Group.Name) is { } old && old.Group.MaxPoints != group.Group.MaxPoints)
            {
                caps.Add(new GroupCapChange(group.Group.Name, old.Group.MaxPoints, group.Group.MaxPoints));
            }

            foreach (CriterionExplanation criterion in group.Criteria)
            {
                var key = (group.Group.Name, criterion.Criterion.Name);
                seen.Add(key);
                criteria.Add(earlier.TryGetValue(key, out var was)
                    ? new CriterionChange(key.Item1, key.Item2, KindOf(was, criterion), was, criterion)
                    : new CriterionChange(key.Item1, key.Item2, CriterionChangeKind.Added, null, criterion));
            }
        }

        foreach (var (key, was) in earlier)
        {
            if (!seen.Contains(key))
            {
                criteria.Add(new CriterionChange(key.Item1, key.Item2, CriterionChangeKind.Removed, was, null));
            }
        }

        return new ExplanationDiff(before, after, before.VersionNumber != after.VersionNumber, criteria.ToImmutable(), caps.ToImmutable());
    }

    private static Dictionary<(string, string), CriterionExplanation> Index(HealthScoreExplanation explanation)
    {
        var index = new Dictionary<(string, string), CriterionExplanation>();
        foreach (GroupExplanation group in explanation.Groups)
        {
            foreach (CriterionExplanation criterion in group.Criteria)
            {
                index.TryAdd((group.Group.Name, criterion.Criterion.Name), criterion);
            }
        }

        return index;
    }

    private static CriterionChangeKind KindOf(CriterionExplanation before, CriterionExplanation after)
    {
        if (!before.Criterion.Equals(after.Criterion))
        {
            return CriterionChangeKind.DefinitionChanged;
        }

        bool same = before.Matched == after.Matched
            && before.EventCount == after.EventCount
            && before.InputsPresent == after.InputsPresent
            && before.Conditions.Select(c => c.Value).SequenceEqual(after.Conditions.Select(c => c.Value));
        return same ? CriterionChangeKind.Unchanged : CriterionChangeKind.DataChanged;
    }
}

/// <summary>How one criterion differs between two explanations.</summary>
public enum CriterionChangeKind
{
    /// <summary>Same definition, same inputs and outcome.</summary>
    Unchanged,

    /// <summary>Same definition; the account's inputs (values, presence or event count) changed.</summary>
    DataChanged,

    /// <summary>The criterion's definition changed (a new score version).</summary>
    DefinitionChanged,

    /// <summary>The criterion exists only in the later definition.</summary>
    Added,

    /// <summary>The criterion exists only in the earlier definition.</summary>
    Removed,
}

/// <summary>One criterion's difference.</summary>
/// <param name="Group">The group's name.</param>
/// <param name="Criterion">The criterion's name.</param>
/// <param name="Kind">What changed.</param>
/// <param name="Before">The earlier explanation of the criterion, or null when added.</param>
/// <param name="After">The later explanation, or null when removed.</param>
public sealed record CriterionChange(string Group, string Criterion, CriterionChangeKind Kind, CriterionExplanation? Before, CriterionExplanation? After)
{
    /// <summary>Gets the change of awarded points (before the group cap).</summary>
    public int PointsChange => (After?.AwardedPoints ?? 0) - (Before?.AwardedPoints ?? 0);
}

/// <summary>A group whose Max points differ between the two definitions.</summary>
/// <param name="Group">The group's name.</param>
/// <param name="Before">The earlier cap.</param>
/// <param name="After">The later cap.</param>
public sealed record GroupCapChange(string Group, int Before, int After);
