using System;
using System.Globalization;

namespace CustomerSuccess.Core.Scores;

/// <summary>How many health scores one portal may have at a time (rule 72, ambiguity B2).</summary>
/// <param name="MaxActive">The most scores that may be <see cref="HealthScoreStatus.Active"/> at once (inclusive).</param>
/// <param name="MaxDrafts">The most scores that may be drafts at once (inclusive). A draft is every score that is not
/// currently active: never turned on (<see cref="HealthScoreStatus.Draft"/>) or turned off
/// (<see cref="HealthScoreStatus.Inactive"/>). The pending edits of an active score are part of that score and do not
/// count as a draft.</param>
/// <remarks>
/// <para>The limits changed over time (Enterprise 5 → 10 active; drafts added in Sep 2025), so they are settings, not
/// constants: <see cref="Professional"/> and <see cref="Enterprise"/> hold the latest published values and
/// <see cref="HealthScoreCatalogOptions"/> lets an integrator choose others. Lowering a limit never removes scores; it
/// only refuses operations that would exceed it.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed record HealthScoreLimits(int MaxActive, int MaxDrafts)
{
    /// <summary>Gets the limit on active scores.</summary>
    /// <value>Zero or more.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value set is negative.</exception>
    public int MaxActive
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value, nameof(MaxActive));
            field = value;
        }
    } = CheckNotNegative(MaxActive, nameof(MaxActive));

    /// <summary>Gets the limit on drafts (scores that are not active).</summary>
    /// <value>Zero or more. Every new score starts as a draft, so 0 means no score can be created.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value set is negative.</exception>
    public int MaxDrafts
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value, nameof(MaxDrafts));
            field = value;
        }
    } = CheckNotNegative(MaxDrafts, nameof(MaxDrafts));

    /// <summary>Gets the latest Service Hub Professional limits: 1 active score and 5 drafts (rule 72).</summary>
    /// <value><c>(MaxActive 1, MaxDrafts 5)</c>.</value>
    public static HealthScoreLimits Professional { get; } = new(1, 5);

    /// <summary>Gets the latest Service Hub Enterprise limits: 10 active scores and 20 drafts (rule 72).</summary>
    /// <value><c>(MaxActive 10, MaxDrafts 20)</c>.</value>
    public static HealthScoreLimits Enterprise { get; } = new(10, 20);

    /// <summary>Gets the limits of a tier without the Customer Success workspace: no scores at all (rule 1).</summary>
    /// <value><c>(MaxActive 0, MaxDrafts 0)</c>.</value>
    public static HealthScoreLimits None { get; } = new(0, 0);

    /// <summary>Returns <c>MaxActive active / MaxDrafts drafts</c>.</summary>
    /// <returns>A short description.</returns>
    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, "{0} active / {1} drafts", MaxActive, MaxDrafts);

    private static int CheckNotNegative(int value, string name)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value, name);
        return value;
    }
}
