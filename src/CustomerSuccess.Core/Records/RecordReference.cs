using System;
using System.Globalization;
using System.Text.Json.Serialization;
using CustomerSuccess.Core.Crm;

namespace CustomerSuccess.Core.Records;

/// <summary>Points at one CRM record: its object and its id, such as a company a task is associated with or a contact
/// a meeting was held with.</summary>
/// <remarks>
/// <para><see cref="Key"/> is the record as one text, <c>companies/42</c>: what a filter on associated records compares
/// (it is derived from the two other members and stored with them, so a SQL store can compare it in an <c>EXISTS</c>).
/// In JSON a reference is <c>{"objectType":"companies","recordId":42}</c>.</para>
/// <threadsafety>Immutable; thread-safe.</threadsafety>
/// </remarks>
public sealed record RecordReference
{
    /// <summary>Initializes a reference.</summary>
    /// <param name="objectType">The record's object.</param>
    /// <param name="recordId">The record's id.</param>
    /// <exception cref="ArgumentException"><paramref name="objectType"/> or <paramref name="recordId"/> is <c>default</c>.</exception>
    [JsonConstructor]
    public RecordReference(CrmObjectType objectType, RecordId recordId)
    {
        CrmObjectType.ThrowIfDefault(objectType, nameof(objectType));
        if (recordId.IsDefault)
        {
            throw new ArgumentException("The record id must not be default.", nameof(recordId));
        }

        ObjectType = objectType;
        RecordId = recordId;
        Key = KeyOf(objectType, recordId);
    }

    /// <summary>Gets the record's object.</summary>
    [JsonConverter(typeof(CrmObjectTypeNameConverter))]
    public CrmObjectType ObjectType { get; }

    /// <summary>Gets the record's id (unique within its object).</summary>
    public RecordId RecordId { get; }

    /// <summary>Gets the record as one text, <c>object/id</c>, e.g. <c>companies/42</c>.</summary>
    [JsonIgnore]
    public string Key { get; }

    /// <summary>Returns the key of a record, <c>object/id</c>, the text a filter on associated records takes.</summary>
    /// <param name="objectType">The record's object.</param>
    /// <param name="recordId">The record's id.</param>
    /// <returns>The key, e.g. <c>companies/42</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="objectType"/> is <c>default</c>.</exception>
    public static string KeyOf(CrmObjectType objectType, RecordId recordId)
    {
        CrmObjectType.ThrowIfDefault(objectType, nameof(objectType));
        return string.Create(CultureInfo.InvariantCulture, $"{objectType.Name}/{recordId.Value}");
    }

    /// <summary>Returns the key.</summary>
    /// <returns><see cref="Key"/>.</returns>
    public override string ToString() => Key;
}
