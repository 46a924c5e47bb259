using System;
using System.Linq;
using CustomerSuccess.Core.Records;
using CustomerSuccess.Core.Views;
using NodaTime;

namespace CustomerSuccess.Core.Tests.Views;

/// <summary>
/// A deliberately straightforward reading of a filter tree, written independently of <see cref="FilterCompiler"/>:
/// dates are compared as calendar dates in the viewer's zone (no instant bounds), the bag is read by name lookup.
/// </summary>
internal static class FilterInterpreter
{
    public static bool Matches(ViewFilter filter, CrmRecord record, RecordSchema schema, FilterContext context) => filter switch
    {
        FilterGroup { Operator: LogicalOperator.And } g => g.Children.All(c => Matches(c, record, schema, context)),
        FilterGroup g => g.Children.Any(c => Matches(c, record, schema, context)),
        PropertyFilter p => Condition(p, record, schema, context),
        _ => throw new ArgumentException("unknown node"),
    };

    private static bool Condition(PropertyFilter f, CrmRecord record, RecordSchema schema, FilterContext context)
    {
        Assert.True(schema.TryGetType(f.Property, out var type));
        var value = Read(record, f.Property, type);
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
            FilterOperator.Between when type == RecordPropertyType.Number => value is decimal d7 && d7 >= Number(V(0)) && d7 <= Number(V(1)),
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

    private static object? Read(CrmRecord r, string property, RecordPropertyType type)
    {
        switch (property)
        {
            case RecordSchema.ObjectType: return r.ObjectType;
            case RecordSchema.CsmOwner: return r.CsmOwnerId;
            case RecordSchema.OwnerAssignedAt: return r.OwnerAssignedAt;
            case RecordSchema.CreatedAt: return r.CreatedAt;
            case RecordSchema.LastActivityAt: return r.LastActivityAt;
            case RecordSchema.Pipeline: return r.PipelineId;
            case RecordSchema.Stage: return r.StageId;
            case RecordSchema.Amount: return r.Amount;
        }

        var row = r.Properties.FirstOrDefault(p => p.Name == property);
        if (row is null)
        {
            return null;
        }

        return type switch
        {
            RecordPropertyType.Text => row.TextValue,
            RecordPropertyType.Number => row.NumberValue,
            RecordPropertyType.Date => row.DateValue,
            _ => row.BoolValue,
        };
    }
}
