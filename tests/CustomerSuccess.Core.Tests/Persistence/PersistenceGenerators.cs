using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CustomerSuccess.Core.Crm;
using CustomerSuccess.Core.Filters;
using CustomerSuccess.Core.HealthScores;
using CustomerSuccess.Core.HealthScores.Templates;
using CustomerSuccess.Core.Records;
using CustomerSuccess.Core.Scores;
using CustomerSuccess.Core.Tasks;
using CustomerSuccess.Core.Tests.Filters;
using CustomerSuccess.Core.Views;
using CustomerSuccess.Core.Workspaces;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace CustomerSuccess.Core.Tests.Persistence;

/// <summary>Generators of valid aggregate states with the values stores get wrong: Unicode (combining marks, emoji,
/// right-to-left, quotes and backslashes), empty strings and collections, nulls, and instants at nanosecond
/// precision.</summary>
internal static class PersistenceGenerators
{
    private static readonly string[] Awkward =
    [
        string.Empty, "a", "Zoë", "e\u0301", "日本語", "עברית", "😀 emoji", "quote \" and \\ backslash", "tab\tnew\nline",
        "  padded  ", "NUL\u0000inside", "<b>&amp;</b>", "ß", new string('x', 300),
    ];

    private static readonly CrmObjectType[] Objects =
    [
        CrmObjectType.Companies, CrmObjectType.Contacts, CrmObjectType.Deals, CrmObjectType.Services,
        CrmObjectType.Custom("p_subscriptions"), CrmObjectType.Custom("p_projekte_ü"),
    ];

    public static Gen<string> Text => Gen.OneOf(Gen.Elements(Awkward), ArbMap.Default.GeneratorFor<string>().Where(s => s is not null));

    public static Gen<string> NonBlankText => Text.Select(s => string.IsNullOrWhiteSpace(s) ? "name " + s : s);

    public static Gen<string?> OptionalText => Gen.Frequency((1, Gen.Constant<string?>(null)), (3, Text.Select(s => (string?)s)));

    public static Gen<PortalId> Portal => Gen.Choose(1, int.MaxValue).Select(p => PortalId.From(p));

    /// <summary>Instants across the whole NodaTime range that stores keep (years 1 to 9999) at nanosecond precision.</summary>
    public static Gen<Instant> Instant =>
        from days in Gen.Choose(-719_162, 2_932_896)
        from nanos in Gen.Choose(0, 86_399).SelectMany(s => Gen.Choose(0, 999_999_999).Select(n => (s * 1_000_000_000L) + n))
        select NodaTime.Instant.FromUnixTimeTicks(0).Plus(Duration.FromDays(days)).Plus(Duration.FromNanoseconds(nanos));

    public static Gen<WorkspaceDirectoryState> Directory =>
        from portal in Portal
        from count in Gen.Choose(0, WorkspaceDirectory.MaxTeamWorkspaces)
        from names in Gen.ListOf(NonBlankText, count + 1)
        from descriptions in Gen.ListOf(Text, count + 1)
        from teamCounts in Gen.ListOf(Gen.Choose(0, 4), count)
        from gaps in Gen.ListOf(Gen.Choose(1, 3), count)
        from primaryDescription in Text
        select BuildDirectory(portal, names, descriptions, teamCounts, gaps, primaryDescription);

    public static Gen<WorkspaceConfigurationState> Configuration =>
        from portal in Portal
        from customer in Gen.Elements(Objects)
        from services in Gen.OneOf(Gen.Constant<CrmObjectType?>(null), Gen.Elements(Objects).Select(o => (CrmObjectType?)o))
        from revenueCount in Gen.Choose(0, WorkspaceConfiguration.MaxRevenueObjects)
        from revenue in Gen.Shuffle(Objects).Select(o => o.Take(revenueCount).ToImmutableArray())
        from settingsCount in Gen.Choose(0, 4)
        from settings in Gen.ListOf(Settings(revenue), settingsCount)
        let defaultRevenue = revenue.IsEmpty ? (CrmObjectType?)null : revenue[0]
        select new WorkspaceConfigurationState(
            portal,
            new CsObjectSettings(customer, services, revenue, defaultRevenue),
            settings.Select((s, i) => KeyValuePair.Create(WorkspaceId.From((i * 2) + 1), s)).ToImmutableSortedDictionary());

    public static Gen<ViewCatalogState> ViewCatalog =>
        from portal in Portal
        from workspace in Gen.Choose(1, 1_000).Select(w => WorkspaceId.From(w))
        from tab in Gen.Elements(Enum.GetValues<ViewTab>())
        from count in Gen.Choose(0, 12)
        from views in Gen.ListOf(View, count)
        from defaults in Gen.Choose(0, Core.Views.ViewCatalog.MaxDefaultViews)
        from extraIds in Gen.Choose(0, 5)
        let numbered = views.Select((v, i) => v with { Id = ViewId.From(i + 1) }).ToImmutableArray()
        let defaultIds = numbered.Where(v => v.Sharing == ViewSharing.Everyone).Take(defaults).Select(v => v.Id).Reverse().ToImmutableArray()
        select new ViewCatalogState(ViewCatalogKey.Create(portal, workspace, tab), numbered, defaultIds, numbered.Length + extraIds);

    public static Gen<HealthScoreCatalogState> HealthScoreCatalog =>
        from portal in Portal
        from count in Gen.Choose(0, 4)
        from entries in Gen.ListOf(Score, count)
        from extra in Gen.Choose(0, 3)
        let numbered = entries.Select((e, i) => Renumber(e, HealthScoreId.From(i + 1))).ToImmutableArray()
        select new HealthScoreCatalogState(portal, numbered, numbered.Length + extra);

    /// <summary>Created tasks of every type and priority, open or completed, assigned or not, with up to five distinct
    /// associated records.</summary>
    public static Gen<TaskState> Task =>
        from portal in Portal
        from id in Gen.Choose(1, int.MaxValue)
        from title in Text
        from notes in OptionalText
        from type in Gen.Elements(Enum.GetValues<TaskType>())
        from priority in Gen.Elements(Enum.GetValues<TaskPriority>())
        from assignee in Gen.OneOf(Gen.Constant<UserId?>(null), Gen.Choose(1, int.MaxValue).Select(u => (UserId?)UserId.From(u)))
        from due in Instant
        from completed in Gen.OneOf(Gen.Constant<Instant?>(null), Instant.Select(i => (Instant?)i))
        from count in Gen.Choose(0, 5)
        from objects in Gen.ListOf(Gen.Elements(Objects), count)
        from creator in Gen.Choose(1, int.MaxValue)
        from created in Instant
        select new TaskState
        {
            PortalId = portal,
            Id = TaskId.From(id),
            Title = title,
            Notes = notes,
            Type = type,
            Priority = priority,
            AssigneeId = assignee,
            DueAt = due,
            CompletedAt = completed,
            Associations = [.. objects.Select((o, i) => new RecordReference(o, RecordId.From(i + 1)))],
            CreatedBy = UserId.From(creator),
            CreatedAt = created,
        };

    private static Gen<View> View =>
        from owner in Gen.OneOf(Gen.Constant<UserId?>(null), Gen.Choose(1, 50).Select(u => (UserId?)UserId.From(u)))
        from everyone in Gen.Elements(true, false)
        from name in NonBlankText
        from columnCount in Gen.Choose(0, 4)
        from columns in Gen.ListOf(Text, columnCount)
        from hasFilter in Gen.Elements(true, false)
        from filter in FilterGenerators.Filter(FilterModels.Records, new FilterContext(UserId.From(1), NodaTime.Instant.FromUtc(2026, 1, 1, 0, 0), DateTimeZone.Utc), 3)
        from sort in FilterGenerators.Sort(FilterModels.Records)
        from builtIn in Gen.OneOf(Gen.Constant<BuiltInView?>(null), Gen.Elements(Enum.GetValues<BuiltInView>()).Select(b => (BuiltInView?)b))
        from description in OptionalText
        let sharing = everyone || owner is null ? ViewSharing.Everyone : ViewSharing.Private
        select new View(ViewId.From(1), owner, new ViewDefinition(name, sharing, [.. columns], hasFilter ? filter : null, sort), builtIn, description);

    private static Gen<HealthScoreEntry> Score =>
        from name in NonBlankText
        from objectType in Gen.Elements("companies", "contacts", "p_subscriptions")
        from versions in Gen.Choose(0, 3)
        from activatedAt in Gen.ListOf(Instant, versions)
        from status in versions == 0 ? Gen.Constant(HealthScoreStatus.Draft) : Gen.Elements(Enum.GetValues<HealthScoreStatus>())
        let definition = HealthScoreTemplates.FromScratch(name.Trim().Length == 0 ? "score" : name.Trim(), objectType)
        select new HealthScoreEntry(
            HealthScoreId.From(1),
            status,
            definition,
            [.. activatedAt.Select((at, i) => new ScoreVersion(HealthScoreId.From(1), i + 1, at, definition))]);

    private static Gen<WorkspaceSettings> Settings(ImmutableArray<CrmObjectType> revenue) =>
        from owner in OptionalText
        from renewal in OptionalText
        from tabShown in Gen.Elements(true, false)
        from services in Gen.OneOf(Gen.Constant<PipelineObjectSettings?>(null), Pipeline.Select(p => (PipelineObjectSettings?)p))
        from revenueTab in Gen.Elements(true, false)
        from pipelines in Gen.ListOf(Pipeline, revenue.Length)
        select new WorkspaceSettings(
            new CustomerSettings(owner, renewal),
            new ServicesSettings(tabShown, services),
            new RevenueSettings(revenueTab, revenue.Zip(pipelines).ToImmutableDictionary(p => p.First, p => p.Second)));

    private static Gen<PipelineObjectSettings> Pipeline =>
        from owner in NonBlankText
        from date in OptionalText
        from idCount in Gen.Choose(0, 3)
        from ids in Gen.ListOf(NonBlankText, idCount)
        from defaultId in OptionalText
        from layout in OptionalText
        select new PipelineObjectSettings(owner, date, [.. ids], defaultId, layout);

    private static HealthScoreEntry Renumber(HealthScoreEntry entry, HealthScoreId id) =>
        entry with { Id = id, Versions = [.. entry.Versions.Select(v => v with { ScoreId = id })] };

    private static WorkspaceDirectoryState BuildDirectory(
        PortalId portal, IReadOnlyList<string> names, IReadOnlyList<string> descriptions, IReadOnlyList<int> teamCounts, IReadOnlyList<int> gaps, string primaryDescription)
    {
        var unique = names.Select((n, i) => $"{n}#{i}").ToArray();
        var primary = new Workspace(WorkspaceId.From(1), unique[0], primaryDescription, IsPrimary: true, []);
        var workspaces = ImmutableSortedDictionary<WorkspaceId, Workspace>.Empty.Add(primary.Id, primary);
        long number = 1;
        long team = 1;
        for (var i = 0; i < teamCounts.Count; i++)
        {
            number += gaps[i];
            var teams = Enumerable.Range(0, teamCounts[i]).Select(_ => TeamId.From(team++)).ToImmutableSortedSet();
            var workspace = new Workspace(WorkspaceId.From(number), unique[i + 1], descriptions[i + 1], IsPrimary: false, teams);
            workspaces = workspaces.Add(workspace.Id, workspace);
        }

        return new WorkspaceDirectoryState(portal, primary.Id, workspaces, number);
    }
}
