using System;
using System.Linq;
using CustomerSuccess.Core.Specification.Tests.Support;

namespace CustomerSuccess.Core.Specification.Tests.Builders;

public class BuilderThenByTests
{
    [Fact]
    public void ThenBy_AfterOrderBy_AddsSecondaryKey()
    {
        var spec = new Specification<SpecRecord>();
        System.Linq.Expressions.Expression<Func<SpecRecord, object?>> key = x => x.Id;

        spec.Query.OrderBy(x => x.Score).ThenBy(key);

        Assert.Equal(2, spec.OrderExpressions.Count());
        var info = spec.OrderExpressions.Last();
        Assert.Same(key, info.KeySelector);
        Assert.Equal(OrderTypeEnum.ThenBy, info.OrderType);
    }

    [Fact]
    public void ThenBy_AfterOrderByDescending_AddsSecondaryKey()
    {
        var spec = new Specification<SpecRecord>();

        spec.Query.OrderByDescending(x => x.Score).ThenBy(x => x.Id);

        Assert.Equal([OrderTypeEnum.OrderByDescending, OrderTypeEnum.ThenBy], spec.OrderExpressions.Select(o => o.OrderType));
    }

    [Fact]
    public void ThenBy_ConditionTrue_AddsSecondaryKey()
    {
        var spec = new Specification<SpecRecord>();

        spec.Query.OrderBy(x => x.Score).ThenBy(x => x.Id, true);

        Assert.Equal([OrderTypeEnum.OrderBy, OrderTypeEnum.ThenBy], spec.OrderExpressions.Select(o => o.OrderType));
    }

    [Fact]
    public void ThenBy_ConditionFalse_AddsNothing()
    {
        var spec = new Specification<SpecRecord>();

        spec.Query.OrderBy(x => x.Score).ThenBy(x => x.Id, false);

        Assert.Equal(OrderTypeEnum.OrderBy, Assert.Single(spec.OrderExpressions).OrderType);
    }

    [Fact]
    public void ThenBy_ConditionFalse_DropsRestOfChain()
    {
        var spec = new Specification<SpecRecord>();

        spec.Query.OrderBy(x => x.Score).ThenBy(x => x.Name, false).ThenByDescending(x => x.Id).ThenBy(x => x.OccurredAt);

        Assert.Equal(OrderTypeEnum.OrderBy, Assert.Single(spec.OrderExpressions).OrderType);
    }

    [Fact]
    public void ThenBy_AfterSkippedConditionalOrderBy_IsDropped()
    {
        var spec = new Specification<SpecRecord>();

        spec.Query.OrderBy(x => x.Score, false).ThenBy(x => x.Id);

        Assert.Empty(spec.OrderExpressions);
    }

    [Fact]
    public void ThenBy_AfterSkippedConditionalOrderByDescending_IsDropped()
    {
        var spec = new Specification<SpecRecord>();

        spec.Query.OrderByDescending(x => x.Score, false).ThenBy(x => x.Id, true);

        Assert.Empty(spec.OrderExpressions);
    }

    [Fact]
    public void ThenBy_DroppedChainThenNewChain_NewChainIsKept()
    {
        var spec = new Specification<SpecRecord>();
        spec.Query.OrderBy(x => x.Score, false).ThenBy(x => x.Name);

        spec.Query.OrderBy(x => x.Id).ThenBy(x => x.Score);

        Assert.Equal([OrderTypeEnum.OrderBy, OrderTypeEnum.ThenBy], spec.OrderExpressions.Select(o => o.OrderType));
    }

    [Fact]
    public void ThenBy_NullArguments_ThrowArgumentNullException()
    {
        var spec = new Specification<SpecRecord>();
        var ordered = spec.Query.OrderBy(x => x.Score);

        Assert.Equal("keySelector", Assert.Throws<ArgumentNullException>(() => ordered.ThenBy(null!)).ParamName);
        Assert.Equal("keySelector", Assert.Throws<ArgumentNullException>(() => ordered.ThenBy(null!, false)).ParamName);
        Assert.Equal("builder", Assert.Throws<ArgumentNullException>(() => SpecificationBuilderExtensions.ThenBy<SpecRecord>(null!, x => x.Id)).ParamName);
    }
}
