using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Core.Access;
using CustomerSuccess.Core.Crm;
using CustomerSuccess.Core.Records;
using CustomerSuccess.Core.Stores.InMemory;
using CustomerSuccess.Core.Views;
using CustomerSuccess.Core.Workspaces;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using NodaTime.Testing;

namespace CustomerSuccess.Core.Tests.Isolation;

/// <summary>Rule 28 on every tab: a user reads the content of exactly one workspace, the one of their primary team
/// (else the primary workspace); super admins read every workspace; "view as user" reads what the viewed user reads.</summary>
public sealed class WorkspaceVisibilityProperties
{
    private static readonly AccountContext Account = new(PortalId.From(1), ServiceHubTier.Enterprise);
    private static readonly Actor Admin = Actor.SuperAdmin(UserId.From(1), hasServiceSeat: true);
    private static readonly CrmObjectSchema Companies = new(CrmObjectType.Companies, []);

    public sealed record Setup(int[][] TeamsPerWorkspace, int? PrimaryTeam, bool SuperAdmin, bool ViewedByManager)
    {
        public override string ToString() =>
            $"workspaces [{string.Join("; ", TeamsPerWorkspace.Select(t => string.Join(",", t)))}], user team {PrimaryTeam}, super admin {SuperAdmin}, view-as {ViewedByManager}";
    }

    private static Arbitrary<Setup> Setups() =>
        (from count in Gen.Choose(0, WorkspaceDirectory.MaxTeamWorkspaces)
         from teams in Gen.ArrayOf(Gen.SubListOf(Enumerable.Range(1, 8).ToArray()).Select(t => t.ToArray()), count)
         from team in Gen.Frequency((1, Gen.Constant<int?>(null)), (4, Gen.Choose(1, 9).Select(t => (int?)t)))
         from superAdmin in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
         from viewAs in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
         select new Setup(Distinct(teams), team, superAdmin, viewAs)).ToArbitrary();

    /// <summary>A team is in one workspace at most (rule 27): keep each team in the first workspace that lists it.</summary>
    private static int[][] Distinct(int[][] teams)
    {
        var taken = new HashSet<int>();
        return [.. teams.Select(ts => ts.Where(taken.Add).ToArray())];
    }

    [Property(MaxTest = 500)]
    [Trait("Rule", "28")]
    public Property AnyDirectoryAndUser_ReadableWorkspacesAreExactlyThoseRule28Gives() =>
        Prop.ForAll(Setups(), setup =>
        {
            var directories = new InMemoryWorkspaceDirectoryStore();
            var context = new ServiceContext(AccessPolicy.Default, new FakeClock(Instant.FromUtc(2026, 1, 1, 0, 0)));
            var workspaces = new WorkspaceService(directories, context);
            var views = new ViewService(new InMemoryViewCatalogStore(), new InMemoryRecordQuery(), directories, context);
            var created = new List<WorkspaceId>();
            for (var i = 0; i < setup.TeamsPerWorkspace.Length; i++)
            {
                var change = workspaces.CreateTeamWorkspaceAsync(Admin, Account, $"W{i}", null, setup.TeamsPerWorkspace[i].Select(t => TeamId.From(t))).GetAwaiter().GetResult();
                created.Add(change.Value.Output.Id);
            }

            TeamId? team = setup.PrimaryTeam is { } t ? TeamId.From(t) : null;
            var user = setup.SuperAdmin ? Actor.SuperAdmin(UserId.From(5), hasServiceSeat: true, team) : Actor.Csm(UserId.From(5), team);
            var actor = setup.ViewedByManager ? Actor.Manager(UserId.From(6)).ViewAs(user) : user;

            // Rule 28 with ambiguity B13, written out independently: the workspace holding the user's team, else the primary.
            var home = setup.PrimaryTeam is { } pt && setup.TeamsPerWorkspace.Select((ts, i) => (ts, i)).FirstOrDefault(x => x.ts.Contains(pt)) is { ts: not null } hit
                ? created[hit.i]
                : WorkspaceId.From(1);
            List<WorkspaceId> all = [WorkspaceId.From(1), .. created];
            var expected = setup.SuperAdmin ? all : [home];

            var readable = all.Where(id =>
                views.GetViewsAsync(actor, Account, ViewCatalogKey.Create(Account.PortalId, id, ViewTab.Customers)).GetAwaiter().GetResult().IsSuccess).ToList();
            var listable = all.Where(id =>
                views.ListRecordsAsync(actor, Account, new RecordListRequest(ViewCatalogKey.Create(Account.PortalId, id, ViewTab.Customers), ViewId.From(1), Companies, DateTimeZone.Utc, PageRequest.First(10)))
                    .GetAwaiter().GetResult().IsSuccess).ToList();
            var refusals = all.Except(expected).Select(id =>
                views.GetViewsAsync(actor, Account, ViewCatalogKey.Create(Account.PortalId, id, ViewTab.Customers)).GetAwaiter().GetResult().Error!.Code).Distinct().ToList();

            Assert.Equal(expected, readable);
            Assert.Equal(expected, listable);
            Assert.All(refusals, code => Assert.Equal(AccessErrors.WorkspaceNotVisibleCode, code));
            Assert.Equal(expected.Count == 1 ? expected[0] : home, workspaces.GetVisibleWorkspaceAsync(actor, Account).GetAwaiter().GetResult().Value.Id);
            return true;
        });
}
