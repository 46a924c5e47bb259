namespace CustomerSuccess.Core.Scores;

/// <summary>How a health score was started (rule 75).</summary>
public enum HealthScoreOrigin
{
    /// <summary>From the starter template's pre-defined score groups (rules 75, 76).</summary>
    Template = 0,

    /// <summary>From scratch: no groups yet (rule 75).</summary>
    Scratch = 1,

    /// <summary>From a complete definition supplied by the caller, e.g. imported JSON or a copy of another score.</summary>
    Definition = 2,
}
