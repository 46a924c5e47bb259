using System;
using System.Collections.Immutable;
using CustomerSuccess.Core.Filters;
using CustomerSuccess.Core.Records;
using CustomerSuccess.Core.Views;
using NodaTime;

namespace CustomerSuccess.Core.Tasks;

/// <summary>Which task view a list shows: a default view of the tasks area (rule 55), or a custom view of a
/// workspace's Tasks tab catalogue (rule 57).</summary>
/// <remarks><threadsafety>Immutable; thread-safe.</threadsafety></remarks>
public sealed record TaskViewRef
{
    private TaskViewRef(DefaultTaskView? defaultView, ViewCatalogKey? catalog, ViewId? viewId)
    {
        DefaultView = defaultView;
        Catalog = catalog;
        ViewId = viewId;
    }

    /// <summary>Gets the default view, or <see langword="null"/> for a custom view.</summary>
    public DefaultTaskView? DefaultView { get; }

    /// <summary>Gets the Tasks tab catalogue of a custom view, or <see langword="null"/> for a default view.</summary>
    public ViewCatalogKey? Catalog { get; }

    /// <summary>Gets the custom view, or <see langword="null"/> for a default view.</summary>
    public ViewId? ViewId { get; }

    /// <summary>Refers to a default view.</summary>
    /// <param name="view">The view.</param>
    /// <returns>The reference.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="view"/> is not a defined value.</exception>
    public static TaskViewRef Default(DefaultTaskView view) =>
        Enum.IsDefined(view) ? new(view, null, null) : throw new ArgumentOutOfRangeException(nameof(view), view, "Unknown default task view.");

    /// <summary>Refers to a custom view of a workspace's Tasks tab.</summary>
    /// <param name="catalog">The Tasks tab catalogue of the workspace.</param>
    /// <param name="viewId">The view.</param>
    /// <returns>The reference.</returns>
    /// <exception cref="ArgumentException"><paramref name="catalog"/> is not a Tasks tab catalogue, or
    /// <paramref name="viewId"/> is <c>default</c>.</exception>
    public static TaskViewRef Custom(ViewCatalogKey catalog, ViewId viewId)
    {
        if (catalog.Tab != ViewTab.Tasks)
        {
            throw new ArgumentException($"Task views live in a Tasks tab catalogue, not in {catalog}.", nameof(catalog));
        }

        if (viewId.IsDefault)
        {
            throw new ArgumentException("The view id must not be default.", nameof(viewId));
        }

        return new(null, catalog, viewId);
    }
}

/// <summary>What a task list asks for (rules 55, 57): the view, the viewer's personal filters, the viewer's zone (for
/// "today" and relative dates) and the page.</summary>
/// <param name="View">The view.</param>
/// <param name="ViewerZone">The viewer's zone.</param>
/// <param name="Page">The page.</param>
/// <remarks><threadsafety>Immutable; thread-safe.</threadsafety></remarks>
public sealed record TaskListRequest(TaskViewRef View, DateTimeZone ViewerZone, PageRequest Page)
{
    /// <summary>Gets the view.</summary>
    /// <exception cref="ArgumentNullException">The view is <see langword="null"/>.</exception>
    public TaskViewRef View { get; init; } = View ?? throw new ArgumentNullException(nameof(View));

    /// <summary>Gets the viewer's zone.</summary>
    /// <exception cref="ArgumentNullException">The zone is <see langword="null"/>.</exception>
    public DateTimeZone ViewerZone { get; init; } = ViewerZone ?? throw new ArgumentNullException(nameof(ViewerZone));

    /// <summary>Gets the personal filters (rule 57) ANDed with the view's filter, over <see cref="TaskFilterTarget"/>.</summary>
    /// <value>Default: none (<c>default</c> reads as none).</value>
    public ImmutableArray<ViewFilter> Filters
    {
        get => _filters.IsDefault ? [] : _filters;
        init => _filters = value;
    }

    private readonly ImmutableArray<ViewFilter> _filters;
}
