using System;
using System.IO;
using CustomerSuccess.Core.HealthScores.Serialization;
using CustomerSuccess.Core.HealthScores.Validation;

namespace CustomerSuccess.Core.HealthScores.Tests.Serialization;

/// <summary>Keeps the full example of docs/health-score-json.md honest: it must parse and pass activation.</summary>
public sealed class HealthScoreJsonDocumentationTests
{
    private static string ReadExample()
    {
        DirectoryInfo? dir = new(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CustomerSuccess.Core.sln")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        string doc = File.ReadAllText(Path.Combine(dir.FullName, "docs", "health-score-json.md"));
        int start = doc.LastIndexOf("```json", StringComparison.Ordinal);
        Assert.True(start >= 0, "the doc has no ```json block");
        start += "```json".Length;
        int end = doc.IndexOf("```", start, StringComparison.Ordinal);
        return doc[start..end];
    }

    [Fact]
    [Trait("Rule", "76")]
    [Trait("Rule", "78")]
    public void FullExample_ParsesAndPassesActivation_AndIsWhatSerializeWrites()
    {
        string json = ReadExample();

        HealthScoreJsonResult<HealthScoreDefinition> result = HealthScoreJson.Parse(json);

        Assert.True(result.IsSuccess, result.ToString());
        ValidationReport report = HealthScoreValidator.Validate(result.Value, ValidationMode.Activation);
        Assert.True(report.IsSuccess, report.ToString());
        Assert.Equal(json.Trim().ReplaceLineEndings("\n"), HealthScoreJson.Serialize(result.Value).ReplaceLineEndings("\n"));
    }
}
