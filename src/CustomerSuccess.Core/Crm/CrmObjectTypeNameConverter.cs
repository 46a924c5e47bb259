using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerSuccess.Core.Crm;

/// <summary>Writes a <see cref="CrmObjectType"/> as its name (<c>"companies"</c>, <c>"p_subscriptions"</c>) and reads
/// it back with <see cref="CrmObjectType.FromName"/>.</summary>
internal sealed class CrmObjectTypeNameConverter : JsonConverter<CrmObjectType>
{
    public override CrmObjectType Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var name = reader.GetString();
        return string.IsNullOrWhiteSpace(name) ? throw new JsonException("An object type must be a non-blank name.") : CrmObjectType.FromName(name);
    }

    public override void Write(Utf8JsonWriter writer, CrmObjectType value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value.IsDefault)
        {
            throw new JsonException("A default object type cannot be written.");
        }

        writer.WriteStringValue(value.Name);
    }
}
