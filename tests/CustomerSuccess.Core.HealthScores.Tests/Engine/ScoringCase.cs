using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CustomerSuccess.Core.HealthScores.Engine;
using CustomerSuccess.Core.HealthScores.Activity;
using CustomerSuccess.Core.HealthScores.Snapshots;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace CustomerSuccess.Core.HealthScores.Tests.Engine;

/// <summary>A generated scoring scenario: a definition (draft or valid), an as-of date and accounts with gaps and
/// values exactly on the thresholds.</summary>
public sealed record ScoringCase(HealthScoreDefinition Definition, LocalDate AsOf, IReadOnlyList<ReferenceAccount> Accounts)
{
    public const int OwnerCount = 3;
    public const int SegmentCount = 3;

    public static readonly PortfolioSchema Schema = new(
    [
        new SignalDefinition("n1", SignalType.Number),
        new SignalDefinition("n2", SignalType.Number),
        new SignalDefinition("n3", SignalType.Number),
        new SignalDefinition("t1", SignalType.Text),
        new SignalDefinition("t2", SignalType.Text),
        new SignalDefinition("d1", SignalType.Date),
        new SignalDefinition("d2", SignalType.Date),
        new SignalDefinition("b1", SignalType.Boolean),
    ]);

    public static readonly ScoreVersion DummyVersion = Version(HealthScoreDefinitionFactory.Empty);

    public ScoreVersion ScoreVersion => Version(Definition);

    public int EventCriterionCount => ReferenceEvaluator.EventCriteria(Definition).Count;

    public static ScoreVersion Version(HealthScoreDefinition definition) =>
        new(HealthScoreId.From(7), 3, Instant.FromUtc(2025, 1, 1, 0, 0), definition);

    public CompiledHealthScore Compile() => HealthScoreCompiler.Compile(ScoreVersion, Schema).GetValueOrThrow();

    public PortfolioSnapshot BuildSnapshot() => BuildSnapshot(Accounts);

    public static PortfolioSnapshot BuildSnapshot(IReadOnlyList<ReferenceAccount> accounts)
    {
        var builder = new PortfolioSnapshotBuilder(Schema, OwnerCount, SegmentCount, accounts.Count);
        foreach (ReferenceAccount account in accounts)
        {
            int row = builder.AddAccount(account.Owner, account.SegmentMask);
            for (int c = 0; c < Schema.Count; c++)
            {
                SignalDefinition signal = Schema.Signals[c];
                account.Values.TryGetValue(signal.Name, out object? value);
                switch (signal.Type)
                {
                    case SignalType.Number: builder.SetNumber(row, c, (double?)value); break;
                    case SignalType.Text: builder.SetText(row, c, (string?)value); break;
                    case SignalType.Date: builder.SetDate(row, c, (LocalDate?)value); break;
                    default: builder.SetBoolean(row, c, (bool?)value); break;
                }
            }
        }

        return builder.Build();
    }

    public ActivityCounts BuildCounts() => BuildCounts(Accounts, EventCriterionCount);

    public static ActivityCounts BuildCounts(IReadOnlyList<ReferenceAccount> accounts, int criteria) =>
        ActivityCounts.FromColumns(accounts.Count, Enumerable.Range(0, criteria).Select(c => accounts.Select(a => a.ActivityCounts[c]).ToArray()).ToArray());

    public override string ToString() =>
        $"AsOf {AsOf}, {Accounts.Count} accounts, definition {System.Text.Json.JsonSerializer.Serialize(Definition.Groups.Select(g => g.ToString()))}";
}

internal static class HealthScoreDefinitionFactory
{
    public static readonly HealthScoreDefinition Empty = Create([], StatusThresholds.Default);

    public static HealthScoreDefinition Create(IEnumerable<ScoreGroup> groups, StatusThresholds thresholds) =>
        new("generated", "companies", [], [.. groups], thresholds);
}

/// <summary>FsCheck generators for <see cref="ScoringCase"/>.</summary>
public static class ScoringArbitraries
{
    public static readonly LocalDate BaseDate = new(2025, 6, 30);

    private static readonly double[] Thresholds = [0, 1, 2, 2.5, 5, 10, -3];
    private static readonly string[] Words = ["a", "b", "c", "d"];
    private static readonly string[] WordsAndUnknown = ["a", "b", "c", "d", "zz"];

    public static Arbitrary<ScoringCase> ScoringCase() => Arb.From(CaseGen());

    public static Gen<ScoringCase> CaseGen() =>
        from asOfOffset in Gen.Choose(-2, 2)
        let asOf = BaseDate.PlusDays(asOfOffset)
        from definition in DefinitionGen(asOf)
        let events = ReferenceEvaluator.EventCriteria(definition).Count
        from size in Gen.Sized(s => Gen.Frequency((4, Gen.Choose(0, Math.Min(70, 2 + (s * 2)))), (1, Gen.Choose(100, 300))))
        from accounts in AccountGen(asOf, events).ArrayOf(size)
        select new ScoringCase(definition, asOf, accounts);

    public static Gen<HealthScoreDefinition> DefinitionGen(LocalDate asOf) =>
        from groups in GroupGen(asOf).ArrayOf().Select(g => g.Take(5).ToArray())
        from neutral in Gen.Choose(1, 70)
        from healthy in Gen.Choose(neutral + 1, 100)
        select HealthScoreDefinitionFactory.Create(groups, new StatusThresholds(neutral, healthy));

    public static Gen<ScoreGroup> GroupGen(LocalDate asOf) =>
        from kind in Gen.Elements(ScoreGroupKind.Property, ScoreGroupKind.Property, ScoreGroupKind.Event)
        from max in Gen.Frequency((4, Gen.Choose(0, 40)), (1, Gen.Constant(100)))
        from count in Gen.Choose(0, 4)
        from criteria in (kind == ScoreGroupKind.Property ? PropertyCriterionGen(asOf) : EventCriterionGen()).ArrayOf(count)
        select new ScoreGroup("g", kind, max, [.. criteria]);

    public static Gen<Criterion> PropertyCriterionGen(LocalDate asOf) =>
        from points in PointsGen()
        from n in Gen.Frequency((6, Gen.Constant(1)), (3, Gen.Constant(2)), (1, Gen.Constant(3)))
        from conditions in ConditionGen(asOf).ArrayOf(n)
        select (Criterion)new PropertyCriterion("p", points, [.. conditions]);

    public static Gen<Criterion> EventCriterionGen() =>
        from points in PointsGen()
        from type in Gen.Elements("login", "ticket")
        from window in Gen.Choose(1, 60)
        from op in Gen.Elements(Enum.GetValues<CountOperator>())
        from count in Gen.Choose(0, 4)
        select (Criterion)new EventCriterion("e", points, type, [], window, op, count);

    /// <summary>Mostly small points (byte-lane kernels), sometimes large ones (a group's Σ |points| above 255 takes the
    /// int-lane kernels).</summary>
    public static Gen<int> PointsGen() =>
        Gen.Frequency((3, Gen.Choose(1, 30)), (1, Gen.Choose(-30, -1)), (1, Gen.Constant(0)), (1, Gen.Choose(-100, 100)), (1, Gen.Elements(1000, -1000)));

    public static Gen<Condition> ConditionGen(LocalDate asOf) =>
        Gen.OneOf(NumberConditionGen(), TextConditionGen(), DateConditionGen(asOf), BooleanConditionGen());

    public static Gen<Condition> NumberConditionGen() =>
        from property in Gen.Elements("n1", "n2", "n3")
        from op in Gen.Elements(Enum.GetValues<NumberOperator>())
        from value in Gen.Elements(Thresholds)
        from width in Gen.Elements(0d, 1d, 3d)
        select (Condition)new NumberCondition(property, op, value, op == NumberOperator.Between ? value + width : null);

    public static Gen<Condition> TextConditionGen() =>
        from property in Gen.Elements("t1", "t2")
        from op in Gen.Elements(Enum.GetValues<TextOperator>())
        from first in Gen.Elements(WordsAndUnknown)
        from more in Gen.SubListOf(WordsAndUnknown)
        let values = op switch
        {
            TextOperator.Is or TextOperator.IsNot => [first],
            TextOperator.IsAnyOf => more.Prepend(first).Distinct().ToImmutableArray(),
            _ => ImmutableArray<string>.Empty,
        }
        select (Condition)new TextCondition(property, op, values);

    public static Gen<Condition> DateConditionGen(LocalDate asOf) =>
        from property in Gen.Elements("d1", "d2")
        from op in Gen.Elements(Enum.GetValues<DateOperator>())
        from days in Gen.Choose(0, 20)
        from offset in Gen.Choose(-20, 20)
        select (Condition)(op is DateOperator.WithinLastDays or DateOperator.WithinNextDays
            ? new DateCondition(property, op, days)
            : new DateCondition(property, op, null, asOf.PlusDays(offset)));

    public static Gen<Condition> BooleanConditionGen() =>
        from value in Gen.Elements(true, false)
        select (Condition)new BooleanCondition("b1", value);

    public static Gen<ReferenceAccount> AccountGen(LocalDate asOf, int eventCriteria) =>
        from n1 in NumberValueGen()
        from n2 in NumberValueGen()
        from n3 in NumberValueGen()
        from t1 in TextValueGen()
        from t2 in TextValueGen()
        from d1 in DateValueGen(asOf)
        from d2 in DateValueGen(asOf)
        from b1 in Gen.Elements<object?>(null, true, false)
        from counts in Gen.Choose(0, 6).ArrayOf(eventCriteria)
        from owner in Gen.Choose(0, Engine.ScoringCase.OwnerCount - 1)
        from mask in Gen.Choose(0, (1 << Engine.ScoringCase.SegmentCount) - 1)
        select new ReferenceAccount(
            new Dictionary<string, object?>
            {
                ["n1"] = n1, ["n2"] = n2, ["n3"] = n3, ["t1"] = t1, ["t2"] = t2, ["d1"] = d1, ["d2"] = d2, ["b1"] = b1,
            },
            counts,
            owner,
            mask);

    public static Gen<object?> NumberValueGen() =>
        Gen.Frequency(
            (1, Gen.Constant<object?>(null)),
            (4, Gen.Elements(Thresholds).Select(v => (object?)v)),
            (1, Gen.Choose(-50, 50).Select(v => (object?)(v / 4d))));

    public static Gen<object?> TextValueGen() =>
        Gen.Frequency((1, Gen.Constant<object?>(null)), (4, Gen.Elements(Words).Select(v => (object?)v)));

    public static Gen<object?> DateValueGen(LocalDate asOf) =>
        Gen.Frequency((1, Gen.Constant<object?>(null)), (4, Gen.Choose(-25, 25).Select(d => (object?)asOf.PlusDays(d))));
}
