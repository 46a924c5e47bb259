using System;
using System.Linq;
using CustomerSuccess.Core.Crm;
using CustomerSuccess.Core.Filters;
using CustomerSuccess.Core.Records;
using CustomerSuccess.Core.Specification;
using CustomerSuccess.Core.Tests.Views;
using CustomerSuccess.Core.Views;
using NodaTime;

namespace CustomerSuccess.Core.Tests.Filters;

public class FilterCompilerTests
{
    private static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
    private static readonly FilterTarget<CrmRecord> Schema = ViewTestData.Target;

    private static FilterContext Context(Instant asOf) => new(UserId.From(1), asOf, Berlin);

    private static CrmRecord Assigned(long id, Instant? at) => new() { Id = RecordId.From(id), CsmOwnerId = UserId.From(1), OwnerAssignedAt = at };

    private static long[] Run(ViewFilter filter, FilterContext context, params CrmRecord[] records)
    {
        var spec = FilterCompiler.Compile(filter, null, Schema, context).Value;
        var inMemory = spec.Evaluate(records).Select(r => r.Id.Value).ToArray();
        Assert.Equal(inMemory, records.AsQueryable().WithSpecification(spec).Select(r => r.Id.Value).ToArray());
        return inMemory;
    }

    [Theory]
    [InlineData("no_such", FilterOperator.Is, "the items have no such property")]
    [InlineData("tier", FilterOperator.GreaterThan, "does not apply to a text property")]
    [InlineData("arr", FilterOperator.Contains, "does not apply to a number property")]
    [InlineData("renewal_date", FilterOperator.IsMe, "does not apply to a date property")]
    [InlineData(RecordFilterTarget.CsmOwner, FilterOperator.Before, "does not apply to a user property")]
    public void Compile_UnknownPropertyOrOperatorForType_FailsNamingPropertyAndOperator(string property, FilterOperator op, string reason)
    {
        var filter = ViewFilter.Condition(property, op, FilterValue.Text("x"));

        var result = FilterCompiler.CompileExpression(filter, Schema, Context(ViewTestData.Now));

        Assert.True(result.Error!.Is(ViewErrors.FilterInvalidCode));
        Assert.Equal(property, result.Error.Target);
        Assert.Contains($"'{property} {op}'", result.Error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_WrongValueTypeOrCount_FailsWithEveryProblemInDetails()
    {
        var filter = ViewFilter.And(
            ViewFilter.Condition("arr", FilterOperator.Equal, FilterValue.Text("5")),
            ViewFilter.Condition("tier", FilterOperator.IsKnown, FilterValue.Text("gold")),
            ViewFilter.Condition("renewal_date", FilterOperator.InLastDays, FilterValue.Number(1.5m)),
            ViewFilter.Condition("arr", FilterOperator.Between, FilterValue.Number(9), FilterValue.Number(1)),
            ViewFilter.Condition("renewal_date", FilterOperator.Between, FilterValue.Date(new LocalDate(2025, 2, 1)), FilterValue.Date(new LocalDate(2025, 1, 1))),
            ViewFilter.Condition(RecordFilterTarget.CsmOwner, FilterOperator.IsAnyOf),
            ViewFilter.Condition("tier", FilterOperator.Contains, FilterValue.Text(string.Empty)),
            ViewFilter.Condition("renewal_date", FilterOperator.Before, FilterValue.Date(new LocalDate(1800, 1, 1))));

        var result = FilterCompiler.Validate(filter, Schema);

        Assert.True(result.Error!.Is(ViewErrors.FilterInvalidCode));
        Assert.Equal(8, result.Error.Details.Count);
        Assert.All(result.Error.Details, d => Assert.True(d.Is(ViewErrors.FilterInvalidCode) && d.Target is not null));
        Assert.Contains("must be a number, not \"5\"", result.Error.Details[0].Message, StringComparison.Ordinal);
        Assert.Equal(["arr", "tier", "renewal_date", "arr", "renewal_date", RecordFilterTarget.CsmOwner, "tier", "renewal_date"], result.Error.Details.Select(d => d.Target));
    }

    [Fact]
    public void Compile_TooDeepOrTooManyConditions_Fails()
    {
        ViewFilter deep = ViewFilter.Condition("tier", FilterOperator.IsKnown);
        for (var i = 0; i < FilterCompiler.MaxDepth; i++)
        {
            deep = ViewFilter.And(deep);
        }

        var wide = ViewFilter.Or(Enumerable.Range(0, FilterCompiler.MaxConditions + 1).Select(_ => ViewFilter.Condition("tier", FilterOperator.IsKnown)));

        Assert.True(FilterCompiler.Validate(deep, Schema).Error!.Is(ViewErrors.FilterInvalidCode));
        Assert.True(FilterCompiler.Validate(wide, Schema).Error!.Is(ViewErrors.FilterInvalidCode));
    }

    [Fact]
    [Trait("Rule", "42")]
    public void InLastDays30_AcrossSpringDstInBerlin_IncludesFromStartOfDay30DaysAgoUntilStartOfTomorrow()
    {
        // 2025-03-30 is the day Berlin springs forward (02:00 CET -> 03:00 CEST). "Today" is 2025-03-30.
        var context = Context(Instant.FromUtc(2025, 3, 30, 10, 0));
        var from = Instant.FromUtc(2025, 2, 27, 23, 0); // 2025-02-28T00:00+01:00
        var to = Instant.FromUtc(2025, 3, 30, 22, 0);   // 2025-03-31T00:00+02:00 (23-hour day)
        var tick = Duration.FromTicks(1);
        var filter = ViewCatalog.BuiltInFilter(BuiltInView.AssignedInLast30Days);

        var matched = Run(filter, context, Assigned(1, from - tick), Assigned(2, from), Assigned(3, to - tick), Assigned(4, to), Assigned(5, null));

        Assert.Equal([2L, 3L], matched);
        Assert.Equal(from, context.StartOf(new LocalDate(2025, 2, 28)));
        Assert.Equal(to, context.StartOf(new LocalDate(2025, 3, 31)));
    }

    [Fact]
    [Trait("Rule", "42")]
    public void InLastDays30_AcrossAutumnDstInBerlin_UsesTheOffsetOfEachBoundaryDay()
    {
        // Berlin falls back on 2025-10-26; 30 days before 2025-11-20 is 2025-10-21, still summer time (+02:00).
        var context = Context(Instant.FromUtc(2025, 11, 20, 8, 0));
        var from = Instant.FromUtc(2025, 10, 20, 22, 0);
        var to = Instant.FromUtc(2025, 11, 20, 23, 0);
        var ms = Duration.FromMilliseconds(1);

        var matched = Run(ViewCatalog.BuiltInFilter(BuiltInView.AssignedInLast30Days), context, Assigned(1, from - ms), Assigned(2, from), Assigned(3, to - ms), Assigned(4, to));

        Assert.Equal([2L, 3L], matched);
    }

    [Fact]
    [Trait("Rule", "42")]
    public void OwnedByMe_OtherOwnersAndUnowned_AreExcluded()
    {
        var context = Context(ViewTestData.Now);
        CrmRecord[] records =
        [
            new() { Id = RecordId.From(1), CsmOwnerId = UserId.From(1) },
            new() { Id = RecordId.From(2), CsmOwnerId = UserId.From(2) },
            new() { Id = RecordId.From(3) },
        ];

        Assert.Equal([1L], Run(ViewCatalog.BuiltInFilter(BuiltInView.OwnedByMe), context, records));
    }

    [Fact]
    public void DateOperators_BeforeAfterBetweenNextDays_AreWholeDaysInViewerZone()
    {
        var context = Context(Instant.FromUtc(2025, 3, 29, 12, 0)); // today 2025-03-29 (+01:00), tomorrow is the DST day
        var day = new LocalDate(2025, 3, 30);
        var start = Instant.FromUtc(2025, 3, 29, 23, 0);
        var end = Instant.FromUtc(2025, 3, 30, 22, 0);
        var ms = Duration.FromMilliseconds(1);
        CrmRecord R(long id, Instant at) => new() { Id = RecordId.From(id), Properties = [CrmPropertyValue.Date("renewal_date", at)] };
        CrmRecord[] records = [R(1, start - ms), R(2, start), R(3, end - ms), R(4, end)];

        Assert.Equal([1L], Run(ViewFilter.Condition("renewal_date", FilterOperator.Before, FilterValue.Date(day)), context, records));
        Assert.Equal([4L], Run(ViewFilter.Condition("renewal_date", FilterOperator.After, FilterValue.Date(day)), context, records));
        Assert.Equal([2L, 3L], Run(ViewFilter.Condition("renewal_date", FilterOperator.Between, FilterValue.Date(day), FilterValue.Date(day)), context, records));
        Assert.Equal([1L, 2L, 3L], Run(ViewFilter.Condition("renewal_date", FilterOperator.InNextDays, FilterValue.Number(1)), context, records));
        Assert.Equal([1L], Run(ViewFilter.Condition("renewal_date", FilterOperator.InNextDays, FilterValue.Number(0)), context, records));
    }

    [Fact]
    public void NegativeOperators_MatchUnknownValues_OthersDoNot()
    {
        var context = Context(ViewTestData.Now);
        CrmRecord[] records =
        [
            new() { Id = RecordId.From(1), Amount = 5, Properties = [CrmPropertyValue.Text("tier", "gold")] },
            new() { Id = RecordId.From(2), Properties = [CrmPropertyValue.Text("tier", null)] },
            new() { Id = RecordId.From(3), Properties = [CrmPropertyValue.Number("tier", 3)] },
            new() { Id = RecordId.From(4), Amount = 6 },
        ];

        Assert.Equal([2L, 3L, 4L], Run(ViewFilter.Condition("tier", FilterOperator.IsNot, FilterValue.Text("gold")), context, records));
        Assert.Equal([2L, 3L, 4L], Run(ViewFilter.Condition("tier", FilterOperator.IsUnknown), context, records));
        Assert.Equal([2L, 3L, 4L], Run(ViewFilter.Condition(RecordFilterTarget.Amount, FilterOperator.NotEqual, FilterValue.Number(5)), context, records));
        Assert.Equal([1L], Run(ViewFilter.Condition(RecordFilterTarget.Amount, FilterOperator.LessThan, FilterValue.Number(6)), context, records));
        Assert.Equal([1L, 4L], Run(ViewFilter.Condition(RecordFilterTarget.Amount, FilterOperator.Between, FilterValue.Number(5), FilterValue.Number(6)), context, records));
    }

    [Fact]
    public void TextOperators_AreOrdinalAndCaseSensitiveInMemory()
    {
        var context = Context(ViewTestData.Now);
        CrmRecord[] records =
        [
            new() { Id = RecordId.From(1), Properties = [CrmPropertyValue.Text("tier", "Gold")] },
            new() { Id = RecordId.From(2), Properties = [CrmPropertyValue.Text("tier", "gold plus")] },
        ];

        Assert.Equal([2L], Run(ViewFilter.Condition("tier", FilterOperator.Contains, FilterValue.Text("gold")), context, records));
        Assert.Equal([1L], Run(ViewFilter.Condition("tier", FilterOperator.IsAnyOf, FilterValue.Text("Gold"), FilterValue.Text("silver")), context, records));
    }

    [Fact]
    public void EmptyGroups_AndMatchesAll_OrMatchesNone()
    {
        var context = Context(ViewTestData.Now);
        CrmRecord[] records = [new() { Id = RecordId.From(1) }];

        Assert.Equal([1L], Run(ViewFilter.And(), context, records));
        Assert.Empty(Run(ViewFilter.Or(), context, records));
    }

    [Fact]
    public void Compile_Sort_OrdersByPropertyThenId_AndRejectsOwner()
    {
        var context = Context(ViewTestData.Now);
        CrmRecord[] records =
        [
            new() { Id = RecordId.From(1), Properties = [CrmPropertyValue.Number("arr", 5)] },
            new() { Id = RecordId.From(2), Properties = [CrmPropertyValue.Number("arr", 9)] },
            new() { Id = RecordId.From(3), Properties = [CrmPropertyValue.Number("arr", 5)] },
        ];

        var spec = FilterCompiler.Compile(null, new ViewSort("arr", SortDirection.Descending), Schema, context).Value;

        Assert.Equal([2L, 1L, 3L], spec.Evaluate(records).Select(r => r.Id.Value));
        Assert.Equal([2L, 1L, 3L], records.AsQueryable().WithSpecification(spec).Select(r => r.Id.Value));
        Assert.True(FilterCompiler.Compile(null, new ViewSort(RecordFilterTarget.CsmOwner, SortDirection.Ascending), Schema, context).Error!.Is(ViewErrors.SortInvalidCode));
    }
}
