using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Core.Specification.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace CustomerSuccess.Core.Specification.Tests.Conformance;

/// <summary>
/// Generators for specification conformance: records with many ties and nulls, filters from a fixed pool of
/// translatable predicates (member access, comparisons, &amp;&amp;/||, Contains on captured lists; bounds computed outside),
/// ordering chains with an Id tie-break, and paging.
/// </summary>
public static class SpecificationGenerators
{
    /// <summary>Lowercase ASCII only, so culture-aware (in-memory) and binary (SQL) string ordering agree.</summary>
    private static readonly string?[] Names = [null, string.Empty, "alpha", "beta", "gamma", "delta"];

    private static readonly string[] NonNullNames = ["", "alpha", "beta", "gamma", "delta"];

    /// <summary>Instant-like timestamps: ticks around a fixed epoch offset, ten per test.</summary>
    private const long Epoch = 17_000_000_000_000_000L;

    private const long Tick = 1_000L;

    private static readonly OrderKey[] Keys =
    [
        new("Id", x => x.Id),
        new("Score", x => x.Score),
        new("Name", x => x.Name),
        new("OptionalScore", x => x.OptionalScore),
        new("OccurredAt", x => x.OccurredAt),
        new("OptionalScore == null", x => x.OptionalScore == null),
    ];

    private static readonly OrderKey IdKey = Keys[0];

    public static Gen<SpecRecord> Record { get; } =
        from score in Gen.Choose(-5, 5)
        from name in Gen.Elements(Names)
        from optional in Gen.Frequency((1, Gen.Constant<int?>(null)), (2, Gen.Choose(-3, 3).Select(v => (int?)v)))
        from occurred in Gen.Choose(0, 10)
        select new SpecRecord { Score = score, Name = name, OptionalScore = optional, OccurredAt = Epoch + (occurred * Tick) };

    /// <summary>0–20 records with distinct ids 1..n, in shuffled source order.</summary>
    public static Gen<IReadOnlyList<SpecRecord>> Data { get; } =
        from n in Gen.Choose(0, 20)
        from records in Gen.ListOf(Record, n)
        from shuffled in Gen.Shuffle(records.Select((r, i) => r with { Id = i + 1 }).ToArray())
        select (IReadOnlyList<SpecRecord>)shuffled;

    private static Gen<bool> MostlyTrue { get; } = Gen.Frequency((4, Gen.Constant(true)), (1, Gen.Constant(false)));

    private static Gen<FilterStep> FilterWithoutCondition { get; } = Gen.OneOf(
        Gen.Choose(-6, 6).Select(k => new FilterStep($"Score >= {k}", x => x.Score >= k, true)),
        Gen.Choose(-6, 6).Select(k => new FilterStep($"Score < {k}", x => x.Score < k, true)),
        Gen.Choose(-6, 6).SelectMany(a => Gen.Choose(-6, 6), (a, b) => new FilterStep($"(Score < {a} || Score > {b})", x => x.Score < a || x.Score > b, true)),
        Gen.Elements(NonNullNames).Select(s => new FilterStep($"Name == '{s}'", x => x.Name == s, true)),
        Gen.Elements(NonNullNames).Select(s => new FilterStep($"Name != '{s}'", x => x.Name != s, true)),
        Gen.Constant(new FilterStep("Name == null", x => x.Name == null, true)),
        Gen.Constant(new FilterStep("Name != null", x => x.Name != null, true)),
        Gen.Choose(-4, 4).Select(k => new FilterStep($"OptionalScore > {k}", x => x.OptionalScore > k, true)),
        Gen.Constant(new FilterStep("OptionalScore == null", x => x.OptionalScore == null, true)),
        Gen.Choose(-4, 4).Select(k => new FilterStep($"(OptionalScore <= {k} || OptionalScore == null)", x => x.OptionalScore <= k || x.OptionalScore == null, true)),
        Gen.Choose(0, 10).SelectMany(
            a => Gen.Choose(0, 10),
            (a, b) =>
            {
                long fromInclusive = Epoch + (a * Tick);
                long toExclusive = Epoch + (b * Tick);
                return new FilterStep($"OccurredAt in [{a}, {b})", x => x.OccurredAt >= fromInclusive && x.OccurredAt < toExclusive, true);
            }),
        Gen.SubListOf(Enumerable.Range(1, 20).ToArray()).Select(ids =>
        {
            var list = ids.ToList();
            return new FilterStep($"Id in [{string.Join(",", list)}]", x => list.Contains(x.Id), true);
        }),
        Gen.SubListOf(NonNullNames).Select(names =>
        {
            List<string?> list = [.. names];
            return new FilterStep($"Name in ['{string.Join("','", list)}']", x => list.Contains(x.Name), true);
        }),
        Gen.Choose(-6, 6).Select(k => new FilterStep($"(Score >= {k} && Name != null)", x => x.Score >= k && x.Name != null, true)));

    public static Gen<FilterStep> Filter { get; } =
        from step in FilterWithoutCondition
        from condition in MostlyTrue
        select step with { Condition = condition };

    private static Gen<OrderStep> OrderStepGen(bool alwaysApplied) =>
        from key in Gen.Elements(Keys)
        from isDescending in Gen.Elements(false, true)
        from condition in alwaysApplied ? Gen.Constant(true) : MostlyTrue
        select new OrderStep(key, isDescending, condition);

    /// <summary>
    /// Specification plans. With <paramref name="totalOrderRequired"/> (sources without a stable order, e.g. SQL), every
    /// chain is applied and ends with an Id tie-break, and paging is only used with an ordering.
    /// </summary>
    public static Gen<SpecPlan> Plan(bool totalOrderRequired) =>
        from filterCount in Gen.Choose(0, 4)
        from filters in Gen.ListOf(Filter, filterCount)
        from hasOrder in Gen.Frequency((1, Gen.Constant(false)), (3, Gen.Constant(true)))
        from first in OrderStepGen(totalOrderRequired)
        from thenCount in Gen.Choose(0, 2)
        from then in Gen.ListOf(OrderStepGen(totalOrderRequired), thenCount)
        from tieBreak in totalOrderRequired ? Gen.Constant(true) : MostlyTrue
        from tieBreakDescending in Gen.Elements(false, true)
        from skip in Paging(totalOrderRequired && !hasOrder)
        from take in Paging(totalOrderRequired && !hasOrder)
        select new SpecPlan(
            filters.ToList(),
            hasOrder ? first : null,
            tieBreak ? [.. then, new OrderStep(IdKey, tieBreakDescending, true)] : then.ToList(),
            skip,
            take);

    private static Gen<PagingStep?> Paging(bool disallowed) =>
        disallowed
            ? Gen.Constant<PagingStep?>(null)
            : Gen.Frequency(
                (1, Gen.Constant<PagingStep?>(null)),
                (2, Gen.Choose(0, 8).SelectMany(_ => MostlyTrue, (value, condition) => (PagingStep?)new PagingStep(value, condition))));

    public static Gen<ConformanceCase> Case(bool totalOrderRequired) =>
        from data in Data
        from plan in Plan(totalOrderRequired)
        select new ConformanceCase(data, plan);
}
