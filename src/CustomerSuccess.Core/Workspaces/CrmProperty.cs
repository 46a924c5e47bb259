namespace CustomerSuccess.Core.Workspaces;

/// <summary>A property of a CRM object, as a settings picker sees it.</summary>
/// <param name="Name">The property's internal name, unique within its object (compared ordinally).</param>
/// <param name="Type">The property's type.</param>
public sealed record CrmProperty(string Name, CrmPropertyType Type);
