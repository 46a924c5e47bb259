using System;
using System.Linq;
using CustomerSuccess.Core.Specification.Tests.Support;

namespace CustomerSuccess.Core.Specification.Tests.Builders;

public class BuilderOrderByTests
{
    [Fact]
    public void OrderBy_GivenKey_AddsChainStart()
    {
        var spec = new Specification<SpecRecord>();
        System.Linq.Expressions.Expression<Func<SpecRecord, object?>> key = x => x.Score;

        spec.Query.OrderBy(key);

        var info = Assert.Single(spec.OrderExpressions);
        Assert.Same(key, info.KeySelector);
        Assert.Equal(OrderTypeEnum.OrderBy, info.OrderType);
    }

    [Fact]
    public void OrderBy_ConditionTrue_AddsChainStart()
    {
        var spec = new Specification<SpecRecord>();

        spec.Query.OrderBy(x => x.Score, true);

        Assert.Equal(OrderTypeEnum.OrderBy, Assert.Single(spec.OrderExpressions).OrderType);
    }

    [Fact]
    public void OrderBy_ConditionFalse_AddsNothing()
    {
        var spec = new Specification<SpecRecord>();

        var ordered = spec.Query.OrderBy(x => x.Score, false);

        Assert.Empty(spec.OrderExpressions);
        Assert.Same(spec, ordered.Specification);
    }

    [Fact]
    public void OrderBy_ConditionFalse_DropsFollowingThenBy()
    {
        var spec = new Specification<SpecRecord>();

        spec.Query.OrderBy(x => x.Score, false).ThenBy(x => x.Id).ThenByDescending(x => x.Name);

        Assert.Empty(spec.OrderExpressions);
    }

    [Fact]
    public void OrderBy_ConditionTrue_KeepsFollowingThenBy()
    {
        var spec = new Specification<SpecRecord>();

        spec.Query.OrderBy(x => x.Score, true).ThenBy(x => x.Id);

        Assert.Equal([OrderTypeEnum.OrderBy, OrderTypeEnum.ThenBy], spec.OrderExpressions.Select(o => o.OrderType));
    }

    [Fact]
    public void OrderBy_SecondChain_IsRecordedAndEvaluationThrowsDuplicateOrderChainException()
    {
        var spec = new Specification<SpecRecord>();
        spec.Query.OrderBy(x => x.Score);

        spec.Query.OrderBy(x => x.Id);

        Assert.Equal(2, spec.OrderExpressions.Count());
        Assert.Throws<DuplicateOrderChainException>(() => spec.Evaluate([SpecRecord.Of(1)]));
        Assert.Throws<DuplicateOrderChainException>(() => new[] { SpecRecord.Of(1) }.AsQueryable().WithSpecification(spec));
    }

    [Fact]
    public void OrderBy_SkippedSecondChain_DoesNotThrow()
    {
        var spec = new Specification<SpecRecord>();
        spec.Query.OrderBy(x => x.Score);

        spec.Query.OrderBy(x => x.Id, false);

        Assert.Single(spec.OrderExpressions);
        Assert.Single(spec.Evaluate([SpecRecord.Of(1)]));
    }

    [Fact]
    public void OrderBy_NullArguments_ThrowArgumentNullException()
    {
        var spec = new Specification<SpecRecord>();

        Assert.Equal("keySelector", Assert.Throws<ArgumentNullException>(() => spec.Query.OrderBy(null!)).ParamName);
        Assert.Equal("keySelector", Assert.Throws<ArgumentNullException>(() => spec.Query.OrderBy(null!, false)).ParamName);
        Assert.Equal("builder", Assert.Throws<ArgumentNullException>(() => SpecificationBuilderExtensions.OrderBy<SpecRecord>(null!, x => x.Id)).ParamName);
    }
}
