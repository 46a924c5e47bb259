using System;
using System.Runtime.CompilerServices;
using System.Linq;
using CustomerSuccess.Core.Crm;
using CustomerSuccess.Core.Filters;

namespace CustomerSuccess.Core.Records;

/// <summary>
/// The names of the properties every <see cref="CrmRecord"/> has as members, and the <see cref="FilterTarget{T}"/> of
/// records of one CRM object: those members plus the object's own properties, read from the record's property bag.
/// </summary>
/// <remarks>
/// <para>The members, with their types: <see cref="CsmOwner"/> (user), <see cref="OwnerAssignedAt"/>,
/// <see cref="CreatedAt"/> and <see cref="LastActivityAt"/> (date-times), <see cref="Pipeline"/> and
/// <see cref="Stage"/> (text), <see cref="Amount"/> (number). A property of the object's <see cref="CrmObjectSchema"/>
/// with one of these names is the member itself and is not looked up in the bag.</para>
/// <para>This is the one place that maps a record property name to how it is read; views, quick filters and the record
/// query all go through it.</para>
/// <threadsafety>Thread-safe; targets are cached per schema instance.</threadsafety>
/// </remarks>
public static class RecordFilterTarget
{
    /// <summary>The record's CSM owner (<see cref="CrmRecord.CsmOwnerId"/>; rules 15, 42).</summary>
    public const string CsmOwner = "csm_owner";

    /// <summary>When the CSM owner was assigned (<see cref="CrmRecord.OwnerAssignedAt"/>; rule 42).</summary>
    public const string OwnerAssignedAt = "owner_assigned_at";

    /// <summary>The create date (<see cref="CrmRecord.CreatedAt"/>; rule 43).</summary>
    public const string CreatedAt = "created_at";

    /// <summary>The last activity date (<see cref="CrmRecord.LastActivityAt"/>; rule 43).</summary>
    public const string LastActivityAt = "last_activity_at";

    /// <summary>The pipeline of a service or revenue record (<see cref="CrmRecord.PipelineId"/>; rules 51, 52).</summary>
    public const string Pipeline = "pipeline";

    /// <summary>The pipeline stage (<see cref="CrmRecord.StageId"/>; rule 53).</summary>
    public const string Stage = "stage";

    /// <summary>The amount of a revenue record (<see cref="CrmRecord.Amount"/>).</summary>
    public const string Amount = "amount";

    private static readonly ConditionalWeakTable<CrmObjectSchema, FilterTarget<CrmRecord>> Cache = new();

    /// <summary>Gets the target of records with no properties of their own: the members only.</summary>
    public static FilterTarget<CrmRecord> MembersOnly { get; } = Members().Build();

    /// <summary>Returns the target of the records of one object: the members and the object's properties.</summary>
    /// <param name="schema">The object's properties.</param>
    /// <returns>The target (the same instance for the same schema instance).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="schema"/> is <see langword="null"/>.</exception>
    public static FilterTarget<CrmRecord> For(CrmObjectSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return Cache.GetValue(schema, static s => Members()
            .PropertyBag(r => r.Properties, s.Properties.Where(p => !MembersOnly.Contains(p.Name)))
            .Build());
    }

    private static FilterTarget<CrmRecord>.Builder Members() =>
        FilterTarget.Create((CrmRecord r) => r.Id)
            .Member(CsmOwner, CrmPropertyType.User, r => r.CsmOwnerId)
            .Member(OwnerAssignedAt, CrmPropertyType.DateTime, r => r.OwnerAssignedAt)
            .Member(CreatedAt, CrmPropertyType.DateTime, r => r.CreatedAt)
            .Member(LastActivityAt, CrmPropertyType.DateTime, r => r.LastActivityAt)
            .Member(Pipeline, CrmPropertyType.Text, r => r.PipelineId)
            .Member(Stage, CrmPropertyType.Text, r => r.StageId)
            .Member(Amount, CrmPropertyType.Number, r => r.Amount);
}
