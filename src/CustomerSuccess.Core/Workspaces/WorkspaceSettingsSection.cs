namespace CustomerSuccess.Core.Workspaces;

/// <summary>The settings tabs of a workspace (rule 23).</summary>
public enum WorkspaceSettingsSection
{
    /// <summary>The Customers settings (rules 15, 16).</summary>
    Customers = 0,

    /// <summary>The Services settings (rules 17, 18, 22).</summary>
    Services = 1,

    /// <summary>The Revenue settings (rules 19–22).</summary>
    Revenue = 2,
}
