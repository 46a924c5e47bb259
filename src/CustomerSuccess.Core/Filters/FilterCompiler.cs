using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Linq.Expressions;
using CustomerSuccess.Core.Crm;
using CustomerSuccess.Core.Views;
using CustomerSuccess.Core.Specification;
using NodaTime;

namespace CustomerSuccess.Core.Filters;

/// <summary>
/// Turns a <see cref="ViewFilter"/> (and a <see cref="ViewSort"/>) into a <see cref="Specification{T}"/> over any item
/// type declared as a <see cref="FilterTarget{T}"/> (records, tasks, activities), whose expressions any LINQ provider
/// can translate, or reports why the filter is not valid. One compiler for every list.
/// </summary>
/// <remarks>
/// <para><b>Translatable by construction.</b> The expressions use only member access on the item,
/// comparisons, <c>&amp;&amp;</c>, <c>||</c>, <c>!</c>, <c>string.Contains(string)</c>, <c>Enumerable.Contains</c> on a
/// captured array and <c>Properties.Any(p =&gt; p.Name == name &amp;&amp; …)</c> for the property bag (an
/// <c>EXISTS</c> subquery). Every value and every time bound is computed before the expression is built: no clock is read
/// and no time zone is converted inside it.</para>
/// <para><b>Dates and date-times</b> (half-open, in <see cref="FilterContext.Zone"/>, from <see cref="CalendarRange"/>;
/// <c>start(d)</c> is the first instant of day <c>d</c>, <c>today</c> is the viewer's date at <see cref="FilterContext.AsOf"/>):
/// before <c>d</c>: <c>value &lt; start(d)</c>; after <c>d</c>: <c>value ≥ start(d + 1)</c>; between <c>d1</c> and
/// <c>d2</c>: <c>[start(d1), start(d2 + 1))</c>, so both days are included; in the last <c>N</c> days:
/// <c>[start(today − N), start(today + 1))</c>, i.e. today and the <c>N</c> days before it; in the next <c>N</c> days:
/// <c>[start(today), start(today + N + 1))</c>, i.e. today and the <c>N</c> days after it.</para>
/// <para><b>Numbers:</b> between is inclusive at both ends. <b>Text:</b> is, is not, contains and is any of are ordinal
/// (case-sensitive) in memory; a SQL provider uses the column's collation, which may ignore case.
/// <b>Unknown values</b> match only is not, ≠ and is unknown. <b>Sorting</b> ends with the target's unique key, so pages
/// are stable; items without a value sort last in both directions (<see cref="EmptyValuesSortLast"/>); users (owners)
/// cannot be sorted.</para>
/// <threadsafety>Stateless; thread-safe.</threadsafety>
/// </remarks>
public static class FilterCompiler
{
    /// <summary>The largest N of "in the last / next N days".</summary>
    public const int MaxRelativeDays = 3650;

    /// <summary>The deepest nesting of groups accepted (the root is depth 1).</summary>
    public const int MaxDepth = 8;

    /// <summary>The most conditions one filter may hold.</summary>
    public const int MaxConditions = 100;

    /// <summary>The most values an "is any of" condition may hold.</summary>
    public const int MaxValues = 100;

    /// <summary>The earliest year of a date operand.</summary>
    public const int MinYear = 1900;

    /// <summary>The latest year of a date operand.</summary>
    public const int MaxYear = 2999;

    /// <summary>Where items whose sort property has no value (unknown, <see langword="null"/>) go in a sorted list:
    /// <see langword="true"/>, after every item with a value, in both directions.</summary>
    /// <remarks>Databases disagree when left to themselves (SQLite and in-memory LINQ sort <c>NULL</c> first ascending,
    /// PostgreSQL last), so the compiled ordering never relies on them: it starts with an explicit rank, 0 for a value and
    /// 1 for no value (reversed if this were <see langword="false"/>), and every provider returns the same order.</remarks>
    public const bool EmptyValuesSortLast = true;

    private static readonly FilterContext ValidationContext = new(UserId.From(1), Instant.FromUtc(2000, 1, 1, 0, 0), DateTimeZone.Utc);

    /// <summary>Checks a filter against a target without compiling it for a viewer.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="filter">The filter.</param>
    /// <param name="target">What can be filtered on the items.</param>
    /// <returns>Success, or <c>view.filter_invalid</c> naming every bad property and operator.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="filter"/> or <paramref name="target"/> is <see langword="null"/>.</exception>
    public static Result Validate<T>(ViewFilter filter, FilterTarget<T> target) =>
        CompileExpression(filter, target, ValidationContext).ToResult();

    /// <summary>Compiles a filter into a predicate over the items, relative to a viewer, an instant and a zone.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="filter">The filter.</param>
    /// <param name="target">What can be filtered on the items.</param>
    /// <param name="context">The viewer, "now" and the viewer's zone.</param>
    /// <returns>The predicate, or <c>view.filter_invalid</c> naming every bad property and operator.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static Result<Expression<Func<T, bool>>> CompileExpression<T>(ViewFilter filter, FilterTarget<T> target, FilterContext context)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(context);
        var builder = new Builder<T>(target, context);
        var body = builder.Visit(filter, 1);
        if (builder.Problems.Count > 0 || body is null)
        {
            return builder.Problems.Count > 0 ? ViewErrors.FilterInvalid(builder.Problems) : ViewErrors.FilterStructure("it is empty.");
        }

        return Result.Success(Expression.Lambda<Func<T, bool>>(body, target.Parameter));
    }

    /// <summary>Compiles a filter and a sort into a specification of the items (criteria and ordering, no paging).</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="filter">The filter, or <see langword="null"/> for every item.</param>
    /// <param name="sort">The sort, or <see langword="null"/> for the target's unique key only.</param>
    /// <param name="target">What can be filtered and sorted on the items.</param>
    /// <param name="context">The viewer, "now" and the viewer's zone.</param>
    /// <returns>The specification, ordered by the sort (items without a value last in both directions, see
    /// <see cref="EmptyValuesSortLast"/>) and then by the unique key ascending; or
    /// <c>view.filter_invalid</c> / <c>view.sort_invalid</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="target"/> or <paramref name="context"/> is <see langword="null"/>.</exception>
    public static Result<Specification<T>> Compile<T>(ViewFilter? filter, ViewSort? sort, FilterTarget<T> target, FilterContext context)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(context);
        var spec = new Specification<T>();
        if (filter is not null)
        {
            var compiled = CompileExpression(filter, target, context);
            if (!compiled.TryGetValue(out var where))
            {
                return compiled.Error!;
            }

            spec.Query.Where(where);
        }

        var tieBreak = Expression.Lambda<Func<T, object?>>(Expression.Convert(target.TieBreak.Body, typeof(object)), target.Parameter);
        if (sort is null)
        {
            spec.Query.OrderBy(tieBreak);
            return spec;
        }

        var key = SortKey(sort.Property, target);
        if (!key.TryGetValue(out var sortKey))
        {
            return key.Error!;
        }

        // Explicit null ordering (EmptyValuesSortLast): the rank first, then the value, then the unique key.
        var ordered = spec.Query.OrderBy(target.EmptyRank(sort.Property!, EmptyValuesSortLast ? 1 : 0));
        ordered = sort.Direction == SortDirection.Descending ? ordered.ThenByDescending(sortKey) : ordered.ThenBy(sortKey);
        ordered.ThenBy(tieBreak);

        return spec;
    }

    /// <summary>Checks that a property can sort the items.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="property">The property.</param>
    /// <param name="target">What can be sorted on the items.</param>
    /// <returns>Success, or <c>view.sort_invalid</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="target"/> is <see langword="null"/>.</exception>
    public static Result ValidateSort<T>(string? property, FilterTarget<T> target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return SortKey(property, target).ToResult();
    }

    private static Result<Expression<Func<T, object?>>> SortKey<T>(string? property, FilterTarget<T> target)
    {
        var name = property ?? string.Empty;
        if (!target.TryGetType(name, out var type))
        {
            return ViewErrors.SortInvalid(name, "the items have no such property.");
        }

        return type == CrmPropertyType.User
            ? ViewErrors.SortInvalid(name, "owners cannot be sorted (sort by name is not known to the library).")
            : Result.Success(target.SortKey(name));
    }

    private static bool IsDate(CrmPropertyType type) => type is CrmPropertyType.Date or CrmPropertyType.DateTime;

    private static bool Accepts(CrmPropertyType type, FilterOperator op) => op switch
    {
        FilterOperator.IsKnown or FilterOperator.IsUnknown => true,
        FilterOperator.Is or FilterOperator.IsNot => type is CrmPropertyType.Text or CrmPropertyType.Boolean,
        FilterOperator.Contains => type == CrmPropertyType.Text,
        FilterOperator.IsAnyOf => type is CrmPropertyType.Text or CrmPropertyType.User,
        FilterOperator.Equal or FilterOperator.NotEqual or FilterOperator.LessThan or FilterOperator.LessThanOrEqual
            or FilterOperator.GreaterThan or FilterOperator.GreaterThanOrEqual => type == CrmPropertyType.Number,
        FilterOperator.Between => type == CrmPropertyType.Number || IsDate(type),
        FilterOperator.Before or FilterOperator.After or FilterOperator.InLastDays or FilterOperator.InNextDays => IsDate(type),
        FilterOperator.IsMe => type == CrmPropertyType.User,
        _ => false,
    };

    private sealed class Builder<T>(FilterTarget<T> target, FilterContext context)
    {
        private int _conditions;

        public List<DomainError> Problems { get; } = [];

        public Expression? Visit(ViewFilter? node, int depth)
        {
            if (depth > MaxDepth)
            {
                Problems.Add(ViewErrors.FilterStructure(string.Format(CultureInfo.InvariantCulture, "groups are nested deeper than {0} levels.", MaxDepth)));
                return null;
            }

            switch (node)
            {
                case FilterGroup group:
                    return VisitGroup(group, depth);
                case PropertyFilter condition:
                    if (++_conditions == MaxConditions + 1)
                    {
                        Problems.Add(ViewErrors.FilterStructure(string.Format(CultureInfo.InvariantCulture, "it has more than {0} conditions.", MaxConditions)));
                    }

                    return VisitCondition(condition);
                default:
                    Problems.Add(ViewErrors.FilterStructure("a group contains an empty node."));
                    return null;
            }
        }

        private Expression? VisitGroup(FilterGroup group, int depth)
        {
            var isAnd = group.Operator == LogicalOperator.And;
            if (group.Operator is not (LogicalOperator.And or LogicalOperator.Or))
            {
                Problems.Add(ViewErrors.FilterStructure("a group's operator is neither And nor Or."));
                return null;
            }

            Expression? result = null;
            foreach (var child in group.Children)
            {
                var body = Visit(child, depth + 1);
                if (body is null)
                {
                    continue;
                }

                result = result is null ? body : isAnd ? Expression.AndAlso(result, body) : Expression.OrElse(result, body);
            }

            return result ?? Expression.Constant(isAnd);
        }

        private Expression? VisitCondition(PropertyFilter f)
        {
            var property = f.Property ?? string.Empty;
            var op = f.Operator;
            if (string.IsNullOrWhiteSpace(property))
            {
                return Fail(property, op, "no property is named.");
            }

            if (!target.TryGetType(property, out var type))
            {
                return Fail(property, op, "the items have no such property.");
            }

            if (!Enum.IsDefined(op) || !Accepts(type, op))
            {
                return Fail(property, op, string.Format(CultureInfo.InvariantCulture, "the operator does not apply to a {0} property.", Describe(type)));
            }

            var values = f.Values;
            return op switch
            {
                FilterOperator.IsKnown => Arity(f, 0) ? Known(property, type) : null,
                FilterOperator.IsUnknown => Arity(f, 0) ? Expression.Not(Known(property, type)) : null,
                FilterOperator.IsMe => Arity(f, 0) ? OnValue<UserId?>(property, Owner(context.Viewer)) : null,
                FilterOperator.Is or FilterOperator.IsNot => Negate(op == FilterOperator.IsNot, Is(f, type)),
                FilterOperator.Contains => Contains(f),
                FilterOperator.IsAnyOf => AnyOf(f, type),
                FilterOperator.Equal or FilterOperator.NotEqual => Negate(op == FilterOperator.NotEqual, CompareNumber(f)),
                FilterOperator.LessThan or FilterOperator.LessThanOrEqual or FilterOperator.GreaterThan
                    or FilterOperator.GreaterThanOrEqual => CompareNumber(f),
                FilterOperator.Between => type == CrmPropertyType.Number ? NumberBetween(f) : DateRange(f),
                _ => DateRange(f),
            };
        }

        private static Expression? Negate(bool negate, Expression? body) => body is null ? null : negate ? Expression.Not(body) : body;

        private static Expression<Func<UserId?, bool>> Owner(UserId viewer) => v => v == viewer;

        private Expression? Is(PropertyFilter f, CrmPropertyType type)
        {
            if (type == CrmPropertyType.Boolean)
            {
                if (!Single(f, out BooleanFilterValue? b))
                {
                    return null;
                }

                var value = b.Value;
                return OnValue<bool?>(f.Property, v => v == value);
            }

            if (!Single(f, out TextFilterValue? t))
            {
                return null;
            }

            var text = t.Value;
            return OnValue<string?>(f.Property, v => v == text);
        }

        private Expression? Contains(PropertyFilter f)
        {
            if (!Single(f, out TextFilterValue? t))
            {
                return null;
            }

            if (string.IsNullOrEmpty(t.Value))
            {
                return Fail(f.Property, f.Operator, "the text to look for is empty.");
            }

            var text = t.Value;
            return OnValue<string?>(f.Property, v => v != null && v.Contains(text));
        }

        private Expression? AnyOf(PropertyFilter f, CrmPropertyType type)
        {
            if (f.Values.Length is 0 or > MaxValues)
            {
                return Fail(f.Property, f.Operator, string.Format(CultureInfo.InvariantCulture, "it needs 1 to {0} values, not {1}.", MaxValues, f.Values.Length));
            }

            if (type == CrmPropertyType.User)
            {
                if (!f.Values.All(v => v is UserFilterValue))
                {
                    return Fail(f.Property, f.Operator, "every value must be a user.");
                }

                UserId?[] users = [.. f.Values.Cast<UserFilterValue>().Select(v => (UserId?)v.Value).Distinct()];
                return OnValue<UserId?>(f.Property, v => Enumerable.Contains(users, v));
            }

            if (!f.Values.All(v => v is TextFilterValue))
            {
                return Fail(f.Property, f.Operator, "every value must be text.");
            }

            string[] texts = [.. f.Values.Cast<TextFilterValue>().Select(v => v.Value).Distinct(StringComparer.Ordinal)];
            return OnValue<string?>(f.Property, v => Enumerable.Contains(texts, v));
        }

        private Expression? CompareNumber(PropertyFilter f)
        {
            if (!Single(f, out NumberFilterValue? n))
            {
                return null;
            }

            var x = n.Value;
            Expression<Func<decimal?, bool>> predicate = f.Operator switch
            {
                FilterOperator.Equal or FilterOperator.NotEqual => v => v == x,
                FilterOperator.LessThan => v => v < x,
                FilterOperator.LessThanOrEqual => v => v <= x,
                FilterOperator.GreaterThan => v => v > x,
                _ => v => v >= x,
            };
            return OnValue(f.Property, predicate);
        }

        private Expression? NumberBetween(PropertyFilter f)
        {
            if (!Pair(f, out NumberFilterValue? low, out NumberFilterValue? high))
            {
                return null;
            }

            if (low.Value > high.Value)
            {
                return Fail(f.Property, f.Operator, string.Format(CultureInfo.InvariantCulture, "the lower bound {0} is above the upper bound {1}.", low.Describe(), high.Describe()));
            }

            var a = low.Value;
            var b = high.Value;
            return OnValue<decimal?>(f.Property, v => v >= a && v <= b);
        }

        private Expression? DateRange(PropertyFilter f)
        {
            Instant? from;
            Instant? to;
            switch (f.Operator)
            {
                case FilterOperator.Before:
                case FilterOperator.After:
                    if (!Single(f, out DateFilterValue? d) || !InRange(f, d))
                    {
                        return null;
                    }

                    (from, to) = f.Operator == FilterOperator.Before
                        ? ((Instant?)null, (Instant?)context.StartOf(d.Value))
                        : (context.StartOf(d.Value.PlusDays(1)), null);
                    break;
                case FilterOperator.Between:
                    if (!Pair(f, out DateFilterValue? first, out DateFilterValue? last) || !InRange(f, first) || !InRange(f, last))
                    {
                        return null;
                    }

                    if (first.Value > last.Value)
                    {
                        return Fail(f.Property, f.Operator, string.Format(CultureInfo.InvariantCulture, "the first date {0} is after the second date {1}.", first.Describe(), last.Describe()));
                    }

                    var days = CalendarRange.Days(first.Value, last.Value, context.Zone);
                    (from, to) = (days.Start, days.End);
                    break;
                default:
                    if (!Single(f, out NumberFilterValue? n))
                    {
                        return null;
                    }

                    if (n.Value != decimal.Truncate(n.Value) || n.Value < 0 || n.Value > MaxRelativeDays)
                    {
                        return Fail(f.Property, f.Operator, string.Format(CultureInfo.InvariantCulture, "the number of days must be a whole number from 0 to {0}, not {1}.", MaxRelativeDays, n.Describe()));
                    }

                    var range = f.Operator == FilterOperator.InLastDays
                        ? CalendarRange.LastDays(context.AsOf, (int)n.Value, context.Zone)
                        : CalendarRange.NextDays(context.AsOf, (int)n.Value, context.Zone);
                    (from, to) = (range.Start, range.End);
                    break;
            }

            if (from is { } start && to is { } end)
            {
                return OnValue<Instant?>(f.Property, v => v >= start && v < end);
            }

            if (to is { } before)
            {
                return OnValue<Instant?>(f.Property, v => v < before);
            }

            var after = from!.Value;
            return OnValue<Instant?>(f.Property, v => v >= after);
        }

        private bool InRange(PropertyFilter f, DateFilterValue date)
        {
            if (date.Value.Year is >= MinYear and <= MaxYear && date.Value.Calendar == CalendarSystem.Iso)
            {
                return true;
            }

            Fail(f.Property, f.Operator, string.Format(CultureInfo.InvariantCulture, "the date {0} is outside the years {1} to {2}.", date.Describe(), MinYear, MaxYear));
            return false;
        }

        private Expression Known(string property, CrmPropertyType type) => type switch
        {
            CrmPropertyType.Text => OnValue<string?>(property, v => v != null),
            CrmPropertyType.Number => OnValue<decimal?>(property, v => v != null),
            CrmPropertyType.Boolean => OnValue<bool?>(property, v => v != null),
            CrmPropertyType.User => OnValue<UserId?>(property, v => v != null),
            _ => OnValue<Instant?>(property, v => v != null),
        };

        private bool Arity(PropertyFilter f, int count)
        {
            if (f.Values.Length == count)
            {
                return true;
            }

            Fail(f.Property, f.Operator, string.Format(CultureInfo.InvariantCulture, "it takes {0} value(s), not {1}.", count, f.Values.Length));
            return false;
        }

        private bool Single<TValue>(PropertyFilter f, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out TValue? value)
            where TValue : FilterValue
        {
            value = null;
            if (!Arity(f, 1))
            {
                return false;
            }

            value = f.Values[0] as TValue;
            if (value is null)
            {
                Fail(f.Property, f.Operator, string.Format(CultureInfo.InvariantCulture, "the value must be {0}, not {1}.", Kind(typeof(TValue)), Describe(f.Values[0])));
                return false;
            }

            return true;
        }

        private bool Pair<TValue>(
            PropertyFilter f,
            [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out TValue? first,
            [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out TValue? second)
            where TValue : FilterValue
        {
            first = null;
            second = null;
            if (!Arity(f, 2))
            {
                return false;
            }

            first = f.Values[0] as TValue;
            second = f.Values[1] as TValue;
            if (first is null || second is null)
            {
                Fail(f.Property, f.Operator, string.Format(CultureInfo.InvariantCulture, "both values must be {0}.", Kind(typeof(TValue))));
                return false;
            }

            return true;
        }

        private Expression? Fail(string property, FilterOperator op, string reason)
        {
            Problems.Add(ViewErrors.FilterProblem(property, op, reason));
            return null;
        }

        /// <summary>Applies a predicate on the property's value: inline for a well-known member, as
        /// <c>Properties.Any(p =&gt; p.Name == name &amp;&amp; predicate(p.Column))</c> for a bag property.</summary>
        private Expression OnValue<TValue>(string property, Expression<Func<TValue, bool>> predicate) => target.Test(property, predicate);

        private static string Describe(CrmPropertyType type) => type switch
        {
            CrmPropertyType.Text => "text",
            CrmPropertyType.Number => "number",
            CrmPropertyType.Date => "date",
            CrmPropertyType.DateTime => "date-time",
            CrmPropertyType.Boolean => "yes/no",
            _ => "user",
        };

        private static string Kind(Type valueType) =>
            valueType == typeof(TextFilterValue) ? "text"
            : valueType == typeof(NumberFilterValue) ? "a number"
            : valueType == typeof(DateFilterValue) ? "a date"
            : valueType == typeof(BooleanFilterValue) ? "true or false"
            : "a user";

        private static string Describe(FilterValue? value) => value?.Describe() ?? "nothing";
    }
}
