using System.Linq;
using CustomerSuccess.Core.Specification.Tests.Support;

namespace CustomerSuccess.Core.Specification.Tests;

public class ProjectionTests
{
    private static readonly SpecRecord[] Data = [SpecRecord.Of(1, score: 5, name: "a"), SpecRecord.Of(2, score: 9, name: "b"), SpecRecord.Of(3, score: 7, name: null)];

    private sealed class NamesByScoreSpec : Specification<SpecRecord, string?>
    {
        public NamesByScoreSpec()
        {
            Query.Where(r => r.Score > 5).OrderByDescending(r => r.Score);
            Query.Select(r => r.Name);
        }
    }

    [Fact]
    public void Evaluate_FiltersOrdersThenProjects()
    {
        Assert.Equal(["b", null], new NamesByScoreSpec().Evaluate(Data));
    }

    [Fact]
    public void WithSpecification_ProjectsTheSameAsInMemory()
    {
        var spec = new NamesByScoreSpec();

        Assert.Equal(spec.Evaluate(Data), Data.AsQueryable().WithSpecification(spec));
        Assert.True(spec.IsSatisfiedBy(Data[1]));
    }

    [Fact]
    public void Select_Twice_KeepsTheLastProjection()
    {
        var spec = new Specification<SpecRecord, int>();
        spec.Query.Select(r => r.Id);
        spec.Query.Select(r => r.Score);

        Assert.Equal([5, 9, 7], spec.Evaluate(Data));
    }

    [Fact]
    public void Evaluate_WithoutSelector_Throws()
    {
        var spec = new Specification<SpecRecord, int>();

        Assert.Throws<SelectorNotFoundException>(() => spec.Evaluate(Data));
        Assert.Throws<SelectorNotFoundException>(() => Data.AsQueryable().WithSpecification(spec));
    }
}
