using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Core.Specification.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CustomerSuccess.Core.Specification.Tests.Conformance;

/// <summary>
/// The reusable conformance properties for a LINQ provider: for random specifications (built through the public builder,
/// from a pool of translatable predicates and ordering keys) and random data, the in-memory evaluation equals the
/// provider's evaluation of <c>WithSpecification</c>; <c>IsSatisfiedBy</c> agrees with criteria-only evaluation; and
/// criteria-only evaluation ignores ordering and paging.
/// </summary>
/// <remarks>
/// Derive once per provider and implement <see cref="AsQueryable"/> (for EF Core: replace the table's rows with the data
/// and return the <c>DbSet</c>). Override <see cref="PreservesSourceOrder"/> with <see langword="false"/> for providers
/// without a defined source order (SQL): the generated specifications then keep a total order (Id tie-break) whenever
/// they page, and unordered results are compared as sets. Override a property with a smaller <c>MaxTest</c> for slow
/// providers by redeclaring it with <c>[Property(MaxTest = ...)]</c> and calling the base method.
/// </remarks>
public abstract class SpecificationEvaluatorConformanceTests
{
    /// <summary>Gets whether <see cref="AsQueryable"/> returns rows in the order of the given list when unordered.</summary>
    protected virtual bool PreservesSourceOrder => true;

    /// <summary>Turns the data into the provider's queryable (the data is all the source contains).</summary>
    protected abstract IQueryable<SpecRecord> AsQueryable(IReadOnlyList<SpecRecord> data);

    private Arbitrary<ConformanceCase> Cases => Arb.From(SpecificationGenerators.Case(totalOrderRequired: !PreservesSourceOrder));

    [Property(MaxTest = 500)]
    public virtual Property Evaluate_RandomSpecificationAndData_EqualsQueryableEvaluation()
        => Prop.ForAll(Cases, c =>
        {
            var spec = c.Plan.Build();
            var expected = spec.Evaluate(c.Data).ToList();
            var actual = AsQueryable(c.Data).WithSpecification(spec).ToList();
            var ordered = spec.OrderExpressions.Any();
            if (!PreservesSourceOrder && !ordered)
            {
                expected = [.. expected.OrderBy(x => x.Id)];
                actual = [.. actual.OrderBy(x => x.Id)];
            }

            return expected.SequenceEqual(actual)
                .Label($"in memory: [{string.Join(",", expected.Select(x => x.Id))}], queryable: [{string.Join(",", actual.Select(x => x.Id))}]")
                .Classify(ordered, "ordered")
                .Classify(spec.Skip > 0 || spec.Take >= 0, "paged")
                .Classify(expected.Count == 0, "empty result");
        });

    [Property(MaxTest = 500)]
    public virtual Property IsSatisfiedBy_RandomSpecificationAndData_AgreesWithCriteriaOnlyEvaluation()
        => Prop.ForAll(Cases, c =>
        {
            var spec = c.Plan.Build();
            var whereOnly = new InMemorySpecificationEvaluator([WhereEvaluator.Instance]);
            var singleAgree = c.Data.All(x => spec.IsSatisfiedBy(x) == whereOnly.Evaluate(new[] { x }, spec).Any());
            var satisfying = c.Data.Where(spec.IsSatisfiedBy).OrderBy(x => x.Id).Select(x => x.Id).ToList();
            var fromProvider = SpecificationEvaluator.Default.GetQuery(AsQueryable(c.Data), spec, evaluateCriteriaOnly: true)
                .Select(x => x.Id).ToList().Order().ToList();

            return (singleAgree && satisfying.SequenceEqual(fromProvider))
                .Label($"satisfying: [{string.Join(",", satisfying)}], provider criteria-only: [{string.Join(",", fromProvider)}]");
        });

    [Property(MaxTest = 500)]
    public virtual Property GetQuery_CriteriaOnly_IgnoresOrderingAndPaging()
        => Prop.ForAll(Cases, Arb.From(Gen.Elements(false, true)), (c, addSecondChain) =>
        {
            var spec = c.Plan.Build();
            if (addSecondChain)
            {
                // A second chain makes full evaluation throw; criteria-only evaluation must not look at ordering at all.
                spec.Query.OrderByDescending(x => x.Score);
            }

            var expected = c.Data.Where(x => spec.WhereExpressions.All(w => w.FilterFunc(x))).ToList();
            var actual = SpecificationEvaluator.Default.GetQuery(AsQueryable(c.Data), spec, evaluateCriteriaOnly: true).ToList();
            if (!PreservesSourceOrder)
            {
                expected = [.. expected.OrderBy(x => x.Id)];
                actual = [.. actual.OrderBy(x => x.Id)];
            }

            return expected.SequenceEqual(actual)
                .Label($"expected: [{string.Join(",", expected.Select(x => x.Id))}], actual: [{string.Join(",", actual.Select(x => x.Id))}]")
                .Classify(addSecondChain, "duplicate chain");
        });
}
