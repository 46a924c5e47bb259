using System.Collections.Generic;
using CustomerSuccess.Core.Crm;
using NodaTime;

namespace CustomerSuccess.Core.Records;

/// <summary>
/// A customer, service or revenue record as a workspace tab lists it: the well-known properties as members, every other
/// property in a typed property bag (<see cref="Properties"/>).
/// </summary>
/// <remarks>
/// <para>Init-only properties rather than a positional record so that a LINQ provider (EF Core) can map every member;
/// filters compiled by <see cref="Filters.FilterCompiler"/> through <see cref="RecordFilterTarget"/> use only member access, comparisons, <c>&amp;&amp;</c>,
/// <c>||</c>, <c>!</c>, <c>string.Contains</c>, <c>Contains</c> on a captured array and <c>Properties.Any(...)</c>, all
/// of which EF Core translates (the last one into an <c>EXISTS</c> subquery over an owned collection or child table).</para>
/// <para><see langword="null"/> means "unknown" for every optional member.</para>
/// <threadsafety>Immutable once built (the property list is not copied: do not mutate the list you pass in); thread-safe.</threadsafety>
/// </remarks>
public sealed record CrmRecord : IPortalScoped
{
    /// <summary>Gets the portal the record belongs to: a record query of one portal never returns another's records.</summary>
    /// <value>Default: <c>default(PortalId)</c> (invalid: a store refuses to hold such a record).</value>
    public PortalId PortalId { get; init; }

    /// <summary>Gets the CRM object the record is an instance of (the workspace's customer object, the services object or a
    /// revenue object).</summary>
    /// <value>Default: <c>default(CrmObjectType)</c> (invalid).</value>
    public CrmObjectType ObjectType { get; init; }

    /// <summary>Gets the record id, unique within its portal and <see cref="ObjectType"/>.</summary>
    /// <value>Default: <c>default(RecordId)</c> (no id).</value>
    public RecordId Id { get; init; }

    /// <summary>Gets the record's CSM owner (the value of the tab's CSM user property, rules 15, 18, 21).</summary>
    /// <value>Default <see langword="null"/> (no owner).</value>
    public UserId? CsmOwnerId { get; init; }

    /// <summary>Gets when the current CSM owner was assigned (used by "Assigned in the last 30 days", rule 42).</summary>
    /// <value>Default <see langword="null"/> (unknown).</value>
    public Instant? OwnerAssignedAt { get; init; }

    /// <summary>Gets when the record was created.</summary>
    /// <value>Default: the Unix epoch (<c>default(Instant)</c>).</value>
    public Instant CreatedAt { get; init; }

    /// <summary>Gets when the last activity was logged on the record.</summary>
    /// <value>Default <see langword="null"/> (no activity).</value>
    public Instant? LastActivityAt { get; init; }

    /// <summary>Gets the pipeline id of a service or revenue record.</summary>
    /// <value>Default <see langword="null"/> (customer records have none).</value>
    public string? PipelineId { get; init; }

    /// <summary>Gets the pipeline stage id of a service or revenue record.</summary>
    /// <value>Default <see langword="null"/> (customer records have none).</value>
    public string? StageId { get; init; }

    /// <summary>Gets the amount of a revenue record.</summary>
    /// <value>Default <see langword="null"/> (unknown, or not a revenue record).</value>
    public decimal? Amount { get; init; }

    /// <summary>Gets the values of all other properties, at most one row per property name.</summary>
    /// <value>Default: empty.</value>
    public IReadOnlyList<CrmPropertyValue> Properties { get; init; } = [];
}
