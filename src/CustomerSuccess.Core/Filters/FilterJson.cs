using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using CustomerSuccess.Core.Crm;
using NodaTime.Text;

namespace CustomerSuccess.Core.Filters;

/// <summary>
/// The JSON form of a <see cref="ViewFilter"/> (what <see cref="ViewFilter.ToJson"/> writes and
/// <see cref="ViewFilter.FromJson"/> reads): a group is <c>{"kind":"group","operator":"and","children":[…]}</c>, a
/// condition <c>{"kind":"property","property":"tier","operator":"isAnyOf","values":[{"type":"text","value":"gold"}]}</c>,
/// a value <c>{"type":"text"|"number"|"date"|"boolean"|"user","value":…}</c> (dates as ISO <c>yyyy-MM-dd</c>, users as
/// their positive number).
/// </summary>
/// <remarks>
/// <para>Reading is strict and never half-applied: member order is free; member names and the <c>kind</c>,
/// <c>type</c> and <c>operator</c> values are case-sensitive; an unknown or repeated member, a missing required member,
/// a value of the wrong JSON type, a non-finite or out-of-range number and a malformed date are refused. A filter that
/// reads is also structurally valid: the compiler's checks that do not need a target (number of values per operator,
/// the kinds of the values, relative-day ranges, dates between the years <see cref="FilterCompiler.MinYear"/> and
/// <see cref="FilterCompiler.MaxYear"/>, depth and size limits, one type per property) are run on it. Every refusal is a
/// <see cref="JsonException"/> whose <see cref="JsonException.Path"/> names the offending member (e.g.
/// <c>$.children[1].values[0].value</c>) and whose message says what was expected, listing the allowed values.</para>
/// <threadsafety>Stateless; thread-safe.</threadsafety>
/// </remarks>
internal static class FilterJson
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 };

    private static readonly ImmutableDictionary<string, FilterOperator> Operators =
        Enum.GetValues<FilterOperator>().ToImmutableDictionary(Name, o => o, StringComparer.Ordinal);

    public static string Write(ViewFilter filter)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, filter);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static ViewFilter Read(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException e)
        {
            throw new JsonException($"The filter is not valid JSON: {e.Message}", e.Path ?? "$", e.LineNumber, e.BytePositionInLine, e);
        }

        using (document)
        {
            var filter = ReadNode(document.RootElement, "$", 1);
            CheckStructure(filter);
            return filter;
        }
    }

    private static string Name(FilterOperator op)
    {
        var text = op.ToString();
        return char.ToLowerInvariant(text[0]) + text[1..];
    }

    private static void Write(Utf8JsonWriter writer, ViewFilter filter)
    {
        writer.WriteStartObject();
        switch (filter)
        {
            case FilterGroup group:
                writer.WriteString("kind", "group");
                writer.WriteString("operator", group.Operator == LogicalOperator.And ? "and" : group.Operator == LogicalOperator.Or ? "or" : throw new ArgumentException($"The group operator {group.Operator} is not defined.", nameof(filter)));
                writer.WriteStartArray("children");
                foreach (var child in group.Children)
                {
                    Write(writer, child);
                }

                writer.WriteEndArray();
                break;
            case PropertyFilter condition:
                writer.WriteString("kind", "property");
                writer.WriteString("property", condition.Property);
                writer.WriteString("operator", Enum.IsDefined(condition.Operator) ? Name(condition.Operator) : throw new ArgumentException($"The operator {condition.Operator} is not defined.", nameof(filter)));
                writer.WriteStartArray("values");
                foreach (var value in condition.Values)
                {
                    WriteValue(writer, value);
                }

                writer.WriteEndArray();
                break;
            default:
                throw new ArgumentException("A filter node is null or of an unknown kind.", nameof(filter));
        }

        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, FilterValue value)
    {
        writer.WriteStartObject();
        switch (value)
        {
            case TextFilterValue t:
                writer.WriteString("type", "text");
                writer.WriteString("value", t.Value);
                break;
            case NumberFilterValue n:
                writer.WriteString("type", "number");
                writer.WriteNumber("value", n.Value);
                break;
            case DateFilterValue d:
                writer.WriteString("type", "date");
                writer.WriteString("value", LocalDatePattern.Iso.Format(d.Value));
                break;
            case BooleanFilterValue b:
                writer.WriteString("type", "boolean");
                writer.WriteBoolean("value", b.Value);
                break;
            case UserFilterValue u:
                writer.WriteString("type", "user");
                writer.WriteNumber("value", u.Value.Value);
                break;
            default:
                throw new ArgumentException("A filter value is null or of an unknown type.", nameof(value));
        }

        writer.WriteEndObject();
    }

    private static ViewFilter ReadNode(JsonElement element, string path, int depth)
    {
        if (depth > FilterCompiler.MaxDepth)
        {
            throw Error(path, $"groups are nested deeper than {FilterCompiler.MaxDepth} levels.");
        }

        var members = Members(element, path, "a filter node", ["kind", "operator", "children", "property", "values"]);
        var kind = RequiredString(members, "kind", path, "\"group\" or \"property\"");
        switch (kind)
        {
            case "group":
                Only(members, path, "a group", ["kind", "operator", "children"]);
                var op = RequiredString(members, "operator", path, "\"and\" or \"or\"") switch
                {
                    "and" => LogicalOperator.And,
                    "or" => LogicalOperator.Or,
                    var other => throw Error(path + ".operator", $"'{other}' is not a group operator; expected \"and\" or \"or\"."),
                };
                var children = RequiredArray(members, "children", path);
                var nodes = ImmutableArray.CreateBuilder<ViewFilter>();
                var index = 0;
                foreach (var child in children.EnumerateArray())
                {
                    nodes.Add(ReadNode(child, $"{path}.children[{index++}]", depth + 1));
                }

                return new FilterGroup(op, nodes.ToImmutable());
            case "property":
                Only(members, path, "a condition", ["kind", "property", "operator", "values"]);
                var property = RequiredString(members, "property", path, "the property's name");
                if (string.IsNullOrWhiteSpace(property))
                {
                    throw Error(path + ".property", "a condition needs the name of a property.");
                }

                var operatorName = RequiredString(members, "operator", path, "an operator");
                if (!Operators.TryGetValue(operatorName, out var filterOperator))
                {
                    throw Error(path + ".operator", $"'{operatorName}' is not an operator; expected one of {string.Join(", ", Operators.Keys.Order(StringComparer.Ordinal))}.");
                }

                var values = ImmutableArray.CreateBuilder<FilterValue>();
                if (members.TryGetValue("values", out var valuesElement))
                {
                    if (valuesElement.ValueKind != JsonValueKind.Array)
                    {
                        throw Error(path + ".values", $"expected an array of values, not {Describe(valuesElement)}.");
                    }

                    var i = 0;
                    foreach (var value in valuesElement.EnumerateArray())
                    {
                        values.Add(ReadValue(value, $"{path}.values[{i++}]"));
                    }
                }

                return new PropertyFilter(property, filterOperator, values.ToImmutable());
            default:
                throw Error(path + ".kind", $"'{kind}' is not a kind of filter node; expected \"group\" or \"property\".");
        }
    }

    private static FilterValue ReadValue(JsonElement element, string path)
    {
        var members = Members(element, path, "a value", ["type", "value"]);
        var type = RequiredString(members, "type", path, "\"text\", \"number\", \"date\", \"boolean\" or \"user\"");
        if (!members.TryGetValue("value", out var value))
        {
            throw Error(path, "the member \"value\" is missing.");
        }

        var valuePath = path + ".value";
        switch (type)
        {
            case "text":
                return value.ValueKind == JsonValueKind.String ? new TextFilterValue(value.GetString()!) : throw Error(valuePath, $"a text value must be a JSON string, not {Describe(value)}.");
            case "number":
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var number))
                {
                    throw Error(valuePath, $"a number value must be a finite JSON number within ±7.9e28, not {Describe(value)}.");
                }

                return new NumberFilterValue(number);
            case "date":
                var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : throw Error(valuePath, $"a date must be a string like \"2025-03-30\", not {Describe(value)}.");
                var parsed = LocalDatePattern.Iso.Parse(text);
                return parsed.Success ? new DateFilterValue(parsed.Value) : throw Error(valuePath, $"'{text}' is not an ISO date like \"2025-03-30\".");
            case "boolean":
                return value.ValueKind is JsonValueKind.True or JsonValueKind.False
                    ? new BooleanFilterValue(value.GetBoolean())
                    : throw Error(valuePath, $"a boolean value must be true or false, not {Describe(value)}.");
            case "user":
                return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var user) && UserId.TryCreate(user, out var id)
                    ? new UserFilterValue(id)
                    : throw Error(valuePath, $"a user must be a positive whole number, not {Describe(value)}.");
            default:
                throw Error(path + ".type", $"'{type}' is not a type of value; expected \"text\", \"number\", \"date\", \"boolean\" or \"user\".");
        }
    }

    /// <summary>Runs the compiler's checks that need no target, against a target that gives each property the one type
    /// its conditions imply; a property used as two types can fit no target and is refused.</summary>
    private static void CheckStructure(ViewFilter filter)
    {
        var types = new Dictionary<string, CrmPropertyType?>(StringComparer.Ordinal);
        var count = 0;
        void Collect(ViewFilter node, string path)
        {
            switch (node)
            {
                case FilterGroup group:
                    for (var i = 0; i < group.Children.Length; i++)
                    {
                        Collect(group.Children[i], $"{path}.children[{i}]");
                    }

                    break;
                case PropertyFilter condition:
                    if (++count > FilterCompiler.MaxConditions)
                    {
                        throw Error(path, $"a filter holds at most {FilterCompiler.MaxConditions} conditions.");
                    }

                    var implied = Implied(condition);
                    types.TryGetValue(condition.Property, out var seen);
                    if (seen is { } a && implied is { } b && a != b)
                    {
                        throw Error(path, $"the property '{condition.Property}' is used both as a {a} and as a {b} property; a property has one type.");
                    }

                    types[condition.Property] = seen ?? implied;
                    break;
            }
        }

        Collect(filter, "$");
        var target = FilterTarget.Create((StructureItem i) => i.Id)
            .PropertyBag(i => i.Properties, types.Select(p => new CrmProperty(p.Key, p.Value ?? CrmPropertyType.Text)))
            .Build();
        if (FilterCompiler.Validate(filter, target) is { IsFailure: true } invalid)
        {
            throw Error("$", invalid.Error.Message);
        }
    }

    /// <summary>The property type a condition implies; "is known" and "is unknown" fit any type.</summary>
    private static CrmPropertyType? Implied(PropertyFilter condition)
    {
        var first = condition.Values.IsDefaultOrEmpty ? null : condition.Values[0];
        return condition.Operator switch
        {
            FilterOperator.IsMe => CrmPropertyType.User,
            FilterOperator.Is or FilterOperator.IsNot => first is BooleanFilterValue ? CrmPropertyType.Boolean : CrmPropertyType.Text,
            FilterOperator.IsAnyOf => first is UserFilterValue ? CrmPropertyType.User : CrmPropertyType.Text,
            FilterOperator.Equal or FilterOperator.NotEqual or FilterOperator.LessThan or FilterOperator.LessThanOrEqual
                or FilterOperator.GreaterThan or FilterOperator.GreaterThanOrEqual => CrmPropertyType.Number,
            FilterOperator.Between => first is NumberFilterValue ? CrmPropertyType.Number : CrmPropertyType.DateTime,
            FilterOperator.Before or FilterOperator.After or FilterOperator.InLastDays or FilterOperator.InNextDays => CrmPropertyType.DateTime,
            FilterOperator.Contains => CrmPropertyType.Text,
            _ => null,
        };
    }

    private static Dictionary<string, JsonElement> Members(JsonElement element, string path, string what, IReadOnlyCollection<string> allowed)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Error(path, $"{what} must be a JSON object, not {Describe(element)}.");
        }

        var members = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var member in element.EnumerateObject())
        {
            if (!allowed.Contains(member.Name))
            {
                throw Error($"{path}.{member.Name}", $"'{member.Name}' is not a member of {what}; expected {string.Join(", ", allowed.Select(a => $"\"{a}\""))}.");
            }

            if (!members.TryAdd(member.Name, member.Value))
            {
                throw Error($"{path}.{member.Name}", $"the member \"{member.Name}\" appears twice.");
            }
        }

        return members;
    }

    private static void Only(Dictionary<string, JsonElement> members, string path, string what, string[] allowed)
    {
        var extra = members.Keys.FirstOrDefault(k => !allowed.Contains(k));
        if (extra is not null)
        {
            throw Error($"{path}.{extra}", $"'{extra}' is not a member of {what}; expected {string.Join(", ", allowed.Select(a => $"\"{a}\""))}.");
        }
    }

    private static string RequiredString(Dictionary<string, JsonElement> members, string name, string path, string expected)
    {
        if (!members.TryGetValue(name, out var value))
        {
            throw Error(path, $"the member \"{name}\" is missing; expected {expected}.");
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString()! : throw Error($"{path}.{name}", $"expected {expected} as a string, not {Describe(value)}.");
    }

    private static JsonElement RequiredArray(Dictionary<string, JsonElement> members, string name, string path)
    {
        if (!members.TryGetValue(name, out var value))
        {
            throw Error(path, $"the member \"{name}\" is missing; expected an array.");
        }

        return value.ValueKind == JsonValueKind.Array ? value : throw Error($"{path}.{name}", $"expected an array, not {Describe(value)}.");
    }

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "the number " + element.GetRawText(),
        JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private static JsonException Error(string path, string reason) =>
        new(string.Format(CultureInfo.InvariantCulture, "The filter is not valid at {0}: {1}", path, reason), path, null, null);

    private sealed class StructureItem
    {
        public long Id { get; init; }

        public IReadOnlyList<CrmPropertyValue> Properties { get; init; } = [];
    }
}

/// <summary>Lets <see cref="System.Text.Json.JsonSerializer"/> read and write a <see cref="ViewFilter"/> anywhere (for
/// example inside a stored view) in the strict form of <see cref="FilterJson"/>.</summary>
internal sealed class ViewFilterJsonConverter : System.Text.Json.Serialization.JsonConverter<ViewFilter>
{
    public override ViewFilter Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return FilterJson.Read(document.RootElement.GetRawText());
    }

    public override void Write(Utf8JsonWriter writer, ViewFilter value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteRawValue(FilterJson.Write(value), skipInputValidation: true);
    }
}
