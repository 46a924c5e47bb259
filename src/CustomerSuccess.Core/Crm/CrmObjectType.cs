using System;

namespace CustomerSuccess.Core.Crm;

/// <summary>Names a HubSpot CRM object: one of the standard objects, or a custom object by its name.</summary>
/// <remarks>
/// <para>Standard objects are <see cref="Contacts"/>, <see cref="Companies"/>, <see cref="Deals"/> and
/// <see cref="Services"/>; a custom object is created with <see cref="Custom(string)"/> and compared by its name
/// (ordinal, case-sensitive, as HubSpot's fully qualified object names are).</para>
/// <para><c>default</c> has <see cref="Kind"/> <see cref="CrmObjectKind.None"/> and is not a valid object; every
/// operation that takes an object throws <see cref="ArgumentException"/> for it.</para>
/// <threadsafety>Immutable value type; thread-safe.</threadsafety>
/// </remarks>
public readonly record struct CrmObjectType
{
    private CrmObjectType(CrmObjectKind kind, string name)
    {
        Kind = kind;
        Name = name;
    }

    /// <summary>Gets the Contacts object.</summary>
    public static CrmObjectType Contacts { get; } = new(CrmObjectKind.Contacts, "contacts");

    /// <summary>Gets the Companies object.</summary>
    public static CrmObjectType Companies { get; } = new(CrmObjectKind.Companies, "companies");

    /// <summary>Gets the Deals object.</summary>
    public static CrmObjectType Deals { get; } = new(CrmObjectKind.Deals, "deals");

    /// <summary>Gets the Services object.</summary>
    public static CrmObjectType Services { get; } = new(CrmObjectKind.Services, "services");

    /// <summary>Gets the kind of object; <see cref="CrmObjectKind.None"/> for <c>default</c>.</summary>
    public CrmObjectKind Kind { get; }

    /// <summary>Gets the object's name: <c>contacts</c>, <c>companies</c>, <c>deals</c>, <c>services</c>, or the
    /// custom object's name; <see langword="null"/> for <c>default</c>.</summary>
    public string? Name { get; }

    /// <summary>Gets a value indicating whether this is a custom object.</summary>
    public bool IsCustom => Kind == CrmObjectKind.Custom;

    /// <summary>Gets a value indicating whether this is <c>default</c> (no object).</summary>
    public bool IsDefault => Kind == CrmObjectKind.None;

    /// <summary>Names a custom object.</summary>
    /// <param name="name">The custom object's name (e.g. <c>p_subscriptions</c> or <c>2-1234567</c>), trimmed; not the
    /// name of a standard object.</param>
    /// <returns>The object.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null, empty or white space, or the name of a
    /// standard object (use <see cref="Contacts"/>, <see cref="Companies"/>, <see cref="Deals"/>, <see cref="Services"/>).</exception>
    public static CrmObjectType Custom(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var trimmed = name.Trim();
        if (Standard(trimmed) is not null)
        {
            throw new ArgumentException($"'{trimmed}' is a standard object, not a custom one.", nameof(name));
        }

        return new CrmObjectType(CrmObjectKind.Custom, trimmed);
    }

    /// <summary>Returns the object with a name: a standard object for <c>contacts</c>, <c>companies</c>, <c>deals</c>
    /// and <c>services</c>, a custom object otherwise. The inverse of <see cref="Name"/>, so an object is stored as its
    /// name alone.</summary>
    /// <param name="name">The object's name, trimmed.</param>
    /// <returns>The object.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null, empty or white space.</exception>
    public static CrmObjectType FromName(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var trimmed = name.Trim();
        return Standard(trimmed) ?? new CrmObjectType(CrmObjectKind.Custom, trimmed);
    }

    /// <summary>Returns the object's name, or <c>(none)</c> for <c>default</c>.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name ?? "(none)";

    private static CrmObjectType? Standard(string name) => name switch
    {
        "contacts" => Contacts,
        "companies" => Companies,
        "deals" => Deals,
        "services" => Services,
        _ => null,
    };

    internal static void ThrowIfDefault(CrmObjectType value, string paramName)
    {
        if (value.IsDefault)
        {
            throw new ArgumentException("The object must not be default.", paramName);
        }
    }
}
