using System.Collections.Generic;
using CustomerSuccess.Core.Crm;
using CustomerSuccess.Core.Records;
using NodaTime;

namespace CustomerSuccess.Core.Stores.EntityFrameworkCore.Model;

/// <summary>One stored aggregate: its persisted document under (aggregate type, key), with the portal, the version that
/// is the concurrency token, and the document's schema version. A deleted aggregate keeps its row with no document (a
/// tombstone) so that its version keeps counting and a token read before the delete never matches again.</summary>
internal sealed class AggregateRow
{
    public string AggregateType { get; set; } = string.Empty;

    public string Key { get; set; } = string.Empty;

    public long PortalId { get; set; }

    public long Version { get; set; }

    public int SchemaVersion { get; set; }

    public string? Document { get; set; }
}

/// <summary>One domain event stored with the write that recorded it.</summary>
internal sealed class OutboxRow
{
    public long Position { get; set; }

    public long PortalId { get; set; }

    public string AggregateType { get; set; } = string.Empty;

    public string AggregateKey { get; set; } = string.Empty;

    public string TypeName { get; set; } = string.Empty;

    public string Payload { get; set; } = string.Empty;

    public Instant OccurredAt { get; set; }
}

/// <summary>A CRM record: the members of <see cref="CrmRecord"/> with the same names and types, so that a specification
/// of <see cref="CrmRecord"/> is rewritten onto it member for member.</summary>
internal sealed class RecordRow
{
    public PortalId PortalId { get; set; }

    public CrmObjectType ObjectType { get; set; }

    public RecordId Id { get; set; }

    public UserId? CsmOwnerId { get; set; }

    public Instant? OwnerAssignedAt { get; set; }

    public Instant CreatedAt { get; set; }

    public Instant? LastActivityAt { get; set; }

    public string? PipelineId { get; set; }

    public string? StageId { get; set; }

    public decimal? Amount { get; set; }

    public List<RecordPropertyRow> Properties { get; set; } = [];
}

/// <summary>One row of a record's property bag: the columns of <see cref="CrmPropertyValue"/>, keyed by the record and
/// the property name.</summary>
internal sealed class RecordPropertyRow
{
    public PortalId PortalId { get; set; }

    public CrmObjectType ObjectType { get; set; }

    public RecordId RecordId { get; set; }

    public string Name { get; set; } = string.Empty;

    public string? TextValue { get; set; }

    public decimal? NumberValue { get; set; }

    public Instant? DateValue { get; set; }

    public bool? BoolValue { get; set; }

    public UserId? UserValue { get; set; }
}
