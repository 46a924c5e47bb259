namespace CustomerSuccess.Core.Views;

/// <summary>The workspace tabs that have their own views (rules 42–57; the tab names follow the 2025 structure, B7).</summary>
public enum ViewTab
{
    /// <summary>The Customers tab (called Portfolio in 2024); its default views are the Summary tab's cards (rule 36).</summary>
    Customers = 1,

    /// <summary>The Services tab (rule 51).</summary>
    Services = 2,

    /// <summary>The Revenue tab (rule 52).</summary>
    Revenue = 3,

    /// <summary>The Tasks tab (rule 57). Its HubSpot default task views belong to the tasks area, so its catalogue starts
    /// with no built-in view.</summary>
    Tasks = 4,
}
