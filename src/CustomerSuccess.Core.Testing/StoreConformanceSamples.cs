using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using CustomerSuccess.Core.Alerts;
using CustomerSuccess.Core.Crm;
using CustomerSuccess.Core.Filters;
using CustomerSuccess.Core.HealthScores;
using CustomerSuccess.Core.HealthScores.History;
using CustomerSuccess.Core.HealthScores.Templates;
using CustomerSuccess.Core.Records;
using CustomerSuccess.Core.Scores;
using CustomerSuccess.Core.Views;
using CustomerSuccess.Core.Workspaces;
using NodaTime;

namespace CustomerSuccess.Core.Testing;

/// <summary>The states the kit stores: variant 0 is what a portal starts with; variants 1 and 2 carry Unicode (combining
/// marks, emoji, right-to-left text, quotes, backslashes, control characters), empty strings and collections, nulls and
/// instants with nanoseconds.</summary>
internal static class StoreConformanceSamples
{
    private static readonly Instant At = Instant.FromUtc(2026, 3, 29, 1, 30, 15).PlusNanoseconds(123_456_789);

    public static WorkspaceDirectoryState Directory(PortalId portal, int variant)
    {
        var state = WorkspaceDirectory.CreateInitialState(portal);
        if (variant == 0)
        {
            return state;
        }

        var workspaces = state.Workspaces
            .Add(WorkspaceId.From(2), new Workspace(WorkspaceId.From(2), "Équipe Ω 😀", "עברית — \"quoted\" \\ tab\t", IsPrimary: false, [TeamId.From(10), TeamId.From(11)]))
            .Add(WorkspaceId.From(4), new Workspace(WorkspaceId.From(4), "e\u0301 combining", string.Empty, IsPrimary: false, []));
        return variant == 1
            ? state with { Workspaces = workspaces, LastWorkspaceNumber = 4 }
            : state with { Workspaces = workspaces.Remove(WorkspaceId.From(4)), LastWorkspaceNumber = 9 };
    }

    public static WorkspaceConfigurationState Configuration(PortalId portal, int variant)
    {
        var state = WorkspaceConfiguration.CreateInitialState(portal);
        if (variant == 0)
        {
            return state;
        }

        var custom = CrmObjectType.Custom("p_abonnements_ü");
        var objects = new CsObjectSettings(CrmObjectType.Companies, variant == 1 ? CrmObjectType.Services : null, [CrmObjectType.Deals, custom], CrmObjectType.Deals);
        var settings = new WorkspaceSettings(
            new CustomerSettings("company_csm", variant == 1 ? null : "renewal — 日本"),
            new ServicesSettings(variant == 1, new PipelineObjectSettings("owner", null, [], null, "layout ✓")),
            new RevenueSettings(true, ImmutableDictionary<CrmObjectType, PipelineObjectSettings>.Empty
                .Add(custom, new PipelineObjectSettings("owner", "close_date", ["a", "b"], "a", null))));
        return state with
        {
            Objects = objects,
            Settings = ImmutableSortedDictionary.CreateRange(new Dictionary<WorkspaceId, WorkspaceSettings>
            {
                [WorkspaceId.From(1)] = settings,
                [WorkspaceId.From(variant + 1)] = WorkspaceSettings.Default,
            }),
        };
    }

    public static ViewCatalogState ViewCatalog(ViewCatalogKey key, int variant)
    {
        var state = Views.ViewCatalog.CreateInitialState(key);
        if (variant == 0)
        {
            return state;
        }

        var filter = ViewFilter.And(
            ViewFilter.Condition("tier", FilterOperator.IsAnyOf, FilterValue.Text("gold 🥇"), FilterValue.Text(string.Empty)),
            ViewFilter.Or(
                ViewFilter.Condition("renewal_date", FilterOperator.Between, FilterValue.Date(new LocalDate(2026, 1, 1)), FilterValue.Date(new LocalDate(2026, 12, 31))),
                ViewFilter.Condition(RecordFilterTarget.Amount, FilterOperator.GreaterThan, FilterValue.Number(10_000.25m))));
        var last = state.LastViewId;
        var mine = new View(ViewId.From(last + 1), UserId.From(7), ViewDefinition.Create("Mine — «privé»", ViewSharing.Private, [], filter, new ViewSort("renewal_date", SortDirection.Descending)));
        var shared = new View(ViewId.From(last + 2), UserId.From(8), ViewDefinition.Create("Shared \"view\" \\ ✓", ViewSharing.Everyone, [RecordFilterTarget.CsmOwner, string.Empty]), Description: null);
        return variant == 1
            ? state with { Views = [.. state.Views, mine, shared], DefaultViewIds = [shared.Id, .. state.DefaultViewIds], LastViewId = last + 2 }
            : state with { Views = [.. state.Views, shared], DefaultViewIds = [], LastViewId = last + 5 };
    }

    public static HealthScoreCatalogState HealthScoreCatalog(PortalId portal, int variant)
    {
        var state = Scores.HealthScoreCatalog.CreateInitialState(portal);
        if (variant == 0)
        {
            return state;
        }

        var definition = HealthScoreTemplates.Starter("companies") with { Name = variant == 1 ? "Santé client — Ω 😀" : "Health" };
        var active = new HealthScoreEntry(
            HealthScoreId.From(1),
            HealthScoreStatus.Active,
            definition,
            [new ScoreVersion(HealthScoreId.From(1), 1, At, definition)]);
        var draft = new HealthScoreEntry(HealthScoreId.From(2), HealthScoreStatus.Draft, HealthScoreTemplates.FromScratch("draft ✎", "companies"), []);
        return variant == 1
            ? state with { Scores = [active, draft], LastScoreNumber = 2 }
            : state with { Scores = [active], LastScoreNumber = 3 };
    }

    public static Exception Unknown(int variant) => new ArgumentOutOfRangeException(nameof(variant), variant, "Variants are 0, 1 and 2.");

    public static AlertBookState AlertBook(PortalId portal, int variant)
    {
        var state = Alerts.AlertBook.CreateInitialState(portal);
        if (variant == 0)
        {
            return state;
        }

        var version = new ScoreVersionKey(HealthScoreId.From(3), 2);
        var first = new Alert(AlertId.From(4), RecordId.From(1001), version, ScoringRunId.From(77), UserId.From(7), HealthStatus.Healthy, HealthStatus.AtRisk, 81, 12, At, At + Duration.FromDays(14), AlertStatus.Active, null, null, null);
        var second = first with { Id = AlertId.From(9), CustomerId = RecordId.From(1002), Status = AlertStatus.Dismissed, EndedAt = At.PlusNanoseconds(1) };
        var third = first with
        {
            Id = AlertId.From(10),
            CustomerId = RecordId.From(long.MaxValue),
            Status = AlertStatus.Superseded,
            EndedAt = At + Duration.FromHours(1),
            SupersededBy = AlertId.From(11),
            SupersedeReason = SupersedeReason.Overflow,
        };
        var fourth = first with { Id = AlertId.From(11), CustomerId = RecordId.From(1003), OwnerId = UserId.From(8), From = HealthStatus.Neutral, To = HealthStatus.Healthy, ScoreBefore = 50, ScoreAfter = 100 };
        return variant == 1
            ? state with { Alerts = [first, second], LastAlertNumber = 9 }
            : state with { Alerts = [first, third, fourth with { Status = AlertStatus.Expired, EndedAt = fourth.ExpiresAt }], LastAlertNumber = 12 };
    }

    public static ScoreOverrideBookState ScoreOverrides(PortalId portal, int variant)
    {
        var state = ScoreOverrideBook.CreateInitialState(portal);
        var first = new ScoreOverride(1001, HealthScoreId.From(1), 15, null, "Sponsor left — \"renewal\" at risk 😟", 7, At, At + Duration.FromDays(30));
        var second = new ScoreOverride(long.MaxValue, HealthScoreId.From(2), null, HealthStatus.Healthy, "e\u0301 עברית\ttab", 8, At.PlusNanoseconds(1), At + Duration.FromDays(1));
        return variant switch
        {
            0 => state,
            1 => state with { Overrides = [first] },
            _ => state with { Overrides = [first, second] },
        };
    }
}
