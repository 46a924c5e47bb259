using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Core.Crm;
using CustomerSuccess.Core.Filters;
using CustomerSuccess.Core.Records;
using NodaTime;

namespace CustomerSuccess.Core.Tests.Filters;

/// <summary>A task-like item (members of every property type, plus a property bag), the second target the one filter
/// compiler is proven on besides <see cref="CrmRecord"/>.</summary>
public sealed record TestTask
{
    public long Id { get; init; }

    public string? Title { get; init; }

    public string? Priority { get; init; }

    public decimal? Effort { get; init; }

    public Instant DueAt { get; init; }

    public Instant? CompletedAt { get; init; }

    public bool? IsUrgent { get; init; }

    public UserId? AssigneeId { get; init; }

    public IReadOnlyList<CrmPropertyValue> Properties { get; init; } = [];
}

/// <summary>An item of either target, independent of how the target reads it: member values by property name, and the
/// raw property bag. The interpreter reads this; the model turns it into a <see cref="CrmRecord"/> or a
/// <see cref="TestTask"/>.</summary>
internal sealed record FilterItem(long Id, IReadOnlyDictionary<string, object?> Members, IReadOnlyList<CrmPropertyValue> Bag)
{
    public override string ToString() =>
        $"{Id}: {string.Join(", ", Members.Select(m => $"{m.Key}={m.Value}"))}; bag [{string.Join("; ", Bag)}]";
}

/// <summary>What the generators and the interpreter need to know about one target.</summary>
internal sealed class FilterModel<T>
{
    public FilterModel(string name, FilterTarget<T> target, IReadOnlyList<CrmProperty> members, IReadOnlyList<CrmProperty> bag, string requiredDate, Func<FilterItem, T> materialize, Func<T, long> id)
    {
        Name = name;
        Target = target;
        Members = members;
        BagProperties = bag;
        RequiredDate = requiredDate;
        Materialize = materialize;
        Id = id;
    }

    public string Name { get; }

    public FilterTarget<T> Target { get; }

    public IReadOnlyList<CrmProperty> Members { get; }

    public IReadOnlyList<CrmProperty> BagProperties { get; }

    /// <summary>A date-time member that is never missing (the record's create date, the task's due date).</summary>
    public string RequiredDate { get; }

    public Func<FilterItem, T> Materialize { get; }

    public Func<T, long> Id { get; }

    public IEnumerable<CrmProperty> All => Members.Concat(BagProperties);

    public CrmPropertyType TypeOf(string property) => All.First(p => p.Name == property).Type;

    public bool IsMember(string property) => Members.Any(p => p.Name == property);

    public override string ToString() => Name;
}

internal static class FilterModels
{
    private static readonly CrmProperty[] Bag =
    [
        new("tier", CrmPropertyType.Text),
        new("arr", CrmPropertyType.Number),
        new("renewal_date", CrmPropertyType.Date),
        new("is_strategic", CrmPropertyType.Boolean),
    ];

    public static FilterModel<CrmRecord> Records { get; } = new(
        "records",
        RecordFilterTarget.For(new CrmObjectSchema(CrmObjectType.Companies, Bag)),
        [
            new(RecordFilterTarget.CsmOwner, CrmPropertyType.User),
            new(RecordFilterTarget.OwnerAssignedAt, CrmPropertyType.DateTime),
            new(RecordFilterTarget.CreatedAt, CrmPropertyType.DateTime),
            new(RecordFilterTarget.LastActivityAt, CrmPropertyType.DateTime),
            new(RecordFilterTarget.Pipeline, CrmPropertyType.Text),
            new(RecordFilterTarget.Stage, CrmPropertyType.Text),
            new(RecordFilterTarget.Amount, CrmPropertyType.Number),
        ],
        Bag,
        RecordFilterTarget.CreatedAt,
        item => new CrmRecord
        {
            PortalId = PortalId.From(1),
            ObjectType = CrmObjectType.Companies,
            Id = RecordId.From(item.Id),
            CsmOwnerId = (UserId?)item.Members[RecordFilterTarget.CsmOwner],
            OwnerAssignedAt = (Instant?)item.Members[RecordFilterTarget.OwnerAssignedAt],
            CreatedAt = (Instant)item.Members[RecordFilterTarget.CreatedAt]!,
            LastActivityAt = (Instant?)item.Members[RecordFilterTarget.LastActivityAt],
            PipelineId = (string?)item.Members[RecordFilterTarget.Pipeline],
            StageId = (string?)item.Members[RecordFilterTarget.Stage],
            Amount = (decimal?)item.Members[RecordFilterTarget.Amount],
            Properties = item.Bag,
        },
        r => r.Id.Value);

    public static FilterModel<TestTask> Tasks { get; } = new(
        "tasks",
        FilterTarget.Create((TestTask t) => t.Id)
            .Member("title", CrmPropertyType.Text, t => t.Title)
            .Member("priority", CrmPropertyType.Text, t => t.Priority)
            .Member("effort", CrmPropertyType.Number, t => t.Effort)
            .Member("due", CrmPropertyType.DateTime, t => t.DueAt)
            .Member("completed", CrmPropertyType.DateTime, t => t.CompletedAt)
            .Member("urgent", CrmPropertyType.Boolean, t => t.IsUrgent)
            .Member("assignee", CrmPropertyType.User, t => t.AssigneeId)
            .PropertyBag(t => t.Properties, Bag)
            .Build(),
        [
            new("title", CrmPropertyType.Text),
            new("priority", CrmPropertyType.Text),
            new("effort", CrmPropertyType.Number),
            new("due", CrmPropertyType.DateTime),
            new("completed", CrmPropertyType.DateTime),
            new("urgent", CrmPropertyType.Boolean),
            new("assignee", CrmPropertyType.User),
        ],
        Bag,
        "due",
        item => new TestTask
        {
            Id = item.Id,
            Title = (string?)item.Members["title"],
            Priority = (string?)item.Members["priority"],
            Effort = (decimal?)item.Members["effort"],
            DueAt = (Instant)item.Members["due"]!,
            CompletedAt = (Instant?)item.Members["completed"],
            IsUrgent = (bool?)item.Members["urgent"],
            AssigneeId = (UserId?)item.Members["assignee"],
            Properties = item.Bag,
        },
        t => t.Id);
}
