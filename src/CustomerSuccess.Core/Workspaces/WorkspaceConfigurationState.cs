using System;
using System.Collections.Immutable;

namespace CustomerSuccess.Core.Workspaces;

/// <summary>The immutable state of a portal's <see cref="WorkspaceConfiguration"/>: what an
/// <see cref="IWorkspaceConfigurationStore"/> persists.</summary>
/// <param name="PortalId">The portal.</param>
/// <param name="Objects">The account-level object choices (rule 23).</param>
/// <param name="Settings">The settings of every workspace that has been configured, by workspace id; a workspace that
/// is not listed has <see cref="WorkspaceSettings.Default"/>.</param>
/// <remarks>Equality is structural. <threadsafety>Immutable; thread-safe.</threadsafety></remarks>
public sealed record WorkspaceConfigurationState(
    PortalId PortalId,
    CsObjectSettings Objects,
    ImmutableSortedDictionary<WorkspaceId, WorkspaceSettings> Settings)
    : IPortalScoped
{
    /// <summary>Returns the settings of a workspace.</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <returns>Its settings, or <see cref="WorkspaceSettings.Default"/> if it was never configured.</returns>
    public WorkspaceSettings SettingsOf(WorkspaceId workspaceId) =>
        Settings.TryGetValue(workspaceId, out var settings) ? settings : WorkspaceSettings.Default;

    /// <inheritdoc />
    public bool Equals(WorkspaceConfigurationState? other) =>
        other is not null
        && PortalId == other.PortalId
        && Objects.Equals(other.Objects)
        && ValueEquality.Dictionary(Settings, other.Settings);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(PortalId, Objects, Settings.Count);
}
