using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerSuccess.Core.Views;

/// <summary>
/// A view's filter as data: a tree of <see cref="FilterGroup"/> (AND/OR) and <see cref="PropertyFilter"/> (property,
/// operator, values) nodes. Serialisable with System.Text.Json (a <c>"kind"</c> discriminator: <c>group</c> or
/// <c>property</c>); compiled to a specification by <see cref="FilterCompiler"/>.
/// </summary>
/// <remarks>The tree is data only: it is checked against a <see cref="Records.RecordSchema"/> when compiled, so a stored
/// filter whose property was deleted is reported, not thrown. Equality is structural.
/// <threadsafety>Immutable; thread-safe.</threadsafety></remarks>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(FilterGroup), "group")]
[JsonDerivedType(typeof(PropertyFilter), "property")]
public abstract record ViewFilter
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = false };

    private protected ViewFilter()
    {
    }

    /// <summary>Creates a group whose children must all match.</summary>
    /// <param name="children">The children.</param>
    /// <returns>The group.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="children"/> or a child is <see langword="null"/>.</exception>
    public static FilterGroup And(params IEnumerable<ViewFilter> children) => Group(LogicalOperator.And, children);

    /// <summary>Creates a group of which at least one child must match.</summary>
    /// <param name="children">The children.</param>
    /// <returns>The group.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="children"/> or a child is <see langword="null"/>.</exception>
    public static FilterGroup Or(params IEnumerable<ViewFilter> children) => Group(LogicalOperator.Or, children);

    /// <summary>Creates a condition on one property.</summary>
    /// <param name="property">The property name (see <see cref="Records.RecordSchema"/>).</param>
    /// <param name="filterOperator">The operator.</param>
    /// <param name="values">The operands, as many as the operator takes.</param>
    /// <returns>The condition.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="property"/>, <paramref name="values"/> or a value is <see langword="null"/>.</exception>
    public static PropertyFilter Condition(string property, FilterOperator filterOperator, params IEnumerable<FilterValue> values)
    {
        ArgumentNullException.ThrowIfNull(property);
        ArgumentNullException.ThrowIfNull(values);
        var list = values.ToImmutableArray();
        if (list.Any(v => v is null))
        {
            throw new ArgumentNullException(nameof(values), "A filter value must not be null.");
        }

        return new PropertyFilter(property, filterOperator, list);
    }

    /// <summary>Serialises a filter to JSON.</summary>
    /// <param name="filter">The filter.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="filter"/> is <see langword="null"/>.</exception>
    public static string ToJson(ViewFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return JsonSerializer.Serialize(filter, JsonOptions);
    }

    /// <summary>Reads a filter from JSON written by <see cref="ToJson"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="JsonException">The text is not a filter.</exception>
    public static ViewFilter FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize<ViewFilter>(json, JsonOptions) ?? throw new JsonException("The JSON text is null, not a filter.");
    }

    private static FilterGroup Group(LogicalOperator op, IEnumerable<ViewFilter> children)
    {
        ArgumentNullException.ThrowIfNull(children);
        var list = children.ToImmutableArray();
        if (list.Any(c => c is null))
        {
            throw new ArgumentNullException(nameof(children), "A filter group must not contain null.");
        }

        return new FilterGroup(op, list);
    }
}

/// <summary>An AND or OR group of filters.</summary>
/// <param name="Operator">How the children combine.</param>
/// <param name="Children">The children; <c>default</c> is read as empty.</param>
public sealed record FilterGroup(LogicalOperator Operator, ImmutableArray<ViewFilter> Children) : ViewFilter
{
    /// <summary>Gets the children, never <c>default</c>.</summary>
    public ImmutableArray<ViewFilter> Children { get; init; } = Children.IsDefault ? [] : Children;

    /// <inheritdoc />
    public bool Equals(FilterGroup? other) =>
        other is not null && Operator == other.Operator && Children.SequenceEqual(other.Children);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Operator, Children.Length);
}

/// <summary>A condition on one property: property, operator and operands.</summary>
/// <param name="Property">The property name, as declared in the <see cref="Records.RecordSchema"/> (ordinal).</param>
/// <param name="Operator">The operator.</param>
/// <param name="Values">The operands; <c>default</c> is read as empty.</param>
public sealed record PropertyFilter(string Property, FilterOperator Operator, ImmutableArray<FilterValue> Values) : ViewFilter
{
    /// <summary>Gets the operands, never <c>default</c>.</summary>
    public ImmutableArray<FilterValue> Values { get; init; } = Values.IsDefault ? [] : Values;

    /// <inheritdoc />
    public bool Equals(PropertyFilter? other) =>
        other is not null
        && string.Equals(Property, other.Property, StringComparison.Ordinal)
        && Operator == other.Operator
        && Values.SequenceEqual(other.Values);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Property, Operator, Values.Length);
}
