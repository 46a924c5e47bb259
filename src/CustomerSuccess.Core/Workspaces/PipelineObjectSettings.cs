using System;
using System.Collections.Immutable;

namespace CustomerSuccess.Core.Workspaces;

/// <summary>The settings of one services or revenue object in one workspace (rules 18, 21): CSM property, optional
/// date property, the pipelines shown on the tab, the default pipeline and the default page layout.</summary>
/// <param name="CsmOwnerProperty">The HubSpot-user property of the object that names the CSM (required).</param>
/// <param name="DateProperty">The date property holding the renewal date (services) or renewal-or-end date
/// (revenue), or <see langword="null"/> (optional).</param>
/// <param name="SelectedPipelineIds">The object's pipelines shown on the tab, in display order; no repeats.</param>
/// <param name="DefaultPipelineId">The pipeline selected first; must be one of <paramref name="SelectedPipelineIds"/>,
/// or <see langword="null"/> for none.</param>
/// <param name="DefaultPageLayoutId">The id of the default record page layout (kept as an opaque id: the layout
/// itself is UI), or <see langword="null"/>.</param>
/// <remarks>Used both as the input of <see cref="WorkspaceConfiguration.ConfigureServices"/> and
/// <see cref="WorkspaceConfiguration.ConfigureRevenueObject"/> and as the stored value; the configuration validates it against
/// a <see cref="Crm.CrmSchema"/> and stores it with repeated pipeline ids removed and a blank layout id as
/// <see langword="null"/>. Equality is structural (the pipeline list compares by content).</remarks>
public sealed record PipelineObjectSettings(
    string CsmOwnerProperty,
    string? DateProperty,
    ImmutableArray<string> SelectedPipelineIds,
    string? DefaultPipelineId,
    string? DefaultPageLayoutId)
{
    /// <inheritdoc />
    public bool Equals(PipelineObjectSettings? other) =>
        other is not null
        && string.Equals(CsmOwnerProperty, other.CsmOwnerProperty, StringComparison.Ordinal)
        && string.Equals(DateProperty, other.DateProperty, StringComparison.Ordinal)
        && ValueEquality.Sequence(SelectedPipelineIds, other.SelectedPipelineIds)
        && string.Equals(DefaultPipelineId, other.DefaultPipelineId, StringComparison.Ordinal)
        && string.Equals(DefaultPageLayoutId, other.DefaultPageLayoutId, StringComparison.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() =>
        HashCode.Combine(CsmOwnerProperty, DateProperty, ValueEquality.Hash(SelectedPipelineIds), DefaultPipelineId, DefaultPageLayoutId);
}
