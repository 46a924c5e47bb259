namespace CustomerSuccess.Core.Workspaces;

/// <summary>The Services settings of one workspace (rules 17, 18, 22).</summary>
/// <param name="TabShown">Whether the Services tab is shown to the workspace's teams (on by default, rule 22).</param>
/// <param name="Configuration">The configuration of the account's services object, or <see langword="null"/> while
/// not configured (or after the services object changed).</param>
public sealed record ServicesSettings(bool TabShown, PipelineObjectSettings? Configuration)
{
    /// <summary>Gets the settings of a new workspace: tab shown, not configured.</summary>
    public static ServicesSettings Default { get; } = new(true, null);

    /// <summary>Gets a value indicating whether the services object is configured for this workspace.</summary>
    public bool IsConfigured => Configuration is not null;
}
