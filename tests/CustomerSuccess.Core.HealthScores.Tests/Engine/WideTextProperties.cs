using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CustomerSuccess.Core.HealthScores.Engine;
using CustomerSuccess.Core.HealthScores.Snapshots;
using CustomerSuccess.Core.HealthScores.Statistics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace CustomerSuccess.Core.HealthScores.Tests.Engine;

/// <summary>A portfolio whose text column "city" has 100,000 distinct values (four-byte codes) and whose "tier" column
/// has 300 (two-byte codes), built once; FsCheck generates the definitions.</summary>
public static class WidePortfolio
{
    public const int DistinctCities = 100_000;
    public const int Accounts = DistinctCities + 2_000;

    public static readonly LocalDate AsOf = new(2025, 6, 30);

    public static readonly PortfolioSchema Schema = new(
    [
        new SignalDefinition("city", SignalType.Text),
        new SignalDefinition("tier", SignalType.Text),
        new SignalDefinition("n", SignalType.Number),
    ]);

    private static readonly Lazy<(PortfolioSnapshot Snapshot, ReferenceAccount[] Accounts)> Built = new(Build);

    public static PortfolioSnapshot Snapshot => Built.Value.Snapshot;

    public static IReadOnlyList<ReferenceAccount> ReferenceAccounts => Built.Value.Accounts;

    public static string City(int i) => "city-" + i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture);

    private static (PortfolioSnapshot, ReferenceAccount[]) Build()
    {
        var random = new Random(11);
        int[] order = Enumerable.Range(0, DistinctCities).OrderBy(_ => random.Next()).ToArray();
        var builder = new PortfolioSnapshotBuilder(Schema, ownerCount: 3, segmentCount: 2, capacity: Accounts);
        var accounts = new ReferenceAccount[Accounts];
        for (int i = 0; i < Accounts; i++)
        {
            string? city = i < DistinctCities ? City(order[i]) : null;
            string? tier = i % 11 == 0 ? null : "tier-" + (i % 300);
            double? n = i % 13 == 0 ? null : i % 10;
            int owner = i % 3;
            int mask = (i / 3) % 4;
            int row = builder.AddAccount(owner, mask);
            builder.SetText(row, 0, city);
            builder.SetText(row, 1, tier);
            builder.SetNumber(row, 2, n);
            accounts[i] = new ReferenceAccount(new Dictionary<string, object?> { ["city"] = city, ["tier"] = tier, ["n"] = n }, [], owner, mask);
        }

        return (builder.Build(), accounts);
    }
}

public static class WideTextArbitraries
{
    public static Arbitrary<HealthScoreDefinition> Definition() => Arb.From(DefinitionGen());

    public static Gen<HealthScoreDefinition> DefinitionGen() =>
        from groups in GroupGen().ArrayOf().Select(g => g.Take(4).ToArray())
        from neutral in Gen.Choose(1, 60)
        from healthy in Gen.Choose(neutral + 1, 100)
        select new HealthScoreDefinition("wide", "companies", [], [.. groups], new StatusThresholds(neutral, healthy));

    private static Gen<ScoreGroup> GroupGen() =>
        from max in Gen.Choose(0, 60)
        from criteria in CriterionGen().ArrayOf().Select(c => c.Take(5).ToArray())
        select new ScoreGroup("g", ScoreGroupKind.Property, max, [.. criteria]);

    private static Gen<Criterion> CriterionGen() =>
        from points in Gen.Frequency((3, Gen.Choose(1, 40)), (1, Gen.Choose(-40, -1)))
        from conditions in ConditionGen().ArrayOf().Select(c => c.Take(2).ToArray())
        select (Criterion)new PropertyCriterion("c", points, [.. conditions]);

    private static Gen<Condition> ConditionGen() =>
        Gen.OneOf(
            TextGen("city", Gen.Frequency((5, Gen.Choose(0, WidePortfolio.DistinctCities - 1).Select(WidePortfolio.City)), (1, Gen.Constant("nowhere")))),
            TextGen("tier", Gen.Frequency((5, Gen.Choose(0, 299).Select(t => "tier-" + t)), (1, Gen.Constant("tier-x")))),
            from op in Gen.Elements(NumberOperator.GreaterThanOrEqual, NumberOperator.LessThan, NumberOperator.Equal)
            from v in Gen.Choose(0, 10)
            select (Condition)new NumberCondition("n", op, v));

    private static Gen<Condition> TextGen(string property, Gen<string> value) =>
        from op in Gen.Elements(Enum.GetValues<TextOperator>())
        from values in value.ArrayOf().Select(v => v.Take(6).Distinct().ToArray())
        from first in value
        let chosen = op switch
        {
            TextOperator.Is or TextOperator.IsNot => [first],
            TextOperator.IsAnyOf => values.Prepend(first).Distinct().ToImmutableArray(),
            _ => ImmutableArray<string>.Empty,
        }
        select (Condition)new TextCondition(property, op, chosen);
}

public class WideTextProperties
{
    [Fact]
    public void Snapshot_100000DistinctCities_UsesFourByteCodesAnd300TiersTwoByteCodes()
    {
        PortfolioSnapshot snapshot = WidePortfolio.Snapshot;
        Assert.Equal(4, snapshot.GetTextCodeWidth(0));
        Assert.Equal(WidePortfolio.DistinctCities, snapshot.GetTextDictionary(0).Length);
        Assert.Equal(2, snapshot.GetTextCodeWidth(1));
        Assert.Equal(300, snapshot.GetTextDictionary(1).Length);
    }

    [Property(MaxTest = 12, Arbitrary = new[] { typeof(WideTextArbitraries) })]
    public void Evaluate_TextColumnWith100000DistinctValues_EqualsReferenceEvaluator(HealthScoreDefinition definition)
    {
        PortfolioSnapshot snapshot = WidePortfolio.Snapshot;
        CompiledHealthScore score = HealthScoreCompiler.Compile(ScoringCase.Version(definition), WidePortfolio.Schema).GetValueOrThrow();
        int n = snapshot.AccountCount;
        var scores = new byte[n];
        var statuses = new HealthStatus[n];
        PortfolioStatistics stats = score.Evaluate(snapshot, null, WidePortfolio.AsOf, scores, statuses);

        var expected = new int[n];
        for (int i = 0; i < n; i++)
        {
            ReferenceResult reference = ReferenceEvaluator.Evaluate(definition, WidePortfolio.ReferenceAccounts[i], WidePortfolio.AsOf);
            expected[i] = reference.Score;
            Assert.True(reference.Score == scores[i], $"account {i}: reference {reference.Score}, engine {scores[i]}");
            Assert.Equal(reference.Status, statuses[i]);
        }

        CompiledHealthScoreProperties.AssertDistribution(expected, definition.Thresholds, stats.Overall);
        int probe = (definition.GetHashCode() & int.MaxValue) % n;
        Assert.Equal(scores[probe], score.ScoreAccount(snapshot, null, WidePortfolio.AsOf, probe).Score);
    }
}
