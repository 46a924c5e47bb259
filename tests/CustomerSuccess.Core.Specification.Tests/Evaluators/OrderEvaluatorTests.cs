using System;
using System.Linq;
using CustomerSuccess.Core.Specification.Tests.Support;

namespace CustomerSuccess.Core.Specification.Tests.Evaluators;

public class OrderEvaluatorTests
{
    private static readonly SpecRecord[] Data =
    [
        SpecRecord.Of(1, score: 5, name: "b", optionalScore: 2),
        SpecRecord.Of(2, score: 9, name: null, optionalScore: null),
        SpecRecord.Of(3, score: 5, name: "a", optionalScore: 1),
        SpecRecord.Of(4, score: 1, name: "c", optionalScore: null),
    ];

    public static TheoryData<string, int[]> Chains => new()
    {
        { "score asc, id desc", [4, 3, 1, 2] },
        { "score desc, name asc", [2, 3, 1, 4] },
        { "name asc", [2, 3, 1, 4] },
        { "optional desc, id asc", [1, 3, 2, 4] },
        { "optional is null, then optional desc", [1, 3, 4, 2] },
    };

    private static Specification<SpecRecord> Build(string chain)
    {
        var spec = new Specification<SpecRecord>();
        _ = chain switch
        {
            "score asc, id desc" => spec.Query.OrderBy(x => x.Score).ThenByDescending(x => x.Id),
            "score desc, name asc" => spec.Query.OrderByDescending(x => x.Score).ThenBy(x => x.Name),
            "name asc" => spec.Query.OrderBy(x => x.Name),
            "optional desc, id asc" => spec.Query.OrderByDescending(x => x.OptionalScore).ThenBy(x => x.Id),
            "optional is null, then optional desc" => spec.Query.OrderBy(x => x.OptionalScore == null).ThenByDescending(x => x.OptionalScore).ThenByDescending(x => x.Id),
            _ => throw new ArgumentOutOfRangeException(nameof(chain)),
        };
        return spec;
    }

    [Theory]
    [MemberData(nameof(Chains))]
    public void Evaluate_Chain_OrdersAsExpected(string chain, int[] expectedIds)
    {
        Assert.Equal(expectedIds, OrderEvaluator.Instance.Evaluate(Data, Build(chain)).Select(x => x.Id));
    }

    [Theory]
    [MemberData(nameof(Chains))]
    public void GetQuery_Chain_OrdersAsExpected(string chain, int[] expectedIds)
    {
        Assert.Equal(expectedIds, OrderEvaluator.Instance.GetQuery(Data.AsQueryable(), Build(chain)).Select(x => x.Id));
    }

    [Fact]
    public void IsCriteriaEvaluator_IsFalse()
    {
        Assert.False(OrderEvaluator.Instance.IsCriteriaEvaluator);
    }

    [Fact]
    public void Evaluate_NoOrdering_ReturnsSourceUnchanged()
    {
        var spec = new Specification<SpecRecord>();

        Assert.Same(Data, OrderEvaluator.Instance.Evaluate(Data, spec));
    }

    [Fact]
    public void Evaluate_EqualKeys_KeepsSourceOrder()
    {
        var spec = new Specification<SpecRecord>();
        spec.Query.OrderBy(x => x.Score);

        Assert.Equal([4, 1, 3, 2], OrderEvaluator.Instance.Evaluate(Data, spec).Select(x => x.Id));
        Assert.Equal([4, 1, 3, 2], OrderEvaluator.Instance.GetQuery(Data.AsQueryable(), spec).Select(x => x.Id));
    }

    [Fact]
    public void TwoChains_ThrowDuplicateOrderChainExceptionImmediately()
    {
        var spec = new Specification<SpecRecord>();
        spec.Query.OrderBy(x => x.Score);
        spec.Query.OrderByDescending(x => x.Id);

        Assert.Throws<DuplicateOrderChainException>(() => OrderEvaluator.Instance.Evaluate(Data, spec));
        Assert.Throws<DuplicateOrderChainException>(() => OrderEvaluator.Instance.GetQuery(Data.AsQueryable(), spec));
    }

    [Fact]
    public void HandMadeSpecStartingWithThenBy_ThrowsInvalidOperationException()
    {
        var spec = new FakeSpecification<SpecRecord>();
        spec.Orders.Add(new OrderExpressionInfo<SpecRecord>(x => x.Id, OrderTypeEnum.ThenBy));

        var ex = Assert.Throws<InvalidOperationException>(() => OrderEvaluator.Instance.Evaluate(Data, spec));
        Assert.IsNotType<DuplicateOrderChainException>(ex);
        Assert.Throws<InvalidOperationException>(() => OrderEvaluator.Instance.GetQuery(Data.AsQueryable(), spec));
    }

    [Fact]
    public void NullArguments_ThrowArgumentNullException()
    {
        var spec = new Specification<SpecRecord>();

        Assert.Throws<ArgumentNullException>(() => OrderEvaluator.Instance.Evaluate(null!, spec));
        Assert.Throws<ArgumentNullException>(() => OrderEvaluator.Instance.Evaluate(Data, null!));
        Assert.Throws<ArgumentNullException>(() => OrderEvaluator.Instance.GetQuery(null!, spec));
        Assert.Throws<ArgumentNullException>(() => OrderEvaluator.Instance.GetQuery(Data.AsQueryable(), null!));
    }
}
