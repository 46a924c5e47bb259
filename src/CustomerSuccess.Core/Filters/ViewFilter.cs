using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerSuccess.Core.Filters;

/// <summary>
/// A view's filter as data: a tree of <see cref="FilterGroup"/> (AND/OR) and <see cref="PropertyFilter"/> (property,
/// operator, values) nodes, with one strict JSON form (<see cref="ToJson"/>, <see cref="FromJson"/>, and any
/// <see cref="JsonSerializer"/> use), compiled to a specification by <see cref="FilterCompiler"/>.
/// </summary>
/// <remarks>The tree is data only: it is checked against a <see cref="FilterTarget{T}"/> when compiled, so a stored
/// filter whose property was deleted is reported, not thrown. Equality is structural.
/// <threadsafety>Immutable; thread-safe.</threadsafety></remarks>
[JsonConverter(typeof(ViewFilterJsonConverter))]
public abstract record ViewFilter
{
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
    /// <param name="property">The property name (see <see cref="FilterTarget{T}"/>).</param>
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

    /// <summary>Writes a filter as JSON: a group is <c>{"kind":"group","operator":"and","children":[…]}</c>, a condition
    /// <c>{"kind":"property","property":"tier","operator":"isAnyOf","values":[{"type":"text","value":"gold"}]}</c>; value
    /// types are <c>text</c>, <c>number</c>, <c>date</c> (ISO <c>yyyy-MM-dd</c>), <c>boolean</c> and <c>user</c> (the
    /// user's number). Operators are the camel-case names of <see cref="FilterOperator"/>.</summary>
    /// <param name="filter">The filter.</param>
    /// <returns>The JSON text (compact).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="filter"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The tree holds a null node or an undefined operator.</exception>
    public static string ToJson(ViewFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return FilterJson.Write(filter);
    }

    /// <summary>Reads a filter from its JSON form (see <see cref="ToJson"/>). Member order is free; everything else is
    /// strict, and a filter that reads is structurally valid (what can be checked without knowing the properties' types:
    /// values per operator, value kinds, ranges, limits, one type per property). Nothing is half-read: the result is a
    /// whole filter or an exception.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="JsonException">The text is not a valid filter; <see cref="JsonException.Path"/> names the offending
    /// member (e.g. <c>$.children[1].values[0].value</c>) and the message says what was expected.</exception>
    public static ViewFilter FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return FilterJson.Read(json);
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
/// <param name="Property">The property name, as declared in the <see cref="FilterTarget{T}"/> (ordinal).</param>
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
