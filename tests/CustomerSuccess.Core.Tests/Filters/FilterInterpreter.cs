using System;
using System.Linq;
using CustomerSuccess.Core.Crm;
using CustomerSuccess.Core.Filters;
using NodaTime;

namespace CustomerSuccess.Core.Tests.Filters;

/// <summary>
/// A deliberately straightforward reading of a filter tree, written independently of <see cref="FilterCompiler"/>:
/// dates are compared as calendar dates in the viewer's zone (no instant bounds), the bag is read by name lookup.
/// </summary>
internal static class FilterInterpreter
{
    public static bool Matches<T>(ViewFilter filter, FilterItem item, FilterModel<T> model, FilterContext context) => filter switch
    {
        FilterGroup { Operator: LogicalOperator.And } g => g.Children.All(c => Matches(c, item, model, context)),
        FilterGroup g => g.Children.Any(c => Matches(c, item, model, context)),
        PropertyFilter p => Condition(p, item, model, context),
        _ => throw new ArgumentException("unknown node"),
    };

    private static bool Condition<T>(PropertyFilter f, FilterItem item, FilterModel<T> model, FilterContext context)
    {
        var type = model.TypeOf(f.Property);
        var value = Read(item, f.Property, type, model);
        var zone = context.Zone;
        var today = context.AsOf.InZone(zone).Date;
        LocalDate? date = value is Instant i ? i.InZone(zone).Date : null;
        FilterValue V(int index) => f.Values[index];
        return f.Operator switch
        {
            FilterOperator.IsKnown => value is not null,
            FilterOperator.IsUnknown => value is null,
            FilterOperator.IsMe => value is UserId u && u == context.Viewer,
            FilterOperator.Is => Same(value, V(0)),
            FilterOperator.IsNot => !Same(value, V(0)),
            FilterOperator.Contains => value is string s && s.Contains(((TextFilterValue)V(0)).Value, StringComparison.Ordinal),
            FilterOperator.IsAnyOf => f.Values.Any(v => Same(value, v)),
            FilterOperator.Equal => value is decimal d && d == Number(V(0)),
            FilterOperator.NotEqual => !(value is decimal d2 && d2 == Number(V(0))),
            FilterOperator.LessThan => value is decimal d3 && d3 < Number(V(0)),
            FilterOperator.LessThanOrEqual => value is decimal d4 && d4 <= Number(V(0)),
            FilterOperator.GreaterThan => value is decimal d5 && d5 > Number(V(0)),
            FilterOperator.GreaterThanOrEqual => value is decimal d6 && d6 >= Number(V(0)),
            FilterOperator.Between when type == CrmPropertyType.Number => value is decimal d7 && d7 >= Number(V(0)) && d7 <= Number(V(1)),
            FilterOperator.Between => date is { } b && b >= Date(V(0)) && b <= Date(V(1)),
            FilterOperator.Before => date is { } x && x < Date(V(0)),
            FilterOperator.After => date is { } y && y > Date(V(0)),
            FilterOperator.InLastDays => date is { } l && l >= today.PlusDays(-(int)Number(V(0))) && l <= today,
            FilterOperator.InNextDays => date is { } n && n >= today && n <= today.PlusDays((int)Number(V(0))),
            _ => throw new ArgumentException("unknown operator"),
        };
    }

    private static bool Same(object? value, FilterValue operand) => operand switch
    {
        TextFilterValue t => value is string s && string.Equals(s, t.Value, StringComparison.Ordinal),
        BooleanFilterValue b => value is bool v && v == b.Value,
        UserFilterValue u => value is UserId id && id == u.Value,
        _ => throw new ArgumentException("unexpected operand"),
    };

    private static decimal Number(FilterValue v) => ((NumberFilterValue)v).Value;

    private static LocalDate Date(FilterValue v) => ((DateFilterValue)v).Value;

    private static object? Read<T>(FilterItem item, string property, CrmPropertyType type, FilterModel<T> model)
    {
        if (model.IsMember(property))
        {
            return item.Members[property];
        }

        var row = item.Bag.FirstOrDefault(p => p.Name == property);
        return row is null ? null : type switch
        {
            CrmPropertyType.Text => row.TextValue,
            CrmPropertyType.Number => row.NumberValue,
            CrmPropertyType.Boolean => row.BoolValue,
            CrmPropertyType.User => row.UserValue,
            _ => row.DateValue,
        };
    }
}
