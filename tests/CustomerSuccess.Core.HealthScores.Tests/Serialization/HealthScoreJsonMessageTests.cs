using System;
using CustomerSuccess.Core.HealthScores.Serialization;

namespace CustomerSuccess.Core.HealthScores.Tests.Serialization;

/// <summary>Parse errors speak of the definition's members and their allowed values, never of .NET types.</summary>
public sealed class HealthScoreJsonMessageTests
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

    private static readonly string[] DotNetWords = ["System.", ".NET", "Int32", "Double", "Boolean", "Dto", "CustomerSuccess.", "NodaTime", "List`1", "deserializ"];

    public static TheoryData<string, string, string> BrokenDocuments() => new()
    {
        { "\"points\": 100", "\"points\": \"many\"", "'points' must be a whole number from -2147483648 to 2147483647." },
        { "\"maxPoints\": 100", "\"maxPoints\": 1.5", "'maxPoints' must be a whole number from -2147483648 to 2147483647." },
        { "\"maxPoints\": 100", "\"maxPoints\": 1000000000000", "'maxPoints' must be a whole number from -2147483648 to 2147483647." },
        { "\"value\": 9", "\"value\": true", "'value' must be a number." },
        { "\"name\": \"Health\"", "\"name\": 5", "'name' must be a string." },
        { "greaterThanOrEqual", "greaterish", "'operator' must be one of 'equal', 'notEqual', 'lessThan', 'lessThanOrEqual', 'greaterThan', 'greaterThanOrEqual', 'between'." },
        { "\"kind\": \"property\",\n      \"maxPoints\"", "\"kind\": \"fit\",\n      \"maxPoints\"", "'kind' must be one of 'property', 'event'." },
        { "\"kind\": \"number\"", "\"kind\": \"colour\"", "\"kind\" is 'colour', but must be one of \"number\", \"text\", \"date\", \"boolean\"." },
        { "\"maxPoints\": 100,", "\"maxPoints\": 100, \"maxPoint\": 5,", "'maxPoint' is not a member of a group; its members are 'name', 'kind', 'maxPoints', 'criteria'. Did you mean 'maxPoints'?" },
        { "\"maxPoints\": 100,", string.Empty, "A group needs the member 'maxPoints'." },
        { "\"maxPoints\": 100,", "\"maxPoints\": 100, \"maxPoints\": 50,", "The member 'maxPoints' appears more than once in a group; each member may appear once." },
        { "\"name\": \"Health\",", "\"name\": \"Health\", \"name\": \"Other\",", "The member 'name' appears more than once in a score definition; each member may appear once." },
        { "\"groups\": [", "\"groups\": 7, \"x\": [", "'groups' must be an array." },
    };

    [Theory]
    [MemberData(nameof(BrokenDocuments))]
    public void Parse_BrokenDocument_MessageNamesTheMemberAndWhatItMustHold(string find, string replace, string expected)
    {
        string json = Minimal.Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Contains(find, json, StringComparison.Ordinal);
        HealthScoreJsonResult<HealthScoreDefinition> result = HealthScoreJson.Parse(json.Replace(find, replace, StringComparison.Ordinal));

        Assert.True(result.IsFailure);
        Assert.Equal(expected, result.Error.Message);
        foreach (string word in DotNetWords)
        {
            Assert.DoesNotContain(word, result.Error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("\"maxPoints\": 100,,", "',' is an invalid start of")]
    [InlineData("\"maxPoints\": ", "',' is an invalid start of a value.")]
    [InlineData("hello", "'h' is an invalid start of a value.")]
    [InlineData("", "The input does not contain any JSON tokens.")]
    [InlineData("{\"schema\": \"customersuccess.health-score/v1\"", "Expected depth to be zero")]
    public void Parse_TextThatIsNotJson_SaysSo(string replacement, string expected)
    {
        string json = Minimal.Replace("\r\n", "\n", StringComparison.Ordinal);
        string broken = replacement.StartsWith('"') ? json.Replace("\"maxPoints\": 100", replacement, StringComparison.Ordinal) : replacement;

        HealthScoreJsonResult<HealthScoreDefinition> result = HealthScoreJson.Parse(broken);

        Assert.True(result.IsFailure);
        Assert.StartsWith("The text is not valid JSON: ", result.Error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ImpossibleDate_SaysHowADateIsWritten()
    {
        string json = HealthScoreJson.Serialize(Definitions.TestDefinitions.WithDates).Replace("2024-02-29", "2023-02-29", StringComparison.Ordinal);

        HealthScoreJsonError error = HealthScoreJson.Parse(json).Error!;

        Assert.Contains("'date' must be a date written yyyy-MM-dd", error.Message, StringComparison.Ordinal);
        foreach (string word in DotNetWords)
        {
            Assert.DoesNotContain(word, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Parse_NullTextValue_NamesTheEntry()
    {
        string json = Minimal.Replace("\"kind\": \"number\", \"property\": \"nps\", \"operator\": \"greaterThanOrEqual\", \"value\": 9", "\"kind\": \"text\", \"property\": \"plan\", \"operator\": \"is\", \"values\": [ 3 ]", StringComparison.Ordinal);

        HealthScoreJsonError error = HealthScoreJson.Parse(json).Error!;

        Assert.Equal("Entry 0 of 'values' must be a string.", error.Message);
    }
}
