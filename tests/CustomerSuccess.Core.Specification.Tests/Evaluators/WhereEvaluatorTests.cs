using System;
using System.Linq;
using CustomerSuccess.Core.Specification.Tests.Support;

namespace CustomerSuccess.Core.Specification.Tests.Evaluators;

public class WhereEvaluatorTests
{
    private static readonly SpecRecord[] Data =
    [
        SpecRecord.Of(1, score: 5, name: "ann"),
        SpecRecord.Of(2, score: 9, name: null),
        SpecRecord.Of(3, score: 1, name: "bob"),
    ];

    private static Specification<SpecRecord> Spec()
    {
        var spec = new Specification<SpecRecord>();
        spec.Query.Where(x => x.Score > 2).Where(x => x.Name != null).OrderByDescending(x => x.Id).Take(0);
        return spec;
    }

    [Fact]
    public void IsCriteriaEvaluator_IsTrue()
    {
        Assert.True(WhereEvaluator.Instance.IsCriteriaEvaluator);
    }

    [Fact]
    public void Evaluate_AppliesAllFiltersOnly()
    {
        Assert.Equal([1], WhereEvaluator.Instance.Evaluate(Data, Spec()).Select(x => x.Id));
    }

    [Fact]
    public void GetQuery_AppliesAllFiltersOnly()
    {
        Assert.Equal([1], WhereEvaluator.Instance.GetQuery(Data.AsQueryable(), Spec()).Select(x => x.Id));
    }

    [Fact]
    public void Evaluate_NoFilters_ReturnsSourceUnchanged()
    {
        var spec = new Specification<SpecRecord>();

        Assert.Same(Data, WhereEvaluator.Instance.Evaluate(Data, spec));
    }

    [Fact]
    public void NullArguments_ThrowArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => WhereEvaluator.Instance.Evaluate(null!, Spec()));
        Assert.Throws<ArgumentNullException>(() => WhereEvaluator.Instance.Evaluate(Data, null!));
        Assert.Throws<ArgumentNullException>(() => WhereEvaluator.Instance.GetQuery(null!, Spec()));
        Assert.Throws<ArgumentNullException>(() => WhereEvaluator.Instance.GetQuery(Data.AsQueryable(), null!));
    }
}
