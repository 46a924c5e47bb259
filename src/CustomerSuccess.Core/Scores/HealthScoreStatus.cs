using CustomerSuccess.Core.HealthScores;

namespace CustomerSuccess.Core.Scores;

/// <summary>Where a health score is in its lifecycle (rule 83).</summary>
/// <remarks>
/// <para>Transitions: a new score is a <see cref="Draft"/>; turning it on makes it <see cref="Active"/> (and creates a
/// numbered <see cref="ScoreVersion"/>); turning it off makes it <see cref="Inactive"/>; an inactive score can be turned
/// on again (a new version). Editing never changes the status: the edits of an active score stay in its working
/// definition until the next activation. A score that is not <see cref="Active"/> counts as a draft against
/// <see cref="HealthScoreLimits.MaxDrafts"/> (rule 72, ambiguity B2).</para>
/// </remarks>
public enum HealthScoreStatus
{
    /// <summary>Never turned on. Its definition may be incomplete (rule 83, ambiguity B18); counts as a draft.</summary>
    Draft = 0,

    /// <summary>Turned on: records are scored with its latest <see cref="ScoreVersion"/>; counts against
    /// <see cref="HealthScoreLimits.MaxActive"/>.</summary>
    Active = 1,

    /// <summary>Turned off after having been on; keeps its versions; counts as a draft.</summary>
    Inactive = 2,
}
