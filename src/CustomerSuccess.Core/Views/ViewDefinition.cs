using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CustomerSuccess.Core.Filters;

namespace CustomerSuccess.Core.Views;

/// <summary>What a person chooses for a custom view: name, sharing, ordered columns, filter and sort (rules 44, 45, 47).</summary>
/// <param name="Name">The name, 1 to <see cref="ViewCatalog.MaxNameLength"/> characters after trimming.</param>
/// <param name="Sharing">Private (owner only) or Everyone.</param>
/// <param name="Columns">The properties shown, in order, each once; <c>default</c> is read as empty.</param>
/// <param name="Filter">The filter, or <see langword="null"/> for every record.</param>
/// <param name="Sort">The sort, or <see langword="null"/> for record-id order.</param>
/// <remarks>Equality is structural (columns compared in order).</remarks>
public sealed record ViewDefinition(string Name, ViewSharing Sharing, ImmutableArray<string> Columns, ViewFilter? Filter = null, ViewSort? Sort = null)
{
    /// <summary>Gets the columns, never <c>default</c>.</summary>
    public ImmutableArray<string> Columns { get; init; } = Columns.IsDefault ? [] : Columns;

    /// <summary>Creates a definition from a column list.</summary>
    /// <param name="name">The name.</param>
    /// <param name="sharing">The sharing.</param>
    /// <param name="columns">The columns in order.</param>
    /// <param name="filter">The filter, if any.</param>
    /// <param name="sort">The sort, if any.</param>
    /// <returns>The definition.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="columns"/> is <see langword="null"/>.</exception>
    public static ViewDefinition Create(string name, ViewSharing sharing, IEnumerable<string> columns, ViewFilter? filter = null, ViewSort? sort = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(columns);
        return new ViewDefinition(name, sharing, [.. columns], filter, sort);
    }

    /// <inheritdoc />
    public bool Equals(ViewDefinition? other) =>
        other is not null
        && string.Equals(Name, other.Name, StringComparison.Ordinal)
        && Sharing == other.Sharing
        && Columns.SequenceEqual(other.Columns, StringComparer.Ordinal)
        && Equals(Filter, other.Filter)
        && Equals(Sort, other.Sort);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Sharing, Columns.Length, Filter, Sort);
}
