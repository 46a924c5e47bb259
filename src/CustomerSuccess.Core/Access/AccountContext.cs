namespace CustomerSuccess.Core.Access;

/// <summary>The HubSpot account an operation runs in.</summary>
/// <param name="PortalId">The account.</param>
/// <param name="Tier">Its Service Hub subscription.</param>
/// <param name="BetaOptedIn">Whether a super admin opted the account into the 2024 beta (rule 13); only checked when
/// <see cref="AccessPolicyOptions.RequireBetaOptIn"/> is set.</param>
public sealed record AccountContext(PortalId PortalId, ServiceHubTier Tier, bool BetaOptedIn = true)
{
    /// <summary>Gets a value indicating whether the account has Service Hub Enterprise.</summary>
    public bool IsEnterprise => Tier == ServiceHubTier.Enterprise;
}
