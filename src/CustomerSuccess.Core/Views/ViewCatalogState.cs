using System;
using System.Collections.Immutable;
using System.Linq;

namespace CustomerSuccess.Core.Views;

/// <summary>The immutable state of a <see cref="ViewCatalog"/>: every view of one workspace tab (in creation order), the
/// ordered default list, and the id counter. This is what a store persists.</summary>
/// <param name="Key">Which catalogue this is.</param>
/// <param name="Views">The views, in creation order.</param>
/// <param name="DefaultViewIds">The default views, in display order (at most <see cref="ViewCatalog.MaxDefaultViews"/>,
/// each shared with Everyone).</param>
/// <param name="LastViewId">The last view id handed out; ids are never reused.</param>
/// <remarks>Equality is structural.</remarks>
public sealed record ViewCatalogState(ViewCatalogKey Key, ImmutableArray<View> Views, ImmutableArray<ViewId> DefaultViewIds, long LastViewId)
    : IPortalScoped
{
    /// <summary>Gets the portal the catalogue belongs to.</summary>
    public PortalId PortalId => Key.PortalId;

    /// <summary>Gets the views, never <c>default</c>.</summary>
    public ImmutableArray<View> Views { get; init; } = Views.IsDefault ? [] : Views;

    /// <summary>Gets the default views' ids in display order, never <c>default</c>.</summary>
    public ImmutableArray<ViewId> DefaultViewIds { get; init; } = DefaultViewIds.IsDefault ? [] : DefaultViewIds;

    /// <summary>Finds a view by id, whoever can see it.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The view, or <see langword="null"/>.</returns>
    public View? Find(ViewId id) => Views.FirstOrDefault(v => v.Id == id);

    /// <summary>Finds a view that a user can see: shared with Everyone, or their own private view (rule 9).</summary>
    /// <param name="id">The id.</param>
    /// <param name="user">The viewer.</param>
    /// <returns>The view, or <see langword="null"/> when there is none or it is someone else's private view.</returns>
    public View? FindVisibleTo(ViewId id, UserId user) => Find(id) is { } view && view.IsVisibleTo(user) ? view : null;

    /// <summary>Determines whether a view is a default view.</summary>
    /// <param name="id">The id.</param>
    /// <returns><see langword="true"/> if it is in <see cref="DefaultViewIds"/>.</returns>
    public bool IsDefault(ViewId id) => DefaultViewIds.Contains(id);

    /// <inheritdoc />
    public bool Equals(ViewCatalogState? other) =>
        other is not null
        && Key == other.Key
        && LastViewId == other.LastViewId
        && Views.SequenceEqual(other.Views)
        && DefaultViewIds.SequenceEqual(other.DefaultViewIds);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Key, LastViewId, Views.Length, DefaultViewIds.Length);
}
