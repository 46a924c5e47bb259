using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;

namespace CustomerSuccess.Core.Records;

/// <summary>
/// The properties a view may filter, sort and show for one object type: the well-known properties (members of
/// <see cref="CrmRecord"/>) plus the custom properties held in <see cref="CrmRecord.Properties"/>, each with its type.
/// </summary>
/// <remarks>
/// <para>Property names are compared ordinally (case-sensitive), as HubSpot internal names are.</para>
/// <para>Only the well-known <see cref="CsmOwner"/> property has the type <see cref="RecordPropertyType.Owner"/>; a
/// custom property is text, number, date or boolean.</para>
/// <threadsafety>Immutable; thread-safe.</threadsafety>
/// </remarks>
public sealed class RecordSchema
{
    /// <summary>The well-known object type (<see cref="CrmRecord.ObjectType"/>), text.</summary>
    public const string ObjectType = "object_type";

    /// <summary>The well-known CSM owner (<see cref="CrmRecord.CsmOwnerId"/>), owner.</summary>
    public const string CsmOwner = "csm_owner";

    /// <summary>The well-known owner-assigned date (<see cref="CrmRecord.OwnerAssignedAt"/>), date.</summary>
    public const string OwnerAssignedAt = "owner_assigned_at";

    /// <summary>The well-known create date (<see cref="CrmRecord.CreatedAt"/>), date.</summary>
    public const string CreatedAt = "created_at";

    /// <summary>The well-known last activity date (<see cref="CrmRecord.LastActivityAt"/>), date.</summary>
    public const string LastActivityAt = "last_activity_at";

    /// <summary>The well-known pipeline (<see cref="CrmRecord.PipelineId"/>), text.</summary>
    public const string Pipeline = "pipeline";

    /// <summary>The well-known pipeline stage (<see cref="CrmRecord.StageId"/>), text.</summary>
    public const string Stage = "stage";

    /// <summary>The well-known amount (<see cref="CrmRecord.Amount"/>), number.</summary>
    public const string Amount = "amount";

    private static readonly ImmutableSortedDictionary<string, RecordPropertyType> WellKnownProperties =
        ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, RecordPropertyType>(StringComparer.Ordinal)
        {
            [ObjectType] = RecordPropertyType.Text,
            [CsmOwner] = RecordPropertyType.Owner,
            [OwnerAssignedAt] = RecordPropertyType.Date,
            [CreatedAt] = RecordPropertyType.Date,
            [LastActivityAt] = RecordPropertyType.Date,
            [Pipeline] = RecordPropertyType.Text,
            [Stage] = RecordPropertyType.Text,
            [Amount] = RecordPropertyType.Number,
        });

    private readonly ImmutableSortedDictionary<string, RecordPropertyType> _properties;

    private RecordSchema(ImmutableSortedDictionary<string, RecordPropertyType> properties) => _properties = properties;

    /// <summary>Gets the schema with the well-known properties only.</summary>
    public static RecordSchema Default { get; } = new(WellKnownProperties);

    /// <summary>Gets every property with its type, ordered by name (ordinal).</summary>
    public IReadOnlyDictionary<string, RecordPropertyType> Properties => _properties;

    /// <summary>Determines whether <paramref name="name"/> is a well-known property (a member of <see cref="CrmRecord"/>).</summary>
    /// <param name="name">The property name.</param>
    /// <returns><see langword="true"/> for a well-known property.</returns>
    public static bool IsWellKnown(string? name) => name is not null && WellKnownProperties.ContainsKey(name);

    /// <summary>Returns a schema that also has the custom property <paramref name="name"/>.</summary>
    /// <param name="name">The property's internal name, stored in <see cref="RecordPropertyValue.Name"/>.</param>
    /// <param name="type">Its type: text, number, date or boolean.</param>
    /// <returns>The new schema; this one is unchanged.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is blank, is a well-known name, or is already declared.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="type"/> is <see cref="RecordPropertyType.Owner"/> or not a defined value.</exception>
    public RecordSchema WithProperty(string name, RecordPropertyType type)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (type is not (RecordPropertyType.Text or RecordPropertyType.Number or RecordPropertyType.Date or RecordPropertyType.Boolean))
        {
            throw new ArgumentOutOfRangeException(nameof(type), type, "A custom property is text, number, date or boolean.");
        }

        if (_properties.ContainsKey(name))
        {
            throw new ArgumentException(
                string.Format(CultureInfo.InvariantCulture, "The property '{0}' is already declared.", name), nameof(name));
        }

        return new RecordSchema(_properties.Add(name, type));
    }

    /// <summary>Gets the type of <paramref name="name"/>.</summary>
    /// <param name="name">The property name.</param>
    /// <param name="type">The type when found.</param>
    /// <returns><see langword="true"/> if the schema declares the property.</returns>
    public bool TryGetType(string? name, out RecordPropertyType type)
    {
        type = default;
        return name is not null && _properties.TryGetValue(name, out type);
    }

    /// <summary>Determines whether the schema declares <paramref name="name"/>.</summary>
    /// <param name="name">The property name.</param>
    /// <returns><see langword="true"/> if declared.</returns>
    public bool Contains(string? name) => name is not null && _properties.ContainsKey(name);
}
