using System;
using System.Linq;
using CustomerSuccess.Core.Specification.Tests.Support;

namespace CustomerSuccess.Core.Specification.Tests.Builders;

public class BuilderThenByDescendingTests
{
    [Fact]
    public void ThenByDescending_AfterOrderBy_AddsSecondaryKey()
    {
        var spec = new Specification<SpecRecord>();
        System.Linq.Expressions.Expression<Func<SpecRecord, object?>> key = x => x.Id;

        spec.Query.OrderBy(x => x.Score).ThenByDescending(key);

        Assert.Equal(2, spec.OrderExpressions.Count());
        var info = spec.OrderExpressions.Last();
        Assert.Same(key, info.KeySelector);
        Assert.Equal(OrderTypeEnum.ThenByDescending, info.OrderType);
    }

    [Fact]
    public void ThenByDescending_AfterOrderByDescending_AddsSecondaryKey()
    {
        var spec = new Specification<SpecRecord>();

        spec.Query.OrderByDescending(x => x.Score).ThenByDescending(x => x.Id);

        Assert.Equal([OrderTypeEnum.OrderByDescending, OrderTypeEnum.ThenByDescending], spec.OrderExpressions.Select(o => o.OrderType));
    }

    [Fact]
    public void ThenByDescending_ConditionTrue_AddsSecondaryKey()
    {
        var spec = new Specification<SpecRecord>();

        spec.Query.OrderBy(x => x.Score).ThenByDescending(x => x.Id, true);

        Assert.Equal([OrderTypeEnum.OrderBy, OrderTypeEnum.ThenByDescending], spec.OrderExpressions.Select(o => o.OrderType));
    }

    [Fact]
    public void ThenByDescending_ConditionFalse_AddsNothing()
    {
        var spec = new Specification<SpecRecord>();

        spec.Query.OrderBy(x => x.Score).ThenByDescending(x => x.Id, false);

        Assert.Equal(OrderTypeEnum.OrderBy, Assert.Single(spec.OrderExpressions).OrderType);
    }

    [Fact]
    public void ThenByDescending_ConditionFalse_DropsRestOfChain()
    {
        var spec = new Specification<SpecRecord>();

        spec.Query.OrderBy(x => x.Score).ThenByDescending(x => x.Name, false).ThenBy(x => x.Id).ThenByDescending(x => x.OccurredAt);

        Assert.Equal(OrderTypeEnum.OrderBy, Assert.Single(spec.OrderExpressions).OrderType);
    }

    [Fact]
    public void ThenByDescending_AfterSkippedConditionalOrderBy_IsDropped()
    {
        var spec = new Specification<SpecRecord>();

        spec.Query.OrderBy(x => x.Score, false).ThenByDescending(x => x.Id);

        Assert.Empty(spec.OrderExpressions);
    }

    [Fact]
    public void ThenByDescending_AfterSkippedConditionalOrderByDescending_IsDropped()
    {
        var spec = new Specification<SpecRecord>();

        spec.Query.OrderByDescending(x => x.Score, false).ThenByDescending(x => x.Id, true);

        Assert.Empty(spec.OrderExpressions);
    }

    [Fact]
    public void ThenByDescending_DroppedChainThenNewChain_NewChainIsKept()
    {
        var spec = new Specification<SpecRecord>();
        spec.Query.OrderBy(x => x.Score, false).ThenByDescending(x => x.Name);

        spec.Query.OrderBy(x => x.Id).ThenByDescending(x => x.Score);

        Assert.Equal([OrderTypeEnum.OrderBy, OrderTypeEnum.ThenByDescending], spec.OrderExpressions.Select(o => o.OrderType));
    }

    [Fact]
    public void ThenByDescending_NullArguments_ThrowArgumentNullException()
    {
        var spec = new Specification<SpecRecord>();
        var ordered = spec.Query.OrderBy(x => x.Score);

        Assert.Equal("keySelector", Assert.Throws<ArgumentNullException>(() => ordered.ThenByDescending(null!)).ParamName);
        Assert.Equal("keySelector", Assert.Throws<ArgumentNullException>(() => ordered.ThenByDescending(null!, false)).ParamName);
        Assert.Equal("builder", Assert.Throws<ArgumentNullException>(() => SpecificationBuilderExtensions.ThenByDescending<SpecRecord>(null!, x => x.Id)).ParamName);
    }
}
