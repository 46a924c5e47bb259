using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Core.Crm;
using CustomerSuccess.Core.Filters;
using CustomerSuccess.Core.Views;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace CustomerSuccess.Core.Tests.Filters;

internal sealed record FilterCase(FilterContext Context, ViewFilter Filter, ViewSort? Sort, FilterItem[] Items)
{
    public override string ToString() =>
        $"asOf {Context.AsOf} in {Context.Zone.Id}, viewer {Context.Viewer}, sort {Sort}\nfilter {ViewFilter.ToJson(Filter)}\nitems:\n"
        + string.Join("\n", Items.Select(i => "  " + i));
}

/// <summary>Generators of filters over the properties of a <see cref="FilterModel{T}"/> and of items with missing
/// properties and values on the date and number boundaries the filters use.</summary>
internal static class FilterGenerators
{
    private static readonly Instant[] AsOfs =
    [
        Instant.FromUtc(2025, 3, 30, 0, 30),
        Instant.FromUtc(2025, 3, 30, 10, 0),
        Instant.FromUtc(2025, 10, 26, 0, 30),
        Instant.FromUtc(2025, 10, 25, 22, 30),
        Instant.FromUtc(2025, 6, 15, 23, 59),
        Instant.FromUtc(2024, 2, 29, 12, 0),
    ];

    private static readonly string[] Zones = ["Europe/Berlin", "America/New_York", "UTC", "Asia/Kolkata", "Pacific/Chatham"];
    private static readonly string[] Texts = ["gold", "Gold", "silver", "gold plus", "", "old"];
    private static readonly decimal[] Numbers = [-1m, 0m, 5m, 10m, 10.5m, 100m];
    private static readonly UserId[] Users = [UserId.From(1), UserId.From(2), UserId.From(3)];

    public static Arbitrary<FilterCase> Cases<T>(FilterModel<T> model) => Arb.From(
        from asOf in Gen.Elements(AsOfs)
        from zoneId in Gen.Elements(Zones)
        from viewer in Gen.Elements(Users)
        let context = new FilterContext(viewer, asOf, DateTimeZoneProviders.Tzdb[zoneId])
        from filter in Filter(model, context, 3)
        from sort in Sort(model)
        from count in Gen.Choose(0, 20)
        from items in Gen.ArrayOf(Item(model, context), count)
        select new FilterCase(context, filter, sort, [.. items.Select((item, i) => item with { Id = i + 1 })]));

    public static Gen<ViewFilter> Filter<T>(FilterModel<T> model, FilterContext context, int depth) =>
        depth <= 1
            ? Condition(model, context)
            : Gen.Frequency(
                (3, Condition(model, context)),
                (1, from op in Gen.Elements(LogicalOperator.And, LogicalOperator.Or)
                    from count in Gen.Choose(0, 3)
                    from children in Gen.ArrayOf(Filter(model, context, depth - 1), count)
                    select (ViewFilter)new FilterGroup(op, [.. children])));

    public static Gen<ViewSort?> Sort<T>(FilterModel<T> model) => Gen.OneOf(
        Gen.Constant<ViewSort?>(null),
        from property in Gen.Elements(model.All.Where(p => p.Type != CrmPropertyType.User).Select(p => p.Name).ToArray())
        from direction in Gen.Elements(SortDirection.Ascending, SortDirection.Descending)
        select (ViewSort?)new ViewSort(property, direction));

    private static string[] Of<T>(FilterModel<T> model, params CrmPropertyType[] types) =>
        [.. model.All.Where(p => types.Contains(p.Type)).Select(p => p.Name)];

    private static Gen<LocalDate> Day(FilterContext context) => Gen.Choose(-35, 35).Select(d => context.Today.PlusDays(d));

    private static Gen<FilterValue> TextValue() => Gen.Elements(Texts).Select(FilterValue.Text);

    private static Gen<FilterValue> NumberValue() => Gen.Elements(Numbers).Select(FilterValue.Number);

    private static Gen<ViewFilter> Condition<T>(FilterModel<T> model, FilterContext context) => Gen.OneOf(
        from p in Gen.Elements(Of(model, CrmPropertyType.Text))
        from op in Gen.Elements(FilterOperator.Is, FilterOperator.IsNot, FilterOperator.Contains, FilterOperator.IsAnyOf, FilterOperator.IsKnown, FilterOperator.IsUnknown)
        from values in op switch
        {
            FilterOperator.IsKnown or FilterOperator.IsUnknown => Gen.Constant(Array.Empty<FilterValue>()),
            FilterOperator.IsAnyOf => Gen.Choose(1, 3).SelectMany(n => Gen.ArrayOf(TextValue(), n)),
            FilterOperator.Contains => Gen.Elements("old", "Gold", "g", " ").Select(t => new[] { FilterValue.Text(t) }),
            _ => TextValue().Select(v => new[] { v }),
        }
        select (ViewFilter)ViewFilter.Condition(p, op, values),
        from p in Gen.Elements(Of(model, CrmPropertyType.Number))
        from op in Gen.Elements(FilterOperator.Equal, FilterOperator.NotEqual, FilterOperator.LessThan, FilterOperator.LessThanOrEqual, FilterOperator.GreaterThan, FilterOperator.GreaterThanOrEqual, FilterOperator.Between, FilterOperator.IsKnown, FilterOperator.IsUnknown)
        from a in NumberValue()
        from b in NumberValue()
        select (ViewFilter)ViewFilter.Condition(p, op, op switch
        {
            FilterOperator.IsKnown or FilterOperator.IsUnknown => [],
            FilterOperator.Between => ((NumberFilterValue)a).Value <= ((NumberFilterValue)b).Value ? [a, b] : [b, a],
            _ => [a],
        }),
        from p in Gen.Elements(Of(model, CrmPropertyType.Date, CrmPropertyType.DateTime))
        from op in Gen.Elements(FilterOperator.Before, FilterOperator.After, FilterOperator.Between, FilterOperator.InLastDays, FilterOperator.InNextDays, FilterOperator.IsKnown, FilterOperator.IsUnknown)
        from d1 in Day(context)
        from d2 in Day(context)
        from n in Gen.Elements(0, 1, 7, 30)
        select (ViewFilter)ViewFilter.Condition(p, op, op switch
        {
            FilterOperator.IsKnown or FilterOperator.IsUnknown => [],
            FilterOperator.Between => d1 <= d2 ? [FilterValue.Date(d1), FilterValue.Date(d2)] : [FilterValue.Date(d2), FilterValue.Date(d1)],
            FilterOperator.InLastDays or FilterOperator.InNextDays => [FilterValue.Number(n)],
            _ => [FilterValue.Date(d1)],
        }),
        from p in Gen.Elements(Of(model, CrmPropertyType.Boolean))
        from op in Gen.Elements(FilterOperator.Is, FilterOperator.IsNot, FilterOperator.IsKnown, FilterOperator.IsUnknown)
        from b in Gen.Elements(true, false)
        select (ViewFilter)ViewFilter.Condition(p, op, op is FilterOperator.Is or FilterOperator.IsNot ? [FilterValue.Boolean(b)] : []),
        from p in Gen.Elements(Of(model, CrmPropertyType.User))
        from op in Gen.Elements(FilterOperator.IsMe, FilterOperator.IsAnyOf, FilterOperator.IsKnown, FilterOperator.IsUnknown)
        from users in Gen.Choose(1, 2).SelectMany(n => Gen.ArrayOf(Gen.Elements(Users), n))
        select (ViewFilter)ViewFilter.Condition(p, op, op == FilterOperator.IsAnyOf ? users.Select(FilterValue.User) : []));

    /// <summary>An instant on or next to a day boundary in the viewer's zone, or in the middle of a day.</summary>
    private static Gen<Instant> Moment(FilterContext context) =>
        from day in Day(context)
        from nudge in Gen.Elements(Duration.Zero, -Duration.FromMilliseconds(1), Duration.FromMilliseconds(1), Duration.FromHours(12), Duration.FromHours(25))
        select context.StartOf(day) + nudge;

    private static Gen<object?> MaybeValue(Gen<object?> gen) => Gen.Frequency((1, Gen.Constant<object?>(null)), (3, gen));

    private static Gen<object?> Value(CrmPropertyType type, FilterContext context) => type switch
    {
        CrmPropertyType.Text => Gen.Elements(Texts).Select(t => (object?)t),
        CrmPropertyType.Number => Gen.Elements(Numbers).Select(n => (object?)n),
        CrmPropertyType.Boolean => Gen.Elements(true, false).Select(b => (object?)b),
        CrmPropertyType.User => Gen.Elements(Users).Select(u => (object?)u),
        _ => Moment(context).Select(m => (object?)m),
    };

    private static Gen<FilterItem> Item<T>(FilterModel<T> model, FilterContext context) =>
        from members in Members(model, context)
        from bag in Bag(model, context)
        select new FilterItem(0, members, bag);

    private static Gen<IReadOnlyDictionary<string, object?>> Members<T>(FilterModel<T> model, FilterContext context)
    {
        var gens = model.Members.Select(p =>
            (p.Name == model.RequiredDate ? Value(p.Type, context) : MaybeValue(Value(p.Type, context))).Select(v => KeyValuePair.Create(p.Name, v)));
        return Gen.CollectToArray(gens).Select(pairs => (IReadOnlyDictionary<string, object?>)pairs.ToDictionary(p => p.Key, p => p.Value));
    }

    /// <summary>A bag with some properties absent, some present without a value, one sometimes in the wrong column (a
    /// number stored as text), in any order.</summary>
    private static Gen<IReadOnlyList<CrmPropertyValue>> Bag<T>(FilterModel<T> model, FilterContext context)
    {
        var rows = model.BagProperties.Select(p => Gen.Frequency(
            (1, Gen.Constant<CrmPropertyValue?>(null)),
            (1, Gen.Constant<CrmPropertyValue?>(CrmPropertyValue.Text(p.Name, "10"))),
            (4, MaybeValue(Value(p.Type, context)).Select(v => (CrmPropertyValue?)Row(p, v)))));
        return from all in Gen.CollectToArray(rows)
               from order in Gen.Shuffle(all.ToArray())
               select (IReadOnlyList<CrmPropertyValue>)[.. order.Where(r => r is not null).Select(r => r!)];
    }

    private static CrmPropertyValue Row(CrmProperty property, object? value) => property.Type switch
    {
        CrmPropertyType.Text => CrmPropertyValue.Text(property.Name, (string?)value),
        CrmPropertyType.Number => CrmPropertyValue.Number(property.Name, (decimal?)value),
        CrmPropertyType.Boolean => CrmPropertyValue.Boolean(property.Name, (bool?)value),
        CrmPropertyType.User => CrmPropertyValue.User(property.Name, (UserId?)value),
        _ => CrmPropertyValue.Date(property.Name, (Instant?)value),
    };
}
