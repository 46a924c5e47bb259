using System;
using System.Text;
using CustomerSuccess.Core.HealthScores.Serialization;
using CustomerSuccess.Core.HealthScores.Tests.Definitions;
using NodaTime;

namespace CustomerSuccess.Core.HealthScores.Tests.Serialization;

public sealed class HealthScoreJsonTests
{
    private const string Minimal = """
        {
          "schema": "customersuccess.health-score/v1",
          "name": "Health",
          "objectType": "companies",
          "groups": [
            {
              "name": "NPS",
              "kind": "property",
              "maxPoints": 100,
              "criteria": [
                {
                  "kind": "property",
                  "name": "Promoter",
                  "points": 100,
                  "conditions": [ { "kind": "number", "property": "nps", "operator": "greaterThanOrEqual", "value": 9 } ]
                }
              ]
            }
          ]
        }
        """;

    private static HealthScoreJsonError Fail(string json)
    {
        HealthScoreJsonResult<HealthScoreDefinition> result = HealthScoreJson.Parse(json);
        Assert.False(result.IsSuccess, "expected a parse failure");
        return result.Error;
    }

    [Fact]
    public void Serialize_WritesSchemaCamelCaseAndStringEnums()
    {
        string json = HealthScoreJson.Serialize(TestDefinitions.WithDates);

        Assert.Contains("\"schema\": \"customersuccess.health-score/v1\"", json, StringComparison.Ordinal);
        Assert.Contains("\"objectType\": \"companies\"", json, StringComparison.Ordinal);
        Assert.Contains("\"kind\": \"event\"", json, StringComparison.Ordinal);
        Assert.Contains("\"countOperator\": \"atLeast\"", json, StringComparison.Ordinal);
        Assert.Contains("\"operator\": \"withinNextDays\"", json, StringComparison.Ordinal);
        Assert.Contains("\"date\": \"2024-02-29\"", json, StringComparison.Ordinal);
        Assert.Contains("\"thresholds\": {", json, StringComparison.Ordinal);
        Assert.DoesNotContain("upperValue", json.Replace("\"upperValue\": 6", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SerializedSample_RoundTrips()
    {
        HealthScoreJsonResult<HealthScoreDefinition> result = HealthScoreJson.Parse(HealthScoreJson.Serialize(TestDefinitions.WithDates));

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(TestDefinitions.WithDates, result.Value);
    }

    [Fact]
    public void Parse_Utf8Bytes_RoundTrips() =>
        Assert.Equal(TestDefinitions.Sample, HealthScoreJson.Parse(Encoding.UTF8.GetBytes(HealthScoreJson.Serialize(TestDefinitions.Sample))).GetValueOrThrow());

    [Fact]
    public void Parse_StreamWithByteOrderMark_RoundTrips()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(HealthScoreJson.Serialize(TestDefinitions.WithDates))];
        using var stream = new System.IO.MemoryStream(bytes);

        Assert.Equal(TestDefinitions.WithDates, HealthScoreJson.Parse(stream).GetValueOrThrow());
    }

    [Fact]
    public void Parse_MinimalDocument_DefaultsSegmentsAndThresholds()
    {
        HealthScoreDefinition d = HealthScoreJson.Parse(Minimal).GetValueOrThrow();

        Assert.Empty(d.Segments);
        Assert.Equal(StatusThresholds.Default, d.Thresholds);
        Assert.Equal(new NumberCondition("nps", NumberOperator.GreaterThanOrEqual, 9), ((PropertyCriterion)d.Groups[0].Criteria[0]).Conditions[0]);
    }

    [Fact]
    public void Parse_CommentsAndOutOfOrderKind_Accepted()
    {
        string json = Minimal
            .Replace("\"name\": \"Health\",", "\"name\": \"Health\", // the score name", StringComparison.Ordinal)
            .Replace("{ \"kind\": \"number\", \"property\": \"nps\",", "{ \"property\": \"nps\", \"kind\": \"number\",", StringComparison.Ordinal);

        Assert.True(HealthScoreJson.Parse(json).IsSuccess, HealthScoreJson.Parse(json).ToString());
    }

    [Fact]
    public void Parse_UnknownSchemaVersion_FailsNamingVersion()
    {
        HealthScoreJsonError error = Fail(Minimal.Replace("health-score/v1", "health-score/v2", StringComparison.Ordinal));

        Assert.Equal("$.schema", error.Path);
        Assert.Equal(2, error.LineNumber);
        Assert.Equal(2, error.BytePositionInLine);
        Assert.Contains("'customersuccess.health-score/v2'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingSchema_FailsNamingMember()
    {
        HealthScoreJsonError error = Fail(Minimal.Replace("\"schema\": \"customersuccess.health-score/v1\",", string.Empty, StringComparison.Ordinal));

        Assert.Contains("'schema'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingRequiredGroupMember_FailsNamingItWithPathAndLine()
    {
        HealthScoreJsonError error = Fail(Minimal.Replace("\"maxPoints\": 100,", string.Empty, StringComparison.Ordinal));

        Assert.Contains("'maxPoints'", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("$.groups[0]", error.Path, StringComparison.Ordinal);
        Assert.True(error.LineNumber >= 6, error.ToString());
        Assert.DoesNotContain("Dto", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WrongTypeForPoints_ReportsJsonPathAndOneBasedLine()
    {
        HealthScoreJsonError error = Fail(Minimal.Replace("\"points\": 100", "\"points\": \"many\"", StringComparison.Ordinal));

        Assert.Equal("$.groups[0].criteria[0].points", error.Path);
        Assert.Equal(14, error.LineNumber);
    }

    [Fact]
    public void Parse_UnknownOperator_Fails()
    {
        HealthScoreJsonError error = Fail(Minimal.Replace("greaterThanOrEqual", "greaterish", StringComparison.Ordinal));

        Assert.Equal("$.groups[0].criteria[0].conditions[0].operator", error.Path);
        Assert.Equal(15, error.LineNumber);
    }

    [Fact]
    public void Parse_UnknownConditionKind_Fails()
    {
        HealthScoreJsonError error = Fail(Minimal.Replace("\"kind\": \"number\"", "\"kind\": \"colour\"", StringComparison.Ordinal));

        Assert.StartsWith("$.groups[0].criteria[0].conditions[0]", error.Path, StringComparison.Ordinal);
        Assert.Equal(15, error.LineNumber);
    }

    [Fact]
    public void Parse_MissingCriterionKind_Fails()
    {
        HealthScoreJsonError error = Fail(Minimal.Replace("\"kind\": \"property\",\n          \"name\": \"Promoter\"", "\"name\": \"Promoter\"", StringComparison.Ordinal).Replace("\"kind\": \"property\",\r\n          \"name\": \"Promoter\"", "\"name\": \"Promoter\"", StringComparison.Ordinal));

        Assert.StartsWith("$.groups[0].criteria[0]", error.Path, StringComparison.Ordinal);
        Assert.True(error.LineNumber >= 11, error.ToString());
        Assert.Contains("\"kind\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownMember_Fails()
    {
        HealthScoreJsonError error = Fail(Minimal.Replace("\"maxPoints\": 100,", "\"maxPoints\": 100, \"maxPoint\": 5,", StringComparison.Ordinal));

        Assert.Contains("maxPoint", error.Message, StringComparison.Ordinal);
        Assert.Equal(9, error.LineNumber);
    }

    [Fact]
    public void Parse_NullName_Fails() =>
        Assert.StartsWith("$.name", Fail(Minimal.Replace("\"Health\"", "null", StringComparison.Ordinal)).Path, StringComparison.Ordinal);

    [Fact]
    public void Parse_NullElementInTextValues_FailsWithPathAndLine()
    {
        string json = HealthScoreJson.Serialize(TestDefinitions.WithDates).Replace("\"gold\"", "null", StringComparison.Ordinal);

        HealthScoreJsonError error = Fail(json);

        Assert.Equal("$.groups[2].criteria[0].conditions[3].values[0]", error.Path);
        int expectedLine = Array.FindIndex(json.Split('\n'), l => l.Contains("null", StringComparison.Ordinal)) + 1;
        Assert.Equal(expectedLine, error.LineNumber);
    }

    [Fact]
    public void Parse_NullGroup_FailsWithPath() =>
        Assert.Equal("$.groups[0]", Fail(Minimal[..Minimal.IndexOf("\"groups\"", StringComparison.Ordinal)] + "\"groups\": [null] }").Path);

    [Fact]
    public void Parse_InvalidDate_Fails()
    {
        string json = HealthScoreJson.Serialize(TestDefinitions.WithDates).Replace("2024-02-29", "2023-02-29", StringComparison.Ordinal);

        HealthScoreJsonError error = Fail(json);

        Assert.True(error.LineNumber > 1, error.ToString());
        Assert.Contains("date", error.Path, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", 1)]
    [InlineData("   ", 1)]
    [InlineData("null", 1)]
    [InlineData("[]", 1)]
    [InlineData("{\n  \"schema\": \"customersuccess.health-score/v1\",\n  \"name\": ", 3)]
    [InlineData("{ \"schema\": 5 }", 1)]
    public void Parse_MalformedDocuments_FailWithoutThrowing(string json, long line)
    {
        HealthScoreJsonError error = Fail(json);

        Assert.Equal(line, error.LineNumber);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        Assert.StartsWith("$", error.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NaNAsString_RoundTripsForDrafts()
    {
        var d = TestDefinitions.Sample.ReplaceGroup("NPS", TestDefinitions.Nps with { Criteria = [TestDefinitions.Promoter with { Conditions = [new NumberCondition("nps", NumberOperator.Between, double.NegativeInfinity, double.NaN)] }] });

        string json = HealthScoreJson.Serialize(d);

        Assert.Contains("\"NaN\"", json, StringComparison.Ordinal);
        Assert.Equal(d, HealthScoreJson.Parse(json).GetValueOrThrow());
    }

    [Fact]
    public void Serialize_UndefinedEnum_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => HealthScoreJson.Serialize(TestDefinitions.Sample with { Groups = [TestDefinitions.Nps with { Kind = (ScoreGroupKind)7 }] }));

    [Fact]
    public void GetValueOrThrow_Failure_ThrowsFormatExceptionWithPosition()
    {
        var ex = Assert.Throws<FormatException>(() => HealthScoreJson.Parse("{").GetValueOrThrow());
        Assert.Contains("line 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "83")]
    public void SerializeVersion_RoundTrips()
    {
        var version = new ScoreVersion(HealthScoreId.From(42), 3, Instant.FromUtc(2026, 3, 1, 12, 30), TestDefinitions.WithDates);

        string json = HealthScoreJson.SerializeVersion(version);

        Assert.Contains("\"activatedAt\": \"2026-03-01T12:30:00Z\"", json, StringComparison.Ordinal);
        HealthScoreJsonResult<ScoreVersion> parsed = HealthScoreJson.ParseVersion(json);
        Assert.True(parsed.IsSuccess, parsed.ToString());
        Assert.Equal(version, parsed.Value);
    }

    [Fact]
    [Trait("Rule", "83")]
    public void ParseVersion_ZeroNumber_FailsWithPath()
    {
        var version = new ScoreVersion(HealthScoreId.From(42), 3, Instant.FromUtc(2026, 3, 1, 12, 30), TestDefinitions.Sample);
        string json = HealthScoreJson.SerializeVersion(version).Replace("\"number\": 3", "\"number\": 0", StringComparison.Ordinal);

        HealthScoreJsonResult<ScoreVersion> parsed = HealthScoreJson.ParseVersion(json);
        Assert.True(parsed.IsFailure);
        Assert.Null(parsed.Value);
        Assert.Equal("$.number", parsed.Error.Path);
        Assert.Equal(4, parsed.Error.LineNumber);
    }

    [Fact]
    public void ParseVersion_DefinitionDocument_FailsNamingSchema()
    {
        HealthScoreJsonResult<ScoreVersion> parsed = HealthScoreJson.ParseVersion(Minimal);
        Assert.True(parsed.IsFailure);
        Assert.Contains("customersuccess.health-score/v1", parsed.Error.Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => parsed.GetValueOrThrow());
    }
}
