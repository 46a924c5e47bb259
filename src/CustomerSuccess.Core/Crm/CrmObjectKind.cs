namespace CustomerSuccess.Core.Crm;

/// <summary>The kinds of HubSpot CRM object the workspace settings can refer to (rules 14, 17, 19).</summary>
public enum CrmObjectKind
{
    /// <summary>No object: the meaning of a <c>default</c> <see cref="CrmObjectType"/>.</summary>
    None = 0,

    /// <summary>The Contacts object (a customer-object choice, rule 14).</summary>
    Contacts = 1,

    /// <summary>The Companies object (a customer-object choice, rule 14).</summary>
    Companies = 2,

    /// <summary>The Deals object (a revenue-object choice, rule 19).</summary>
    Deals = 3,

    /// <summary>The Services object (the services choice, rule 17).</summary>
    Services = 4,

    /// <summary>A custom object of the account (Enterprise, rules 12, 14, 17, 19).</summary>
    Custom = 5,
}
