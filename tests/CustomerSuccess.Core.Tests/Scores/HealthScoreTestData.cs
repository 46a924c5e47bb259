using System;
using System.Linq;
using CustomerSuccess.Core.Access;
using CustomerSuccess.Core.Crm;
using CustomerSuccess.Core.HealthScores;
using CustomerSuccess.Core.Scores;
using CustomerSuccess.Core.HealthScores.Templates;
using NodaTime;

namespace CustomerSuccess.Core.Tests.Scores;

/// <summary>Shared fixtures for the health-score lifecycle tests.</summary>
internal static class HealthScoreTestData
{
    public static readonly CrmObjectType Companies = CrmObjectType.Companies;
    public static readonly CrmObjectType Contacts = CrmObjectType.Contacts;
    public const string CompaniesName = "companies";
    public const string ContactsName = "contacts";

    public static readonly PortalId Portal = PortalId.From(42);
    public static readonly AccountContext Enterprise = new(Portal, ServiceHubTier.Enterprise);
    public static readonly AccountContext Professional = new(Portal, ServiceHubTier.Professional);
    public static readonly Instant Now = Instant.FromUtc(2026, 3, 1, 9, 0);

    public static readonly Actor Manager = Actor.Manager(UserId.From(1));
    public static readonly Actor SuperAdmin = Actor.SuperAdmin(UserId.From(2), hasServiceSeat: true);
    public static readonly Actor SeatlessSuperAdmin = Actor.SuperAdmin(UserId.From(3), hasServiceSeat: false);
    public static readonly Actor Csm = Actor.Csm(UserId.From(4));
    public static readonly Actor SeatlessManager = Actor.Manager(UserId.From(5)) with { HasServiceSeat = false };

    /// <summary>A complete definition of companies (the starter template): passes activation validation.</summary>
    public static HealthScoreDefinition Complete(string name = "Customer health") =>
        HealthScoreTemplates.Starter(Companies.Name!) with { Name = name };

    /// <summary>A draft whose Max points add up to 105 (rule 78): valid as a draft, refused on activation.</summary>
    public static HealthScoreDefinition SumNot100(string name = "Unbalanced")
    {
        var complete = Complete(name);
        return complete with { Groups = complete.Groups.SetItem(0, complete.Groups[0] with { MaxPoints = complete.Groups[0].MaxPoints + 5 }) };
    }

    /// <summary>A definition with <paramref name="count"/> distinct segments.</summary>
    public static HealthScoreDefinition WithSegments(int count) =>
        Complete() with { Segments = [.. Enumerable.Range(1, count).Select(i => $"Segment {i}")] };

    public static HealthScoreCatalog NewCatalog(HealthScoreCatalogOptions? options = null) =>
        new(HealthScoreCatalog.CreateInitialState(Portal), AccessPolicy.Default, options);

    public static HealthScoreId CreateComplete(HealthScoreCatalog catalog, AccountContext account, string name = "Customer health") =>
        catalog.CreateFromDefinition(Manager, account, Companies, Complete(name), Now).GetValueOrThrow().Id;

    public static HealthScoreId CreateActive(HealthScoreCatalog catalog, AccountContext account, string name = "Customer health")
    {
        var id = CreateComplete(catalog, account, name);
        catalog.Activate(Manager, account, Companies, id, Now).GetValueOrThrow();
        return id;
    }

    /// <summary>Runs a refused operation and checks the code, that the state is unchanged and that no event was recorded.</summary>
    public static DomainError AssertRefused(HealthScoreCatalog catalog, Func<HealthScoreCatalog, Result> operation, string code)
    {
        var before = catalog.State;
        var snapshot = before with { };
        var events = catalog.DomainEvents.Count;
        var result = operation(catalog);
        Assert.True(result.IsFailure, $"expected {code}, got success");
        Assert.Equal(code, result.Error!.Code);
        Assert.Same(before, catalog.State);
        Assert.Equal(snapshot, catalog.State);
        Assert.Equal(events, catalog.DomainEvents.Count);
        return result.Error;
    }

    public static DomainError AssertRefused<T>(HealthScoreCatalog catalog, Func<HealthScoreCatalog, Result<T>> operation, string code) =>
        AssertRefused(catalog, c => operation(c).ToResult(), code);

    public static string[] GroupNames(HealthScoreDefinition definition) => [.. definition.Groups.Select(g => g.Name)];
}
