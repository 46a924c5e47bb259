namespace CustomerSuccess.Core.Workspaces;

/// <summary>The Customers settings of one workspace (rules 15, 16, 23, 24): which properties of the account's
/// customer object hold the CSM owner and the renewal date.</summary>
/// <param name="CsmOwnerProperty">The HubSpot-user property of the customer object that names the CSM (rule 15), or
/// <see langword="null"/> while the workspace is not set up.</param>
/// <param name="RenewalDateProperty">The date property of the customer object holding the renewal date (rule 16), or
/// <see langword="null"/> (it is optional).</param>
/// <remarks>
/// <para>The CSM-owner property is required (rule 15): <see cref="WorkspaceConfiguration.ConfigureCustomers"/> refuses to
/// save settings without it (<c>workspace.settings.csm_owner_property_required</c>). A new workspace starts without
/// it, so <see cref="IsComplete"/> is <see langword="false"/> until the Customers settings were saved once; changing
/// the account's customer object resets them to <see cref="Default"/>, because properties belong to an object.</para>
/// </remarks>
public sealed record CustomerSettings(string? CsmOwnerProperty, string? RenewalDateProperty)
{
    /// <summary>Gets the settings of a workspace that has not been set up: no properties chosen.</summary>
    public static CustomerSettings Default { get; } = new(null, null);

    /// <summary>Gets a value indicating whether the required CSM-owner property is chosen (rule 15).</summary>
    public bool IsComplete => CsmOwnerProperty is not null;
}
