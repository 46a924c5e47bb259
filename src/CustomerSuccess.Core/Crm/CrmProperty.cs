namespace CustomerSuccess.Core.Crm;

/// <summary>A property of a CRM object: its internal name and its type. One vocabulary for the settings pickers
/// (rule 24), the columns and filters of views (rules 42–45) and the filters of tasks.</summary>
/// <param name="Name">The property's internal name, unique within its object (compared ordinally).</param>
/// <param name="Type">The property's type.</param>
public sealed record CrmProperty(string Name, CrmPropertyType Type);
