using System;
using CustomerSuccess.Core.Specification.Tests.Support;

namespace CustomerSuccess.Core.Specification.Tests;

public class SpecificationValidatorTests
{
    private sealed class NeverValidator : IValidator
    {
        public bool IsValid<T>(T entity, ISpecification<T> specification) => false;
    }

    private static Specification<SpecRecord> Spec()
    {
        var spec = new Specification<SpecRecord>();
        spec.Query.Where(x => x.Score > 0).Where(x => x.Name == "ann");
        return spec;
    }

    [Fact]
    public void Default_Validators_AreWhereOnly()
    {
        Assert.Same(WhereValidator.Instance, Assert.Single(SpecificationValidator.Default.Validators));
    }

    [Fact]
    public void IsValid_AllFiltersHold_ReturnsTrue()
    {
        Assert.True(SpecificationValidator.Default.IsValid(SpecRecord.Of(1, score: 1, name: "ann"), Spec()));
    }

    [Fact]
    public void IsValid_AnyFilterFails_ReturnsFalse()
    {
        Assert.False(SpecificationValidator.Default.IsValid(SpecRecord.Of(1, score: 1, name: "bob"), Spec()));
        Assert.False(SpecificationValidator.Default.IsValid(SpecRecord.Of(1, score: 0, name: "ann"), Spec()));
    }

    [Fact]
    public void IsValid_CustomValidators_AllMustPass()
    {
        var validator = new SpecificationValidator([WhereValidator.Instance, new NeverValidator()]);

        Assert.False(validator.IsValid(SpecRecord.Of(1, score: 1, name: "ann"), Spec()));
        Assert.True(new SpecificationValidator([]).IsValid(SpecRecord.Of(1), Spec()));
    }

    [Fact]
    public void WhereValidator_NoFilters_ReturnsTrue()
    {
        Assert.True(WhereValidator.Instance.IsValid(SpecRecord.Of(1), new Specification<SpecRecord>()));
    }

    [Fact]
    public void InvalidArguments_Throw()
    {
        Assert.Equal("validators", Assert.Throws<ArgumentNullException>(() => new SpecificationValidator(null!)).ParamName);
        Assert.Equal("validators", Assert.Throws<ArgumentException>(() => new SpecificationValidator([null!])).ParamName);
        Assert.Equal("specification", Assert.Throws<ArgumentNullException>(() => SpecificationValidator.Default.IsValid(SpecRecord.Of(1), null!)).ParamName);
        Assert.Equal("specification", Assert.Throws<ArgumentNullException>(() => WhereValidator.Instance.IsValid(SpecRecord.Of(1), null!)).ParamName);
    }
}
