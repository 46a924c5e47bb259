using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Linq.Expressions;
using CustomerSuccess.Core.Records;
using CustomerSuccess.Core.Specification;
using NodaTime;

namespace CustomerSuccess.Core.Views;

/// <summary>
/// Turns a <see cref="ViewFilter"/> (and a <see cref="ViewSort"/>) into a <see cref="Specification{T}"/> over
/// <see cref="CrmRecord"/> whose expressions any LINQ provider can translate, or reports why the filter is not valid.
/// </summary>
/// <remarks>
/// <para><b>Translatable by construction.</b> The expressions use only member access on <see cref="CrmRecord"/>,
/// comparisons, <c>&amp;&amp;</c>, <c>||</c>, <c>!</c>, <c>string.Contains(string)</c>, <c>Enumerable.Contains</c> on a
/// captured array and <c>Properties.Any(p =&gt; p.Name == name &amp;&amp; …)</c> for the property bag (an
/// <c>EXISTS</c> subquery). Every value and every time bound is computed before the expression is built: no clock is read
/// and no time zone is converted inside it.</para>
/// <para><b>Dates</b> (half-open, in <see cref="FilterContext.Zone"/>; <c>start(d)</c> is the first instant of day
/// <c>d</c>, <c>today</c> is the viewer's date at <see cref="FilterContext.AsOf"/>):
/// before <c>d</c>: <c>value &lt; start(d)</c>; after <c>d</c>: <c>value ≥ start(d + 1)</c>; between <c>d1</c> and
/// <c>d2</c>: <c>[start(d1), start(d2 + 1))</c>, so both days are included; in the last <c>N</c> days:
/// <c>[start(today − N), start(today + 1))</c>, i.e. today and the <c>N</c> days before it; in the next <c>N</c> days:
/// <c>[start(today), start(today + N + 1))</c>, i.e. today and the <c>N</c> days after it.</para>
/// <para><b>Numbers:</b> between is inclusive at both ends. <b>Text:</b> is, is not, contains and is any of are ordinal
/// (case-sensitive) in memory; a SQL provider uses the column's collation, which may ignore case.
/// <b>Unknown values</b> match only is not, ≠ and is unknown.</para>
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

    private static readonly FilterContext ValidationContext = new(UserId.From(1), Instant.FromUtc(2000, 1, 1, 0, 0), DateTimeZone.Utc);

    /// <summary>Checks a filter against a schema without compiling it for a viewer.</summary>
    /// <param name="filter">The filter.</param>
    /// <param name="schema">The properties of the tab's records.</param>
    /// <returns>Success, or <c>view.filter_invalid</c> naming every bad property and operator.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="filter"/> or <paramref name="schema"/> is <see langword="null"/>.</exception>
    public static Result Validate(ViewFilter filter, RecordSchema schema) =>
        CompileExpression(filter, schema, ValidationContext).ToResult();

    /// <summary>Compiles a filter into a predicate expression.</summary>
    /// <param name="filter">The filter.</param>
    /// <param name="schema">The properties of the tab's records.</param>
    /// <param name="context">The viewer, the instant and the time zone.</param>
    /// <returns>The predicate, or <c>view.filter_invalid</c> naming every bad property and operator.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static Result<Expression<Func<CrmRecord, bool>>> CompileExpression(ViewFilter filter, RecordSchema schema, FilterContext context)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        var builder = new Builder(schema, context);
        var body = builder.Visit(filter, 1);
        if (builder.Problems.Count > 0 || body is null)
        {
            return Result.Failure<Expression<Func<CrmRecord, bool>>>(
                builder.Problems.Count > 0 ? ViewErrors.FilterInvalid(builder.Problems) : ViewErrors.FilterStructure("it is empty."));
        }

        return Result.Success(Expression.Lambda<Func<CrmRecord, bool>>(body, Builder.Record));
    }

    /// <summary>Compiles a view's filter and sort into a specification (filters and ordering; no paging).</summary>
    /// <param name="filter">The filter, or <see langword="null"/> for every record.</param>
    /// <param name="sort">The sort, or <see langword="null"/> for record-id order. Ties are always broken by record id.</param>
    /// <param name="schema">The properties of the tab's records.</param>
    /// <param name="context">The viewer, the instant and the time zone.</param>
    /// <returns>The specification, or <c>view.filter_invalid</c> / <c>view.sort_invalid</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="schema"/> or <paramref name="context"/> is <see langword="null"/>.</exception>
    public static Result<Specification<CrmRecord>> Compile(ViewFilter? filter, ViewSort? sort, RecordSchema schema, FilterContext context)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        Expression<Func<CrmRecord, bool>>? where = null;
        if (filter is not null)
        {
            var compiled = CompileExpression(filter, schema, context);
            if (!compiled.TryGetValue(out where))
            {
                return Result.Failure<Specification<CrmRecord>>(compiled.Error!);
            }
        }

        Expression<Func<CrmRecord, object?>>? key = null;
        if (sort is not null)
        {
            var sortKey = SortKey(sort.Property, schema);
            if (!sortKey.TryGetValue(out key))
            {
                return Result.Failure<Specification<CrmRecord>>(sortKey.Error!);
            }
        }

        var spec = new Specification<CrmRecord>();
        if (where is not null)
        {
            spec.Query.Where(where);
        }

        if (key is null)
        {
            spec.Query.OrderBy(r => r.Id);
        }
        else if (sort!.Direction == SortDirection.Descending)
        {
            spec.Query.OrderByDescending(key).ThenBy(r => r.Id);
        }
        else
        {
            spec.Query.OrderBy(key).ThenBy(r => r.Id);
        }

        return Result.Success(spec);
    }

    /// <summary>Checks that a view can be sorted by <paramref name="property"/>.</summary>
    /// <param name="property">The property.</param>
    /// <param name="schema">The properties of the tab's records.</param>
    /// <returns>Success, or <c>view.sort_invalid</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="schema"/> is <see langword="null"/>.</exception>
    public static Result ValidateSort(string? property, RecordSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return SortKey(property, schema).ToResult();
    }

    private static Result<Expression<Func<CrmRecord, object?>>> SortKey(string? property, RecordSchema schema)
    {
        var name = property ?? string.Empty;
        if (!schema.TryGetType(name, out var type))
        {
            return Result.Failure<Expression<Func<CrmRecord, object?>>>(ViewErrors.SortInvalid(name, "the tab's records have no such property."));
        }

        Expression<Func<CrmRecord, object?>>? key = name switch
        {
            RecordSchema.ObjectType => r => r.ObjectType,
            RecordSchema.OwnerAssignedAt => r => r.OwnerAssignedAt,
            RecordSchema.CreatedAt => r => r.CreatedAt,
            RecordSchema.LastActivityAt => r => r.LastActivityAt,
            RecordSchema.Pipeline => r => r.PipelineId,
            RecordSchema.Stage => r => r.StageId,
            RecordSchema.Amount => r => r.Amount,
            RecordSchema.CsmOwner => null,
            _ => type switch
            {
                RecordPropertyType.Text => r => r.Properties.Where(p => p.Name == name).Select(p => p.TextValue).FirstOrDefault(),
                RecordPropertyType.Number => r => r.Properties.Where(p => p.Name == name).Select(p => p.NumberValue).FirstOrDefault(),
                RecordPropertyType.Date => r => r.Properties.Where(p => p.Name == name).Select(p => p.DateValue).FirstOrDefault(),
                RecordPropertyType.Boolean => r => r.Properties.Where(p => p.Name == name).Select(p => p.BoolValue).FirstOrDefault(),
                _ => null,
            },
        };

        return key is null
            ? Result.Failure<Expression<Func<CrmRecord, object?>>>(ViewErrors.SortInvalid(name, "owners cannot be sorted (sort by name is not known to the library)."))
            : Result.Success(key);
    }

    private static bool Accepts(RecordPropertyType type, FilterOperator op) => op switch
    {
        FilterOperator.IsKnown or FilterOperator.IsUnknown => true,
        FilterOperator.Is or FilterOperator.IsNot => type is RecordPropertyType.Text or RecordPropertyType.Boolean,
        FilterOperator.Contains => type == RecordPropertyType.Text,
        FilterOperator.IsAnyOf => type is RecordPropertyType.Text or RecordPropertyType.Owner,
        FilterOperator.Equal or FilterOperator.NotEqual or FilterOperator.LessThan or FilterOperator.LessThanOrEqual
            or FilterOperator.GreaterThan or FilterOperator.GreaterThanOrEqual => type == RecordPropertyType.Number,
        FilterOperator.Between => type is RecordPropertyType.Number or RecordPropertyType.Date,
        FilterOperator.Before or FilterOperator.After or FilterOperator.InLastDays or FilterOperator.InNextDays => type == RecordPropertyType.Date,
        FilterOperator.IsMe => type == RecordPropertyType.Owner,
        _ => false,
    };

    private sealed class Builder(RecordSchema schema, FilterContext context)
    {
        public static readonly ParameterExpression Record = Expression.Parameter(typeof(CrmRecord), "r");

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

            if (!schema.TryGetType(property, out var type))
            {
                return Fail(property, op, "the tab's records have no such property.");
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
                FilterOperator.Between => type == RecordPropertyType.Number ? NumberBetween(f) : DateRange(f),
                _ => DateRange(f),
            };
        }

        private static Expression? Negate(bool negate, Expression? body) => body is null ? null : negate ? Expression.Not(body) : body;

        private static Expression<Func<UserId?, bool>> Owner(UserId viewer) => v => v == viewer;

        private Expression? Is(PropertyFilter f, RecordPropertyType type)
        {
            if (type == RecordPropertyType.Boolean)
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

        private Expression? AnyOf(PropertyFilter f, RecordPropertyType type)
        {
            if (f.Values.Length is 0 or > MaxValues)
            {
                return Fail(f.Property, f.Operator, string.Format(CultureInfo.InvariantCulture, "it needs 1 to {0} values, not {1}.", MaxValues, f.Values.Length));
            }

            if (type == RecordPropertyType.Owner)
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

                    (from, to) = (context.StartOf(first.Value), context.StartOf(last.Value.PlusDays(1)));
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

                    var days = (int)n.Value;
                    var today = context.Today;
                    (from, to) = f.Operator == FilterOperator.InLastDays
                        ? (context.StartOf(today.PlusDays(-days)), context.StartOf(today.PlusDays(1)))
                        : (context.StartOf(today), context.StartOf(today.PlusDays(days + 1)));
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

        private static Expression Known(string property, RecordPropertyType type) => type switch
        {
            RecordPropertyType.Text => OnValue<string?>(property, v => v != null),
            RecordPropertyType.Number => OnValue<decimal?>(property, v => v != null),
            RecordPropertyType.Date => OnValue<Instant?>(property, v => v != null),
            RecordPropertyType.Boolean => OnValue<bool?>(property, v => v != null),
            _ => OnValue<UserId?>(property, v => v != null),
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
        private static Expression OnValue<TValue>(string property, Expression<Func<TValue, bool>> predicate)
        {
            var member = WellKnownMember(property);
            if (member is not null)
            {
                return Replace(predicate, member);
            }

            var p = Expression.Parameter(typeof(RecordPropertyValue), "p");
            var column = Expression.Property(p, ColumnOf(typeof(TValue)));
            var inner = Expression.Lambda<Func<RecordPropertyValue, bool>>(
                Expression.AndAlso(
                    Expression.Equal(Expression.Property(p, nameof(RecordPropertyValue.Name)), Expression.Constant(property)),
                    Replace(predicate, column)),
                p);
            return Expression.Call(
                typeof(Enumerable),
                nameof(Enumerable.Any),
                [typeof(RecordPropertyValue)],
                Expression.Property(Record, nameof(CrmRecord.Properties)),
                inner);
        }

        private static Expression? WellKnownMember(string property) => property switch
        {
            RecordSchema.ObjectType => Expression.Property(Record, nameof(CrmRecord.ObjectType)),
            RecordSchema.CsmOwner => Expression.Property(Record, nameof(CrmRecord.CsmOwnerId)),
            RecordSchema.OwnerAssignedAt => Expression.Property(Record, nameof(CrmRecord.OwnerAssignedAt)),
            RecordSchema.CreatedAt => Expression.Convert(Expression.Property(Record, nameof(CrmRecord.CreatedAt)), typeof(Instant?)),
            RecordSchema.LastActivityAt => Expression.Property(Record, nameof(CrmRecord.LastActivityAt)),
            RecordSchema.Pipeline => Expression.Property(Record, nameof(CrmRecord.PipelineId)),
            RecordSchema.Stage => Expression.Property(Record, nameof(CrmRecord.StageId)),
            RecordSchema.Amount => Expression.Property(Record, nameof(CrmRecord.Amount)),
            _ => null,
        };

        private static string ColumnOf(Type valueType) =>
            valueType == typeof(string) ? nameof(RecordPropertyValue.TextValue)
            : valueType == typeof(decimal?) ? nameof(RecordPropertyValue.NumberValue)
            : valueType == typeof(Instant?) ? nameof(RecordPropertyValue.DateValue)
            : valueType == typeof(bool?) ? nameof(RecordPropertyValue.BoolValue)
            : throw new InvalidOperationException("Owner values live on the record, not in the property bag.");

        private static Expression Replace(LambdaExpression predicate, Expression value) =>
            new ParameterReplacer(predicate.Parameters[0], value).Visit(predicate.Body);

        private static string Describe(RecordPropertyType type) => type switch
        {
            RecordPropertyType.Text => "text",
            RecordPropertyType.Number => "number",
            RecordPropertyType.Date => "date",
            RecordPropertyType.Boolean => "yes/no",
            _ => "owner",
        };

        private static string Kind(Type valueType) =>
            valueType == typeof(TextFilterValue) ? "text"
            : valueType == typeof(NumberFilterValue) ? "a number"
            : valueType == typeof(DateFilterValue) ? "a date"
            : valueType == typeof(BooleanFilterValue) ? "true or false"
            : "a user";

        private static string Describe(FilterValue? value) => value?.Describe() ?? "nothing";
    }

    private sealed class ParameterReplacer(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : base.VisitParameter(node);
    }
}
