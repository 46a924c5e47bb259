using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using CustomerSuccess.Core.Filters;
using CustomerSuccess.Core.Records;
using CustomerSuccess.Core.Views;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace CustomerSuccess.Core.Tests.Filters;

public class ViewFilterJsonTests
{
    private static readonly ViewFilter Everything = ViewFilter.Or(
        ViewFilter.And(
            ViewFilter.Condition("tier", FilterOperator.IsAnyOf, FilterValue.Text("gold"), FilterValue.Text("silver")),
            ViewFilter.Condition("arr", FilterOperator.Between, FilterValue.Number(10.5m), FilterValue.Number(100))),
        ViewFilter.Condition("renewal_date", FilterOperator.Before, FilterValue.Date(new LocalDate(2025, 3, 30))),
        ViewFilter.Condition("is_strategic", FilterOperator.Is, FilterValue.Boolean(true)),
        ViewFilter.Condition(RecordFilterTarget.CsmOwner, FilterOperator.IsAnyOf, FilterValue.User(UserId.From(42))),
        ViewFilter.Condition(RecordFilterTarget.CsmOwner, FilterOperator.IsMe));

    [Fact]
    public void ToJson_EveryNodeAndValueKind_WritesTheDocumentedFormAndRoundTrips()
    {
        var json = ViewFilter.ToJson(Everything);

        Assert.Equal(Everything, ViewFilter.FromJson(json));
        Assert.StartsWith("{\"kind\":\"group\",\"operator\":\"or\",\"children\":[{\"kind\":\"group\",\"operator\":\"and\"", json, StringComparison.Ordinal);
        Assert.Contains("{\"kind\":\"property\",\"property\":\"tier\",\"operator\":\"isAnyOf\",\"values\":[{\"type\":\"text\",\"value\":\"gold\"}", json, StringComparison.Ordinal);
        Assert.Contains("{\"type\":\"number\",\"value\":10.5}", json, StringComparison.Ordinal);
        Assert.Contains("{\"type\":\"date\",\"value\":\"2025-03-30\"}", json, StringComparison.Ordinal);
        Assert.Contains("{\"type\":\"boolean\",\"value\":true}", json, StringComparison.Ordinal);
        Assert.Contains("{\"type\":\"user\",\"value\":42}", json, StringComparison.Ordinal);
        Assert.Contains("\"operator\":\"isMe\",\"values\":[]", json, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonSerializer_AnywhereInADocument_UsesTheSameStrictForm()
    {
        var view = new ViewDefinition("V", ViewSharing.Private, [RecordFilterTarget.CsmOwner], Everything);

        var json = JsonSerializer.Serialize(view);
        var back = JsonSerializer.Deserialize<ViewDefinition>(json)!;

        Assert.Equal(view, back);
        Assert.Contains(ViewFilter.ToJson(Everything), json, StringComparison.Ordinal);
    }

    [Fact]
    public void FromJson_MembersInAnyOrder_ReadTheSameFilter()
    {
        const string json = """{"values":[{"value":"gold","type":"text"}],"operator":"is","property":"tier","kind":"property"}""";

        Assert.Equal(ViewFilter.Condition("tier", FilterOperator.Is, FilterValue.Text("gold")), ViewFilter.FromJson(json));
    }

    [Theory]
    [InlineData("{}", "$", "\"kind\" is missing")]
    [InlineData("null", "$", "must be a JSON object")]
    [InlineData("[]", "$", "must be a JSON object")]
    [InlineData("{\"kind\":\"thing\"}", "$.kind", "expected \"group\" or \"property\"")]
    [InlineData("{\"kind\":\"group\",\"operator\":\"xor\",\"children\":[]}", "$.operator", "expected \"and\" or \"or\"")]
    [InlineData("{\"kind\":\"group\",\"operator\":\"and\"}", "$", "\"children\" is missing")]
    [InlineData("{\"kind\":\"group\",\"operator\":\"and\",\"children\":[],\"extra\":1}", "$.extra", "not a member")]
    [InlineData("{\"kind\":\"property\",\"property\":\"tier\",\"operator\":\"is\",\"property\":\"x\",\"values\":[]}", "$.property", "appears twice")]
    [InlineData("{\"kind\":\"property\",\"property\":\"\",\"operator\":\"isKnown\"}", "$.property", "needs the name")]
    [InlineData("{\"kind\":\"property\",\"property\":\"tier\",\"operator\":\"IsKnown\"}", "$.operator", "expected one of")]
    [InlineData("{\"kind\":\"property\",\"property\":\"tier\",\"operator\":\"is\",\"values\":[{\"type\":\"text\",\"value\":5}]}", "$.values[0].value", "JSON string")]
    [InlineData("{\"kind\":\"property\",\"property\":\"arr\",\"operator\":\"equal\",\"values\":[{\"type\":\"number\",\"value\":1e400}]}", "$.values[0].value", "finite JSON number")]
    [InlineData("{\"kind\":\"property\",\"property\":\"arr\",\"operator\":\"equal\",\"values\":[{\"type\":\"number\",\"value\":\"NaN\"}]}", "$.values[0].value", "finite JSON number")]
    [InlineData("{\"kind\":\"property\",\"property\":\"d\",\"operator\":\"before\",\"values\":[{\"type\":\"date\",\"value\":\"30.03.2025\"}]}", "$.values[0].value", "ISO date")]
    [InlineData("{\"kind\":\"property\",\"property\":\"o\",\"operator\":\"isAnyOf\",\"values\":[{\"type\":\"user\",\"value\":0}]}", "$.values[0].value", "positive whole number")]
    [InlineData("{\"kind\":\"property\",\"property\":\"o\",\"operator\":\"isAnyOf\",\"values\":[{\"type\":\"person\",\"value\":1}]}", "$.values[0].type", "not a type of value")]
    [InlineData("{\"kind\":\"property\",\"property\":\"arr\",\"operator\":\"between\",\"values\":[{\"type\":\"number\",\"value\":1}]}", "$", "2 value(s), not 1")]
    [InlineData("{\"kind\":\"property\",\"property\":\"tier\",\"operator\":\"contains\",\"values\":[{\"type\":\"number\",\"value\":1}]}", "$", "must be text")]
    [InlineData("{\"kind\":\"group\",\"operator\":\"and\",\"children\":[{\"kind\":\"property\",\"property\":\"x\",\"operator\":\"contains\",\"values\":[{\"type\":\"text\",\"value\":\"a\"}]},{\"kind\":\"property\",\"property\":\"x\",\"operator\":\"greaterThan\",\"values\":[{\"type\":\"number\",\"value\":1}]}]}", "$.children[1]", "one type")]
    [InlineData("{\"kind\":\"property\",\"property\":\"tier\"", "$", "not valid JSON")]
    public void FromJson_Malformed_ThrowsJsonExceptionWithPathAndReason(string json, string path, string reason)
    {
        var error = Assert.Throws<JsonException>(() => ViewFilter.FromJson(json));

        Assert.Equal(path, error.Path);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromJson_TooDeep_IsRefused()
    {
        ViewFilter deep = ViewFilter.Condition("tier", FilterOperator.IsKnown);
        for (var i = 0; i < FilterCompiler.MaxDepth; i++)
        {
            deep = ViewFilter.And(deep);
        }

        Assert.Contains("deeper", Assert.Throws<JsonException>(() => ViewFilter.FromJson(ViewFilter.ToJson(deep))).Message, StringComparison.Ordinal);
    }

    [Property(MaxTest = 500)]
    public Property ToJson_RandomFilters_RoundTrip() =>
        Prop.ForAll(FilterGenerators.Cases(FilterModels.Records), c => ViewFilter.FromJson(ViewFilter.ToJson(c.Filter)).Equals(c.Filter));

    [Property(MaxTest = 500)]
    public Property FromJson_AnyPermutationOfMembers_ReadsTheSameFilter() =>
        Prop.ForAll(FilterGenerators.Cases(FilterModels.Tasks), ArbMap.Default.ArbFor<int>(), (c, seed) =>
        {
            var shuffled = Shuffle(JsonNode.Parse(ViewFilter.ToJson(c.Filter))!, new Random(seed));
            return ViewFilter.FromJson(shuffled.ToJsonString()).Equals(c.Filter);
        });

    private static JsonNode Shuffle(JsonNode node, Random random)
    {
        switch (node)
        {
            case JsonObject obj:
                var members = obj.Select(p => (p.Key, Value: p.Value?.DeepClone())).OrderBy(_ => random.Next()).ToList();
                var result = new JsonObject();
                foreach (var (key, value) in members)
                {
                    result[key] = value is null ? null : Shuffle(value, random);
                }

                return result;
            case JsonArray array:
                return new JsonArray([.. array.Select(item => item is null ? null : Shuffle(item.DeepClone(), random))]);
            default:
                return node.DeepClone();
        }
    }
}
