using System;
using System.Text;
using CustomerSuccess.Core.HealthScores.Serialization;
using CustomerSuccess.Core.HealthScores.Tests.Definitions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CustomerSuccess.Core.HealthScores.Tests.Serialization;

public sealed class HealthScoreJsonProperties
{
    private static readonly string[] Replacements = ["", "null", "{", "}", "[", "]", ",", ":", "\"", "1e999", "-1", "true", "\"x\"", "/*", "\n", "\\u12"];

    [Property(MaxTest = 300, Arbitrary = new[] { typeof(DefinitionArbitraries) })]
    public bool Parse_OfSerialize_IsIdentity(HealthScoreDefinition definition)
    {
        HealthScoreJsonResult<HealthScoreDefinition> result = HealthScoreJson.Parse(HealthScoreJson.Serialize(definition));
        return result.IsSuccess && result.Value.Equals(definition) && result.Value.GetHashCode() == definition.GetHashCode();
    }

    [Property(MaxTest = 300)]
    public Property Parse_MutatedOrTruncatedJson_NeverThrowsAndReportsALine() =>
        Prop.ForAll(
            Arb.From(
                from d in DefinitionGenerators.AnyDefinition
                from mode in Gen.Choose(0, 2)
                from position in Gen.Choose(0, 10_000)
                from length in Gen.Choose(0, 12)
                from replacement in Gen.Elements(Replacements)
                select (d, mode, position, length, replacement)),
            t =>
            {
                string json = HealthScoreJson.Serialize(t.d);
                int at = t.position % (json.Length + 1);
                string mutated = t.mode switch
                {
                    0 => json[..at],
                    1 => json[..at] + t.replacement + json[Math.Min(json.Length, at + t.length)..],
                    _ => json.Remove(at, Math.Min(t.length, json.Length - at)),
                };
                HealthScoreJsonResult<HealthScoreDefinition> result = HealthScoreJson.Parse(mutated);
                long lines = mutated.Split('\n').Length;
                return (result.IsSuccess
                        || (result.Error.LineNumber >= 1 && result.Error.LineNumber <= lines
                            && result.Error.BytePositionInLine >= 0
                            && result.Error.Path.StartsWith('$')
                            && result.Error.Message.Length > 0))
                    .Classify(result.IsSuccess, "still parses");
            });

    [Property(MaxTest = 200)]
    public Property Parse_RandomBytes_NeverThrows() =>
        Prop.ForAll(
            Arb.From(Gen.ArrayOf(Gen.Elements<byte>(0x7B, 0x7D, 0x5B, 0x5D, 0x22, 0x3A, 0x2C, 0x0A, 0x20, 0x61, 0x31, 0xC3, 0xFF, 0x80, 0x5C, 0x2F, 0x2A))),
            bytes =>
            {
                HealthScoreJsonResult<HealthScoreDefinition> result = HealthScoreJson.Parse(bytes);
                return result.IsSuccess || result.Error.LineNumber >= 1;
            });

    [Property(MaxTest = 100)]
    public Property Parse_OfSerialize_Utf8_IsIdentityForValidDefinitions() =>
        Prop.ForAll(Arb.From(DefinitionGenerators.ValidDefinition), d =>
            HealthScoreJson.Parse(Encoding.UTF8.GetBytes(HealthScoreJson.Serialize(d))).Value == d);
}
