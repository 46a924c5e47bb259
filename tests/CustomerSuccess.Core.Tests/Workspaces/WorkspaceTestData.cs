using System;
using System.Collections.Generic;
using CustomerSuccess.Core.Access;
using CustomerSuccess.Core.Crm;
using CustomerSuccess.Core.Workspaces;
using NodaTime;

namespace CustomerSuccess.Core.Tests.Workspaces;

/// <summary>Shared fixtures for the workspace tests: a portal, actors, a CRM schema.</summary>
internal static class WorkspaceTestData
{
    public static readonly PortalId Portal = PortalId.From(42);
    public static readonly AccountContext Enterprise = new(Portal, ServiceHubTier.Enterprise);
    public static readonly AccountContext Professional = new(Portal, ServiceHubTier.Professional);
    public static readonly AccountContext Starter = new(Portal, ServiceHubTier.Starter);
    public static readonly Instant Now = Instant.FromUtc(2026, 3, 1, 9, 0);

    public static readonly Actor Manager = Actor.Manager(UserId.From(1));
    public static readonly Actor SuperAdmin = Actor.SuperAdmin(UserId.From(2), hasServiceSeat: true);
    public static readonly Actor SeatlessSuperAdmin = Actor.SuperAdmin(UserId.From(3), hasServiceSeat: false);
    public static readonly Actor Csm = Actor.Csm(UserId.From(4));

    public static readonly WorkspaceId PrimaryId = WorkspaceId.From(1);
    public static readonly Workspace Primary = WorkspaceDirectory.CreateInitialState(Portal).Primary;
    public static readonly CrmObjectType Subscriptions = CrmObjectType.Custom("p_subscriptions");
    public static readonly CrmObjectType Projects = CrmObjectType.Custom("p_projects");

    public static readonly CrmSchema Schema = new(
    [
        new CrmObjectSchema(CrmObjectType.Contacts, [User("contact_csm"), Date("contact_renewal"), new("createdate", CrmPropertyType.DateTime), new("firstname", CrmPropertyType.Text)]),
        new CrmObjectSchema(CrmObjectType.Companies, [User("company_csm"), Date("company_renewal"), new("company_renewal_at", CrmPropertyType.DateTime), new("name", CrmPropertyType.Text)]),
        new CrmObjectSchema(CrmObjectType.Deals, [User("deal_csm"), Date("deal_close"), new("amount", CrmPropertyType.Text)], [Pipe("sales"), Pipe("renewals")]),
        new CrmObjectSchema(CrmObjectType.Services, [User("service_csm"), Date("service_renewal"), new("service_name", CrmPropertyType.Text)], [Pipe("onboarding"), Pipe("support"), Pipe("offboarding")]),
        new CrmObjectSchema(Subscriptions, [User("sub_csm"), Date("sub_end")], [Pipe("subs")]),
        new CrmObjectSchema(Projects, [User("project_csm"), Date("project_end")], [Pipe("projects")]),
    ]);

    /// <summary>The same account without the Services object activated.</summary>
    public static readonly CrmSchema SchemaWithoutServices = new(
        [Schema.Find(CrmObjectType.Contacts)!, Schema.Find(CrmObjectType.Companies)!, Schema.Find(CrmObjectType.Deals)!, Schema.Find(Subscriptions)!]);

    public static TeamId Team(long id) => TeamId.From(id);

    public static WorkspaceDirectory NewDirectory() => new(WorkspaceDirectory.CreateInitialState(Portal), AccessPolicy.Default);

    public static WorkspaceConfiguration NewConfiguration() => new(WorkspaceConfiguration.CreateInitialState(Portal), AccessPolicy.Default);

    public static ServiceContext Context(IClock clock, AccessPolicy? policy = null) => new(policy ?? AccessPolicy.Default, clock);

    public static WorkspaceId Create(WorkspaceDirectory directory, string name, params long[] teams)
    {
        var teamIds = new List<TeamId>();
        foreach (var t in teams)
        {
            teamIds.Add(Team(t));
        }

        return directory.CreateTeamWorkspace(Manager, Enterprise, name, "", teamIds, Now).GetValueOrThrow().Id;
    }

    /// <summary>A team workspace as a fresh directory creates it (the configuration only needs the workspace it is
    /// given).</summary>
    public static Workspace CreateTeamWorkspace(string name, params long[] teams)
    {
        var directory = NewDirectory();
        var id = Create(directory, name, teams);
        return directory.State.Find(id)!;
    }

    public static PipelineObjectSettings Pipelines(string csm, string? date, string[] pipelines, string? defaultPipeline, string? layout = null) =>
        new(csm, date, [.. pipelines], defaultPipeline, layout);

    /// <summary>Runs an operation that must be refused; asserts the code, that the state is the same instance and
    /// equal, and that no event was recorded.</summary>
    public static DomainError AssertRefused(WorkspaceDirectory directory, Func<WorkspaceDirectory, Result> operation, string code) =>
        AssertRefusedOn<WorkspaceDirectory, WorkspaceDirectoryState>(directory, operation, code);

    public static DomainError AssertRefused<T>(WorkspaceDirectory directory, Func<WorkspaceDirectory, Result<T>> operation, string code) =>
        AssertRefusedOn<WorkspaceDirectory, WorkspaceDirectoryState>(directory, a => operation(a).ToResult(), code);

    public static DomainError AssertRefused<T>(WorkspaceConfiguration configuration, Func<WorkspaceConfiguration, Result<T>> operation, string code) =>
        AssertRefusedOn<WorkspaceConfiguration, WorkspaceConfigurationState>(configuration, a => operation(a).ToResult(), code);

    public static DomainError AssertRefusedOn<TAggregate, TState>(TAggregate aggregate, Func<TAggregate, Result> operation, string code)
        where TAggregate : AggregateRoot<TState>
        where TState : class
    {
        var before = aggregate.State;
        var events = aggregate.DomainEvents.Count;
        var result = operation(aggregate);
        Assert.True(result.IsFailure, $"expected {code}, got success");
        Assert.Equal(code, result.Error!.Code);
        Assert.Same(before, aggregate.State);
        Assert.Equal(before, aggregate.State);
        Assert.Equal(events, aggregate.DomainEvents.Count);
        return result.Error;
    }

    private static CrmProperty User(string name) => new(name, CrmPropertyType.User);

    private static CrmProperty Date(string name) => new(name, CrmPropertyType.Date);

    private static CrmPipeline Pipe(string id) => new(id, id.ToUpperInvariant());
}
