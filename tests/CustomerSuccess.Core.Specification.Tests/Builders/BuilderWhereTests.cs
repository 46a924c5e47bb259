using System;
using System.Linq;
using CustomerSuccess.Core.Specification.Tests.Support;

namespace CustomerSuccess.Core.Specification.Tests.Builders;

public class BuilderWhereTests
{
    [Fact]
    public void Where_GivenCriteria_AddsWhereExpression()
    {
        var spec = new Specification<SpecRecord>();
        System.Linq.Expressions.Expression<Func<SpecRecord, bool>> criteria = x => x.Score > 1;

        spec.Query.Where(criteria);

        var info = Assert.Single(spec.WhereExpressions);
        Assert.Same(criteria, info.Filter);
    }

    [Fact]
    public void Where_CalledTwice_AddsBothInOrder()
    {
        var spec = new Specification<SpecRecord>();

        spec.Query.Where(x => x.Score > 1).Where(x => x.Name != null);

        Assert.Equal(2, spec.WhereExpressions.Count());
        Assert.True(spec.WhereExpressions.First().FilterFunc(SpecRecord.Of(1, score: 2)));
        Assert.False(spec.WhereExpressions.Last().FilterFunc(SpecRecord.Of(1, name: null)));
    }

    [Fact]
    public void Where_ConditionTrue_AddsWhereExpression()
    {
        var spec = new Specification<SpecRecord>();

        spec.Query.Where(x => x.Score > 1, true);

        Assert.Single(spec.WhereExpressions);
    }

    [Fact]
    public void Where_ConditionFalse_LeavesSpecificationUnchanged()
    {
        var spec = new Specification<SpecRecord>();

        var builder = spec.Query.Where(x => x.Score > 1, false);

        Assert.Empty(spec.WhereExpressions);
        Assert.Same(spec, builder.Specification);
    }

    [Fact]
    public void Where_ReturnsSameBuilder()
    {
        var spec = new Specification<SpecRecord>();
        var builder = spec.Query;

        Assert.Same(builder, builder.Where(x => x.Score > 1));
    }

    [Fact]
    public void Where_NullCriteria_ThrowsArgumentNullException()
    {
        var spec = new Specification<SpecRecord>();

        var ex = Assert.Throws<ArgumentNullException>(() => spec.Query.Where(null!));
        Assert.Equal("criteria", ex.ParamName);
        Assert.Throws<ArgumentNullException>(() => spec.Query.Where(null!, false));
    }

    [Fact]
    public void Where_NullBuilder_ThrowsArgumentNullException()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => SpecificationBuilderExtensions.Where<SpecRecord>(null!, x => true));
        Assert.Equal("builder", ex.ParamName);
    }
}
