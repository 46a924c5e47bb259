using System.Linq;
using CustomerSuccess.Core.Filters;
using CustomerSuccess.Core.Specification;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CustomerSuccess.Core.Tests.Filters;

/// <summary>One filter compiler for every list: the same properties hold for records (members plus a property bag) and
/// for a task-like item (members of every type plus a bag).</summary>
public class FilterEquivalenceProperties
{
    [Property(MaxTest = 500)]
    [Trait("Rule", "45")]
    public Property Compile_RandomFiltersOnRecords_SameItemsInMemoryViaQueryableAndByInterpreter() => Check(FilterModels.Records);

    [Property(MaxTest = 500)]
    [Trait("Rule", "57")]
    public Property Compile_RandomFiltersOnTasks_SameItemsInMemoryViaQueryableAndByInterpreter() => Check(FilterModels.Tasks);

    private static Property Check<T>(FilterModel<T> model)
        where T : class =>
        Prop.ForAll(FilterGenerators.Cases(model), c =>
        {
            var spec = FilterCompiler.Compile(c.Filter, c.Sort, model.Target, c.Context).Value;
            var items = c.Items.Select(model.Materialize).ToArray();

            var inMemory = spec.Evaluate(items).Select(model.Id).ToArray();
            var queryable = items.AsQueryable().WithSpecification(spec).Select(model.Id).ToArray();
            var interpreted = c.Items.Where(i => FilterInterpreter.Matches(c.Filter, i, model, c.Context)).Select(i => i.Id).ToArray();
            var satisfied = items.Where(spec.IsSatisfiedBy).Select(model.Id).ToArray();

            Assert.Equal(inMemory, queryable);
            Assert.Equal(interpreted, inMemory.Order().ToArray());
            Assert.Equal(interpreted, satisfied);
            if (c.Sort is null)
            {
                Assert.Equal(interpreted, inMemory);
            }

            return true;
        })
        .Label($"in-memory, IQueryable and interpreter agree on {model}");
}
