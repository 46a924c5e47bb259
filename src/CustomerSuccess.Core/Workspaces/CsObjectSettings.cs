using System;
using System.Collections.Immutable;
using CustomerSuccess.Core.Crm;

namespace CustomerSuccess.Core.Workspaces;

/// <summary>The account-level object choices of the Objects tab (rules 14, 17, 19, 20, 23), shared by every
/// workspace of the portal.</summary>
/// <param name="CustomerObject">The object that represents customer accounts: contacts, companies or (Enterprise) a
/// custom object (rule 14, ambiguity B6).</param>
/// <param name="ServicesObject">The object that represents services: the Services object or (Enterprise) a custom
/// object; <see langword="null"/> while none is chosen, and then services settings cannot be configured (rule 17).</param>
/// <param name="RevenueObjects">Up to <see cref="WorkspaceConfiguration.MaxRevenueObjects"/> revenue objects, each deals or
/// a custom object, no repeats (rule 19).</param>
/// <param name="DefaultRevenueObject">The revenue object the team sees first on the Revenue tab (rule 20): one of
/// <paramref name="RevenueObjects"/>, or <see langword="null"/> exactly when there are none.</param>
/// <remarks>Equality is structural (the revenue list compares by content).</remarks>
public sealed record CsObjectSettings(
    CrmObjectType CustomerObject,
    CrmObjectType? ServicesObject,
    ImmutableArray<CrmObjectType> RevenueObjects,
    CrmObjectType? DefaultRevenueObject)
{
    /// <summary>Gets the choices of a new portal: companies as the customer object (library choice: the 2024 and 2025
    /// articles both offer it), no services object, no revenue object.</summary>
    public static CsObjectSettings Default { get; } = new(CrmObjectType.Companies, null, [], null);

    /// <inheritdoc />
    public bool Equals(CsObjectSettings? other) =>
        other is not null
        && CustomerObject == other.CustomerObject
        && ServicesObject == other.ServicesObject
        && ValueEquality.Sequence(RevenueObjects, other.RevenueObjects)
        && DefaultRevenueObject == other.DefaultRevenueObject;

    /// <inheritdoc />
    public override int GetHashCode() =>
        HashCode.Combine(CustomerObject, ServicesObject, ValueEquality.Hash(RevenueObjects), DefaultRevenueObject);
}
