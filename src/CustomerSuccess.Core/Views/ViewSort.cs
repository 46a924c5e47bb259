using System;
using System.Text.Json.Serialization;

namespace CustomerSuccess.Core.Views;

/// <summary>The direction of a <see cref="ViewSort"/>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SortDirection>))]
public enum SortDirection
{
    /// <summary>Smallest first.</summary>
    Ascending = 1,

    /// <summary>Largest first.</summary>
    Descending = 2,
}

/// <summary>How a view orders its records: one property and a direction; ties are broken by record id, ascending.</summary>
/// <param name="Property">The property to sort by (any type except owner).</param>
/// <param name="Direction">The direction.</param>
/// <remarks>Where unknown values go is the provider's choice: in memory (and SQLite) they come first when ascending,
/// PostgreSQL puts them last. Text order is the provider's too (current culture in memory, the collation in SQL).</remarks>
public sealed record ViewSort(string Property, SortDirection Direction)
{
    /// <summary>Gets the property to sort by.</summary>
    /// <exception cref="ArgumentNullException">The property is <see langword="null"/>.</exception>
    public string Property { get; init; } = Property ?? throw new ArgumentNullException(nameof(Property));
}
