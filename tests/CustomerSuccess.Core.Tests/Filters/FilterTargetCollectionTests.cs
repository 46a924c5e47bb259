using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Core.Crm;
using CustomerSuccess.Core.Filters;
using CustomerSuccess.Core.Views;
using CustomerSuccess.Core.Specification;
using NodaTime;

namespace CustomerSuccess.Core.Tests.Filters;

/// <summary>Multi-valued properties (<see cref="FilterTarget{T}.Builder.Collection"/>): a condition holds when some value
/// satisfies it, its negations when none does; translatable like every other filter.</summary>
public sealed class FilterTargetCollectionTests
{

    private static readonly FilterTarget<Item> Target = FilterTarget.Create((Item i) => i.Id)
        .Collection("tag", CrmPropertyType.Text, i => i.Tags, t => t.Name)
        .Collection("weight", CrmPropertyType.Number, i => i.Tags, t => t.Weight)
        .Build();

    private static readonly Item[] Items =
    [
        new(1, []),
        new(2, [new Tag("gold", 1)]),
        new(3, [new Tag("gold", 5), new Tag("silver", 2)]),
        new(4, [new Tag("bronze", 3)]),
    ];

    private static readonly FilterContext Context = new(UserId.From(1), Instant.FromUtc(2025, 1, 1, 0, 0), DateTimeZone.Utc);

    public static TheoryData<string, FilterOperator, string?, long[]> Cases() => new()
    {
        { "tag", FilterOperator.Is, "gold", [2, 3] },
        { "tag", FilterOperator.IsNot, "gold", [1, 4] },
        { "tag", FilterOperator.IsAnyOf, "silver", [3] },
        { "tag", FilterOperator.Contains, "ron", [4] },
        { "tag", FilterOperator.IsKnown, null, [2, 3, 4] },
        { "tag", FilterOperator.IsUnknown, null, [1] },
        { "weight", FilterOperator.GreaterThan, "2", [3, 4] },
        { "weight", FilterOperator.NotEqual, "5", [1, 2, 4] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    [Trait("Rule", "57")]
    public void Conditions_HoldWhenSomeValueSatisfiesThem_NegationsWhenNoneDoes(string property, FilterOperator op, string? value, long[] expected)
    {
        var values = value is null ? Array.Empty<FilterValue>() : [property == "weight" ? FilterValue.Number(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)) : FilterValue.Text(value)];
        var spec = FilterCompiler.Compile(ViewFilter.Condition(property, op, values), null, Target, Context).Value;

        Assert.Equal(expected, spec.Evaluate(Items).Select(i => i.Id));
        Assert.Equal(expected, Items.AsQueryable().WithSpecification(spec).Select(i => i.Id));
    }

    [Fact]
    public void Sorting_UsesTheFirstValue_AndAMisfittingValueTypeIsRefusedWhenDeclared()
    {
        var spec = FilterCompiler.Compile(null, new ViewSort("weight", SortDirection.Descending), Target, Context).Value;

        Assert.Equal([3L, 4L, 2L, 1L], spec.Evaluate(Items).Select(i => i.Id));
        Assert.Throws<ArgumentException>(() => FilterTarget.Create((Item i) => i.Id).Collection("tag", CrmPropertyType.Number, i => i.Tags, t => t.Name));
        Assert.Throws<ArgumentNullException>(() => FilterTarget.Create((Item i) => i.Id).Collection<Tag, string>("tag", CrmPropertyType.Text, null!, t => t.Name));
    }

    internal sealed record Item(long Id, IReadOnlyList<Tag> Tags);

    internal sealed record Tag(string Name, decimal Weight);
}
