using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Core.Crm;
using CustomerSuccess.Core.Filters;
using CustomerSuccess.Core.Records;
using CustomerSuccess.Core.Views;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace CustomerSuccess.Core.Testing;

/// <summary>The records, filters and sorts the record-query conformance cases run: deterministic data with missing
/// members, missing and empty bag rows, a value in the wrong column, and instants on and one millisecond around the day
/// boundaries of the viewer's zone (on a daylight-saving day).</summary>
internal static class RecordQuerySamples
{
    public const int RecordCount = 60;

    public static readonly PortalId Portal = PortalId.From(1);
    public static readonly PortalId OtherPortal = PortalId.From(2);
    public static readonly CrmObjectType TheObject = CrmObjectType.Companies;
    public static readonly CrmObjectType OtherObjectType = CrmObjectType.Deals;

    public const string Tier = "tier";
    public const string Arr = "arr";
    public const string Renewal = "renewal_date";
    public const string Strategic = "is_strategic";
    public const string CoOwner = "co_owner";

    public static readonly CrmObjectSchema Schema = new(
        TheObject,
        [new(Tier, CrmPropertyType.Text), new(Arr, CrmPropertyType.Number), new(Renewal, CrmPropertyType.Date), new(Strategic, CrmPropertyType.Boolean), new(CoOwner, CrmPropertyType.User)]);

    public static readonly FilterTarget<CrmRecord> Target = RecordFilterTarget.For(Schema);

    /// <summary>The viewer's context: 00:30 UTC on the day Berlin moves its clocks forward.</summary>
    public static readonly FilterContext Context = new(UserId.From(1), Instant.FromUtc(2025, 3, 30, 0, 30), DateTimeZoneProviders.Tzdb["Europe/Berlin"]);

    /// <summary>Texts that sort alike by ordinal, culture and the usual database collations (no case-only or
    /// punctuation-only differences), with Unicode beyond the BMP.</summary>
    public static readonly string[] Texts = ["gold", "silver", "gold plus", "", "old", "bronze Ω 😀"];

    public static readonly decimal[] Numbers = [-1m, 0m, 5m, 10m, 10.5m, 100m, 1234567.25m];

    public static readonly UserId[] Users = [UserId.From(1), UserId.From(2), UserId.From(3)];

    private static readonly Duration[] Nudges = [Duration.Zero, -Duration.FromMilliseconds(1), Duration.FromMilliseconds(1), Duration.FromHours(12), Duration.FromHours(25)];

    /// <summary>Gets the records of <see cref="Portal"/> and <see cref="Object"/>, numbered 1 to <see cref="RecordCount"/>.</summary>
    public static IReadOnlyList<CrmRecord> PortalRecords { get; } = [.. Enumerable.Range(1, RecordCount).Select(i => Record(Portal, TheObject, i))];

    /// <summary>Gets the records every case stores: <see cref="PortalRecords"/>, plus records with the same ids and values in
    /// another portal and in another object, which no query of <see cref="Portal"/> and <see cref="Object"/> may see.</summary>
    public static IReadOnlyList<CrmRecord> AllRecords { get; } =
    [
        .. PortalRecords,
        .. PortalRecords.Select(r => r with { PortalId = OtherPortal }),
        .. PortalRecords.Where(r => r.Id.Value % 2 == 0).Select(r => r with { ObjectType = OtherObjectType }),
    ];

    public static Instant Moment(int k) => Context.StartOf(Context.Today.PlusDays((k % 71) - 35)) + Nudges[k % Nudges.Length];

    private static T? Pick<T>(T[] values, int k)
        where T : struct => values[k % values.Length];

    public static CrmRecord Record(PortalId portal, CrmObjectType type, int i)
    {
        var bag = new List<CrmPropertyValue>();
        AddRow(bag, i, 0, CrmPropertyValue.Text(Tier, Texts[i % Texts.Length]), CrmPropertyValue.Text(Tier, null));
        AddRow(bag, i, 1, CrmPropertyValue.Number(Arr, Numbers[(i * 3) % Numbers.Length]), CrmPropertyValue.Text(Arr, "10"));
        AddRow(bag, i, 2, CrmPropertyValue.Date(Renewal, Moment(i * 5)), CrmPropertyValue.Date(Renewal, null));
        AddRow(bag, i, 3, CrmPropertyValue.Boolean(Strategic, i % 3 == 0), CrmPropertyValue.Boolean(Strategic, null));
        AddRow(bag, i, 4, CrmPropertyValue.User(CoOwner, Users[(i * 2) % Users.Length]), CrmPropertyValue.User(CoOwner, null));
        if (i % 2 == 0)
        {
            bag.Reverse();
        }

        return new CrmRecord
        {
            PortalId = portal,
            ObjectType = type,
            Id = RecordId.From(i),
            CsmOwnerId = i % 4 == 0 ? null : Users[i % Users.Length],
            OwnerAssignedAt = i % 5 == 0 ? null : Moment(i * 2),
            CreatedAt = Moment(i * 7),
            LastActivityAt = i % 3 == 0 ? null : Moment(i * 3),
            PipelineId = i % 6 == 0 ? null : Texts[(i + 1) % Texts.Length],
            StageId = i % 7 == 0 ? null : Texts[(i * 5) % Texts.Length],
            Amount = i % 4 == 1 ? null : Pick(Numbers, i),
            Properties = bag,
        };
    }

    /// <summary>One bag row per property: absent for some records, an empty row (or a value in the wrong column) for
    /// others, the value otherwise.</summary>
    private static void AddRow(List<CrmPropertyValue> bag, int i, int property, CrmPropertyValue value, CrmPropertyValue odd)
    {
        switch ((i + property) % 6)
        {
            case 0:
                return;
            case 1:
                bag.Add(odd);
                return;
            default:
                bag.Add(value);
                return;
        }
    }

    /// <summary>Gets one filter per operator of every property type, on members and on bag properties, and groups.</summary>
    public static IReadOnlyList<ViewFilter> OperatorFilters { get; } = BuildOperatorFilters();

    private static List<ViewFilter> BuildOperatorFilters()
    {
        var today = Context.Today;
        var filters = new List<ViewFilter>();
        foreach (var text in new[] { RecordFilterTarget.Pipeline, Tier })
        {
            filters.Add(ViewFilter.Condition(text, FilterOperator.Is, FilterValue.Text("gold")));
            filters.Add(ViewFilter.Condition(text, FilterOperator.Is, FilterValue.Text("Gold")));
            filters.Add(ViewFilter.Condition(text, FilterOperator.Is, FilterValue.Text(string.Empty)));
            filters.Add(ViewFilter.Condition(text, FilterOperator.IsNot, FilterValue.Text("gold")));
            filters.Add(ViewFilter.Condition(text, FilterOperator.Contains, FilterValue.Text("old")));
            filters.Add(ViewFilter.Condition(text, FilterOperator.Contains, FilterValue.Text("Ω 😀")));
            filters.Add(ViewFilter.Condition(text, FilterOperator.IsAnyOf, FilterValue.Text("silver"), FilterValue.Text("old"), FilterValue.Text(string.Empty)));
            filters.Add(ViewFilter.Condition(text, FilterOperator.IsKnown));
            filters.Add(ViewFilter.Condition(text, FilterOperator.IsUnknown));
        }

        foreach (var number in new[] { RecordFilterTarget.Amount, Arr })
        {
            filters.Add(ViewFilter.Condition(number, FilterOperator.Equal, FilterValue.Number(10.5m)));
            filters.Add(ViewFilter.Condition(number, FilterOperator.NotEqual, FilterValue.Number(10)));
            filters.Add(ViewFilter.Condition(number, FilterOperator.LessThan, FilterValue.Number(5)));
            filters.Add(ViewFilter.Condition(number, FilterOperator.LessThanOrEqual, FilterValue.Number(5)));
            filters.Add(ViewFilter.Condition(number, FilterOperator.GreaterThan, FilterValue.Number(10)));
            filters.Add(ViewFilter.Condition(number, FilterOperator.GreaterThanOrEqual, FilterValue.Number(-1)));
            filters.Add(ViewFilter.Condition(number, FilterOperator.Between, FilterValue.Number(0), FilterValue.Number(100)));
            filters.Add(ViewFilter.Condition(number, FilterOperator.IsKnown));
            filters.Add(ViewFilter.Condition(number, FilterOperator.IsUnknown));
        }

        foreach (var date in new[] { RecordFilterTarget.LastActivityAt, RecordFilterTarget.CreatedAt, Renewal })
        {
            filters.Add(ViewFilter.Condition(date, FilterOperator.Before, FilterValue.Date(today)));
            filters.Add(ViewFilter.Condition(date, FilterOperator.After, FilterValue.Date(today.PlusDays(-3))));
            filters.Add(ViewFilter.Condition(date, FilterOperator.Between, FilterValue.Date(today.PlusDays(-10)), FilterValue.Date(today.PlusDays(-10))));
            filters.Add(ViewFilter.Condition(date, FilterOperator.Between, FilterValue.Date(today.PlusDays(-20)), FilterValue.Date(today.PlusDays(5))));
            filters.Add(ViewFilter.Condition(date, FilterOperator.InLastDays, FilterValue.Number(7)));
            filters.Add(ViewFilter.Condition(date, FilterOperator.InLastDays, FilterValue.Number(0)));
            filters.Add(ViewFilter.Condition(date, FilterOperator.InNextDays, FilterValue.Number(30)));
            filters.Add(ViewFilter.Condition(date, FilterOperator.IsKnown));
            filters.Add(ViewFilter.Condition(date, FilterOperator.IsUnknown));
        }

        filters.Add(ViewFilter.Condition(Strategic, FilterOperator.Is, FilterValue.Boolean(true)));
        filters.Add(ViewFilter.Condition(Strategic, FilterOperator.Is, FilterValue.Boolean(false)));
        filters.Add(ViewFilter.Condition(Strategic, FilterOperator.IsNot, FilterValue.Boolean(true)));
        filters.Add(ViewFilter.Condition(Strategic, FilterOperator.IsKnown));
        filters.Add(ViewFilter.Condition(Strategic, FilterOperator.IsUnknown));

        foreach (var user in new[] { RecordFilterTarget.CsmOwner, CoOwner })
        {
            filters.Add(ViewFilter.Condition(user, FilterOperator.IsMe));
            filters.Add(ViewFilter.Condition(user, FilterOperator.IsAnyOf, FilterValue.User(Users[1]), FilterValue.User(Users[2])));
            filters.Add(ViewFilter.Condition(user, FilterOperator.IsKnown));
            filters.Add(ViewFilter.Condition(user, FilterOperator.IsUnknown));
        }

        filters.Add(ViewFilter.And(
            ViewFilter.Condition(RecordFilterTarget.CsmOwner, FilterOperator.IsMe),
            ViewFilter.Or(ViewFilter.Condition(Arr, FilterOperator.GreaterThan, FilterValue.Number(0)), ViewFilter.Condition(Tier, FilterOperator.IsUnknown))));
        filters.Add(ViewFilter.Or(
            ViewFilter.And(ViewFilter.Condition(Strategic, FilterOperator.Is, FilterValue.Boolean(true)), ViewFilter.Condition(Renewal, FilterOperator.InNextDays, FilterValue.Number(30))),
            ViewFilter.Condition(RecordFilterTarget.Stage, FilterOperator.IsAnyOf, FilterValue.Text("old"))));
        filters.Add(new FilterGroup(LogicalOperator.And, []));
        filters.Add(new FilterGroup(LogicalOperator.Or, []));
        return filters;
    }

    /// <summary>Gets every sort the target allows, in both directions.</summary>
    public static IReadOnlyList<ViewSort> Sorts { get; } =
    [
        .. Target.Properties.Where(p => p.Type != CrmPropertyType.User)
            .SelectMany(p => new[] { new ViewSort(p.Name, SortDirection.Ascending), new ViewSort(p.Name, SortDirection.Descending) }),
    ];

    /// <summary>A random query: a filter tree of up to three levels, a sort or none, a page.</summary>
    public static Gen<RecordQueryCase> Cases() =>
        from zone in Gen.Elements("Europe/Berlin", "America/New_York", "UTC")
        from viewer in Gen.Elements(Users)
        let context = Context with { Viewer = viewer, Zone = DateTimeZoneProviders.Tzdb[zone] }
        from filter in Filter(context, 3)
        from sort in Gen.OneOf(Gen.Constant<ViewSort?>(null), Gen.Elements(Sorts.ToArray()).Select(s => (ViewSort?)s))
        from size in Gen.Choose(1, 25)
        from number in Gen.Choose(1, 4)
        select new RecordQueryCase(context, filter, sort, PageRequest.Create(number, size));

    private static Gen<ViewFilter> Filter(FilterContext context, int depth) =>
        depth <= 1
            ? Condition(context)
            : Gen.Frequency(
                (3, Condition(context)),
                (1, from op in Gen.Elements(LogicalOperator.And, LogicalOperator.Or)
                    from count in Gen.Choose(0, 3)
                    from children in Gen.ArrayOf(Filter(context, depth - 1), count)
                    select (ViewFilter)new FilterGroup(op, [.. children])));

    private static Gen<ViewFilter> Condition(FilterContext context)
    {
        var day = Gen.Choose(-35, 35).Select(d => context.Today.PlusDays(d));
        var text = Gen.Elements(Texts).Select(FilterValue.Text);
        var number = Gen.Elements(Numbers).Select(FilterValue.Number);
        return Gen.OneOf(
            from p in Gen.Elements(RecordFilterTarget.Pipeline, RecordFilterTarget.Stage, Tier)
            from op in Gen.Elements(FilterOperator.Is, FilterOperator.IsNot, FilterOperator.Contains, FilterOperator.IsAnyOf, FilterOperator.IsKnown, FilterOperator.IsUnknown)
            from values in op switch
            {
                FilterOperator.IsKnown or FilterOperator.IsUnknown => Gen.Constant(Array.Empty<FilterValue>()),
                FilterOperator.IsAnyOf => Gen.Choose(1, 3).SelectMany(n => Gen.ArrayOf(text, n)),
                FilterOperator.Contains => Gen.Elements("old", "Gold", "g", " ", "Ω").Select(t => new[] { FilterValue.Text(t) }),
                _ => text.Select(v => new[] { v }),
            }
            select (ViewFilter)ViewFilter.Condition(p, op, values),
            from p in Gen.Elements(RecordFilterTarget.Amount, Arr)
            from op in Gen.Elements(FilterOperator.Equal, FilterOperator.NotEqual, FilterOperator.LessThan, FilterOperator.LessThanOrEqual, FilterOperator.GreaterThan, FilterOperator.GreaterThanOrEqual, FilterOperator.Between, FilterOperator.IsKnown, FilterOperator.IsUnknown)
            from a in number
            from b in number
            select (ViewFilter)ViewFilter.Condition(p, op, op switch
            {
                FilterOperator.IsKnown or FilterOperator.IsUnknown => [],
                FilterOperator.Between => ((NumberFilterValue)a).Value <= ((NumberFilterValue)b).Value ? [a, b] : [b, a],
                _ => [a],
            }),
            from p in Gen.Elements(RecordFilterTarget.OwnerAssignedAt, RecordFilterTarget.CreatedAt, RecordFilterTarget.LastActivityAt, Renewal)
            from op in Gen.Elements(FilterOperator.Before, FilterOperator.After, FilterOperator.Between, FilterOperator.InLastDays, FilterOperator.InNextDays, FilterOperator.IsKnown, FilterOperator.IsUnknown)
            from d1 in day
            from d2 in day
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
            select (ViewFilter)ViewFilter.Condition(Strategic, op, op is FilterOperator.Is or FilterOperator.IsNot ? [FilterValue.Boolean(b)] : []),
            from p in Gen.Elements(RecordFilterTarget.CsmOwner, CoOwner)
            from op in Gen.Elements(FilterOperator.IsMe, FilterOperator.IsAnyOf, FilterOperator.IsKnown, FilterOperator.IsUnknown)
            from users in Gen.Choose(1, 2).SelectMany(n => Gen.ArrayOf(Gen.Elements(Users), n))
            select (ViewFilter)ViewFilter.Condition(p, op, op == FilterOperator.IsAnyOf ? users.Select(FilterValue.User) : []));
    }
}

/// <summary>One generated record query of the conformance property.</summary>
/// <param name="Context">The viewer, instant and zone the filter is compiled for.</param>
/// <param name="Filter">The filter.</param>
/// <param name="Sort">The sort, or none.</param>
/// <param name="Page">The page.</param>
internal sealed record RecordQueryCase(FilterContext Context, ViewFilter Filter, ViewSort? Sort, PageRequest Page)
{
    public override string ToString() =>
        $"viewer {Context.Viewer} in {Context.Zone.Id}, sort {Sort?.ToString() ?? "none"}, page {Page.PageNumber} of size {Page.PageSize}, filter {ViewFilter.ToJson(Filter)}";
}
