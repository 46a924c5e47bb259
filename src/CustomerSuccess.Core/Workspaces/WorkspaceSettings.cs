namespace CustomerSuccess.Core.Workspaces;

/// <summary>The per-workspace settings, shared by every team of the workspace (rule 23).</summary>
/// <param name="Customers">The Customers settings.</param>
/// <param name="Services">The Services settings.</param>
/// <param name="Revenue">The Revenue settings.</param>
public sealed record WorkspaceSettings(CustomerSettings Customers, ServicesSettings Services, RevenueSettings Revenue)
{
    /// <summary>Gets the settings of a new workspace: nothing configured, both tabs shown (rule 22).</summary>
    public static WorkspaceSettings Default { get; } = new(CustomerSettings.Default, ServicesSettings.Default, RevenueSettings.Default);
}
