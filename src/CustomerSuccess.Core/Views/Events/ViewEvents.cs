using System.Collections.Immutable;
using NodaTime;

namespace CustomerSuccess.Core.Views.Events;

/// <summary>A view was created (rules 44, 45).</summary>
/// <param name="Catalog">The catalogue.</param>
/// <param name="ViewId">The new view.</param>
/// <param name="Name">Its name.</param>
/// <param name="Sharing">Its sharing.</param>
/// <param name="Initiator">Who created it (its owner).</param>
/// <param name="OccurredAt">When.</param>
public sealed record ViewCreated(ViewCatalogKey Catalog, ViewId ViewId, string Name, ViewSharing Sharing, Initiator Initiator, Instant OccurredAt) : IDomainEvent
{
    /// <inheritdoc />
    public PortalId PortalId => Catalog.PortalId;
}

/// <summary>A view's name, sharing, columns, filter or sort changed (rules 45, 47).</summary>
/// <param name="Catalog">The catalogue.</param>
/// <param name="ViewId">The view.</param>
/// <param name="Definition">The new definition.</param>
/// <param name="Initiator">Who edited it.</param>
/// <param name="OccurredAt">When.</param>
public sealed record ViewEdited(ViewCatalogKey Catalog, ViewId ViewId, ViewDefinition Definition, Initiator Initiator, Instant OccurredAt) : IDomainEvent
{
    /// <inheritdoc />
    public PortalId PortalId => Catalog.PortalId;
}

/// <summary>A view was deleted after explicit confirmation (rule 48); it was also removed from the defaults.</summary>
/// <param name="Catalog">The catalogue.</param>
/// <param name="ViewId">The view.</param>
/// <param name="Name">Its name.</param>
/// <param name="WasDefault">Whether it was a default view.</param>
/// <param name="Initiator">Who deleted it.</param>
/// <param name="OccurredAt">When.</param>
public sealed record ViewDeleted(ViewCatalogKey Catalog, ViewId ViewId, string Name, bool WasDefault, Initiator Initiator, Instant OccurredAt) : IDomainEvent
{
    /// <inheritdoc />
    public PortalId PortalId => Catalog.PortalId;
}

/// <summary>A view became a default view, or a default view's description changed (rules 36, 44, 46).</summary>
/// <param name="Catalog">The catalogue.</param>
/// <param name="ViewId">The view.</param>
/// <param name="Description">Its Summary-card description.</param>
/// <param name="Position">Its 0-based position in the default order.</param>
/// <param name="Initiator">Who set it.</param>
/// <param name="OccurredAt">When.</param>
public sealed record DefaultViewSet(ViewCatalogKey Catalog, ViewId ViewId, string Description, int Position, Initiator Initiator, Instant OccurredAt) : IDomainEvent
{
    /// <inheritdoc />
    public PortalId PortalId => Catalog.PortalId;
}

/// <summary>A view stopped being a default view (rules 10, 46).</summary>
/// <param name="Catalog">The catalogue.</param>
/// <param name="ViewId">The view.</param>
/// <param name="Initiator">Who unset it.</param>
/// <param name="OccurredAt">When.</param>
public sealed record DefaultViewUnset(ViewCatalogKey Catalog, ViewId ViewId, Initiator Initiator, Instant OccurredAt) : IDomainEvent
{
    /// <inheritdoc />
    public PortalId PortalId => Catalog.PortalId;
}

/// <summary>The default views were reordered (rule 36).</summary>
/// <param name="Catalog">The catalogue.</param>
/// <param name="Order">The new order.</param>
/// <param name="Initiator">Who reordered them.</param>
/// <param name="OccurredAt">When.</param>
public sealed record DefaultViewsReordered(ViewCatalogKey Catalog, ImmutableArray<ViewId> Order, Initiator Initiator, Instant OccurredAt) : IDomainEvent
{
    /// <inheritdoc />
    public PortalId PortalId => Catalog.PortalId;
}
