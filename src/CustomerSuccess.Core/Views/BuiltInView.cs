namespace CustomerSuccess.Core.Views;

/// <summary>The HubSpot default views every Customers, Services and Revenue catalogue starts with (rule 42).</summary>
public enum BuiltInView
{
    /// <summary>"Owned by me": records whose CSM owner is the viewer.</summary>
    OwnedByMe = 1,

    /// <summary>"Assigned in the last 30 days": records whose CSM owner is the viewer and whose owner-assigned date is in
    /// the last 30 days in the viewer's time zone (see <see cref="Filters.FilterOperator.InLastDays"/>).</summary>
    AssignedInLast30Days = 2,
}
