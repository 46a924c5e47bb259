using System;
using System.Collections.Generic;
using System.Linq;
using System.Linq.Expressions;
using System.Reflection;
using CustomerSuccess.Core.Crm;
using CustomerSuccess.Core.Records;
using CustomerSuccess.Core.Specification;
using CustomerSuccess.Core.Stores.EntityFrameworkCore.Model;

namespace CustomerSuccess.Core.Stores.EntityFrameworkCore;

/// <summary>
/// Moves a specification of <see cref="CrmRecord"/> onto the mapped row types: <see cref="CrmRecord"/> becomes
/// <see cref="RecordRow"/> and <see cref="CrmPropertyValue"/> becomes <see cref="RecordPropertyRow"/>, member for
/// member (the rows have the same member names and types), and LINQ calls over the property bag are rebuilt for the row
/// type. An <c>Enumerable.Contains</c> over a captured list becomes a chain of equalities, which every provider
/// translates whatever the element's value conversion.
/// </summary>
/// <remarks>Anything else that touches a record (a method of the record, a record constant, a member the row does not
/// have) throws <see cref="NotSupportedException"/>: a specification the store cannot translate is an error, never an
/// in-memory scan.</remarks>
internal sealed class RecordExpressionRewriter : ExpressionVisitor
{
    private readonly Dictionary<ParameterExpression, ParameterExpression> _parameters = [];

    public static Specification<RecordRow> Rewrite(ISpecification<CrmRecord> specification)
    {
        var result = new Specification<RecordRow>();
        foreach (var where in specification.WhereExpressions)
        {
            result.Query.Where((Expression<Func<RecordRow, bool>>)new RecordExpressionRewriter().Visit(where.Filter)!);
        }

        IOrderedSpecificationBuilder<RecordRow>? ordered = null;
        foreach (var order in specification.OrderExpressions)
        {
            var key = (Expression<Func<RecordRow, object?>>)new RecordExpressionRewriter().Visit(order.KeySelector)!;
            ordered = order.OrderType switch
            {
                OrderTypeEnum.OrderBy => result.Query.OrderBy(key),
                OrderTypeEnum.OrderByDescending => result.Query.OrderByDescending(key),
                OrderTypeEnum.ThenBy => (ordered ?? throw Unordered()).ThenBy(key),
                _ => (ordered ?? throw Unordered()).ThenByDescending(key),
            };
        }

        if (specification.Skip >= 0)
        {
            result.Query.Skip(specification.Skip);
        }

        if (specification.Take >= 0)
        {
            result.Query.Take(specification.Take);
        }

        return result;
    }

    public override Expression? Visit(Expression? node)
    {
        var visited = base.Visit(node);
        if (node is not null && visited is not null && Map(node.Type) != node.Type && visited.Type == node.Type)
        {
            throw Untranslatable(node);
        }

        return visited;
    }

    protected override Expression VisitLambda<T>(Expression<T> node)
    {
        var parameters = node.Parameters.Select(p => (ParameterExpression)VisitParameter(p)).ToArray();
        return Expression.Lambda(Visit(node.Body)!, parameters);
    }

    protected override Expression VisitParameter(ParameterExpression node)
    {
        var type = Map(node.Type);
        if (type == node.Type)
        {
            return node;
        }

        if (!_parameters.TryGetValue(node, out var mapped))
        {
            mapped = Expression.Parameter(type, node.Name);
            _parameters[node] = mapped;
        }

        return mapped;
    }

    protected override Expression VisitMember(MemberExpression node)
    {
        if (node.Expression is null)
        {
            return node;
        }

        var inner = Visit(node.Expression)!;
        if (inner.Type == node.Expression.Type)
        {
            return node.Update(inner);
        }

        var property = inner.Type.GetProperty(node.Member.Name, BindingFlags.Public | BindingFlags.Instance)
            ?? throw Untranslatable(node);
        return Expression.Property(inner, property);
    }

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        if (node.Method.DeclaringType == typeof(Enumerable) && node.Method.Name == nameof(Enumerable.Contains)
            && node.Arguments.Count == 2 && TryCapture(node.Arguments[0], out var values))
        {
            var item = Visit(node.Arguments[1])!;
            Expression any = Expression.Constant(false);
            foreach (var value in values.Cast<object?>().Reverse())
            {
                any = Expression.OrElse(Expression.Equal(item, Expression.Constant(value, item.Type)), any);
            }

            return any;
        }

        if (node.Method.DeclaringType == typeof(Enumerable) && node.Method.IsGenericMethod)
        {
            var arguments = node.Arguments.Select(a => Visit(a)!).ToArray();
            var method = node.Method.GetGenericMethodDefinition().MakeGenericMethod([.. node.Method.GetGenericArguments().Select(Map)]);
            return Expression.Call(method, arguments);
        }

        if (Touches(node.Method.DeclaringType) || node.Method.GetParameters().Any(p => Touches(p.ParameterType)))
        {
            throw Untranslatable(node);
        }

        return base.VisitMethodCall(node);
    }

    protected override Expression VisitConstant(ConstantExpression node) =>
        Touches(node.Type) ? throw Untranslatable(node) : node;

    private static bool TryCapture(Expression source, out System.Collections.IEnumerable values)
    {
        values = Array.Empty<object>();
        if (source.Type == typeof(string) || !typeof(System.Collections.IEnumerable).IsAssignableFrom(source.Type) || Touches(source.Type))
        {
            return false;
        }

        object? value = source switch
        {
            ConstantExpression constant => constant.Value,
            MemberExpression { Expression: ConstantExpression closure, Member: FieldInfo field } => field.GetValue(closure.Value),
            MemberExpression { Expression: ConstantExpression closure, Member: PropertyInfo property } => property.GetValue(closure.Value),
            _ => null,
        };
        if (value is System.Collections.IEnumerable enumerable)
        {
            values = enumerable;
            return true;
        }

        return false;
    }

    private static Type Map(Type type)
    {
        if (type == typeof(CrmRecord))
        {
            return typeof(RecordRow);
        }

        if (type == typeof(CrmPropertyValue))
        {
            return typeof(RecordPropertyRow);
        }

        // Only framework generics (Func<>, IEnumerable<>, IReadOnlyList<>, …) carry records; a compiler-generated closure
        // of a generic method is captured state, left as it is.
        if (type.IsGenericType && type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true)
        {
            var arguments = type.GetGenericArguments();
            var mapped = arguments.Select(Map).ToArray();
            if (!arguments.SequenceEqual(mapped))
            {
                var definition = type.GetGenericTypeDefinition();
                return definition == typeof(IReadOnlyList<>) || definition == typeof(IReadOnlyCollection<>)
                    ? typeof(IEnumerable<>).MakeGenericType(mapped)
                    : definition.MakeGenericType(mapped);
            }
        }

        return type;
    }

    private static bool Touches(Type? type) => type is not null && Map(type) != type;

    private static NotSupportedException Untranslatable(Expression node) =>
        new($"The record specification cannot be translated to SQL: '{node}' uses a record in a way the store does not map (only member access, comparisons, &&, ||, !, string.Contains, Contains on a captured list and Any/Where/Select/FirstOrDefault over the property bag are translated).");

    private static InvalidOperationException Unordered() => new("A ThenBy step came before any OrderBy.");
}
