using System;

namespace CustomerSuccess.Core.Access;

/// <summary>HubSpot user permissions that the Customer Success workspace checks.</summary>
[Flags]
public enum CsPermissions
{
    /// <summary>No relevant permission.</summary>
    None = 0,

    /// <summary>"Customer Success workspace access" (rule 2).</summary>
    WorkspaceAccess = 1,

    /// <summary>"Manage Customer Success Settings" (rules 4, 6, 8, 9, 10).</summary>
    ManageSettings = 2,

    /// <summary>"Account Access": needed to add or remove the Health Score card on record layouts (rule 7).</summary>
    AccountAccess = 4,
}
