using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.Core.Crm;
using CustomerSuccess.Core.Filters;
using CustomerSuccess.Core.Records;
using CustomerSuccess.Core.Specification;
using CustomerSuccess.Core.Views;
using FsCheck;
using FsCheck.Fluent;
using Xunit;
using static CustomerSuccess.Core.Testing.RecordQuerySamples;

namespace CustomerSuccess.Core.Testing;

/// <summary>
/// The contract of <see cref="IRecordQuery"/> as tests: derive, return a query over exactly the records given from
/// <see cref="CreateQueryAsync"/> (a fresh database, schema or table each time), and every case runs against it.
/// </summary>
/// <remarks>
/// <para>The oracle is in-memory evaluation: for each query the expected page is the records of the asked portal and
/// object, filtered, ordered and paged by the same specification with
/// <see cref="InMemorySpecificationEvaluator"/>. The specifications are those <see cref="FilterCompiler"/> compiles over
/// <see cref="RecordFilterTarget"/>, so a store passes only if it translates every operator of every property type
/// (members and the property bag) with the same results.</para>
/// <para>The cases: one filter per operator of every property type, on members and on bag properties, and nested
/// groups; every sort in both directions, with the unique-key tie-break and unknown values last in both directions;
/// walking all pages returns every match exactly once in the full order; totals count the filter's matches whatever the
/// page; a portal never sees another portal's records, nor an object another object's; named columns narrow the
/// property bag; records read back whole
/// (Unicode, empty and odd bag rows, instants to the microsecond); a pre-cancelled token; a null query; and a property
/// comparing <see cref="PropertyCases"/> random filters, sorts and pages with the oracle.</para>
/// <para>Records are a read model: text comparisons are ordinal (case-sensitive) in the oracle, so a store whose
/// collation ignores case fails the cases that say so; numbers must compare exactly for the sample values; instants are
/// compared to the microsecond (PostgreSQL's <c>timestamptz</c> precision).</para>
/// </remarks>
public abstract class RecordQueryConformance
{
    /// <summary>Gets the number of random queries the property compares with the oracle.</summary>
    protected virtual int PropertyCases => 100;

    /// <summary>Creates a query over exactly <paramref name="records"/> (a fresh store holding them and nothing else).</summary>
    /// <param name="records">The records to store (several portals and objects, each record once).</param>
    /// <returns>The query.</returns>
    protected abstract Task<IRecordQuery> CreateQueryAsync(IReadOnlyList<CrmRecord> records);

    /// <summary>Every operator of every property type, on members and on bag properties, and nested groups, selects the
    /// same records as in-memory evaluation.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public virtual async Task Filters_of_every_type_and_operator_select_what_memory_selects()
    {
        var query = await CreateQueryAsync(AllRecords);
        foreach (var filter in OperatorFilters)
        {
            var spec = Compile(filter, null);
            var page = await query.QueryAsync(Request(spec, PageRequest.First(PageRequest.MaxPageSize)));

            AssertPage(Expected(spec, PageRequest.First(PageRequest.MaxPageSize)), page, ViewFilter.ToJson(filter));
        }
    }

    /// <summary>Every sortable property in both directions gives the order of in-memory evaluation: unknown values last in
    /// both directions (<see cref="FilterCompiler.EmptyValuesSortLast"/>), ties broken by the record id ascending.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public virtual async Task Sorts_order_like_memory_with_unknown_values_last_and_the_id_tie_break()
    {
        var query = await CreateQueryAsync(AllRecords);
        foreach (var sort in Sorts)
        {
            var spec = Compile(null, sort);
            var page = await query.QueryAsync(Request(spec, PageRequest.First(PageRequest.MaxPageSize)));

            AssertPage(Expected(spec, PageRequest.First(PageRequest.MaxPageSize)), page, $"sort {sort}");
            var known = page.Items.Select(r => HasValue(r, sort.Property)).ToArray();
            Assert.True(known.SkipWhile(k => k).All(k => !k), $"sort {sort}: a record without a value comes before one with a value");
        }
    }

    /// <summary>Without a sort, records come in id order.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public virtual async Task Without_a_sort_records_come_in_id_order()
    {
        var query = await CreateQueryAsync(AllRecords);
        var page = await query.QueryAsync(Request(Compile(null, null), PageRequest.First(PageRequest.MaxPageSize)));

        Assert.Equal(Enumerable.Range(1, RecordCount).Select(i => (long)i), page.Items.Select(r => r.Id.Value));
    }

    /// <summary>Walking every page of a sort with many ties and unknown values returns every match exactly once, in the
    /// full order, with the same total on every page; a page past the end is empty and keeps the total.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public virtual async Task Walking_all_pages_returns_every_match_once_in_order()
    {
        var query = await CreateQueryAsync(AllRecords);
        foreach (var (filter, sort) in new (ViewFilter?, ViewSort)[]
        {
            (null, new ViewSort(Tier, SortDirection.Ascending)),
            (ViewFilter.Condition(RecordFilterTarget.CsmOwner, FilterOperator.IsKnown), new ViewSort(Strategic, SortDirection.Descending)),
        })
        {
            var spec = Compile(filter, sort);
            var all = Expected(spec, PageRequest.First(PageRequest.MaxPageSize)).Items;
            var walked = new List<CrmRecord>();
            for (var number = 1; ; number++)
            {
                var page = await query.QueryAsync(Request(spec, PageRequest.Create(number, 7)));
                Assert.Equal(all.Count, page.TotalCount);
                walked.AddRange(page.Items);
                if (page.Items.Count < 7)
                {
                    break;
                }
            }

            Assert.Equal(all.Select(r => r.Id), walked.Select(r => r.Id));
            var beyond = await query.QueryAsync(Request(spec, PageRequest.Create(100, 7)));
            Assert.Empty(beyond.Items);
            Assert.Equal(all.Count, beyond.TotalCount);
        }
    }

    /// <summary>The total counts the filter's matches only: the same for every page and page size.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public virtual async Task Totals_count_the_filter_only()
    {
        var query = await CreateQueryAsync(AllRecords);
        var spec = Compile(ViewFilter.Condition(Tier, FilterOperator.IsKnown), new ViewSort(RecordFilterTarget.Amount, SortDirection.Descending));
        var expected = Expected(spec, PageRequest.First(PageRequest.MaxPageSize)).TotalCount;
        Assert.InRange(expected, 2, RecordCount - 1);

        foreach (var page in new[] { PageRequest.First(1), PageRequest.Create(2, 3), PageRequest.Create(3, 25), PageRequest.First(PageRequest.MaxPageSize) })
        {
            var result = await query.QueryAsync(Request(spec, page));
            Assert.Equal(expected, result.TotalCount);
            Assert.Equal(page, result.Page);
            Assert.Equal(Expected(spec, page).Items.Select(r => r.Id), result.Items.Select(r => r.Id));
        }
    }

    /// <summary>A portal never sees, counts or pages through another portal's records, and an object never another
    /// object's, even with the same ids and matching values.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public virtual async Task A_portal_and_an_object_see_only_their_own_records()
    {
        var query = await CreateQueryAsync(AllRecords);
        var spec = Compile(null, null);

        var mine = await query.QueryAsync(Request(spec, PageRequest.First(PageRequest.MaxPageSize)));
        var theirs = await query.QueryAsync(new RecordQuery(OtherPortal, TheObject, spec, PageRequest.First(PageRequest.MaxPageSize)));
        var deals = await query.QueryAsync(new RecordQuery(Portal, OtherObjectType, spec, PageRequest.First(PageRequest.MaxPageSize)));
        var nobody = await query.QueryAsync(new RecordQuery(PortalId.From(3), TheObject, spec, PageRequest.First(10)));

        Assert.Equal(RecordCount, mine.TotalCount);
        Assert.All(mine.Items, r => Assert.Equal((Portal, TheObject), (r.PortalId, r.ObjectType)));
        Assert.Equal(RecordCount, theirs.TotalCount);
        Assert.All(theirs.Items, r => Assert.Equal((OtherPortal, TheObject), (r.PortalId, r.ObjectType)));
        Assert.Equal(RecordCount / 2, deals.TotalCount);
        Assert.All(deals.Items, r => Assert.Equal((Portal, OtherObjectType), (r.PortalId, r.ObjectType)));
        Assert.Equal(0, nobody.TotalCount);
        Assert.Empty(nobody.Items);
    }

    /// <summary>Records read back whole: every member, the property bag with empty rows and a value in the wrong column,
    /// Unicode text, and instants to the microsecond.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public virtual async Task Records_read_back_whole()
    {
        var query = await CreateQueryAsync(AllRecords);
        var page = await query.QueryAsync(Request(Compile(null, null), PageRequest.First(PageRequest.MaxPageSize)));

        Assert.Equal(PortalRecords.Count, page.Items.Count);
        foreach (var (expected, actual) in PortalRecords.Zip(page.Items))
        {
            AssertSameRecord(expected, actual);
        }
    }

    /// <summary>A query naming its columns returns each record with only those rows of its property bag (members whole);
    /// with no columns, none; filters and sorts on other properties still apply.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public virtual async Task Columns_narrow_the_property_bag_to_the_shown_properties()
    {
        var query = await CreateQueryAsync(AllRecords);
        var spec = Compile(ViewFilter.Condition(Strategic, FilterOperator.IsKnown), new ViewSort(Renewal, SortDirection.Ascending));
        var expected = Expected(spec, PageRequest.First(PageRequest.MaxPageSize));
        foreach (string[] columns in new[] { new[] { Tier, Arr, "not_a_property" }, [] })
        {
            var page = await query.QueryAsync(Request(spec, PageRequest.First(PageRequest.MaxPageSize)) with { Columns = columns });

            AssertPage(expected, page, $"columns [{string.Join(", ", columns)}]");
            foreach (var (want, got) in expected.Items.Zip(page.Items))
            {
                AssertSameRecord(want with { Properties = [.. want.Properties.Where(p => columns.Contains(p.Name))] }, got);
            }
        }
    }

    /// <summary>A pre-cancelled token throws <see cref="OperationCanceledException"/>.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public virtual async Task A_cancelled_token_throws()
    {
        var query = await CreateQueryAsync(AllRecords);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => query.QueryAsync(Request(Compile(null, null), PageRequest.First(10)), cancelled.Token));
    }

    /// <summary>A null query throws <see cref="ArgumentNullException"/>.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public virtual async Task A_null_query_throws()
    {
        var query = await CreateQueryAsync(AllRecords);

        var thrown = await Assert.ThrowsAsync<ArgumentNullException>(() => query.QueryAsync(null!));
        Assert.Equal("query", thrown.ParamName);
    }

    /// <summary><see cref="PropertyCases"/> random filter trees (every property type and operator, up to three levels),
    /// sorts and pages, for viewers in three zones: every page equals the oracle's, and so does every total.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public virtual async Task Random_queries_return_the_pages_memory_returns()
    {
        var query = await CreateQueryAsync(AllRecords);
        var property = Prop.ForAll(Arb.From(Cases()), c =>
        {
            var spec = FilterCompiler.Compile(c.Filter, c.Sort, Target, c.Context).Value;
            var actual = query.QueryAsync(Request(spec, c.Page)).GetAwaiter().GetResult();
            AssertPage(Expected(spec, c.Page), actual, c.ToString());
            return true;
        });

        // FsCheck runs synchronously; off the test's synchronization context, waiting on the store cannot deadlock.
        await Task.Run(() => Check.One(Config.QuickThrowOnFailure.WithMaxTest(PropertyCases).WithQuietOnSuccess(true), property));
    }

    /// <summary>Asserts that two records are equal member by member and bag row by bag row (rows compared by name).</summary>
    /// <param name="expected">The record stored.</param>
    /// <param name="actual">The record read back.</param>
    protected static void AssertSameRecord(CrmRecord expected, CrmRecord actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        Assert.Equal(expected with { Properties = [] }, actual with { Properties = [] });
        Assert.Equal(expected.Properties.OrderBy(p => p.Name, StringComparer.Ordinal), actual.Properties.OrderBy(p => p.Name, StringComparer.Ordinal));
    }

    private static Specification<CrmRecord> Compile(ViewFilter? filter, ViewSort? sort) =>
        FilterCompiler.Compile(filter, sort, Target, Context).Value;

    private static RecordQuery Request(ISpecification<CrmRecord> spec, PageRequest page) => new(Portal, TheObject, spec, page);

    private static RecordPage Expected(ISpecification<CrmRecord> spec, PageRequest page)
    {
        var matches = InMemorySpecificationEvaluator.Default.Evaluate(AllRecords.Where(r => r.PortalId == Portal && r.ObjectType == TheObject), spec).ToList();
        return new RecordPage([.. matches.Skip(page.Skip).Take(page.PageSize)], matches.Count, page);
    }

    private static void AssertPage(RecordPage expected, RecordPage actual, string what)
    {
        Assert.True(
            expected.TotalCount == actual.TotalCount,
            $"{what}: the store counts {actual.TotalCount} matches, memory {expected.TotalCount}");
        var want = string.Join(",", expected.Items.Select(r => r.Id.Value));
        var got = string.Join(",", actual.Items.Select(r => r.Id.Value));
        Assert.True(want == got, $"{what}: the store returns [{got}], memory [{want}]");
    }

    private static bool HasValue(CrmRecord record, string property) => property switch
    {
        RecordFilterTarget.OwnerAssignedAt => record.OwnerAssignedAt is not null,
        RecordFilterTarget.CreatedAt => true,
        RecordFilterTarget.LastActivityAt => record.LastActivityAt is not null,
        RecordFilterTarget.Pipeline => record.PipelineId is not null,
        RecordFilterTarget.Stage => record.StageId is not null,
        RecordFilterTarget.Amount => record.Amount is not null,
        _ => Target.TryGetType(property, out var type)
            && record.Properties.FirstOrDefault(p => p.Name == property) is { } row
            && type switch
            {
                CrmPropertyType.Text => row.TextValue is not null,
                CrmPropertyType.Number => row.NumberValue is not null,
                CrmPropertyType.Boolean => row.BoolValue is not null,
                CrmPropertyType.User => row.UserValue is not null,
                _ => row.DateValue is not null,
            },
    };
}
