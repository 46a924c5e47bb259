using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using CustomerSuccess.Core.Records;
using NodaTime;

namespace CustomerSuccess.Core.Views;

/// <summary>Asks for one page of the records of a view, narrowed by quick filters.</summary>
/// <param name="Catalog">The workspace tab.</param>
/// <param name="ViewId">The view to list.</param>
/// <param name="Schema">The properties of the tab's records.</param>
/// <param name="ViewerZone">The viewer's time zone, for date filters.</param>
/// <param name="Page">The page.</param>
public sealed record RecordListRequest(ViewCatalogKey Catalog, ViewId ViewId, RecordSchema Schema, DateTimeZone ViewerZone, PageRequest Page)
{
    /// <summary>Gets the quick filters in use (rule 43), combined with the view's filter by AND.</summary>
    /// <value>Default: none.</value>
    public ImmutableArray<ViewFilter> QuickFilters { get; init; } = [];

    /// <summary>Gets the object type the tab lists (e.g. <c>companies</c>), or <see langword="null"/> when the record
    /// query already holds only that type.</summary>
    /// <value>Default <see langword="null"/>.</value>
    public string? ObjectType { get; init; }

    /// <summary>Gets the properties of the tab's records.</summary>
    /// <exception cref="ArgumentNullException">The schema is <see langword="null"/>.</exception>
    public RecordSchema Schema { get; init; } = Schema ?? throw new ArgumentNullException(nameof(Schema));

    /// <summary>Gets the viewer's time zone.</summary>
    /// <exception cref="ArgumentNullException">The zone is <see langword="null"/>.</exception>
    public DateTimeZone ViewerZone { get; init; } = ViewerZone ?? throw new ArgumentNullException(nameof(ViewerZone));

    internal IEnumerable<ViewFilter> AllQuickFilters()
    {
        if (ObjectType is not null)
        {
            yield return ViewFilter.Condition(RecordSchema.ObjectType, FilterOperator.Is, FilterValue.Text(ObjectType));
        }

        foreach (var quick in QuickFilters.IsDefault ? [] : QuickFilters)
        {
            yield return quick;
        }
    }
}
