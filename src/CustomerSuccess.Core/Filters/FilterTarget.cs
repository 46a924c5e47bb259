using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Linq.Expressions;
using CustomerSuccess.Core.Crm;
using NodaTime;

namespace CustomerSuccess.Core.Filters;

/// <summary>
/// What can be filtered and sorted on a type of item (records, tasks, feed activities): each property's name, its
/// <see cref="CrmPropertyType"/>, and how to read it, either a typed member or an entry of a property bag of
/// <see cref="CrmPropertyValue"/>. The <see cref="FilterCompiler"/> turns a filter into a specification of
/// <typeparamref name="T"/> through it, so every list filters with one compiler.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
/// <remarks>
/// <para>Declare a target once per item type (and per set of custom properties) with <see cref="FilterTarget.Create"/>:</para>
/// <code>
/// var target = FilterTarget.Create((MyTask t) =&gt; t.Id)
///     .Member("priority", CrmPropertyType.Text, t =&gt; t.Priority)
///     .Member("due", CrmPropertyType.DateTime, t =&gt; t.DueAt)
///     .Member("assignee", CrmPropertyType.User, t =&gt; t.AssigneeId)
///     .Build();
/// </code>
/// <para>The member types a property type allows: text → <see cref="string"/>; number → <see cref="decimal"/>;
/// date and date-time → <see cref="Instant"/>; yes/no → <see cref="bool"/>; user → <see cref="UserId"/> (each also
/// nullable). Members are read with plain member access, so any LINQ provider translates the compiled filter.</para>
/// <threadsafety>Immutable; thread-safe.</threadsafety>
/// </remarks>
public sealed class FilterTarget<T>
{
    private readonly ImmutableDictionary<string, Accessor> _accessors;

    private FilterTarget(ImmutableDictionary<string, Accessor> accessors, LambdaExpression tieBreak, ImmutableArray<CrmProperty> properties)
    {
        _accessors = accessors;
        TieBreak = tieBreak;
        Properties = properties;
    }

    /// <summary>Gets the filterable properties, in declaration order.</summary>
    public ImmutableArray<CrmProperty> Properties { get; }

    /// <summary>Gets the key every sort ends with, so that pages are stable (the item's unique id).</summary>
    internal LambdaExpression TieBreak { get; }

    /// <summary>Gets the parameter every compiled expression uses.</summary>
    internal ParameterExpression Parameter => (ParameterExpression)TieBreak.Parameters[0];

    /// <summary>Gets the type of a property.</summary>
    /// <param name="name">The property name (ordinal), or <see langword="null"/>.</param>
    /// <param name="type">Its type, if it exists.</param>
    /// <returns><see langword="true"/> if the target has the property.</returns>
    public bool TryGetType(string? name, out CrmPropertyType type)
    {
        if (name is not null && _accessors.TryGetValue(name, out var accessor))
        {
            type = accessor.Type;
            return true;
        }

        type = default;
        return false;
    }

    /// <summary>Determines whether the target has a property.</summary>
    /// <param name="name">The property name (ordinal), or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> if it has.</returns>
    public bool Contains(string? name) => name is not null && _accessors.ContainsKey(name);

    /// <summary>Builds the expression "the property's value, as <typeparamref name="TValue"/>, satisfies
    /// <paramref name="predicate"/>" over <see cref="Parameter"/>.</summary>
    internal Expression Test<TValue>(string name, Expression<Func<TValue, bool>> predicate) => _accessors[name].Test(predicate, Parameter);

    /// <summary>Builds the sort key of a property over <see cref="Parameter"/>, boxed to <see cref="object"/>.</summary>
    internal Expression<Func<T, object?>> SortKey(string name) =>
        Expression.Lambda<Func<T, object?>>(Expression.Convert(_accessors[name].Read(Parameter), typeof(object)), Parameter);

    /// <summary>Builds the sort rank of a property over <see cref="Parameter"/>: <paramref name="emptyRank"/> when the
    /// item has no value for it, <c>1 - emptyRank</c> otherwise, boxed to <see cref="object"/> (a <c>CASE</c> in SQL).</summary>
    internal Expression<Func<T, object?>> EmptyRank(string name, int emptyRank)
    {
        var value = _accessors[name].Read(Parameter);
        var rank = Expression.Condition(
            Expression.Equal(value, Expression.Constant(null, value.Type)), Expression.Constant(emptyRank), Expression.Constant(1 - emptyRank));
        return Expression.Lambda<Func<T, object?>>(Expression.Convert(rank, typeof(object)), Parameter);
    }

    private static Type ValueType(CrmPropertyType type) => type switch
    {
        CrmPropertyType.Text => typeof(string),
        CrmPropertyType.Number => typeof(decimal?),
        CrmPropertyType.Date or CrmPropertyType.DateTime => typeof(Instant?),
        CrmPropertyType.Boolean => typeof(bool?),
        CrmPropertyType.User => typeof(UserId?),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown property type."),
    };

    private static string BagColumn(CrmPropertyType type) => type switch
    {
        CrmPropertyType.Text => nameof(CrmPropertyValue.TextValue),
        CrmPropertyType.Number => nameof(CrmPropertyValue.NumberValue),
        CrmPropertyType.Date or CrmPropertyType.DateTime => nameof(CrmPropertyValue.DateValue),
        CrmPropertyType.Boolean => nameof(CrmPropertyValue.BoolValue),
        _ => nameof(CrmPropertyValue.UserValue),
    };

    /// <summary>Declares the properties of a <see cref="FilterTarget{T}"/>.</summary>
    /// <remarks>Not thread-safe; build once and share the target.</remarks>
    public sealed class Builder
    {
        private readonly LambdaExpression _tieBreak;
        private readonly ImmutableDictionary<string, Accessor>.Builder _accessors = ImmutableDictionary.CreateBuilder<string, Accessor>(StringComparer.Ordinal);
        private readonly ImmutableArray<CrmProperty>.Builder _properties = ImmutableArray.CreateBuilder<CrmProperty>();

        internal Builder(LambdaExpression tieBreak) => _tieBreak = tieBreak;

        /// <summary>Declares a property read from a member of the item.</summary>
        /// <typeparam name="TValue">The member's type; it must fit <paramref name="type"/> (see the remarks of
        /// <see cref="FilterTarget{T}"/>).</typeparam>
        /// <param name="name">The property name.</param>
        /// <param name="type">The property type.</param>
        /// <param name="member">Reads the value, e.g. <c>t =&gt; t.DueAt</c>.</param>
        /// <returns>This builder.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="member"/> is <see langword="null"/>.</exception>
        /// <exception cref="ArgumentException"><paramref name="name"/> is blank or declared twice, or
        /// <typeparamref name="TValue"/> does not fit <paramref name="type"/>.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="type"/> is not a defined value.</exception>
        public Builder Member<TValue>(string name, CrmPropertyType type, Expression<Func<T, TValue>> member)
        {
            ArgumentNullException.ThrowIfNull(member);
            var valueType = CheckValueType<TValue>(name, type, nameof(member));
            return Add(name, type, new MemberAccessor(type, member, valueType));
        }

        /// <summary>Declares a multi-valued property: one value per element of a collection of the item, such as the
        /// records a task is associated with.</summary>
        /// <typeparam name="TElement">The collection's element type.</typeparam>
        /// <typeparam name="TValue">The type of an element's value; it must fit <paramref name="type"/> (see the
        /// remarks of <see cref="FilterTarget{T}"/>).</typeparam>
        /// <param name="name">The property name.</param>
        /// <param name="type">The property type.</param>
        /// <param name="elements">Reads the collection, e.g. <c>t =&gt; t.Associations</c>.</param>
        /// <param name="value">Reads an element's value, e.g. <c>a =&gt; a.Key</c>.</param>
        /// <returns>This builder.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="elements"/> or <paramref name="value"/> is <see langword="null"/>.</exception>
        /// <exception cref="ArgumentException"><paramref name="name"/> is blank or declared twice, or
        /// <typeparamref name="TValue"/> does not fit <paramref name="type"/>.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="type"/> is not a defined value.</exception>
        /// <remarks>A condition holds when <b>some</b> element's value satisfies it (<c>Elements.Any(e =&gt; …)</c>, an
        /// <c>EXISTS</c> in SQL); its negations (is not, ≠, is unknown) hold when <b>no</b> element's value satisfies the
        /// positive condition. Sorting uses the first element's value.</remarks>
        public Builder Collection<TElement, TValue>(string name, CrmPropertyType type, Expression<Func<T, IEnumerable<TElement>>> elements, Expression<Func<TElement, TValue>> value)
        {
            ArgumentNullException.ThrowIfNull(elements);
            ArgumentNullException.ThrowIfNull(value);
            var valueType = CheckValueType<TValue>(name, type, nameof(value));
            return Add(name, type, new CollectionAccessor(type, elements, value, valueType));
        }

        /// <summary>Declares properties read from a property bag of the item.</summary>
        /// <param name="bag">Reads the bag, e.g. <c>r =&gt; r.Properties</c>.</param>
        /// <param name="properties">The properties that live in the bag.</param>
        /// <returns>This builder.</returns>
        /// <exception cref="ArgumentNullException">An argument or a property is <see langword="null"/>.</exception>
        /// <exception cref="ArgumentException">A property name is blank or declared twice.</exception>
        /// <exception cref="ArgumentOutOfRangeException">A property type is not a defined value.</exception>
        public Builder PropertyBag(Expression<Func<T, IEnumerable<CrmPropertyValue>>> bag, IEnumerable<CrmProperty> properties)
        {
            ArgumentNullException.ThrowIfNull(bag);
            ArgumentNullException.ThrowIfNull(properties);
            foreach (var property in properties)
            {
                ArgumentNullException.ThrowIfNull(property, nameof(properties));
                _ = ValueType(property.Type);
                Add(property.Name, property.Type, new BagAccessor(property.Type, property.Name, bag));
            }

            return this;
        }

        /// <summary>Finishes the declaration.</summary>
        /// <returns>The target.</returns>
        public FilterTarget<T> Build() => new(_accessors.ToImmutable(), _tieBreak, _properties.ToImmutable());

        private static Type CheckValueType<TValue>(string name, CrmPropertyType type, string paramName)
        {
            var valueType = ValueType(type);
            var underlying = Nullable.GetUnderlyingType(valueType) ?? valueType;
            if (typeof(TValue) != valueType && typeof(TValue) != underlying)
            {
                throw new ArgumentException(
                    string.Format(CultureInfo.InvariantCulture, "The member of '{0}' is {1}, but a {2} property is read as {3}.", name, typeof(TValue).Name, type, underlying.Name),
                    paramName);
            }

            return valueType;
        }

        private Builder Add(string name, CrmPropertyType type, Accessor accessor)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(name);
            if (!_accessors.TryAdd(name, accessor))
            {
                throw new ArgumentException(string.Format(CultureInfo.InvariantCulture, "The property '{0}' is declared twice.", name), nameof(name));
            }

            _properties.Add(new CrmProperty(name, type));
            return this;
        }
    }

    private abstract class Accessor(CrmPropertyType type)
    {
        public CrmPropertyType Type { get; } = type;

        public abstract Expression Read(ParameterExpression item);

        public abstract Expression Test(LambdaExpression predicate, ParameterExpression item);
    }

    private sealed class MemberAccessor(CrmPropertyType type, LambdaExpression member, Type valueType) : Accessor(type)
    {
        public override Expression Read(ParameterExpression item)
        {
            var body = new ParameterReplacer(member.Parameters[0], item).Visit(member.Body);
            return body.Type == valueType ? body : Expression.Convert(body, valueType);
        }

        public override Expression Test(LambdaExpression predicate, ParameterExpression item) =>
            new ParameterReplacer(predicate.Parameters[0], Read(item)).Visit(predicate.Body);
    }

    private sealed class BagAccessor(CrmPropertyType type, string name, LambdaExpression bag) : Accessor(type)
    {
        public override Expression Read(ParameterExpression item)
        {
            // (first value of the named entry), used for sorting: p => p.Name == name select column, FirstOrDefault.
            var p = Expression.Parameter(typeof(CrmPropertyValue), "p");
            var column = Expression.Property(p, BagColumn(Type));
            var source = new ParameterReplacer(bag.Parameters[0], item).Visit(bag.Body);
            var where = Expression.Call(
                typeof(Enumerable), nameof(Enumerable.Where), [typeof(CrmPropertyValue)], source,
                Expression.Lambda<Func<CrmPropertyValue, bool>>(Expression.Equal(Expression.Property(p, nameof(CrmPropertyValue.Name)), Expression.Constant(name)), p));
            var select = Expression.Call(
                typeof(Enumerable), nameof(Enumerable.Select), [typeof(CrmPropertyValue), column.Type], where, Expression.Lambda(column, p));
            return Expression.Call(typeof(Enumerable), nameof(Enumerable.FirstOrDefault), [column.Type], select);
        }

        public override Expression Test(LambdaExpression predicate, ParameterExpression item)
        {
            // Properties.Any(p => p.Name == name && predicate(p.Column)): an EXISTS in SQL.
            var p = Expression.Parameter(typeof(CrmPropertyValue), "p");
            var column = Expression.Property(p, BagColumn(Type));
            var inner = Expression.Lambda<Func<CrmPropertyValue, bool>>(
                Expression.AndAlso(
                    Expression.Equal(Expression.Property(p, nameof(CrmPropertyValue.Name)), Expression.Constant(name)),
                    new ParameterReplacer(predicate.Parameters[0], column).Visit(predicate.Body)),
                p);
            var source = new ParameterReplacer(bag.Parameters[0], item).Visit(bag.Body);
            return Expression.Call(typeof(Enumerable), nameof(Enumerable.Any), [typeof(CrmPropertyValue)], source, inner);
        }
    }

    private sealed class CollectionAccessor(CrmPropertyType type, LambdaExpression elements, LambdaExpression value, Type valueType) : Accessor(type)
    {
        private readonly Type _element = value.Parameters[0].Type;

        public override Expression Read(ParameterExpression item)
        {
            // The first element's value, used for sorting: Elements.Select(value).FirstOrDefault().
            var select = Expression.Call(typeof(Enumerable), nameof(Enumerable.Select), [_element, valueType], Source(item), Expression.Lambda(Value(value.Parameters[0]), value.Parameters[0]));
            return Expression.Call(typeof(Enumerable), nameof(Enumerable.FirstOrDefault), [valueType], select);
        }

        public override Expression Test(LambdaExpression predicate, ParameterExpression item)
        {
            // Elements.Any(e => predicate(value(e))): an EXISTS in SQL.
            var e = Expression.Parameter(_element, "e");
            var inner = Expression.Lambda(new ParameterReplacer(predicate.Parameters[0], Value(e)).Visit(predicate.Body), e);
            return Expression.Call(typeof(Enumerable), nameof(Enumerable.Any), [_element], Source(item), inner);
        }

        private Expression Source(ParameterExpression item) => new ParameterReplacer(elements.Parameters[0], item).Visit(elements.Body);

        private Expression Value(ParameterExpression element)
        {
            var body = new ParameterReplacer(value.Parameters[0], element).Visit(value.Body);
            return body.Type == valueType ? body : Expression.Convert(body, valueType);
        }
    }

    private sealed class ParameterReplacer(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : base.VisitParameter(node);
    }
}

/// <summary>Starts declaring a <see cref="FilterTarget{T}"/>.</summary>
public static class FilterTarget
{
    /// <summary>Starts declaring the target of an item type.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <typeparam name="TKey">The type of the item's unique id.</typeparam>
    /// <param name="uniqueKey">The item's unique id: every sort ends with it (ascending), so pages are stable.</param>
    /// <returns>A builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="uniqueKey"/> is <see langword="null"/>.</exception>
    public static FilterTarget<T>.Builder Create<T, TKey>(Expression<Func<T, TKey>> uniqueKey)
    {
        ArgumentNullException.ThrowIfNull(uniqueKey);
        return new FilterTarget<T>.Builder(uniqueKey);
    }
}
