using System;
using System.Collections.Immutable;
using CustomerSuccess.Core.Crm;
using CustomerSuccess.Core.Filters;
using CustomerSuccess.Core.Records;
using NodaTime;

namespace CustomerSuccess.Core.Views;

/// <summary>Asks for one page of the records of a view, narrowed by quick filters.</summary>
/// <param name="Catalog">The workspace tab.</param>
/// <param name="ViewId">The view to list.</param>
/// <param name="Schema">The object whose records the tab lists (the customer object on the Customers tab, the services
/// object on the Services tab, a revenue object on the Revenue tab) with its properties.</param>
/// <param name="ViewerZone">The viewer's time zone, for date filters.</param>
/// <param name="Page">The page.</param>
public sealed record RecordListRequest(ViewCatalogKey Catalog, ViewId ViewId, CrmObjectSchema Schema, DateTimeZone ViewerZone, PageRequest Page)
{
    /// <summary>Gets the quick filters in use (rule 43), combined with the view's filter by AND.</summary>
    /// <value>Default: none.</value>
    public ImmutableArray<ViewFilter> QuickFilters { get; init; } = [];

    /// <summary>Gets the object and its properties.</summary>
    /// <exception cref="ArgumentNullException">The schema is <see langword="null"/>.</exception>
    public CrmObjectSchema Schema { get; init; } = Schema ?? throw new ArgumentNullException(nameof(Schema));

    /// <summary>Gets the viewer's time zone.</summary>
    /// <exception cref="ArgumentNullException">The zone is <see langword="null"/>.</exception>
    public DateTimeZone ViewerZone { get; init; } = ViewerZone ?? throw new ArgumentNullException(nameof(ViewerZone));
}
