namespace CustomerSuccess.Core.Access;

/// <summary>The Service Hub subscription of a HubSpot account (rule 1: the workspace exists only on Professional and
/// Enterprise).</summary>
public enum ServiceHubTier
{
    /// <summary>No Service Hub subscription (free tools only).</summary>
    None = 0,

    /// <summary>Service Hub Starter: no Customer Success workspace.</summary>
    Starter = 1,

    /// <summary>Service Hub Professional.</summary>
    Professional = 2,

    /// <summary>Service Hub Enterprise: adds custom objects, several active health scores, team workspaces (rule 12).</summary>
    Enterprise = 3,
}
