using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CustomerSuccess.Core.Alerts;
using CustomerSuccess.Core.Crm;
using CustomerSuccess.Core.Filters;
using CustomerSuccess.Core.HealthScores;
using CustomerSuccess.Core.HealthScores.History;
using CustomerSuccess.Core.HealthScores.Templates;
using CustomerSuccess.Core.Records;
using CustomerSuccess.Core.Scores;
using CustomerSuccess.Core.Tasks;
using CustomerSuccess.Core.Views;
using CustomerSuccess.Core.Workspaces;
using NodaTime;

namespace CustomerSuccess.Core.Tests.Persistence;

/// <summary>Fixed states and events whose documents are frozen in <c>Documents/</c>.</summary>
internal static class PersistenceSamples
{
    private static readonly PortalId Portal = PortalId.From(42);
    private static readonly Instant At = Instant.FromUtc(2026, 3, 29, 1, 30, 15).PlusNanoseconds(123_456_789);

    public static WorkspaceDirectoryState Directory { get; } = new(
        Portal,
        WorkspaceId.From(1),
        ImmutableSortedDictionary.CreateRange(new Dictionary<WorkspaceId, Workspace>
        {
            [WorkspaceId.From(1)] = new(WorkspaceId.From(1), "Customer Success", string.Empty, IsPrimary: true, []),
            [WorkspaceId.From(2)] = new(WorkspaceId.From(2), "Team Ω", "Enterprise accounts — EMEA 🇪🇺", IsPrimary: false, [TeamId.From(10), TeamId.From(11)]),
            [WorkspaceId.From(4)] = new(WorkspaceId.From(4), "\"Quoted\" \\ team", "line one\nline two", IsPrimary: false, [TeamId.From(12)]),
        }),
        LastWorkspaceNumber: 5);

    public static WorkspaceConfigurationState Configuration { get; } = new(
        Portal,
        new CsObjectSettings(CrmObjectType.Companies, CrmObjectType.Services, [CrmObjectType.Deals, CrmObjectType.Custom("p_subscriptions")], CrmObjectType.Deals),
        ImmutableSortedDictionary.CreateRange(new Dictionary<WorkspaceId, WorkspaceSettings>
        {
            [WorkspaceId.From(1)] = new(
                new CustomerSettings("company_csm", "renewal_date"),
                new ServicesSettings(true, new PipelineObjectSettings("service_owner", null, ["onboarding", "support"], "onboarding", null)),
                new RevenueSettings(false, ImmutableDictionary<CrmObjectType, PipelineObjectSettings>.Empty
                    .Add(CrmObjectType.Deals, new PipelineObjectSettings("deal_owner", "close_date", [], null, "layout-7")))),
            [WorkspaceId.From(2)] = WorkspaceSettings.Default,
        }));

    public static ViewCatalogState ViewCatalog { get; } = new(
        ViewCatalogKey.Create(Portal, WorkspaceId.From(3), ViewTab.Customers),
        [
            new View(ViewId.From(1), null, ViewDefinition.Create("Owned by me", ViewSharing.Everyone, [RecordFilterTarget.CsmOwner], QuickFilters.OwnerIsMe()), BuiltInView.OwnedByMe, "Records you own"),
            new View(ViewId.From(3), UserId.From(7), ViewDefinition.Create(
                "Gold — renewing",
                ViewSharing.Private,
                [RecordFilterTarget.CsmOwner, "tier", ""],
                ViewFilter.And(
                    ViewFilter.Condition("tier", FilterOperator.IsAnyOf, FilterValue.Text("gold"), FilterValue.Text("Gold ✨")),
                    ViewFilter.Or(
                        ViewFilter.Condition("renewal_date", FilterOperator.Between, FilterValue.Date(new LocalDate(2026, 1, 1)), FilterValue.Date(new LocalDate(2026, 12, 31))),
                        ViewFilter.Condition(RecordFilterTarget.Amount, FilterOperator.GreaterThan, FilterValue.Number(10_000.5m)))),
                new ViewSort("renewal_date", SortDirection.Descending))),
            new View(ViewId.From(4), UserId.From(8), ViewDefinition.Create("Everyone's empty view", ViewSharing.Everyone, [])),
        ],
        [ViewId.From(4), ViewId.From(1)],
        LastViewId: 4);

    public static HealthScoreCatalogState HealthScoreCatalog { get; } = CreateScores();

    public static TaskState Task { get; } = new()
    {
        PortalId = Portal,
        Id = TaskId.From(5),
        Title = "Call — Zoë ✓ \"renewal\"",
        Notes = "notes\nline 2",
        Type = TaskType.Call,
        Priority = TaskPriority.High,
        AssigneeId = UserId.From(7),
        DueAt = At,
        CompletedAt = At.PlusTicks(1),
        Associations = [new RecordReference(CrmObjectType.Companies, RecordId.From(42)), new RecordReference(CrmObjectType.Custom("p_subscriptions"), RecordId.From(9))],
        CreatedBy = UserId.From(8),
        CreatedAt = At.PlusNanoseconds(-1),
    };

    /// <summary>An instance of any event type, built from sample values of its constructor's parameter types.</summary>
    public static IDomainEvent Event(Type type)
    {
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var arguments = constructor.GetParameters().Select(p => Value(p.ParameterType, p.Name!)).ToArray();
        return (IDomainEvent)constructor.Invoke(arguments);
    }

    private static object? Value(Type type, string name) => type switch
    {
        _ when type == typeof(PortalId) => Portal,
        _ when type == typeof(WorkspaceId) => WorkspaceId.From(2),
        _ when type == typeof(TeamId) => TeamId.From(10),
        _ when type == typeof(ViewId) => ViewId.From(3),
        _ when type == typeof(HealthScoreId) => HealthScoreId.From(1),
        _ when type == typeof(AlertId) => name.StartsWith("Superseded", StringComparison.Ordinal) ? AlertId.From(12) : AlertId.From(11),
        _ when type == typeof(RecordId) => RecordId.From(1001),
        _ when type == typeof(ScoringRunId) => ScoringRunId.From(20260329),
        _ when type == typeof(UserId) => UserId.From(7),
        _ when type == typeof(ScoreOverride) => new ScoreOverride(1001, HealthScoreId.From(1), 15, HealthStatus.AtRisk, "Sponsor left — Zoë ✓", 7, At, At + Duration.FromDays(30)),
        _ when type == typeof(string) => name + " — ünïcode ✓",
        _ when type == typeof(int) => 3,
        _ when type == typeof(bool) => true,
        _ when type == typeof(Instant) => At,
        _ when type == typeof(Initiator) => name.Length % 2 == 0 ? Initiator.System : Initiator.User(UserId.From(7)),
        _ when type == typeof(IReadOnlyList<TeamId>) => new[] { TeamId.From(10), TeamId.From(11) },
        _ when type == typeof(ImmutableArray<ViewId>) => ImmutableArray.Create(ViewId.From(4), ViewId.From(1)),
        _ when type == typeof(CsObjectSettings) => Configuration.Objects,
        _ when type == typeof(WorkspaceSettings) => Configuration.Settings[WorkspaceId.From(1)],
        _ when type == typeof(ViewCatalogKey) => ViewCatalog.Key,
        _ when type == typeof(ViewDefinition) => ViewCatalog.Views[1].Definition,
        _ when type == typeof(TaskKey) => TaskKey.Create(Portal, TaskId.From(5)),
        _ when type == typeof(TaskDetails) => new TaskDetails("Call — Zoë ✓", TaskType.Call, At) { Notes = "notes\nline 2", AssigneeId = UserId.From(7) },
        _ when type == typeof(UserId?) => name.StartsWith("Previous", StringComparison.Ordinal) ? null : UserId.From(8),
        _ when type.IsEnum => Enum.GetValues(type).GetValue(Enum.GetValues(type).Length - 1),
        _ => throw new NotSupportedException($"No sample value for {type.Name} {name}: add one."),
    };

    private static HealthScoreCatalogState CreateScores()
    {
        var definition = HealthScoreTemplates.FromScratch("Customer health — Ω", "companies");
        var first = new HealthScoreEntry(
            HealthScoreId.From(1),
            HealthScoreStatus.Active,
            definition,
            [new ScoreVersion(HealthScoreId.From(1), 1, At, definition), new ScoreVersion(HealthScoreId.From(1), 2, At.PlusTicks(1), definition)]);
        var draft = new HealthScoreEntry(HealthScoreId.From(3), HealthScoreStatus.Draft, HealthScoreTemplates.Starter("p_subscriptions"), []);
        return new HealthScoreCatalogState(Portal, [first, draft], LastScoreNumber: 3);
    }
}
