using System;
using System.Linq;
using CustomerSuccess.Core.Specification.Tests.Support;

namespace CustomerSuccess.Core.Specification.Tests.Evaluators;

public class PaginationEvaluatorTests
{
    private static readonly SpecRecord[] Data = [.. Enumerable.Range(1, 5).Select(i => SpecRecord.Of(i))];

    public static TheoryData<int, int, int[]> Cases => new()
    {
        { -1, -1, [1, 2, 3, 4, 5] },
        { 2, -1, [3, 4, 5] },
        { -1, 2, [1, 2] },
        { 2, 2, [3, 4] },
        { 0, 0, [] },
        { 0, -1, [1, 2, 3, 4, 5] },
        { 4, 10, [5] },
        { 9, 1, [] },
    };

    private static Specification<SpecRecord> Spec(int skip, int take)
    {
        var spec = new Specification<SpecRecord>();
        spec.Query.Skip(skip, skip >= 0).Take(take, take >= 0);
        return spec;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Evaluate_SkipAndTake_PagesAsExpected(int skip, int take, int[] expected)
    {
        Assert.Equal(expected, PaginationEvaluator.Instance.Evaluate(Data, Spec(skip, take)).Select(x => x.Id));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void GetQuery_SkipAndTake_PagesAsExpected(int skip, int take, int[] expected)
    {
        Assert.Equal(expected, PaginationEvaluator.Instance.GetQuery(Data.AsQueryable(), Spec(skip, take)).Select(x => x.Id));
    }

    [Fact]
    public void GetQuery_ZeroSkip_AddsNoSkipOperator()
    {
        var query = PaginationEvaluator.Instance.GetQuery(Data.AsQueryable(), Spec(0, -1));

        Assert.DoesNotContain("Skip", query.Expression.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void IsCriteriaEvaluator_IsFalse()
    {
        Assert.False(PaginationEvaluator.Instance.IsCriteriaEvaluator);
    }

    [Fact]
    public void NullArguments_ThrowArgumentNullException()
    {
        var spec = new Specification<SpecRecord>();

        Assert.Throws<ArgumentNullException>(() => PaginationEvaluator.Instance.Evaluate(null!, spec));
        Assert.Throws<ArgumentNullException>(() => PaginationEvaluator.Instance.Evaluate(Data, null!));
        Assert.Throws<ArgumentNullException>(() => PaginationEvaluator.Instance.GetQuery(null!, spec));
        Assert.Throws<ArgumentNullException>(() => PaginationEvaluator.Instance.GetQuery(Data.AsQueryable(), null!));
    }
}
