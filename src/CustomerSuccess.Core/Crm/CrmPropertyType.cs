namespace CustomerSuccess.Core.Crm;

/// <summary>The type of a CRM property: one vocabulary for the settings pickers (rule 24), the record filters and
/// views (rules 42–45), and the task and feed filters.</summary>
public enum CrmPropertyType
{
    /// <summary>Text, including enumerations and single-line, multi-line and dropdown properties.</summary>
    Text = 1,

    /// <summary>A number (a <see cref="decimal"/>).</summary>
    Number = 2,

    /// <summary>A date (a day, stored as the instant it starts, as HubSpot stores date properties); offered by the
    /// renewal and end-date pickers (rules 16, 18, 21).</summary>
    Date = 3,

    /// <summary>A date and time (an instant), such as "create date" or "last activity date".</summary>
    DateTime = 4,

    /// <summary>Yes or no.</summary>
    Boolean = 5,

    /// <summary>A HubSpot user (an owner), such as the CSM owner; offered by the CSM-owner pickers (rules 15, 18, 21).</summary>
    User = 6,
}
