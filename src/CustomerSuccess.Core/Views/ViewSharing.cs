namespace CustomerSuccess.Core.Views;

/// <summary>Who can see a view (rules 9, 44, 54, 57).</summary>
public enum ViewSharing
{
    /// <summary>Only the view's owner sees it.</summary>
    Private = 1,

    /// <summary>Every user of the workspace sees it; only such views can be default views.</summary>
    Everyone = 2,
}
