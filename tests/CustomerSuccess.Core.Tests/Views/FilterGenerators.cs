using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Core.Records;
using CustomerSuccess.Core.Views;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace CustomerSuccess.Core.Tests.Views;

internal sealed record FilterCase(FilterContext Context, ViewFilter Filter, ViewSort? Sort, CrmRecord[] Records)
{
    public override string ToString() =>
        $"asOf {Context.AsOf} in {Context.Zone.Id}, viewer {Context.Viewer}, sort {Sort}\nfilter {ViewFilter.ToJson(Filter)}\nrecords:\n"
        + string.Join("\n", Records.Select(r => $"  {r.Id}: owner {r.CsmOwnerId}, assigned {r.OwnerAssignedAt}, created {r.CreatedAt}, activity {r.LastActivityAt}, pipeline {r.PipelineId}, amount {r.Amount}, bag [{string.Join("; ", r.Properties)}]"));
}

/// <summary>Generators of filters over <see cref="ViewTestData.Schema"/> and of records with missing properties and values
/// on the date and number boundaries the filters use.</summary>
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

    private static readonly string[] Zones = ["Europe/Berlin", "America/New_York", "UTC", "Asia/Kolkata"];
    private static readonly string[] Texts = ["gold", "Gold", "silver", "gold plus", "", "old"];
    private static readonly decimal[] Numbers = [-1m, 0m, 5m, 10m, 10.5m, 100m];
    private static readonly string[] TextProperties = ["tier", RecordSchema.Pipeline, RecordSchema.Stage, RecordSchema.ObjectType];
    private static readonly string[] NumberProperties = ["arr", RecordSchema.Amount];
    private static readonly string[] DateProperties = ["renewal_date", RecordSchema.CreatedAt, RecordSchema.LastActivityAt, RecordSchema.OwnerAssignedAt];
    private static readonly UserId[] Users = [UserId.From(1), UserId.From(2), UserId.From(3)];

    public static Arbitrary<FilterCase> Cases() => Arb.From(
        from asOf in Gen.Elements(AsOfs)
        from zoneId in Gen.Elements(Zones)
        from viewer in Gen.Elements(Users)
        let context = new FilterContext(viewer, asOf, DateTimeZoneProviders.Tzdb[zoneId])
        from filter in Filter(context, 3)
        from sort in Sort()
        from count in Gen.Choose(0, 20)
        from records in Gen.ArrayOf(Record(context), count)
        select new FilterCase(context, filter, sort, [.. records.Select((r, i) => r with { Id = RecordId.From(i + 1) })]));

    public static Gen<ViewFilter> Filter(FilterContext context, int depth) =>
        depth <= 1
            ? Condition(context)
            : Gen.Frequency(
                (3, Condition(context)),
                (1, from op in Gen.Elements(LogicalOperator.And, LogicalOperator.Or)
                    from count in Gen.Choose(0, 3)
                    from children in Gen.ArrayOf(Filter(context, depth - 1), count)
                    select (ViewFilter)new FilterGroup(op, [.. children])));

    public static Gen<ViewSort?> Sort() => Gen.OneOf(
        Gen.Constant<ViewSort?>(null),
        from property in Gen.Elements(TextProperties.Concat(NumberProperties).Concat(DateProperties).Append("is_strategic"))
        from direction in Gen.Elements(SortDirection.Ascending, SortDirection.Descending)
        select (ViewSort?)new ViewSort(property, direction));

    private static Gen<LocalDate> Day(FilterContext context) => Gen.Choose(-35, 35).Select(d => context.Today.PlusDays(d));

    private static Gen<FilterValue> TextValue() => Gen.Elements(Texts).Select(FilterValue.Text);

    private static Gen<FilterValue> NumberValue() => Gen.Elements(Numbers).Select(FilterValue.Number);

    private static Gen<ViewFilter> Condition(FilterContext context) => Gen.OneOf(
        from p in Gen.Elements(TextProperties)
        from op in Gen.Elements(FilterOperator.Is, FilterOperator.IsNot, FilterOperator.Contains, FilterOperator.IsAnyOf, FilterOperator.IsKnown, FilterOperator.IsUnknown)
        from values in op switch
        {
            FilterOperator.IsKnown or FilterOperator.IsUnknown => Gen.Constant(System.Array.Empty<FilterValue>()),
            FilterOperator.IsAnyOf => Gen.Choose(1, 3).SelectMany(n => Gen.ArrayOf(TextValue(), n)),
            FilterOperator.Contains => Gen.Elements("old", "Gold", "g", " ").Select(t => new[] { FilterValue.Text(t) }),
            _ => TextValue().Select(v => new[] { v }),
        }
        select (ViewFilter)ViewFilter.Condition(p, op, values),
        from p in Gen.Elements(NumberProperties)
        from op in Gen.Elements(FilterOperator.Equal, FilterOperator.NotEqual, FilterOperator.LessThan, FilterOperator.LessThanOrEqual, FilterOperator.GreaterThan, FilterOperator.GreaterThanOrEqual, FilterOperator.Between, FilterOperator.IsKnown, FilterOperator.IsUnknown)
        from a in NumberValue()
        from b in NumberValue()
        select (ViewFilter)ViewFilter.Condition(p, op, op switch
        {
            FilterOperator.IsKnown or FilterOperator.IsUnknown => [],
            FilterOperator.Between => ((NumberFilterValue)a).Value <= ((NumberFilterValue)b).Value ? [a, b] : [b, a],
            _ => [a],
        }),
        from p in Gen.Elements(DateProperties)
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
        from op in Gen.Elements(FilterOperator.Is, FilterOperator.IsNot, FilterOperator.IsKnown, FilterOperator.IsUnknown)
        from b in Gen.Elements(true, false)
        select (ViewFilter)ViewFilter.Condition("is_strategic", op, op is FilterOperator.Is or FilterOperator.IsNot ? [FilterValue.Boolean(b)] : []),
        from op in Gen.Elements(FilterOperator.IsMe, FilterOperator.IsAnyOf, FilterOperator.IsKnown, FilterOperator.IsUnknown)
        from users in Gen.Choose(1, 2).SelectMany(n => Gen.ArrayOf(Gen.Elements(Users), n))
        select (ViewFilter)ViewFilter.Condition(RecordSchema.CsmOwner, op, op == FilterOperator.IsAnyOf ? users.Select(FilterValue.User) : []));

    /// <summary>An instant on or next to a day boundary in the viewer's zone, or in the middle of a day.</summary>
    private static Gen<Instant> Moment(FilterContext context) =>
        from day in Day(context)
        from nudge in Gen.Elements(Duration.Zero, -Duration.FromMilliseconds(1), Duration.FromMilliseconds(1), Duration.FromHours(12), Duration.FromHours(25))
        select context.StartOf(day) + nudge;

    private static Gen<T?> Maybe<T>(Gen<T> gen)
        where T : struct => Gen.Frequency((1, Gen.Constant<T?>(null)), (3, gen.Select(v => (T?)v)));

    private static Gen<string?> MaybeText() => Gen.Frequency((1, Gen.Constant<string?>(null)), (3, Gen.Elements(Texts).Select(t => (string?)t)));

    private static Gen<CrmRecord> Record(FilterContext context) =>
        from owner in Maybe(Gen.Elements(Users))
        from assigned in Maybe(Moment(context))
        from created in Moment(context)
        from activity in Maybe(Moment(context))
        from pipeline in MaybeText()
        from stage in MaybeText()
        from objectType in Gen.Elements("companies", "gold", "Gold")
        from amount in Maybe(Gen.Elements(Numbers))
        from bag in Bag(context)
        select new CrmRecord
        {
            ObjectType = objectType,
            CsmOwnerId = owner,
            OwnerAssignedAt = assigned,
            CreatedAt = created,
            LastActivityAt = activity,
            PipelineId = pipeline,
            StageId = stage,
            Amount = amount,
            Properties = bag,
        };

    private static Gen<IReadOnlyList<RecordPropertyValue>> Bag(FilterContext context) =>
        from tier in Gen.Frequency((1, Gen.Constant<RecordPropertyValue?>(null)), (3, MaybeText().Select(t => (RecordPropertyValue?)RecordPropertyValue.Text("tier", t))))
        from arr in Gen.Frequency(
            (1, Gen.Constant<RecordPropertyValue?>(null)),
            (1, Gen.Constant<RecordPropertyValue?>(RecordPropertyValue.Text("arr", "10"))),
            (3, Maybe(Gen.Elements(Numbers)).Select(n => (RecordPropertyValue?)RecordPropertyValue.Number("arr", n))))
        from renewal in Gen.Frequency((1, Gen.Constant<RecordPropertyValue?>(null)), (3, Maybe(Moment(context)).Select(d => (RecordPropertyValue?)RecordPropertyValue.Date("renewal_date", d))))
        from strategic in Gen.Frequency((1, Gen.Constant<RecordPropertyValue?>(null)), (3, Maybe(Gen.Elements(true, false)).Select(b => (RecordPropertyValue?)RecordPropertyValue.Boolean("is_strategic", b))))
        from order in Gen.Shuffle(new[] { tier, arr, renewal, strategic })
        select (IReadOnlyList<RecordPropertyValue>)[.. order.Where(r => r is not null).Select(r => r!)];
}
