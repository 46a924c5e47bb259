using System.Collections.Immutable;
using CustomerSuccess.Core.Crm;

namespace CustomerSuccess.Core.Workspaces;

/// <summary>The Revenue settings of one workspace (rules 19–22, ambiguity B11).</summary>
/// <param name="TabShown">Whether the Revenue tab is shown to the workspace's teams (on by default, rule 22).</param>
/// <param name="Objects">The configuration per revenue object; only objects chosen at account level
/// (<see cref="CsObjectSettings.RevenueObjects"/>) appear, and an object not configured yet is absent.</param>
/// <remarks>Equality is structural (the dictionary compares by content).</remarks>
public sealed record RevenueSettings(bool TabShown, ImmutableDictionary<CrmObjectType, PipelineObjectSettings> Objects)
{
    /// <summary>Gets the settings of a new workspace: tab shown, no object configured.</summary>
    public static RevenueSettings Default { get; } = new(true, ImmutableDictionary<CrmObjectType, PipelineObjectSettings>.Empty);

    /// <inheritdoc />
    public bool Equals(RevenueSettings? other) =>
        other is not null && TabShown == other.TabShown && ValueEquality.Dictionary(Objects, other.Objects);

    /// <inheritdoc />
    public override int GetHashCode() => System.HashCode.Combine(TabShown, Objects.Count);
}
