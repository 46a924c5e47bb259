using System.Text.Json;
using CustomerSuccess.Core.Records;
using CustomerSuccess.Core.Views;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace CustomerSuccess.Core.Tests.Views;

public class ViewFilterSerializationTests
{
    [Fact]
    public void ToJson_EveryNodeAndValueKind_RoundTripsWithDiscriminators()
    {
        var filter = ViewFilter.Or(
            ViewFilter.And(
                ViewFilter.Condition("tier", FilterOperator.IsAnyOf, FilterValue.Text("gold"), FilterValue.Text("silver")),
                ViewFilter.Condition("arr", FilterOperator.Between, FilterValue.Number(10.5m), FilterValue.Number(100))),
            ViewFilter.Condition("renewal_date", FilterOperator.Before, FilterValue.Date(new LocalDate(2025, 3, 30))),
            ViewFilter.Condition("is_strategic", FilterOperator.Is, FilterValue.Boolean(true)),
            ViewFilter.Condition(RecordSchema.CsmOwner, FilterOperator.IsAnyOf, FilterValue.User(UserId.From(42))),
            ViewFilter.Condition(RecordSchema.CsmOwner, FilterOperator.IsMe));

        var json = ViewFilter.ToJson(filter);

        Assert.Equal(filter, ViewFilter.FromJson(json));
        Assert.Contains("\"kind\":\"group\"", json, System.StringComparison.Ordinal);
        Assert.Contains("\"type\":\"date\",\"Value\":\"2025-03-30\"", json, System.StringComparison.Ordinal);
        Assert.Contains("\"type\":\"user\",\"Value\":42", json, System.StringComparison.Ordinal);
        Assert.Contains("\"Operator\":\"IsAnyOf\"", json, System.StringComparison.Ordinal);
    }

    [Fact]
    public void FromJson_NotAFilter_Throws()
    {
        Assert.Throws<JsonException>(() => ViewFilter.FromJson("null"));
        Assert.Throws<JsonException>(() => ViewFilter.FromJson("{\"kind\":\"property\",\"Property\":\"d\",\"Operator\":\"Before\",\"Values\":[{\"type\":\"date\",\"Value\":\"30.03.2025\"}]}"));
    }

    [Property(MaxTest = 500)]
    public Property ToJson_RandomFilters_RoundTrip() =>
        Prop.ForAll(FilterGenerators.Cases(), c => ViewFilter.FromJson(ViewFilter.ToJson(c.Filter)).Equals(c.Filter));
}
