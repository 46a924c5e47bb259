using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Core.Specification.Tests.Support;

namespace CustomerSuccess.Core.Specification.Tests.Evaluators;

public class InMemorySpecificationEvaluatorTests
{
    private static readonly SpecRecord[] Data =
    [
        SpecRecord.Of(1, score: 5),
        SpecRecord.Of(2, score: 9),
        SpecRecord.Of(3, score: 5),
        SpecRecord.Of(4, score: 1),
        SpecRecord.Of(5, score: 7),
    ];

    private sealed class TakeFirstFromItemsEvaluator : IInMemoryEvaluator
    {
        public IEnumerable<T> Evaluate<T>(IEnumerable<T> query, ISpecification<T> specification)
            => specification.Items.TryGetValue("first", out var n) ? query.Take((int)n) : query;
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
        Assert.Equal<IInMemoryEvaluator>([WhereEvaluator.Instance, OrderEvaluator.Instance, PaginationEvaluator.Instance], InMemorySpecificationEvaluator.Default.Evaluators);
    }

    [Fact]
    public void Evaluate_FullSpec_FiltersOrdersThenPages()
    {
        Assert.Equal([5, 1], InMemorySpecificationEvaluator.Default.Evaluate(Data, FullSpec()).Select(x => x.Id));
    }

    [Fact]
    public void Evaluate_WhereOnlyPipeline_IsCriteriaOnly()
    {
        var criteriaOnly = new InMemorySpecificationEvaluator([WhereEvaluator.Instance]);

        Assert.Equal([1, 2, 3, 5], criteriaOnly.Evaluate(Data, FullSpec()).Select(x => x.Id));
    }

    [Fact]
    public void Evaluate_CustomEvaluator_ReadsItems()
    {
        var evaluator = new InMemorySpecificationEvaluator([WhereEvaluator.Instance, new TakeFirstFromItemsEvaluator()]);
        var spec = new Specification<SpecRecord>();
        spec.Query.Where(x => x.Score >= 5);
        spec.Items["first"] = 2;

        Assert.Equal([1, 2], evaluator.Evaluate(Data, spec).Select(x => x.Id));
    }

    [Fact]
    public void Evaluate_IsDeferredUntilEnumeration()
    {
        var source = new List<SpecRecord> { SpecRecord.Of(1, score: 5) };
        var spec = new Specification<SpecRecord>();
        spec.Query.Where(x => x.Score >= 5);

        var result = InMemorySpecificationEvaluator.Default.Evaluate(source, spec);
        source.Add(SpecRecord.Of(2, score: 6));

        Assert.Equal([1, 2], result.Select(x => x.Id));
    }

    [Fact]
    public void Ctor_InvalidList_Throws()
    {
        Assert.Equal("evaluators", Assert.Throws<ArgumentNullException>(() => new InMemorySpecificationEvaluator(null!)).ParamName);
        Assert.Equal("evaluators", Assert.Throws<ArgumentException>(() => new InMemorySpecificationEvaluator([null!])).ParamName);
    }

    [Fact]
    public void Evaluate_NullArguments_ThrowArgumentNullException()
    {
        Assert.Equal("source", Assert.Throws<ArgumentNullException>(() => InMemorySpecificationEvaluator.Default.Evaluate(null!, FullSpec())).ParamName);
        Assert.Equal("specification", Assert.Throws<ArgumentNullException>(() => InMemorySpecificationEvaluator.Default.Evaluate(Data, null!)).ParamName);
    }
}
