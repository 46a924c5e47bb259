using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using NodaTime;

namespace CustomerSuccess.Core.HealthScores.Serialization;

/// <summary>
/// Turns System.Text.Json's exceptions into messages about the definition document: the member concerned, what it must
/// hold (a whole number, one of the allowed values…) and the members an object may have; never a .NET type name.
/// </summary>
internal static partial class JsonMessages
{
    private static readonly (Type Type, string Label)[] Objects =
    [
        (typeof(DefinitionDto), "a score definition"),
        (typeof(VersionDto), "a score version"),
        (typeof(ThresholdsDto), "the thresholds"),
        (typeof(GroupDto), "a group"),
        (typeof(PropertyCriterionDto), "a property criterion"),
        (typeof(EventCriterionDto), "an event criterion"),
        (typeof(NumberConditionDto), "a number condition"),
        (typeof(TextConditionDto), "a text condition"),
        (typeof(DateConditionDto), "a date condition"),
        (typeof(BooleanConditionDto), "a boolean condition"),
        (typeof(CriterionDto), "a criterion"),
        (typeof(ConditionDto), "a condition"),
    ];

    /// <summary>The message for a <see cref="JsonException"/> raised while reading <paramref name="path"/>.</summary>
    public static string Describe(JsonException exception, string path, JsonSerializerOptions options)
    {
        string raw = exception.Message;
        (Type Type, string Label)? owner = OwnerIn(raw);

        Match unknown = UnknownMember().Match(raw);
        if (unknown.Success)
        {
            string name = unknown.Groups["name"].Value;
            string label = owner?.Label ?? "this object";
            string[] members = owner is { } o ? MemberNames(o.Type, options) : [];
            string closest = Closest(name, members) is { } c ? F($" Did you mean '{c}'?") : string.Empty;
            return members.Length == 0
                ? F($"'{name}' is not a member of {label}.")
                : F($"'{name}' is not a member of {label}; its members are {Join(members)}.{closest}");
        }

        Match missing = MissingMembers().Match(raw);
        if (missing.Success)
        {
            string[] names = [.. Quoted().Matches(missing.Groups["names"].Value).Select(m => m.Groups[1].Value)];
            string label = owner?.Label ?? "this object";
            return F($"{Capitalise(label)} needs {(names.Length == 1 ? "the member" : "the members")} {Join(names)}.");
        }

        Match discriminator = UnknownDiscriminator().Match(raw);
        if (discriminator.Success)
        {
            return F($"\"kind\" is '{discriminator.Groups["id"].Value}', but must be {KindsAt(path)}.");
        }

        Match duplicate = DuplicateMember().Match(raw);
        if (duplicate.Success)
        {
            return F($"The member '{duplicate.Groups["name"].Value}' appears more than once in {owner?.Label ?? "this object"}; each member may appear once.");
        }

        // A syntax error comes from the reader, as the inner exception; its message ("'x' is an invalid start of a
        // value.", "Expected depth to be zero…") speaks of the JSON text.
        bool syntax = exception.InnerException is JsonException;
        if (!syntax && (raw.Contains("could not be converted to", StringComparison.Ordinal) || exception.InnerException is not null))
        {
            return F($"{Subject(path)} must be {Expected(raw, exception)}.");
        }

        int at = raw.IndexOf(" Path: ", StringComparison.Ordinal);
        string text = (at >= 0 ? raw[..at] : raw).TrimEnd();
        int lineInfo = text.IndexOf(" LineNumber:", StringComparison.Ordinal);
        text = lineInfo >= 0 ? text[..lineInfo].TrimEnd() : text;
        return syntax ? F($"The text is not valid JSON: {text}") : text;
    }

    /// <summary>The allowed JSON names of an enum, camelCase.</summary>
    public static string[] AllowedValues(Type enumType) =>
        [.. Enum.GetNames(enumType).Select(n => JsonNamingPolicy.CamelCase.ConvertName(n))];

    private static string Expected(string raw, JsonException exception)
    {
        foreach (Type enumType in (Type[])[typeof(NumberOperator), typeof(TextOperator), typeof(DateOperator), typeof(CountOperator), typeof(ScoreGroupKind)])
        {
            if (raw.Contains(enumType.FullName!, StringComparison.Ordinal))
            {
                return "one of " + Join(AllowedValues(enumType));
            }
        }

        string? inner = exception.InnerException?.Message;
        return raw switch
        {
            _ when raw.Contains("System.Int32", StringComparison.Ordinal) => "a whole number from -2147483648 to 2147483647",
            _ when raw.Contains("System.Int64", StringComparison.Ordinal) => "a whole number from -9223372036854775808 to 9223372036854775807",
            _ when raw.Contains("System.Double", StringComparison.Ordinal) => "a number",
            _ when raw.Contains("System.Boolean", StringComparison.Ordinal) => "true or false",
            _ when raw.Contains("System.String", StringComparison.Ordinal) => "a string",
            _ when raw.Contains(typeof(LocalDate).FullName!, StringComparison.Ordinal) || (inner?.Contains("LocalDate", StringComparison.Ordinal) ?? false) =>
                "a date written yyyy-MM-dd that exists in the calendar, such as \"2026-03-01\"",
            _ when raw.Contains(typeof(Instant).FullName!, StringComparison.Ordinal) || (inner?.Contains("Instant", StringComparison.Ordinal) ?? false) =>
                "an ISO-8601 UTC instant such as \"2026-03-01T09:00:00Z\"",
            _ when raw.Contains("List`1", StringComparison.Ordinal) => "an array",
            _ when OwnerIn(raw) is not null => "an object",
            _ => "a value of the right type",
        };
    }

    private static string Subject(string path)
    {
        Match index = TrailingIndex().Match(path);
        if (index.Success)
        {
            return F($"Entry {index.Groups["index"].Value} of '{index.Groups["member"].Value}'");
        }

        int dot = path.LastIndexOf('.');
        return dot >= 0 && dot < path.Length - 1 ? F($"'{path[(dot + 1)..]}'") : "The document";
    }

    private static string KindsAt(string path)
    {
        int condition = Math.Max(path.LastIndexOf("conditions[", StringComparison.OrdinalIgnoreCase), path.LastIndexOf("Conditions[", StringComparison.Ordinal));
        int criterion = path.LastIndexOf("criteria[", StringComparison.Ordinal);
        return condition > criterion ? "one of \"number\", \"text\", \"date\", \"boolean\"" : "one of \"property\", \"event\"";
    }

    private static (Type Type, string Label)? OwnerIn(string raw)
    {
        foreach ((Type type, string label) in Objects)
        {
            if (raw.Contains("'" + type.FullName + "'", StringComparison.Ordinal) || raw.Contains(type.FullName + ".", StringComparison.Ordinal) || raw.Contains(type.FullName + " ", StringComparison.Ordinal))
            {
                return (type, label);
            }
        }

        return null;
    }

    private static string[] MemberNames(Type type, JsonSerializerOptions options)
    {
        JsonTypeInfo info = options.GetTypeInfo(type);
        IEnumerable<string> names = info.Properties.Select(p => p.Name);
        if (type.BaseType is { } baseType && baseType != typeof(object) && options.GetTypeInfo(baseType).PolymorphismOptions is { } polymorphism)
        {
            names = names.Prepend(polymorphism.TypeDiscriminatorPropertyName);
        }

        return [.. names];
    }

    private static string? Closest(string name, string[] candidates)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string candidate in candidates)
        {
            int distance = Distance(name.ToUpperInvariant(), candidate.ToUpperInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return bestDistance <= Math.Max(2, name.Length / 3) ? best : null;
    }

    /// <summary>Levenshtein distance (insertions, deletions, substitutions).</summary>
    internal static int Distance(string a, string b)
    {
        int[] previous = new int[b.Length + 1];
        int[] current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    private static string Join(IEnumerable<string> names) => string.Join(", ", names.Select(n => "'" + n + "'"));

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"The JSON property '(?<name>[^']*)' could not be mapped", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex UnknownMember();

    [GeneratedRegex(@"missing required properties including: (?<names>.*?)\.?( Path:|$)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex MissingMembers();

    [GeneratedRegex(@"unrecognized type discriminator id '(?<id>[^']*)'", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex UnknownDiscriminator();

    [GeneratedRegex(@"[Dd]uplicate (?:property|member) '(?<name>[^']*)'", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex DuplicateMember();

    [GeneratedRegex(@"'([^']*)'", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\.(?<member>[A-Za-z]+)\[(?<index>\d+)\]$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex TrailingIndex();
}
