using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.Core.Crm;
using CustomerSuccess.Core.Records;
using CustomerSuccess.Core.Specification;
using CustomerSuccess.Core.Stores.InMemory;

namespace CustomerSuccess.Core.Tests.Records;

public class InMemoryRecordQueryTests
{
    private static readonly PortalId Portal = PortalId.From(1);
    private static readonly PortalId OtherPortal = PortalId.From(2);

    private static readonly InMemoryRecordQuery Query = new(
        Enumerable.Range(1, 7).Select(i => Record(Portal, CrmObjectType.Companies, i, i % 2))
            .Concat(Enumerable.Range(1, 7).Select(i => Record(OtherPortal, CrmObjectType.Companies, i, 1)))
            .Concat(Enumerable.Range(1, 7).Select(i => Record(Portal, CrmObjectType.Deals, i, 1))));

    private static CrmRecord Record(PortalId portal, CrmObjectType type, long id, decimal amount) =>
        new() { PortalId = portal, ObjectType = type, Id = RecordId.From(id), Amount = amount };

    private static RecordQuery Request(Specification<CrmRecord> spec, PageRequest page) => new(Portal, CrmObjectType.Companies, spec, page);

    [Fact]
    public async Task QueryAsync_FilterOrderAndPage_CountsAllMatches()
    {
        var spec = new Specification<CrmRecord>();
        spec.Query.Where(r => r.Amount == 1).OrderByDescending(r => r.Id);

        var page = await Query.QueryAsync(Request(spec, PageRequest.Create(2, 3)));

        Assert.Equal([1L], page.Items.Select(r => r.Id.Value));
        Assert.Equal(4, page.TotalCount);
        Assert.Equal(2, page.PageCount);
    }

    [Fact]
    public async Task QueryAsync_SpecificationWithPaging_Throws()
    {
        var spec = new Specification<CrmRecord>();
        spec.Query.Take(2);

        Assert.Throws<ArgumentException>(() => Request(spec, PageRequest.First(10)));
        Assert.Throws<ArgumentException>(() => Request(new Specification<CrmRecord>(), default));
        Assert.Throws<ArgumentException>(() => new RecordQuery(default, CrmObjectType.Companies, new Specification<CrmRecord>(), PageRequest.First(1)));
        Assert.Throws<ArgumentException>(() => new RecordQuery(Portal, default, new Specification<CrmRecord>(), PageRequest.First(1)));
        await Assert.ThrowsAsync<ArgumentNullException>(() => Query.QueryAsync(null!));
    }

    [Fact]
    public async Task QueryAsync_CancelledToken_Throws()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Query.QueryAsync(Request(new Specification<CrmRecord>(), PageRequest.First(1)), cts.Token));
    }

    [Fact]
    public async Task QueryAsync_OnlyReadsTheRequestedPortalAndObject()
    {
        var everything = await Query.QueryAsync(Request(new Specification<CrmRecord>(), PageRequest.First(100)));

        Assert.Equal(7, everything.TotalCount);
        Assert.All(everything.Items, r => Assert.Equal((Portal, CrmObjectType.Companies), (r.PortalId, r.ObjectType)));
    }

    [Fact]
    public void Upsert_SamePortalTypeAndId_Replaces()
    {
        var query = new InMemoryRecordQuery();
        query.Upsert(Record(Portal, CrmObjectType.Companies, 1, 1));
        query.Upsert(Record(Portal, CrmObjectType.Companies, 1, 2));
        query.Upsert(Record(Portal, CrmObjectType.Deals, 1, 3));
        query.Upsert(Record(OtherPortal, CrmObjectType.Companies, 1, 4));

        Assert.Equal(3, query.Records.Count);
        Assert.Equal(2, query.Records[0].Amount);
        Assert.Throws<ArgumentException>(() => query.Upsert(new CrmRecord { Id = RecordId.From(1) }));
        Assert.Throws<ArgumentException>(() => new InMemoryRecordQuery([Record(Portal, CrmObjectType.Deals, 1, 1), Record(Portal, CrmObjectType.Deals, 1, 2)]));
    }

    [Fact]
    public async Task RecordStore_UpsertReplacesDeleteCounts_BadBatchesWriteNothing()
    {
        var store = new InMemoryRecordQuery();
        await store.UpsertAsync([Record(Portal, CrmObjectType.Companies, 1, 1), Record(Portal, CrmObjectType.Companies, 2, 2), Record(OtherPortal, CrmObjectType.Companies, 1, 3)]);
        await store.UpsertAsync([Record(Portal, CrmObjectType.Companies, 1, 10)]);

        Assert.Equal(10, store.Records.Single(r => r.PortalId == Portal && r.Id.Value == 1).Amount);
        Assert.Equal(1, await store.DeleteAsync(Portal, CrmObjectType.Companies, [RecordId.From(1), RecordId.From(99)]));
        Assert.Equal(2, store.Records.Count);

        await Assert.ThrowsAsync<ArgumentException>(() => store.UpsertAsync([Record(Portal, CrmObjectType.Deals, 5, 1), Record(Portal, CrmObjectType.Deals, 5, 2)]));
        await Assert.ThrowsAsync<ArgumentException>(() => store.UpsertAsync([Record(Portal, CrmObjectType.Deals, 6, 1) with { Properties = [CrmPropertyValue.Text("a", "x"), CrmPropertyValue.Text("a", "y")] }]));
        await Assert.ThrowsAsync<ArgumentNullException>(() => store.UpsertAsync(null!));
        await Assert.ThrowsAsync<ArgumentException>(() => store.DeleteAsync(default, CrmObjectType.Deals, []));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.UpsertAsync([Record(Portal, CrmObjectType.Deals, 7, 1)], cancelled.Token));
        Assert.Equal(2, store.Records.Count);
    }

    [Fact]
    public void PageRequest_OutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PageRequest.Create(0, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => PageRequest.Create(1, PageRequest.MaxPageSize + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => PageRequest.Create(int.MaxValue, 2));
        Assert.Equal(20, PageRequest.Create(3, 10).Skip);
        Assert.Equal(0, PageRequest.First(1).Skip);
    }
}
