using System;
using CustomerSuccess.Core.Workspaces;

namespace CustomerSuccess.Core.Views;

/// <summary>Identifies one view catalogue: the views of one tab of one workspace of one portal.</summary>
/// <remarks><c>default</c> is not valid (every part is unset); use <see cref="Create"/>.
/// <threadsafety>Immutable value type; thread-safe.</threadsafety></remarks>
public readonly record struct ViewCatalogKey
{
    private ViewCatalogKey(PortalId portalId, WorkspaceId workspaceId, ViewTab tab)
    {
        PortalId = portalId;
        WorkspaceId = workspaceId;
        Tab = tab;
    }

    /// <summary>Gets the portal.</summary>
    public PortalId PortalId { get; }

    /// <summary>Gets the workspace.</summary>
    public WorkspaceId WorkspaceId { get; }

    /// <summary>Gets the tab.</summary>
    public ViewTab Tab { get; }

    /// <summary>Creates a key.</summary>
    /// <param name="portalId">The portal.</param>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="tab">The tab.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentException"><paramref name="portalId"/> or <paramref name="workspaceId"/> is <c>default</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tab"/> is not a defined value.</exception>
    public static ViewCatalogKey Create(PortalId portalId, WorkspaceId workspaceId, ViewTab tab)
    {
        if (portalId.IsDefault)
        {
            throw new ArgumentException("The portal id must not be default.", nameof(portalId));
        }

        if (workspaceId.IsDefault)
        {
            throw new ArgumentException("The workspace id must not be default.", nameof(workspaceId));
        }

        if (!Enum.IsDefined(tab))
        {
            throw new ArgumentOutOfRangeException(nameof(tab), tab, "Unknown tab.");
        }

        return new ViewCatalogKey(portalId, workspaceId, tab);
    }

    /// <summary>Returns <c>portal/workspace/tab</c>.</summary>
    /// <returns>The key as text.</returns>
    public override string ToString() => $"{PortalId}/{WorkspaceId}/{Tab}";
}
