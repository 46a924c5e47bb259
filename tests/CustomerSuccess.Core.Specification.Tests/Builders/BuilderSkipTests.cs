using System;
using CustomerSuccess.Core.Specification.Tests.Support;

namespace CustomerSuccess.Core.Specification.Tests.Builders;

public class BuilderSkipTests
{
    [Fact]
    public void Skip_GivenValue_SetsIt()
    {
        var spec = new Specification<SpecRecord>();

        spec.Query.Skip(3);

        Assert.Equal(3, spec.Skip);
    }

    [Fact]
    public void Skip_Zero_SetsZero()
    {
        var spec = new Specification<SpecRecord>();

        spec.Query.Skip(0);

        Assert.Equal(0, spec.Skip);
    }

    [Fact]
    public void Skip_NotCalled_IsMinusOne()
    {
        Assert.Equal(-1, new Specification<SpecRecord>().Skip);
    }

    [Fact]
    public void Skip_ConditionTrue_SetsValue()
    {
        var spec = new Specification<SpecRecord>();

        spec.Query.Skip(4, true);

        Assert.Equal(4, spec.Skip);
    }

    [Fact]
    public void Skip_ConditionFalse_LeavesUnset()
    {
        var spec = new Specification<SpecRecord>();

        spec.Query.Skip(4, false);

        Assert.Equal(-1, spec.Skip);
    }

    [Fact]
    public void Skip_CalledTwice_ThrowsDuplicateSkipException()
    {
        var spec = new Specification<SpecRecord>();
        spec.Query.Skip(1);

        Assert.Throws<DuplicateSkipException>(() => spec.Query.Skip(2));
        Assert.Equal(1, spec.Skip);
    }

    [Fact]
    public void Skip_CalledTwiceSecondWithConditionTrue_ThrowsDuplicateSkipException()
    {
        var spec = new Specification<SpecRecord>();
        spec.Query.Skip(0);

        Assert.Throws<DuplicateSkipException>(() => spec.Query.Skip(2, true));
    }

    [Fact]
    public void Skip_SecondCallWithConditionFalse_DoesNotThrow()
    {
        var spec = new Specification<SpecRecord>();
        spec.Query.Skip(1);

        spec.Query.Skip(2, false);

        Assert.Equal(1, spec.Skip);
    }

    [Fact]
    public void Skip_FirstCallSkippedByCondition_SecondCallSets()
    {
        var spec = new Specification<SpecRecord>();
        spec.Query.Skip(1, false);

        spec.Query.Skip(2);

        Assert.Equal(2, spec.Skip);
    }

    [Fact]
    public void Skip_Negative_ThrowsArgumentOutOfRangeException()
    {
        var spec = new Specification<SpecRecord>();

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => spec.Query.Skip(-1));
        Assert.Equal("skip", ex.ParamName);
        Assert.Equal(-1, spec.Skip);
    }

    [Fact]
    public void Skip_NegativeWithConditionFalse_IsIgnored()
    {
        var spec = new Specification<SpecRecord>();

        spec.Query.Skip(-5, false);

        Assert.Equal(-1, spec.Skip);
    }

    [Fact]
    public void Skip_NullBuilder_ThrowsArgumentNullException()
    {
        Assert.Equal("builder", Assert.Throws<ArgumentNullException>(() => SpecificationBuilderExtensions.Skip<SpecRecord>(null!, 1)).ParamName);
    }
}
