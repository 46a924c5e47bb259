namespace CustomerSuccess.Core.Workspaces;

/// <summary>The type of a CRM property, as far as the workspace settings care (rule 24).</summary>
public enum CrmPropertyType
{
    /// <summary>Any type the settings never pick (text, number, enumeration, …).</summary>
    Other = 0,

    /// <summary>A HubSpot-user property: the only type offered for CSM-owner properties (rules 15, 18, 21).</summary>
    User = 1,

    /// <summary>A date property: the only type offered for renewal and end dates (rules 16, 18, 21).</summary>
    Date = 2,

    /// <summary>A date-and-time property; not offered for renewal or end dates, which are dates.</summary>
    DateTime = 3,
}
