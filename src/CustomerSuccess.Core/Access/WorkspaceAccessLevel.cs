namespace CustomerSuccess.Core.Access;

/// <summary>How much of the Customer Success workspace a user can open (rules 1–3).</summary>
public enum WorkspaceAccessLevel
{
    /// <summary>No access: wrong tier, or neither (permission and seat) nor super admin.</summary>
    None = 0,

    /// <summary>A super admin without a Service seat: the Summary tab only (rule 3).</summary>
    SummaryOnly = 1,

    /// <summary>The workspace permission and a Service seat (rule 2).</summary>
    Full = 2,
}
