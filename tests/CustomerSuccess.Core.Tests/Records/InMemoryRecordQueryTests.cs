using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.Core.Records;
using CustomerSuccess.Core.Specification;
using CustomerSuccess.Core.Stores.InMemory;

namespace CustomerSuccess.Core.Tests.Records;

public class InMemoryRecordQueryTests
{
    private static readonly InMemoryRecordQuery Query = new(Enumerable.Range(1, 7).Select(i => new CrmRecord { Id = RecordId.From(i), Amount = i % 2 }));

    [Fact]
    public async Task QueryAsync_FilterOrderAndPage_CountsAllMatches()
    {
        var spec = new Specification<CrmRecord>();
        spec.Query.Where(r => r.Amount == 1).OrderByDescending(r => r.Id);

        var page = await Query.QueryAsync(spec, PageRequest.Create(2, 3));

        Assert.Equal([1L], page.Items.Select(r => r.Id.Value));
        Assert.Equal(4, page.TotalCount);
        Assert.Equal(2, page.PageCount);
    }

    [Fact]
    public async Task QueryAsync_SpecificationWithPaging_Throws()
    {
        var spec = new Specification<CrmRecord>();
        spec.Query.Take(2);

        await Assert.ThrowsAsync<ArgumentException>(() => Query.QueryAsync(spec, PageRequest.First(10)));
        await Assert.ThrowsAsync<ArgumentException>(() => Query.QueryAsync(new Specification<CrmRecord>(), default));
    }

    [Fact]
    public async Task QueryAsync_CancelledToken_Throws()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Query.QueryAsync(new Specification<CrmRecord>(), PageRequest.First(1), cts.Token));
    }

    [Fact]
    public void Upsert_SameTypeAndId_Replaces()
    {
        var query = new InMemoryRecordQuery();
        query.Upsert(new CrmRecord { Id = RecordId.From(1), ObjectType = "companies", Amount = 1 });
        query.Upsert(new CrmRecord { Id = RecordId.From(1), ObjectType = "companies", Amount = 2 });
        query.Upsert(new CrmRecord { Id = RecordId.From(1), ObjectType = "deals" });

        Assert.Equal(2, query.Records.Count);
        Assert.Equal(2, query.Records[0].Amount);
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
