using System;
using System.Linq;
using CustomerSuccess.Core.Specification.Tests.Support;

namespace CustomerSuccess.Core.Specification.Tests.Evaluators;

public class SpecificationEvaluatorTests
{
    private static readonly SpecRecord[] Data =
    [
        SpecRecord.Of(1, score: 5),
        SpecRecord.Of(2, score: 9),
        SpecRecord.Of(3, score: 5),
        SpecRecord.Of(4, score: 1),
        SpecRecord.Of(5, score: 7),
    ];

    private sealed class EvenIdsFromItemsEvaluator : IEvaluator
    {
        public bool IsCriteriaEvaluator => true;

        public IQueryable<T> GetQuery<T>(IQueryable<T> query, ISpecification<T> specification)
            where T : class
            => specification.Items.ContainsKey("evenIds") && query is IQueryable<SpecRecord> records
                ? (IQueryable<T>)records.Where(x => x.Id % 2 == 0)
                : query;
    }

    private static Specification<SpecRecord> FullSpec()
    {
        var spec = new Specification<SpecRecord>();
        spec.Query.Where(x => x.Score >= 5).OrderByDescending(x => x.Score).ThenBy(x => x.Id).Skip(1).Take(2);
        return spec;
    }

    [Fact]
    public void Default_Pipeline_IsWhereOrderPaging()
    {
        Assert.Equal<IEvaluator>([WhereEvaluator.Instance, OrderEvaluator.Instance, PaginationEvaluator.Instance], SpecificationEvaluator.Default.Evaluators);
    }

    [Fact]
    public void GetQuery_FullSpec_FiltersOrdersThenPages()
    {
        var result = SpecificationEvaluator.Default.GetQuery(Data.AsQueryable(), FullSpec()).Select(x => x.Id);

        Assert.Equal([5, 1], result);
    }

    [Fact]
    public void GetQuery_CriteriaOnly_IgnoresOrderAndPaging()
    {
        var result = SpecificationEvaluator.Default.GetQuery(Data.AsQueryable(), FullSpec(), evaluateCriteriaOnly: true).Select(x => x.Id);

        Assert.Equal([1, 2, 3, 5], result);
    }

    [Fact]
    public void GetQuery_CriteriaOnlyWithDuplicateOrderChains_DoesNotThrow()
    {
        var spec = FullSpec();
        spec.Query.OrderBy(x => x.Id);

        Assert.Throws<DuplicateOrderChainException>(() => SpecificationEvaluator.Default.GetQuery(Data.AsQueryable(), spec));
        Assert.Equal(4, SpecificationEvaluator.Default.GetQuery(Data.AsQueryable(), spec, evaluateCriteriaOnly: true).Count());
    }

    [Fact]
    public void GetQuery_CustomPipeline_RunsCustomEvaluatorReadingItems()
    {
        var evaluator = new SpecificationEvaluator([WhereEvaluator.Instance, new EvenIdsFromItemsEvaluator(), OrderEvaluator.Instance]);
        var spec = new Specification<SpecRecord>();
        spec.Query.Where(x => x.Score > 1).OrderByDescending(x => x.Id);
        spec.Items["evenIds"] = true;

        Assert.Equal([2], evaluator.GetQuery(Data.AsQueryable(), spec).Select(x => x.Id));
        Assert.Equal([2], evaluator.GetQuery(Data.AsQueryable(), spec, evaluateCriteriaOnly: true).Select(x => x.Id));
    }

    [Fact]
    public void Ctor_EvaluatorList_IsCopied()
    {
        IEvaluator[] list = [WhereEvaluator.Instance];
        var evaluator = new SpecificationEvaluator(list);

        list[0] = PaginationEvaluator.Instance;

        Assert.Same(WhereEvaluator.Instance, Assert.Single(evaluator.Evaluators));
    }

    [Fact]
    public void Ctor_InvalidList_Throws()
    {
        Assert.Equal("evaluators", Assert.Throws<ArgumentNullException>(() => new SpecificationEvaluator(null!)).ParamName);
        Assert.Equal("evaluators", Assert.Throws<ArgumentException>(() => new SpecificationEvaluator([WhereEvaluator.Instance, null!])).ParamName);
    }

    [Fact]
    public void GetQuery_NullArguments_ThrowArgumentNullException()
    {
        Assert.Equal("inputQuery", Assert.Throws<ArgumentNullException>(() => SpecificationEvaluator.Default.GetQuery(null!, FullSpec())).ParamName);
        Assert.Equal("specification", Assert.Throws<ArgumentNullException>(() => SpecificationEvaluator.Default.GetQuery(Data.AsQueryable(), null!)).ParamName);
    }
}
