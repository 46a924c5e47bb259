namespace CustomerSuccess.Core.Views;

/// <summary>One view of a catalogue: its id, owner, definition, whether it is a HubSpot built-in, and the description
/// shown on its Summary card when it is a default view.</summary>
/// <param name="Id">The view id, unique in its catalogue.</param>
/// <param name="OwnerId">The user who created it; <see langword="null"/> for a built-in view, which belongs to nobody.</param>
/// <param name="Definition">Name, sharing, columns, filter and sort.</param>
/// <param name="BuiltIn">Which HubSpot default view this is, or <see langword="null"/> for a custom view.</param>
/// <param name="Description">The description given when it was last set as default (rule 46), or <see langword="null"/>.</param>
/// <remarks>Whether a view is a default view is decided by the catalogue's ordered default list
/// (<see cref="ViewCatalogState.DefaultViewIds"/>), not by the view.</remarks>
public sealed record View(ViewId Id, UserId? OwnerId, ViewDefinition Definition, BuiltInView? BuiltIn = null, string? Description = null)
{
    /// <summary>Gets the view's name.</summary>
    public string Name => Definition.Name;

    /// <summary>Gets who can see the view.</summary>
    public ViewSharing Sharing => Definition.Sharing;

    /// <summary>Gets a value indicating whether the view is a HubSpot built-in (not editable, deletable, rule 47).</summary>
    public bool IsBuiltIn => BuiltIn is not null;

    /// <summary>Determines whether <paramref name="user"/> can see the view: shared with Everyone, or owned by them (rule 9).</summary>
    /// <param name="user">The user.</param>
    /// <returns><see langword="true"/> if visible.</returns>
    public bool IsVisibleTo(UserId user) => Sharing == ViewSharing.Everyone || OwnerId == user;
}
