using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.Core.Access;
using CustomerSuccess.Core.Records;
using CustomerSuccess.Core.Schedule;
using CustomerSuccess.Core.Stores.InMemory;
using CustomerSuccess.Core.Tests.Tasks;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using static CustomerSuccess.Core.Tests.Tasks.TaskTestData;

namespace CustomerSuccess.Core.Tests.Schedule;

/// <summary>Rule 62's side panel: the playbooks a user used recently.</summary>
public sealed class RecentPlaybooksTests
{
    private readonly TaskHarness _h = new();
    private static readonly TaskHarness Harness = new();
    private readonly InMemoryPlaybookUsageQuery _uses = new();

    private ScheduleService Service => new(_h.Tasks, new InMemoryMeetingQuery(), _uses, _h.Context);

    private void Use(long playbook, Actor user, Instant at, AccountContext? account = null) => _uses.Record(new PlaybookUse
    {
        PortalId = (account ?? Account).PortalId,
        PlaybookId = PlaybookId.From(playbook),
        PlaybookName = $"Playbook {playbook}",
        UserId = user.UserId,
        UsedAt = at,
        RecordId = RecordId.From(7),
    });

    [Fact]
    [Trait("Rule", "62")]
    public async Task GetRecentPlaybooksAsync_ListsEachPlaybookOnce_AsItsLatestUse_MostRecentFirst()
    {
        Use(1, Csm1, Now - Duration.FromDays(3));
        Use(2, Csm1, Now - Duration.FromHours(5));
        Use(1, Csm1, Now - Duration.FromHours(1));                      // playbook 1 again, later
        Use(3, Csm2, Now - Duration.FromMinutes(10));                   // someone else's
        Use(4, Csm1, Now - Duration.FromMinutes(5), OtherPortal);       // another portal
        Use(5, Csm1, Now + Duration.FromMinutes(1));                    // not yet (the clock's now)

        var recent = await Service.GetRecentPlaybooksAsync(Csm1, Account);

        Assert.True(recent.IsSuccess, recent.ToString());
        Assert.Equal([(1L, Now - Duration.FromHours(1)), (2L, Now - Duration.FromHours(5))], recent.Value.Select(u => (u.PlaybookId.Value, u.UsedAt)));
    }

    [Fact]
    [Trait("Rule", "62")]
    public async Task GetRecentPlaybooksAsync_PortThatIgnoresTheQuery_StillGetsTheLimitAndOnlyTheUsersPortal()
    {
        List<PlaybookUse> all = [.. Enumerable.Range(1, 8).Select(i => new PlaybookUse
        {
            PortalId = Account.PortalId, PlaybookId = PlaybookId.From(i), PlaybookName = $"P{i}", UserId = Csm1.UserId, UsedAt = Now - Duration.FromMinutes(i), RecordId = RecordId.From(7),
        })];
        all.Add(all[0] with { PortalId = OtherPortal.PortalId, PlaybookId = PlaybookId.From(99), UsedAt = Now });
        all.Add(all[0] with { UserId = Csm2.UserId, PlaybookId = PlaybookId.From(98), UsedAt = Now });
        var service = new ScheduleService(_h.Tasks, new InMemoryMeetingQuery(), new EverythingPort(all), _h.Context);

        var recent = await service.GetRecentPlaybooksAsync(Csm1, Account);

        Assert.True(recent.IsSuccess, recent.ToString());
        Assert.Equal([1L, 2L, 3L, 4L, 5L], recent.Value.Select(u => u.PlaybookId.Value));
    }

    /// <summary>A port that answers every use it holds, whatever the query asks (as a careless application might).</summary>
    private sealed class EverythingPort(IReadOnlyList<PlaybookUse> all) : IPlaybookUsageQuery
    {
        public Task<IReadOnlyList<PlaybookUse>> ListRecentAsync(RecentPlaybooksQuery query, CancellationToken cancellationToken = default) =>
            Task.FromResult(all);
    }

    [Fact]
    [Trait("Rule", "62")]
    public async Task GetRecentPlaybooksAsync_KeepsTheLimit_FiveByDefault()
    {
        for (var i = 1; i <= 8; i++)
        {
            Use(i, Csm1, Now - Duration.FromMinutes(i));
        }

        var byDefault = await Service.GetRecentPlaybooksAsync(Csm1, Account);
        var two = await Service.GetRecentPlaybooksAsync(Csm1, Account, limit: 2);

        Assert.Equal(ScheduleService.DefaultRecentPlaybooks, byDefault.Value.Count);
        Assert.Equal([1L, 2L, 3L, 4L, 5L], byDefault.Value.Select(u => u.PlaybookId.Value));
        Assert.Equal([1L, 2L], two.Value.Select(u => u.PlaybookId.Value));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Service.GetRecentPlaybooksAsync(Csm1, Account, limit: 0));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Service.GetRecentPlaybooksAsync(Csm1, Account, limit: RecentPlaybooksQuery.MaxLimit + 1));
    }

    [Fact]
    [Trait("Rule", "62")]
    public async Task GetRecentPlaybooksAsync_NeedsTheWorkspaceTabs_AndTheStoreRejectsIncompleteUses()
    {
        Use(1, Csm1, Now - Duration.FromHours(1));

        var seatless = await Service.GetRecentPlaybooksAsync(SeatlessSuperAdmin, Account);

        Assert.True(seatless.IsFailure);
        Assert.StartsWith("access.", seatless.Error.Code, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => _uses.Record(new PlaybookUse { PortalId = Portal, UserId = Csm1.UserId, UsedAt = Now }));
        Assert.Throws<ArgumentNullException>(() => _uses.Record(null!));
        await Assert.ThrowsAsync<OperationCanceledException>(() => _uses.ListRecentAsync(new RecentPlaybooksQuery(Portal, Csm1.UserId, Now, 5), new CancellationToken(canceled: true)));
    }

    private static Arbitrary<(PlaybookUse[] Uses, int Limit)> Cases() => Arb.From(
        from uses in Gen.ListOf(
            from portal in Gen.Elements(Portal, OtherPortal.PortalId)
            from user in Gen.Elements(Csm1.UserId, Csm2.UserId)
            from playbook in Gen.Choose(1, 6)
            from minutes in Gen.Choose(-3 * 24 * 60, 60)
            select new PlaybookUse { PortalId = portal, UserId = user, PlaybookId = PlaybookId.From(playbook), PlaybookName = $"P{playbook}", UsedAt = Now + Duration.FromMinutes(minutes) })
        from limit in Gen.Choose(1, 8)
        select (uses.ToArray(), limit));

    /// <summary>For any uses of any portals and users, the side panel lists, for the viewer in their portal, each
    /// playbook used up to now exactly once at its latest use, most recent first (ties by id), and no more than asked.</summary>
    [Property(MaxTest = 500)]
    [Trait("Rule", "62")]
    public Property RecentPlaybooks_AreEachPlaybooksLatestUse_UpToNow_MostRecentFirst_WithinTheLimit() =>
        Prop.ForAll(Cases(), @case =>
        {
            var uses = new InMemoryPlaybookUsageQuery();
            foreach (var use in @case.Uses)
            {
                uses.Record(use);
            }

            var service = new ScheduleService(Harness.Tasks, new InMemoryMeetingQuery(), uses, Harness.Context);
            var got = service.GetRecentPlaybooksAsync(Csm1, Account, @case.Limit).GetAwaiter().GetResult().Value;

            // The oracle, written out: the latest use of each playbook by Csm1 in the portal up to now.
            var latest = new Dictionary<long, Instant>();
            foreach (var use in @case.Uses)
            {
                if (use.PortalId == Portal && use.UserId == Csm1.UserId && use.UsedAt <= Now
                    && (!latest.TryGetValue(use.PlaybookId.Value, out var seen) || use.UsedAt > seen))
                {
                    latest[use.PlaybookId.Value] = use.UsedAt;
                }
            }

            var expected = latest.OrderByDescending(p => p.Value).ThenBy(p => p.Key).Take(@case.Limit).Select(p => (p.Key, p.Value)).ToList();
            Assert.Equal(expected, got.Select(u => (u.PlaybookId.Value, u.UsedAt)).ToList());
            Assert.All(got, u => Assert.Equal(Portal, u.PortalId));
        });


}
