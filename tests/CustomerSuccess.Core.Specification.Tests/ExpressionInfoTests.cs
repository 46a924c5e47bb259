using System;
using System.Linq;
using System.Linq.Expressions;
using CustomerSuccess.Core.Specification.Tests.Support;

namespace CustomerSuccess.Core.Specification.Tests;

public class WhereExpressionInfoTests
{
    [Fact]
    public void Ctor_GivenFilter_ExposesFilterAndCompiledFunc()
    {
        Expression<Func<SpecRecord, bool>> filter = x => x.Score > 2;

        var info = new WhereExpressionInfo<SpecRecord>(filter);

        Assert.Same(filter, info.Filter);
        Assert.True(info.FilterFunc(SpecRecord.Of(1, score: 3)));
        Assert.False(info.FilterFunc(SpecRecord.Of(1, score: 2)));
    }

    [Fact]
    public void FilterFunc_IsCompiledOnce()
    {
        var info = new WhereExpressionInfo<SpecRecord>(x => x.Score > 2);

        Assert.Same(info.FilterFunc, info.FilterFunc);
    }

    [Fact]
    public void Ctor_NullFilter_ThrowsArgumentNullException()
    {
        Assert.Equal("filter", Assert.Throws<ArgumentNullException>(() => new WhereExpressionInfo<SpecRecord>(null!)).ParamName);
    }
}

public class OrderExpressionInfoTests
{
    [Fact]
    public void Ctor_GivenKeyAndType_ExposesThemAndCompiledFunc()
    {
        Expression<Func<SpecRecord, object?>> key = x => x.Score;

        var info = new OrderExpressionInfo<SpecRecord>(key, OrderTypeEnum.ThenByDescending);

        Assert.Same(key, info.KeySelector);
        Assert.Equal(OrderTypeEnum.ThenByDescending, info.OrderType);
        Assert.Equal(7, info.KeySelectorFunc(SpecRecord.Of(1, score: 7)));
        Assert.Same(info.KeySelectorFunc, info.KeySelectorFunc);
    }

    [Fact]
    public void KeySelector_ValueTypeKey_KeepsBoxingConvertForProviders()
    {
        var spec = new Specification<SpecRecord>();
        spec.Query.OrderBy(x => x.Score).ThenBy(x => x.Name);

        var infos = spec.OrderExpressions.ToArray();

        Assert.Equal(ExpressionType.Convert, infos[0].KeySelector.Body.NodeType);
        Assert.Equal(typeof(int), ((UnaryExpression)infos[0].KeySelector.Body).Operand.Type);
        Assert.Equal(ExpressionType.MemberAccess, infos[1].KeySelector.Body.NodeType);
    }

    [Fact]
    public void Ctor_NullKey_ThrowsArgumentNullException()
    {
        Assert.Equal("keySelector", Assert.Throws<ArgumentNullException>(() => new OrderExpressionInfo<SpecRecord>(null!, OrderTypeEnum.OrderBy)).ParamName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(-1)]
    public void Ctor_UndefinedOrderType_ThrowsArgumentOutOfRangeException(int value)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new OrderExpressionInfo<SpecRecord>(x => x.Id, (OrderTypeEnum)value));
        Assert.Equal("orderType", ex.ParamName);
    }

    [Fact]
    public void OrderTypeEnum_ValuesMatchArdalis()
    {
        Assert.Equal(1, (int)OrderTypeEnum.OrderBy);
        Assert.Equal(2, (int)OrderTypeEnum.OrderByDescending);
        Assert.Equal(3, (int)OrderTypeEnum.ThenBy);
        Assert.Equal(4, (int)OrderTypeEnum.ThenByDescending);
        Assert.Equal(4, Enum.GetValues<OrderTypeEnum>().Length);
    }
}
