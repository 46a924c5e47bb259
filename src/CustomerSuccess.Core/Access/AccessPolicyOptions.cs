namespace CustomerSuccess.Core.Access;

/// <summary>
/// The readings the access policy takes where the sources disagree (see the ambiguities in <c>docs/rules.md</c>).
/// The defaults follow the newest articles.
/// </summary>
public sealed class AccessPolicyOptions
{
    /// <summary>Gets or sets a value indicating whether a super admin without a Service seat may manage workspace
    /// settings (ambiguity B3).</summary>
    /// <value>Default <see langword="false"/>: settings need a seat and (super admin or Manage CS Settings), rule 4,
    /// following the newest article [001].</value>
    public bool SeatlessSuperAdminCanManageSettings { get; set; }

    /// <summary>Gets or sets a value indicating whether only super admins may use "view as user" (reading R8: the 2024 reading of
    /// rule 8).</summary>
    /// <value>Default <see langword="false"/>: super admins or holders of Manage CS Settings (2025 reading).</value>
    public bool ViewAsUserSuperAdminOnly { get; set; }

    /// <summary>Gets or sets a value indicating whether team workspaces need Service Hub Enterprise (rule 12,
    /// ambiguity B12).</summary>
    /// <value>Default <see langword="true"/>, as the team-workspaces article [TW] says.</value>
    public bool TeamWorkspacesRequireEnterprise { get; set; } = true;

    /// <summary>Gets or sets a value indicating whether the account must have opted into the workspace beta (reading R13: the 2024
    /// behaviour of rule 13).</summary>
    /// <value>Default <see langword="false"/>: the workspace is generally available.</value>
    public bool RequireBetaOptIn { get; set; }

    /// <summary>Gets or sets a value indicating whether super admins may open the content of every workspace of the
    /// account, not only the one of their primary team (reading R28: an exception to rule 28 that the sources do not state).</summary>
    /// <value>Default <see langword="true"/>: super admins manage every workspace (rules 4, 5) and can view the workspace as
    /// any user (rule 8), so hiding workspaces from them would protect nothing. Set it to <see langword="false"/> to apply
    /// rule 28 to super admins too.</value>
    public bool SuperAdminsSeeEveryWorkspace { get; set; } = true;
}
