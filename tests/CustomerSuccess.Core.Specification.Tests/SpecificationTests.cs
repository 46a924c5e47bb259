using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Core.Specification.Tests.Support;

namespace CustomerSuccess.Core.Specification.Tests;

public class SpecificationTests
{
    private sealed class HighScorersByScoreSpec : Specification<SpecRecord>
    {
        public HighScorersByScoreSpec(int minimum)
        {
            Query.Where(x => x.Score >= minimum)
                 .OrderByDescending(x => x.Score)
                 .ThenBy(x => x.Id);
        }
    }

    private sealed class RejectAllValidator : ISpecificationValidator
    {
        public bool IsValid<T>(T entity, ISpecification<T> specification) => false;
    }

    private sealed class ReversingEvaluator : IInMemorySpecificationEvaluator
    {
        public IEnumerable<T> Evaluate<T>(IEnumerable<T> source, ISpecification<T> specification) => source.Reverse();

        public IEnumerable<TResult> Evaluate<T, TResult>(IEnumerable<T> source, ISpecification<T, TResult> specification) =>
            source.Reverse().Select(specification.Selector!.Compile());
    }

    private sealed class CustomPipelineSpec : Specification<SpecRecord>
    {
        protected override IInMemorySpecificationEvaluator Evaluator => new ReversingEvaluator();

        protected override ISpecificationValidator Validator => new RejectAllValidator();
    }

    private static readonly SpecRecord[] Data =
    [
        SpecRecord.Of(1, score: 5),
        SpecRecord.Of(2, score: 9),
        SpecRecord.Of(3, score: 5),
        SpecRecord.Of(4, score: 1),
    ];

    [Fact]
    public void New_Defaults_AreEmptyAndUnset()
    {
        var spec = new Specification<SpecRecord>();

        Assert.Empty(spec.WhereExpressions);
        Assert.Empty(spec.OrderExpressions);
        Assert.Empty(spec.Items);
        Assert.Equal(-1, spec.Skip);
        Assert.Equal(-1, spec.Take);
    }

    [Fact]
    public void Query_EachAccess_IsBoundToSameSpecification()
    {
        var spec = new Specification<SpecRecord>();

        Assert.Same(spec, spec.Query.Specification);
        Assert.Same(spec.Query.Specification, spec.Query.Specification);
    }

    [Fact]
    public void Items_StoresCustomState()
    {
        var spec = new Specification<SpecRecord>();

        spec.Items["tenant"] = "acme";

        Assert.Same(spec.Items, spec.Items);
        Assert.Equal("acme", spec.Items["tenant"]);
    }

    [Fact]
    public void Evaluate_DerivedSpec_FiltersOrdersAndTieBreaks()
    {
        var result = new HighScorersByScoreSpec(5).Evaluate(Data).Select(x => x.Id);

        Assert.Equal([2, 1, 3], result);
    }

    [Fact]
    public void Evaluate_WithPaging_AppliesSkipThenTakeAfterOrdering()
    {
        var spec = new Specification<SpecRecord>();
        spec.Query.OrderBy(x => x.Score).ThenBy(x => x.Id).Skip(1).Take(2);

        Assert.Equal([1, 3], spec.Evaluate(Data).Select(x => x.Id));
    }

    [Fact]
    public void Evaluate_EmptySpecification_ReturnsSourceInOrder()
    {
        Assert.Equal(Data, new Specification<SpecRecord>().Evaluate(Data));
    }

    [Fact]
    public void Evaluate_Null_ThrowsArgumentNullException()
    {
        Assert.Equal("entities", Assert.Throws<ArgumentNullException>(() => new Specification<SpecRecord>().Evaluate(null!)).ParamName);
    }

    [Fact]
    public void IsSatisfiedBy_AllFiltersHold_ReturnsTrue()
    {
        var spec = new Specification<SpecRecord>();
        spec.Query.Where(x => x.Score > 1).Where(x => x.Id < 10);

        Assert.True(spec.IsSatisfiedBy(SpecRecord.Of(3, score: 2)));
    }

    [Fact]
    public void IsSatisfiedBy_OneFilterFails_ReturnsFalse()
    {
        var spec = new Specification<SpecRecord>();
        spec.Query.Where(x => x.Score > 1).Where(x => x.Id < 10);

        Assert.False(spec.IsSatisfiedBy(SpecRecord.Of(30, score: 2)));
    }

    [Fact]
    public void IsSatisfiedBy_IgnoresOrderingAndPaging()
    {
        var spec = new Specification<SpecRecord>();
        spec.Query.OrderBy(x => x.Score).Skip(5).Take(0);
        spec.Query.OrderBy(x => x.Id);

        Assert.True(spec.IsSatisfiedBy(SpecRecord.Of(1)));
    }

    [Fact]
    public void IsSatisfiedBy_NoFilters_ReturnsTrue()
    {
        Assert.True(new Specification<SpecRecord>().IsSatisfiedBy(SpecRecord.Of(1)));
    }

    [Fact]
    public void EvaluateAndIsSatisfiedBy_OverriddenEvaluatorAndValidator_AreUsed()
    {
        var spec = new CustomPipelineSpec();

        Assert.Equal(Data.Reverse(), spec.Evaluate(Data));
        Assert.False(spec.IsSatisfiedBy(Data[0]));
    }

    [Fact]
    public void EvaluateAndIsSatisfiedBy_ConcurrentCallsOnBuiltSpec_AgreeWithSequentialResult()
    {
        var spec = new HighScorersByScoreSpec(5);
        var data = Enumerable.Range(1, 200).Select(i => SpecRecord.Of(i, score: i % 11)).ToArray();
        var expected = spec.Evaluate(data).Select(x => x.Id).ToArray();
        var expectedCount = data.Count(x => x.Score >= 5);
        var fresh = new HighScorersByScoreSpec(5);
        var results = new int[16][];
        var counts = new int[16];

        System.Threading.Tasks.Parallel.For(0, 16, i =>
        {
            results[i] = fresh.Evaluate(data).Select(x => x.Id).ToArray();
            counts[i] = data.Count(fresh.IsSatisfiedBy);
        });

        Assert.All(results, r => Assert.Equal(expected, r));
        Assert.All(counts, c => Assert.Equal(expectedCount, c));
    }

    [Fact]
    public void SingleResultSpecification_IsASpecificationAndMarker()
    {
        var spec = new SingleResultSpecification<SpecRecord>();
        spec.Query.Where(x => x.Id == 2);

        ISingleResultSpecification<SpecRecord> marker = spec;

        Assert.Equal([2], marker.Evaluate(Data).Select(x => x.Id));
    }
}
