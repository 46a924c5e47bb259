using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace CustomerSuccess.Core.HealthScores.Serialization;

/// <summary>Reads and writes health-score definitions as JSON, schema <see cref="SchemaV1"/> (docs/health-score-json.md).</summary>
/// <remarks>
/// <para>The document is a camelCase object <c>{ "schema", "name", "objectType", "segments", "thresholds", "groups" }</c>;
/// enums are camelCase strings; criteria carry <c>"kind": "property" | "event"</c> and conditions
/// <c>"kind": "number" | "text" | "date" | "boolean"</c>. Dates are ISO <c>yyyy-MM-dd</c> via
/// NodaTime.Serialization.SystemTextJson; NaN and infinities travel as the strings <c>"NaN"</c>, <c>"Infinity"</c>,
/// <c>"-Infinity"</c> so that drafts round-trip (validation rejects them). Comments are skipped; unknown and repeated members are errors.</para>
/// <para>Reading never throws for malformed input: <see cref="Parse(string)"/> returns a <see cref="HealthScoreJsonResult{T}"/>
/// whose error names the JSON path, the 1-based line and the byte position. Parsing checks the document's shape only;
/// a parsed definition may be an invalid draft, so validate it before activation.</para>
/// <para>Stateless and thread-safe.</para>
/// </remarks>
public static partial class HealthScoreJson
{
    /// <summary>The schema identifier written to and required in the <c>"schema"</c> member of a definition document.</summary>
    public const string SchemaV1 = "customersuccess.health-score/v1";

    /// <summary>The schema identifier of a score-version document (<see cref="SerializeVersion"/>).</summary>
    public const string VersionSchemaV1 = "customersuccess.health-score-version/v1";

    private static readonly JsonSerializerOptions Options = CreateOptions();

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 };

    /// <summary>Writes <paramref name="definition"/> as an indented JSON document of schema <see cref="SchemaV1"/>.</summary>
    /// <param name="definition">The definition (drafts included).</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The definition holds an enum value that is not defined (it has no JSON name).</exception>
    public static string Serialize(HealthScoreDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return JsonSerializer.Serialize(ToDto(definition), Options);
    }

    /// <summary>Reads a definition document.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The definition, or an error with path, line and byte position; never throws for malformed input.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    public static HealthScoreJsonResult<HealthScoreDefinition> Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Reads a definition document from a stream of UTF-8 bytes (read to its end; not disposed).</summary>
    /// <param name="utf8Json">The stream.</param>
    /// <returns>The definition, or an error with path, line and byte position; never throws for malformed input.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    /// <exception cref="IOException">Reading the stream failed.</exception>
    public static HealthScoreJsonResult<HealthScoreDefinition> Parse(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        using var buffer = new MemoryStream();
        utf8Json.CopyTo(buffer);
        return Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    /// <summary>Reads a definition document from UTF-8 bytes.</summary>
    /// <param name="utf8Json">The UTF-8 encoded JSON; a leading byte-order mark is skipped.</param>
    /// <returns>The definition, or an error with path, line and byte position; never throws for malformed input.</returns>
    public static HealthScoreJsonResult<HealthScoreDefinition> Parse(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.StartsWith(Utf8Bom))
        {
            utf8Json = utf8Json[Utf8Bom.Length..];
        }

        Failure? failure = CheckSchema(utf8Json, SchemaV1);
        if (failure is null)
        {
            (DefinitionDto? dto, failure) = Deserialize<DefinitionDto>(utf8Json);
            if (dto is not null)
            {
                var mapper = new Mapper();
                HealthScoreDefinition? definition = mapper.Definition(dto, "$");
                if (definition is not null)
                {
                    return HealthScoreJsonResult<HealthScoreDefinition>.Ok(definition);
                }

                failure = mapper.Failure;
            }
        }

        return HealthScoreJsonResult<HealthScoreDefinition>.Fail(ToError(utf8Json, failure!));
    }

    /// <summary>Writes a score version (rule 83) as an indented JSON document of schema <see cref="VersionSchemaV1"/>.</summary>
    /// <param name="version">The version.</param>
    /// <returns>The JSON text: <c>{ "schema", "scoreId", "number", "activatedAt", "definition" }</c>, where
    /// <c>definition</c> is a complete definition document and <c>activatedAt</c> an ISO-8601 UTC instant.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="version"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The definition holds an enum value that is not defined.</exception>
    public static string SerializeVersion(ScoreVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var dto = new VersionDto
        {
            Schema = VersionSchemaV1,
            ScoreId = version.ScoreId.Value,
            Number = version.Number,
            ActivatedAt = version.ActivatedAt,
            Definition = ToDto(version.Definition),
        };
        return JsonSerializer.Serialize(dto, Options);
    }

    /// <summary>Reads a score-version document written by <see cref="SerializeVersion"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The version, or an error with path, line and byte position; never throws for malformed input.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    public static HealthScoreJsonResult<ScoreVersion> ParseVersion(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        byte[] utf8 = Encoding.UTF8.GetBytes(json);
        Failure? failure = CheckSchema(utf8, VersionSchemaV1);
        if (failure is null)
        {
            (VersionDto? dto, failure) = Deserialize<VersionDto>(utf8);
            if (dto is not null)
            {
                var mapper = new Mapper();
                if (mapper.Version(dto) is { } version)
                {
                    return HealthScoreJsonResult<ScoreVersion>.Ok(version);
                }

                failure = mapper.Failure;
            }
        }

        return HealthScoreJsonResult<ScoreVersion>.Fail(ToError(utf8, failure!));
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = true,
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = false,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            AllowOutOfOrderMetadataProperties = true,
            MaxDepth = 64,
            AllowDuplicateProperties = false,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private static (T? Value, Failure? Failure) Deserialize<T>(ReadOnlySpan<byte> utf8)
        where T : class
    {
        try
        {
            T? value = JsonSerializer.Deserialize<T>(utf8, Options);
            return value is null ? (null, new Failure("$", "The document is null; expected a JSON object.")) : (value, null);
        }
        catch (JsonException ex)
        {
            // A missing required member is reported where its object ends; point at where the object starts instead.
            bool missingMember = ex.Message.Contains("missing required properties", StringComparison.Ordinal);
            Position? position = ex.LineNumber is { } line && !missingMember ? new Position(line + 1, ex.BytePositionInLine ?? 0) : null;
            string path = ex.Path ?? "$";
            return (null, new Failure(path, JsonMessages.Describe(ex, path, Options), position));
        }
        catch (NotSupportedException ex)
        {
            // Raised for a polymorphic object without its "kind" discriminator; the message carries the position.
            Match match = PositionInMessage().Match(ex.Message);
            string path = match.Success ? match.Groups["path"].Value : "$";
            Position? position = match.Success
                ? new Position(long.Parse(match.Groups["line"].Value, CultureInfo.InvariantCulture) + 1, long.Parse(match.Groups["byte"].Value, CultureInfo.InvariantCulture))
                : null;
            string message = ex.Message.Contains("abstract", StringComparison.Ordinal)
                ? "The object needs a \"kind\" member: \"property\" or \"event\" for a criterion; \"number\", \"text\", \"date\" or \"boolean\" for a condition."
                : Friendly(ex.Message);
            return (null, new Failure(path, message, position));
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            return (null, new Failure("$", Friendly(ex.Message)));
        }
    }

    private static Failure? CheckSchema(ReadOnlySpan<byte> utf8, string expected)
    {
        var reader = new Utf8JsonReader(utf8, ReaderOptions);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool isSchema = reader.ValueTextEquals("schema"u8);
                long start = reader.TokenStartIndex;
                reader.Read();
                if (isSchema && reader.TokenType == JsonTokenType.String)
                {
                    string actual = reader.GetString()!;
                    if (string.Equals(actual, expected, StringComparison.Ordinal))
                    {
                        return null;
                    }

                    return new Failure(
                        "$.schema",
                        F($"Unsupported schema version '{actual}'; this library reads '{expected}'."),
                        PositionOf(utf8, start));
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // Malformed documents are reported, with their position, by the full deserialization.
        }
        catch (InvalidOperationException)
        {
            // Invalid UTF-8 in a string: also reported by the full deserialization.
        }

        return null;
    }

    private static HealthScoreJsonError ToError(ReadOnlySpan<byte> utf8, Failure failure)
    {
        Position position = failure.Position ?? Locate(utf8, failure.Path);
        return new HealthScoreJsonError(failure.Path, position.Line, position.Byte, failure.Message);
    }

    /// <summary>Finds the token at <paramref name="path"/> (or the closest enclosing member that exists).</summary>
    internal static Position Locate(ReadOnlySpan<byte> utf8, string path)
    {
        var reader = new Utf8JsonReader(utf8, ReaderOptions);
        var frames = new List<Frame>();
        long best = 0;
        int bestLength = -1;
        try
        {
            while (reader.Read())
            {
                string? current;
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        frames[^1] = frames[^1] with { Property = reader.GetString() };
                        current = PathOf(frames);
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        continue;
                    default:
                        if (frames.Count > 0 && frames[^1].IsArray)
                        {
                            frames[^1] = frames[^1] with { Index = frames[^1].Index + 1 };
                        }

                        current = PathOf(frames);
                        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                        {
                            frames.Add(new Frame(reader.TokenType == JsonTokenType.StartArray, -1, null));
                        }

                        break;
                }

                if (string.Equals(current, path, StringComparison.Ordinal))
                {
                    return PositionOf(utf8, reader.TokenStartIndex);
                }

                if (current.Length > bestLength
                    && path.StartsWith(current, StringComparison.Ordinal)
                    && (path.Length == current.Length || path[current.Length] is '.' or '['))
                {
                    best = reader.TokenStartIndex;
                    bestLength = current.Length;
                }
            }
        }
        catch (JsonException)
        {
            // Keep the best position found before the syntax error.
        }
        catch (InvalidOperationException)
        {
            // Invalid UTF-8 in a property name: keep the best position found so far.
        }

        return PositionOf(utf8, best);
    }

    private static string PathOf(List<Frame> frames)
    {
        var builder = new StringBuilder("$");
        foreach (Frame frame in frames)
        {
            if (frame.IsArray)
            {
                if (frame.Index >= 0)
                {
                    builder.Append('[').Append(frame.Index.ToString(CultureInfo.InvariantCulture)).Append(']');
                }
            }
            else if (frame.Property is not null)
            {
                builder.Append('.').Append(frame.Property);
            }
        }

        return builder.ToString();
    }

    private static Position PositionOf(ReadOnlySpan<byte> utf8, long offset)
    {
        int end = (int)Math.Min(offset, utf8.Length);
        ReadOnlySpan<byte> before = utf8[..end];
        long line = before.Count((byte)'\n') + 1;
        int lastNewline = before.LastIndexOf((byte)'\n');
        return new Position(line, end - (lastNewline + 1));
    }

    private static string Friendly(string message)
    {
        int at = message.IndexOf(" Path: ", StringComparison.Ordinal);
        string text = at >= 0 ? message[..at] : message;
        return text
            .Replace(typeof(DefinitionDto).FullName!, "score definition", StringComparison.Ordinal)
            .Replace(typeof(VersionDto).FullName!, "score version", StringComparison.Ordinal)
            .Replace(typeof(ThresholdsDto).FullName!, "thresholds", StringComparison.Ordinal)
            .Replace(typeof(GroupDto).FullName!, "group", StringComparison.Ordinal)
            .Replace(typeof(PropertyCriterionDto).FullName!, "property criterion", StringComparison.Ordinal)
            .Replace(typeof(EventCriterionDto).FullName!, "event criterion", StringComparison.Ordinal)
            .Replace(typeof(CriterionDto).FullName!, "criterion", StringComparison.Ordinal)
            .Replace(typeof(NumberConditionDto).FullName!, "number condition", StringComparison.Ordinal)
            .Replace(typeof(TextConditionDto).FullName!, "text condition", StringComparison.Ordinal)
            .Replace(typeof(DateConditionDto).FullName!, "date condition", StringComparison.Ordinal)
            .Replace(typeof(BooleanConditionDto).FullName!, "boolean condition", StringComparison.Ordinal)
            .Replace(typeof(ConditionDto).FullName!, "condition", StringComparison.Ordinal)
            .Replace("CustomerSuccess.Core.HealthScores.", string.Empty, StringComparison.Ordinal)
            .TrimEnd();
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"Path: (?<path>\S+) \| LineNumber: (?<line>\d+) \| BytePositionInLine: (?<byte>\d+)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex PositionInMessage();

    private static DefinitionDto ToDto(HealthScoreDefinition d) => new()
    {
        Schema = SchemaV1,
        Name = d.Name,
        ObjectType = d.ObjectType,
        Segments = [.. d.Segments],
        Thresholds = new ThresholdsDto { NeutralFrom = d.Thresholds.NeutralFrom, HealthyFrom = d.Thresholds.HealthyFrom },
        Groups = [.. MapAll(d.Groups, "groups", ToDto)],
    };

    private static GroupDto ToDto(ScoreGroup g, string path) => new()
    {
        Name = g.Name,
        Kind = Defined(g.Kind, path + ".kind"),
        MaxPoints = g.MaxPoints,
        Criteria = [.. MapAll(g.Criteria, path + ".criteria", ToDto)],
    };

    private static CriterionDto ToDto(Criterion c, string path) => c switch
    {
        PropertyCriterion p => new PropertyCriterionDto
        {
            Name = p.Name,
            Points = p.Points,
            Conditions = [.. MapAll(p.Conditions, path + ".conditions", ToDto)],
        },
        EventCriterion e => new EventCriterionDto
        {
            Name = e.Name,
            Points = e.Points,
            EventType = e.EventType,
            EventConditions = [.. MapAll(e.EventConditions, path + ".eventConditions", ToDto)],
            WindowDays = e.WindowDays,
            CountOperator = Defined(e.CountOperator, path + ".countOperator"),
            Count = e.Count,
        },
        _ => throw new ArgumentException(F($"Criterion type {c.GetType().Name} at {path} has no JSON form."), nameof(c)),
    };

    private static ConditionDto ToDto(Condition c, string path) => c switch
    {
        NumberCondition n => new NumberConditionDto
        {
            Property = n.Property,
            Operator = Defined(n.Operator, path + ".operator"),
            Value = n.Value,
            UpperValue = n.UpperValue,
        },
        TextCondition t => new TextConditionDto { Property = t.Property, Operator = Defined(t.Operator, path + ".operator"), Values = [.. t.Values] },
        DateCondition dc => new DateConditionDto { Property = dc.Property, Operator = Defined(dc.Operator, path + ".operator"), Days = dc.Days, Date = dc.Date },
        BooleanCondition b => new BooleanConditionDto { Property = b.Property, Value = b.Value },
        _ => throw new ArgumentException(F($"Condition type {c.GetType().Name} at {path} has no JSON form."), nameof(c)),
    };

    private static IEnumerable<TOut> MapAll<TIn, TOut>(ImmutableArray<TIn> items, string path, Func<TIn, string, TOut> map)
    {
        for (int i = 0; i < items.Length; i++)
        {
            yield return map(items[i], F($"{path}[{i}]"));
        }
    }

    private static T Defined<T>(T value, string path)
        where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new ArgumentException(F($"The value {value} at {path} is not a defined {typeof(T).Name} and has no JSON name."), nameof(value));
        }

        return value;
    }

    /// <summary>A 1-based line and 0-based byte position in the line.</summary>
    internal readonly record struct Position(long Line, long Byte);

    private readonly record struct Frame(bool IsArray, int Index, string? Property);

    private sealed record Failure(string Path, string Message, Position? Position = null);

    /// <summary>Maps wire objects to the model; stops at the first shape error (null list elements).</summary>
    private sealed class Mapper
    {
        public Failure? Failure { get; private set; }

        public ScoreVersion? Version(VersionDto dto)
        {
            if (!HealthScoreId.TryCreate(dto.ScoreId, out HealthScoreId id))
            {
                Failure = new Failure("$.scoreId", F($"The score id must be positive, but is {dto.ScoreId}."));
                return null;
            }

            if (dto.Number < 1)
            {
                Failure = new Failure("$.number", F($"The version number must be at least 1, but is {dto.Number}."));
                return null;
            }

            if (!string.Equals(dto.Definition.Schema, SchemaV1, StringComparison.Ordinal))
            {
                Failure = new Failure("$.definition.schema", F($"Unsupported schema version '{dto.Definition.Schema}'; this library reads '{SchemaV1}'."));
                return null;
            }

            HealthScoreDefinition? definition = Definition(dto.Definition, "$.definition");
            return definition is null ? null : new ScoreVersion(id, dto.Number, dto.ActivatedAt, definition);
        }

        public HealthScoreDefinition? Definition(DefinitionDto dto, string path)
        {
            if (!string.Equals(dto.Schema, SchemaV1, StringComparison.Ordinal))
            {
                Failure = new Failure(path + ".schema", F($"Unsupported schema version '{dto.Schema}'; this library reads '{SchemaV1}'."));
                return null;
            }

            ImmutableArray<string>? segments = Strings(dto.Segments, path + ".segments");
            ImmutableArray<ScoreGroup>? groups = All(dto.Groups, path + ".groups", Group);
            if (segments is null || groups is null)
            {
                return null;
            }

            StatusThresholds thresholds = dto.Thresholds is null
                ? StatusThresholds.Default
                : new StatusThresholds(dto.Thresholds.NeutralFrom, dto.Thresholds.HealthyFrom);
            return new HealthScoreDefinition(dto.Name, dto.ObjectType, segments.Value, groups.Value, thresholds);
        }

        private ScoreGroup? Group(GroupDto dto, string path)
        {
            ImmutableArray<Criterion>? criteria = All(dto.Criteria, path + ".criteria", Criterion);
            return criteria is null ? null : new ScoreGroup(dto.Name, dto.Kind, dto.MaxPoints, criteria.Value);
        }

        private Criterion? Criterion(CriterionDto dto, string path)
        {
            switch (dto)
            {
                case PropertyCriterionDto p:
                    ImmutableArray<Condition>? conditions = All(p.Conditions ?? [], path + ".conditions", Condition);
                    return conditions is null ? null : new PropertyCriterion(p.Name, p.Points, conditions.Value);
                case EventCriterionDto e:
                    ImmutableArray<Condition>? eventConditions = All(e.EventConditions ?? [], path + ".eventConditions", Condition);
                    return eventConditions is null
                        ? null
                        : new EventCriterion(e.Name, e.Points, e.EventType, eventConditions.Value, e.WindowDays, e.CountOperator, e.Count);
                default:
                    Failure = new Failure(path, "The criterion needs \"kind\": \"property\" or \"event\".");
                    return null;
            }
        }

        private Condition? Condition(ConditionDto dto, string path)
        {
            switch (dto)
            {
                case NumberConditionDto n:
                    return new NumberCondition(n.Property, n.Operator, n.Value, n.UpperValue);
                case TextConditionDto t:
                    ImmutableArray<string>? values = Strings(t.Values, path + ".values");
                    return values is null ? null : new TextCondition(t.Property, t.Operator, values.Value);
                case DateConditionDto dc:
                    return new DateCondition(dc.Property, dc.Operator, dc.Days, dc.Date);
                case BooleanConditionDto b:
                    return new BooleanCondition(b.Property, b.Value);
                default:
                    Failure = new Failure(path, "The condition needs \"kind\": \"number\", \"text\", \"date\" or \"boolean\".");
                    return null;
            }
        }

        private ImmutableArray<string>? Strings(List<string>? items, string path)
        {
            if (items is null)
            {
                return [];
            }

            for (int i = 0; i < items.Count; i++)
            {
                if (items[i] is null)
                {
                    Failure = new Failure(F($"{path}[{i}]"), F($"Entry {i} of '{path}' is null; expected a string."));
                    return null;
                }
            }

            return [.. items];
        }

        private ImmutableArray<TOut>? All<TIn, TOut>(List<TIn> items, string path, Func<TIn, string, TOut?> map)
            where TIn : class
            where TOut : class
        {
            ImmutableArray<TOut>.Builder builder = ImmutableArray.CreateBuilder<TOut>(items.Count);
            for (int i = 0; i < items.Count; i++)
            {
                string itemPath = F($"{path}[{i}]");
                if (items[i] is null)
                {
                    Failure = new Failure(itemPath, F($"Entry {i} of '{path}' is null; expected an object."));
                    return null;
                }

                TOut? mapped = map(items[i], itemPath);
                if (mapped is null)
                {
                    return null;
                }

                builder.Add(mapped);
            }

            return builder.MoveToImmutable();
        }
    }
}
