using CustomerSuccess.Core.Alerts;
using CustomerSuccess.Core.Scores;
using CustomerSuccess.Core.Views;
using CustomerSuccess.Core.Workspaces;

namespace CustomerSuccess.Core.Testing;

/// <summary>The conformance cases of an <see cref="IWorkspaceDirectoryStore"/>: derive, implement
/// <c>CreateStoreAsync</c> and <c>ReadOutboxAsync</c>, and run the tests.</summary>
public abstract class WorkspaceDirectoryStoreConformance : AggregateStoreConformance<PortalId, WorkspaceDirectoryState>
{
    /// <inheritdoc />
    protected sealed override PortalId KeyOf(PortalId portal) => portal;

    /// <inheritdoc />
    protected override WorkspaceDirectoryState SampleState(PortalId key, int variant) => StoreConformanceSamples.Directory(key, variant);
}

/// <summary>The conformance cases of an <see cref="IWorkspaceConfigurationStore"/>.</summary>
public abstract class WorkspaceConfigurationStoreConformance : AggregateStoreConformance<PortalId, WorkspaceConfigurationState>
{
    /// <inheritdoc />
    protected sealed override PortalId KeyOf(PortalId portal) => portal;

    /// <inheritdoc />
    protected override WorkspaceConfigurationState SampleState(PortalId key, int variant) => StoreConformanceSamples.Configuration(key, variant);
}

/// <summary>The conformance cases of an <see cref="IViewCatalogStore"/> (keys are a portal's primary-workspace Customers
/// tab).</summary>
public abstract class ViewCatalogStoreConformance : AggregateStoreConformance<ViewCatalogKey, ViewCatalogState>
{
    /// <inheritdoc />
    protected override ViewCatalogKey KeyOf(PortalId portal) => ViewCatalogKey.Create(portal, WorkspaceId.From(1), ViewTab.Customers);

    /// <inheritdoc />
    protected override ViewCatalogState SampleState(ViewCatalogKey key, int variant) => StoreConformanceSamples.ViewCatalog(key, variant);
}

/// <summary>The conformance cases of an <see cref="IHealthScoreCatalogStore"/>.</summary>
public abstract class HealthScoreCatalogStoreConformance : AggregateStoreConformance<PortalId, HealthScoreCatalogState>
{
    /// <inheritdoc />
    protected sealed override PortalId KeyOf(PortalId portal) => portal;

    /// <inheritdoc />
    protected override HealthScoreCatalogState SampleState(PortalId key, int variant) => StoreConformanceSamples.HealthScoreCatalog(key, variant);
}

/// <summary>The conformance cases of an <see cref="IAlertBookStore"/>: books with active, dismissed, expired and
/// superseded alerts.</summary>
public abstract class AlertBookStoreConformance : AggregateStoreConformance<PortalId, AlertBookState>
{
    /// <inheritdoc />
    protected sealed override PortalId KeyOf(PortalId portal) => portal;

    /// <inheritdoc />
    protected override AlertBookState SampleState(PortalId key, int variant) => StoreConformanceSamples.AlertBook(key, variant);
}

/// <summary>The conformance cases of an <see cref="IScoreOverrideStore"/>.</summary>
public abstract class ScoreOverrideStoreConformance : AggregateStoreConformance<PortalId, ScoreOverrideBookState>
{
    /// <inheritdoc />
    protected sealed override PortalId KeyOf(PortalId portal) => portal;

    /// <inheritdoc />
    protected override ScoreOverrideBookState SampleState(PortalId key, int variant) => StoreConformanceSamples.ScoreOverrides(key, variant);
}
