using System;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using CustomerSuccess.Core.Alerts;
using CustomerSuccess.Core.Alerts.Events;
using CustomerSuccess.Core.Crm;
using CustomerSuccess.Core.HealthScores;
using CustomerSuccess.Core.HealthScores.Serialization;
using CustomerSuccess.Core.Scores;
using CustomerSuccess.Core.Scores.Events;
using CustomerSuccess.Core.Tasks;
using CustomerSuccess.Core.Tasks.Events;
using CustomerSuccess.Core.Views;
using CustomerSuccess.Core.Views.Events;
using CustomerSuccess.Core.Workspaces;
using CustomerSuccess.Core.Workspaces.Events;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace CustomerSuccess.Core.Persistence;

/// <summary>The serializer settings of every persisted document and event: camelCase members, enums as camelCase
/// strings, NodaTime values in their ISO forms, unknown members refused, required and non-nullable members enforced.</summary>
internal static class PersistenceJson
{
    /// <summary>Gets the options every document and event is written and read with.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Returns the metadata of a persisted type.</summary>
    /// <typeparam name="T">The type.</typeparam>
    /// <returns>Its metadata under <see cref="Options"/>.</returns>
    public static JsonTypeInfo<T> Info<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            TypeInfoResolver = JsonTypeInfoResolver.WithAddedModifier(PersistenceJsonContext.Default, OnlyStoredMembers),
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DictionaryKeyPolicy = null,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            AllowDuplicateProperties = false,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            MaxDepth = 256,
        };
        options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new TypedIdJsonConverterFactory());
        options.Converters.Add(new CrmObjectTypeJsonConverter());
        options.Converters.Add(new ViewCatalogKeyJsonConverter());
        options.Converters.Add(new TaskKeyJsonConverter());
        options.Converters.Add(new InitiatorJsonConverter());
        options.Converters.Add(new HealthScoreDefinitionJsonConverter());
        options.MakeReadOnly();
        return options;
    }

    /// <summary>A document holds what a state is made of: the members its constructor takes or that can be set.
    /// Computed members (a directory's team assignments, an entry's active version) are derived again on read.</summary>
    private static void OnlyStoredMembers(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        for (var i = info.Properties.Count - 1; i >= 0; i--)
        {
            var property = info.Properties[i];
            if (property.Set is null && property.AssociatedParameter is null)
            {
                info.Properties.RemoveAt(i);
            }
        }
    }
}

/// <summary>Source-generated metadata for every persisted state and event.</summary>
[JsonSerializable(typeof(WorkspaceDirectoryState))]
[JsonSerializable(typeof(ViewCatalogKeyParts))]
[JsonSerializable(typeof(TaskKeyParts))]
[JsonSerializable(typeof(TaskState))]
[JsonSerializable(typeof(TaskCreated))]
[JsonSerializable(typeof(TaskEdited))]
[JsonSerializable(typeof(TaskAssigned))]
[JsonSerializable(typeof(TaskCompleted))]
[JsonSerializable(typeof(TaskReopened))]
[JsonSerializable(typeof(TaskDeleted))]
[JsonSerializable(typeof(WorkspaceConfigurationState))]
[JsonSerializable(typeof(ViewCatalogState))]
[JsonSerializable(typeof(HealthScoreCatalogState))]
[JsonSerializable(typeof(WorkspaceCreated))]
[JsonSerializable(typeof(WorkspaceRenamed))]
[JsonSerializable(typeof(WorkspaceDescriptionChanged))]
[JsonSerializable(typeof(WorkspaceDeleted))]
[JsonSerializable(typeof(TeamAddedToWorkspace))]
[JsonSerializable(typeof(TeamRemovedFromWorkspace))]
[JsonSerializable(typeof(CsObjectsChanged))]
[JsonSerializable(typeof(WorkspaceSettingsChanged))]
[JsonSerializable(typeof(ViewCreated))]
[JsonSerializable(typeof(ViewEdited))]
[JsonSerializable(typeof(ViewDeleted))]
[JsonSerializable(typeof(DefaultViewSet))]
[JsonSerializable(typeof(DefaultViewUnset))]
[JsonSerializable(typeof(DefaultViewsReordered))]
[JsonSerializable(typeof(HealthScoreCreated))]
[JsonSerializable(typeof(HealthScoreDefinitionChanged))]
[JsonSerializable(typeof(HealthScoreActivated))]
[JsonSerializable(typeof(HealthScoreDeactivated))]
[JsonSerializable(typeof(HealthScoreDeleted))]
[JsonSerializable(typeof(HealthScoreGroupCloned))]
[JsonSerializable(typeof(HealthScoreGroupDeleted))]
[JsonSerializable(typeof(HealthScoreGroupRenamed))]
[JsonSerializable(typeof(AlertBookState))]
[JsonSerializable(typeof(ScoreOverrideBookState))]
[JsonSerializable(typeof(ScoreOverrideSet))]
[JsonSerializable(typeof(ScoreOverrideRemoved))]
[JsonSerializable(typeof(AlertRaised))]
[JsonSerializable(typeof(AlertDismissed))]
[JsonSerializable(typeof(AlertExpired))]
[JsonSerializable(typeof(AlertSuperseded))]
internal sealed partial class PersistenceJsonContext : JsonSerializerContext;

/// <summary>A CRM object as its name (<c>companies</c>, or a custom object's name), also as a dictionary key.</summary>
internal sealed class CrmObjectTypeJsonConverter : JsonConverter<CrmObjectType>
{
    public override CrmObjectType Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Parse(reader.TokenType == JsonTokenType.String ? reader.GetString() : null);

    public override void Write(Utf8JsonWriter writer, CrmObjectType value, JsonSerializerOptions options) =>
        writer.WriteStringValue(NameOf(value));

    public override CrmObjectType ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Parse(reader.GetString());

    public override void WriteAsPropertyName(Utf8JsonWriter writer, CrmObjectType value, JsonSerializerOptions options) =>
        writer.WritePropertyName(NameOf(value));

    private static CrmObjectType Parse(string? name) =>
        string.IsNullOrWhiteSpace(name) ? throw new JsonException("A CRM object must be its non-blank name.") : CrmObjectType.FromName(name);

    private static string NameOf(CrmObjectType value) =>
        value.Name ?? throw new JsonException("A default CRM object cannot be stored.");
}

/// <summary>A view catalogue's key as <c>{"portalId": 1, "workspaceId": 2, "tab": "customers"}</c>.</summary>
internal sealed class ViewCatalogKeyJsonConverter : JsonConverter<ViewCatalogKey>
{
    public override ViewCatalogKey Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var parts = JsonSerializer.Deserialize(ref reader, (JsonTypeInfo<ViewCatalogKeyParts>)options.GetTypeInfo(typeof(ViewCatalogKeyParts)))
            ?? throw new JsonException("A view catalogue key must be an object.");
        if (parts.PortalId.IsDefault || parts.WorkspaceId.IsDefault || !Enum.IsDefined(parts.Tab))
        {
            throw new JsonException("A view catalogue key needs a portal, a workspace and a known tab.");
        }

        return ViewCatalogKey.Create(parts.PortalId, parts.WorkspaceId, parts.Tab);
    }

    public override void Write(Utf8JsonWriter writer, ViewCatalogKey value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, new ViewCatalogKeyParts(value.PortalId, value.WorkspaceId, value.Tab), (JsonTypeInfo<ViewCatalogKeyParts>)options.GetTypeInfo(typeof(ViewCatalogKeyParts)));
}

/// <summary>A task's key as <c>{"portalId": 1, "taskId": 2}</c>.</summary>
internal sealed class TaskKeyJsonConverter : JsonConverter<TaskKey>
{
    public override TaskKey Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var parts = JsonSerializer.Deserialize(ref reader, (JsonTypeInfo<TaskKeyParts>)options.GetTypeInfo(typeof(TaskKeyParts)))
            ?? throw new JsonException("A task key must be an object.");
        return parts.PortalId.IsDefault || parts.TaskId.IsDefault
            ? throw new JsonException("A task key needs a portal and a task id.")
            : TaskKey.Create(parts.PortalId, parts.TaskId);
    }

    public override void Write(Utf8JsonWriter writer, TaskKey value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, new TaskKeyParts(value.PortalId, value.TaskId), (JsonTypeInfo<TaskKeyParts>)options.GetTypeInfo(typeof(TaskKeyParts)));
}

/// <summary>The parts of a <see cref="TaskKey"/>.</summary>
internal sealed record TaskKeyParts(PortalId PortalId, TaskId TaskId);

/// <summary>The parts of a <see cref="ViewCatalogKey"/>.</summary>
internal sealed record ViewCatalogKeyParts(PortalId PortalId, WorkspaceId WorkspaceId, ViewTab Tab);

/// <summary>An initiator as <c>{"kind": "system"}</c> or <c>{"kind": "user", "userId": 7}</c>.</summary>
internal sealed class InitiatorJsonConverter : JsonConverter<Initiator>
{
    public override Initiator Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("kind", out var kind) || kind.ValueKind != JsonValueKind.String)
        {
            throw new JsonException("An initiator must be an object with a kind, 'system' or 'user'.");
        }

        return kind.GetString() switch
        {
            "system" when root.EnumerateObject().Count() == 1 => Initiator.System,
            "user" when root.TryGetProperty("userId", out var id) && id.TryGetInt64(out var user) && user > 0 && root.EnumerateObject().Count() == 2
                => Initiator.User(UserId.From(user)),
            _ => throw new JsonException("An initiator is {\"kind\": \"system\"} or {\"kind\": \"user\", \"userId\": a positive whole number}."),
        };
    }

    public override void Write(Utf8JsonWriter writer, Initiator value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        if (value.UserId is { } user)
        {
            writer.WriteString("kind", "user");
            writer.WriteNumber("userId", user.Value);
        }
        else
        {
            writer.WriteString("kind", "system");
        }

        writer.WriteEndObject();
    }
}

/// <summary>A health-score definition in the definition JSON of <see cref="HealthScoreJson"/>, with its friendly
/// errors.</summary>
internal sealed class HealthScoreDefinitionJsonConverter : JsonConverter<HealthScoreDefinition>
{
    public override HealthScoreDefinition Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var parsed = HealthScoreJson.Parse(document.RootElement.GetRawText());
        return parsed.IsSuccess ? parsed.Value! : throw new JsonException("The health score definition is invalid: " + parsed.Error);
    }

    public override void Write(Utf8JsonWriter writer, HealthScoreDefinition value, JsonSerializerOptions options)
    {
        using var document = JsonDocument.Parse(HealthScoreJson.Serialize(value));
        document.RootElement.WriteTo(writer);
    }
}

/// <summary>The typed ids (<c>[TypedId]</c>) as their numbers, also as dictionary keys: the converters the id generator
/// writes into each id. System.Text.Json's source generator cannot see another generator's attributes, so the
/// converters are registered here.</summary>
internal sealed class TypedIdJsonConverterFactory : JsonConverterFactory
{
    private const string ConverterName = "SystemTextJsonConverter";

    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsValueType && typeToConvert.GetNestedType(ConverterName) is { } nested && typeof(JsonConverter).IsAssignableFrom(nested);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeToConvert.GetNestedType(ConverterName)!)!;
}
