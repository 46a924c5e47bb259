using System.Collections.Generic;
using CustomerSuccess.Core.Crm;
using CustomerSuccess.Core.Records;
using CustomerSuccess.Core.Tasks;
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

/// <summary>One task: the members of <see cref="TaskState"/> that task specifications filter and sort on, with the same
/// names and types (so that a specification of <see cref="TaskState"/> is rewritten onto it member for member), and the
/// task's persisted document with the version that is its concurrency token. A deleted task's row is deleted; its last
/// version is kept in <see cref="TaskTombstoneRow"/>, so that versions keep counting if the key is created again.</summary>
internal sealed class TaskRow
{
    public PortalId PortalId { get; set; }

    public TaskId Id { get; set; }

    public string Title { get; set; } = string.Empty;

    public TaskType Type { get; set; }

    public TaskPriority Priority { get; set; }

    public UserId? AssigneeId { get; set; }

    public Instant DueAt { get; set; }

    public Instant? CompletedAt { get; set; }

    public UserId CreatedBy { get; set; }

    public Instant CreatedAt { get; set; }

    public List<TaskAssociationRow> Associations { get; set; } = [];

    public long Version { get; set; }

    public string Document { get; set; } = string.Empty;
}

/// <summary>The version a deleted task's row had when it was deleted: a task created again under the same key continues
/// from it, so that a token read before the delete never matches again.</summary>
internal sealed class TaskTombstoneRow
{
    public long PortalId { get; set; }

    public long TaskId { get; set; }

    public long Version { get; set; }
}

/// <summary>One record a task is associated with: the members of <see cref="RecordReference"/>, the <c>Key</c> a filter
/// compares included, keyed by the task and the key.</summary>
internal sealed class TaskAssociationRow
{
    public PortalId PortalId { get; set; }

    public TaskId TaskId { get; set; }

    public string Key { get; set; } = string.Empty;

    public CrmObjectType ObjectType { get; set; }

    public RecordId RecordId { get; set; }
}

/// <summary>The last task id handed out in a portal.</summary>
internal sealed class TaskIdCounterRow
{
    public long PortalId { get; set; }

    public long LastId { get; set; }
}
