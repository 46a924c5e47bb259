using System.Linq;
using CustomerSuccess.Core.Specification;
using CustomerSuccess.Core.Views;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CustomerSuccess.Core.Tests.Views;

public class FilterEquivalenceProperties
{
    [Property(MaxTest = 500)]
    [Trait("Rule", "45")]
    public Property Compile_RandomFilters_SameRecordsInMemoryViaQueryableAndByInterpreter() =>
        Prop.ForAll(FilterGenerators.Cases(), c =>
        {
            var spec = FilterCompiler.Compile(c.Filter, c.Sort, ViewTestData.Schema, c.Context).Value;

            var inMemory = spec.Evaluate(c.Records).Select(r => r.Id).ToArray();
            var queryable = c.Records.AsQueryable().WithSpecification(spec).Select(r => r.Id).ToArray();
            var interpreted = c.Records.Where(r => FilterInterpreter.Matches(c.Filter, r, ViewTestData.Schema, c.Context)).Select(r => r.Id).ToArray();
            var satisfied = c.Records.Where(spec.IsSatisfiedBy).Select(r => r.Id).ToArray();

            Assert.Equal(inMemory, queryable);
            Assert.Equal(interpreted, inMemory.Order().ToArray());
            Assert.Equal(interpreted, satisfied);
            if (c.Sort is null)
            {
                Assert.Equal(interpreted, inMemory);
            }

            return true;
        })
        .Label("in-memory, IQueryable and interpreter agree");
}
