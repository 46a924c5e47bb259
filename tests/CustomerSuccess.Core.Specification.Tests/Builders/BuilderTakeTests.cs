using System;
using CustomerSuccess.Core.Specification.Tests.Support;

namespace CustomerSuccess.Core.Specification.Tests.Builders;

public class BuilderTakeTests
{
    [Fact]
    public void Take_GivenValue_SetsIt()
    {
        var spec = new Specification<SpecRecord>();

        spec.Query.Take(3);

        Assert.Equal(3, spec.Take);
    }

    [Fact]
    public void Take_Zero_SetsZero()
    {
        var spec = new Specification<SpecRecord>();

        spec.Query.Take(0);

        Assert.Equal(0, spec.Take);
    }

    [Fact]
    public void Take_NotCalled_IsMinusOne()
    {
        Assert.Equal(-1, new Specification<SpecRecord>().Take);
    }

    [Fact]
    public void Take_ConditionTrue_SetsValue()
    {
        var spec = new Specification<SpecRecord>();

        spec.Query.Take(4, true);

        Assert.Equal(4, spec.Take);
    }

    [Fact]
    public void Take_ConditionFalse_LeavesUnset()
    {
        var spec = new Specification<SpecRecord>();

        spec.Query.Take(4, false);

        Assert.Equal(-1, spec.Take);
    }

    [Fact]
    public void Take_CalledTwice_ThrowsDuplicateTakeException()
    {
        var spec = new Specification<SpecRecord>();
        spec.Query.Take(1);

        Assert.Throws<DuplicateTakeException>(() => spec.Query.Take(2));
        Assert.Equal(1, spec.Take);
    }

    [Fact]
    public void Take_CalledTwiceSecondWithConditionTrue_ThrowsDuplicateTakeException()
    {
        var spec = new Specification<SpecRecord>();
        spec.Query.Take(0);

        Assert.Throws<DuplicateTakeException>(() => spec.Query.Take(2, true));
    }

    [Fact]
    public void Take_SecondCallWithConditionFalse_DoesNotThrow()
    {
        var spec = new Specification<SpecRecord>();
        spec.Query.Take(1);

        spec.Query.Take(2, false);

        Assert.Equal(1, spec.Take);
    }

    [Fact]
    public void Take_FirstCallSkippedByCondition_SecondCallSets()
    {
        var spec = new Specification<SpecRecord>();
        spec.Query.Take(1, false);

        spec.Query.Take(2);

        Assert.Equal(2, spec.Take);
    }

    [Fact]
    public void Take_Negative_ThrowsArgumentOutOfRangeException()
    {
        var spec = new Specification<SpecRecord>();

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => spec.Query.Take(-1));
        Assert.Equal("take", ex.ParamName);
        Assert.Equal(-1, spec.Take);
    }

    [Fact]
    public void Take_NegativeWithConditionFalse_IsIgnored()
    {
        var spec = new Specification<SpecRecord>();

        spec.Query.Take(-5, false);

        Assert.Equal(-1, spec.Take);
    }

    [Fact]
    public void Take_NullBuilder_ThrowsArgumentNullException()
    {
        Assert.Equal("builder", Assert.Throws<ArgumentNullException>(() => SpecificationBuilderExtensions.Take<SpecRecord>(null!, 1)).ParamName);
    }
}
