using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace CustomerSuccess.Core.HealthScores.Tests.Definitions;

/// <summary>
/// FsCheck generators for health-score definitions, shared by the model and engine tests.
/// <see cref="ValidDefinition"/> passes Activation validation; <see cref="AnyDefinition"/> is any representable
/// definition with defined enum values (JSON round-trips); <see cref="WildDefinition"/> adds undefined enum values.
/// </summary>
internal static class DefinitionGenerators
{
    private static readonly string[] Names =
    [
        "Engagement", "NPS", "CSM Sentiment", "Tickets", "plan", "arr", "Zufriedenheit ü", "quote \"q\"", "tab\t", "日本",
    ];

    private static readonly string[] OddNames = ["", " ", "Engagement", "a", "a", "\u00e9", "\\", "<>&'"];

    internal static Gen<string> Name { get; } = Gen.Elements(Names);

    internal static Gen<string> AnyName { get; } = Gen.Frequency((3, Gen.Elements(Names)), (1, Gen.Elements(OddNames)));

    internal static Gen<double> FiniteDouble { get; } =
        Gen.Frequency(
            (6, Gen.Choose(-4000, 4000).Select(i => i / 4.0)),
            (1, Gen.Elements(0.1, 1e-9, 123456789.125, double.MaxValue, double.MinValue, double.Epsilon, -0.0)));

    internal static Gen<double> AnyDouble { get; } =
        Gen.Frequency((8, FiniteDouble), (1, Gen.Elements(double.NaN, double.PositiveInfinity, double.NegativeInfinity)));

    internal static Gen<LocalDate> Date { get; } = Gen.Choose(-5000, 20000).Select(d => new LocalDate(2000, 1, 1).PlusDays(d));

    /// <summary>Conditions that satisfy every operand rule.</summary>
    internal static Gen<Condition> ValidCondition { get; } = Gen.OneOf(
        from p in Name
        from op in Gen.Elements(Enum.GetValues<NumberOperator>())
        from v in FiniteDouble.Where(double.IsFinite).Select(x => Math.Clamp(x, -1e12, 1e12))
        from width in Gen.Choose(0, 1000)
        select (Condition)(op == NumberOperator.Between
            ? new NumberCondition(p, op, v, v + width)
            : new NumberCondition(p, op, v)),
        from p in Name
        from op in Gen.Elements(Enum.GetValues<TextOperator>())
        from values in Gen.Shuffle(Names).Select(a => a.Take(3).ToArray())
        from n in Gen.Choose(1, 3)
        select (Condition)new TextCondition(
            p,
            op,
            op switch
            {
                TextOperator.Is or TextOperator.IsNot => [values[0]],
                TextOperator.IsAnyOf => [.. values.Take(n)],
                _ => [],
            }),
        from p in Name
        from op in Gen.Elements(Enum.GetValues<DateOperator>())
        from days in Gen.Choose(1, DateCondition.MaxDays)
        from date in Date
        select (Condition)(op is DateOperator.WithinLastDays or DateOperator.WithinNextDays
            ? new DateCondition(p, op, Days: days)
            : new DateCondition(p, op, Date: date)),
        from p in Name
        from b in Gen.Elements(true, false)
        select (Condition)new BooleanCondition(p, b));

    /// <summary>Any representable condition with defined operators (may break operand rules).</summary>
    internal static Gen<Condition> AnyCondition { get; } = Gen.Frequency(
        (2, ValidCondition),
        (1, from p in AnyName
            from op in Gen.Elements(Enum.GetValues<NumberOperator>())
            from v in AnyDouble
            from upper in AnyDouble.Select(x => (double?)x).OrNullValue()
            select (Condition)new NumberCondition(p, op, v, upper)),
        (1, from p in AnyName
            from op in Gen.Elements(Enum.GetValues<TextOperator>())
            from values in Gen.ArrayOf(AnyName, 4)
            select (Condition)new TextCondition(p, op, [.. values])),
        (1, from p in AnyName
            from op in Gen.Elements(Enum.GetValues<DateOperator>())
            from days in Gen.Choose(-5, 4000).Select(d => (int?)d).OrNullValue()
            from date in Date.Select(d => (LocalDate?)d).OrNullValue()
            select (Condition)new DateCondition(p, op, days, date)));

    internal static Gen<Condition> WildCondition { get; } = Gen.Frequency(
        (4, AnyCondition),
        (1, from p in AnyName
            from op in Gen.Choose(-2, 12)
            from v in AnyDouble
            select (Condition)new NumberCondition(p, (NumberOperator)op, v)),
        (1, from p in AnyName
            from op in Gen.Choose(-2, 12)
            select (Condition)new TextCondition(p, (TextOperator)op, ["x"])),
        (1, from p in AnyName
            from op in Gen.Choose(-2, 12)
            select (Condition)new DateCondition(p, (DateOperator)op, 3)));

    /// <summary>A valid group: 1..4 criteria that can each reach <paramref name="maxPoints"/>, sometimes plus one penalty (negative points).</summary>
    internal static Gen<ScoreGroup> ValidGroup(string name, ScoreGroupKind kind, int maxPoints) =>
        from count in Gen.Choose(1, 4)
        from names in Gen.Shuffle(Names).Select(a => a.Take(count + 1).ToArray())
        from criteria in Gen.CollectToArray(names.Take(count), n => ValidCriterion(n, kind, maxPoints))
        from withPenalty in Gen.Elements(true, false)
        from penalty in Gen.Choose(-Criterion.MaxAbsolutePoints, -1)
        from penaltyCriterion in ValidCriterion(names[count], kind, 1).Select(c => c with { Points = penalty })
        select new ScoreGroup(name, kind, maxPoints, withPenalty ? [.. criteria, penaltyCriterion] : [.. criteria]);

    internal static Gen<Criterion> ValidCriterion(string name, ScoreGroupKind kind, int maxPoints) =>
        kind == ScoreGroupKind.Property
            ? from points in Gen.Choose(maxPoints, Criterion.MaxAbsolutePoints)
              from conditions in Gen.ArrayOf(ValidCondition, 3).Where(a => a.Length > 0)
              select (Criterion)new PropertyCriterion(name, points, [.. conditions])
            : from points in Gen.Choose(maxPoints, Criterion.MaxAbsolutePoints)
              from type in Gen.Elements("meeting", "call", "email", "ticket")
              from conditions in Gen.ArrayOf(ValidCondition, 2)
              from window in Gen.Choose(1, EventCriterion.MaxWindowDays)
              from op in Gen.Elements(Enum.GetValues<CountOperator>())
              from count in Gen.Choose(op == CountOperator.LessThan ? 1 : 0, 20)
              select (Criterion)new EventCriterion(name, points, type, [.. conditions], window, op, count);

    /// <summary>Definitions that pass Activation validation with no errors (Max points sum to exactly 100).</summary>
    internal static Gen<HealthScoreDefinition> ValidDefinition { get; } =
        from groupCount in Gen.Choose(1, 5)
        from cuts in Gen.Shuffle(Enumerable.Range(1, 99).ToArray()).Select(a => a.Take(groupCount - 1).Order().ToArray())
        from groupNames in Gen.Shuffle(Names).Select(a => a.Take(groupCount).ToArray())
        from kinds in Gen.ArrayOf(Gen.Elements(ScoreGroupKind.Property, ScoreGroupKind.Event), groupCount)
        from groups in Gen.CollectToArray(
            Enumerable.Range(0, groupCount),
            i => ValidGroup(groupNames[i], kinds[i], (i == groupCount - 1 ? 100 : cuts[i]) - (i == 0 ? 0 : cuts[i - 1])))
        from segmentCount in Gen.Choose(0, HealthScoreDefinition.MaxSegments)
        from segments in Gen.Shuffle(Names).Select(a => a.Take(segmentCount).ToArray())
        from neutral in Gen.Choose(1, 98)
        from healthy in Gen.Choose(neutral + 1, 100)
        from name in Name
        from objectType in Gen.Elements("companies", "contacts", "p_subscriptions")
        select new HealthScoreDefinition(name, objectType, [.. segments], [.. groups], new StatusThresholds(neutral, healthy));

    internal static Gen<Criterion> AnyCriterion(Gen<Condition> conditions, Gen<int> countOperators) => Gen.OneOf(
        from name in AnyName
        from points in Gen.Choose(-150, 150)
        from cs in Gen.ArrayOf(conditions, 3)
        select (Criterion)new PropertyCriterion(name, points, [.. cs]),
        from name in AnyName
        from points in Gen.Choose(-150, 150)
        from type in Gen.Elements("meeting", "call", "", " ", "email")
        from cs in Gen.ArrayOf(conditions, 2)
        from window in Gen.Choose(-3, 4000)
        from op in countOperators
        from count in Gen.Choose(-2, 10)
        select (Criterion)new EventCriterion(name, points, type, [.. cs], window, (CountOperator)op, count));

    private static Gen<HealthScoreDefinition> Definitions(Gen<Condition> conditions, Gen<int> kinds, Gen<int> countOperators) =>
        Gen.Frequency(
            (1, ValidDefinition),
            (3,
                from name in AnyName
                from objectType in Gen.Elements("companies", "contacts", "", " ")
                from segments in Gen.ArrayOf(AnyName, 8)
                from groups in Gen.ArrayOf(
                    from gname in AnyName
                    from kind in kinds
                    from max in Gen.Frequency((4, Gen.Choose(1, 100)), (1, Gen.Choose(-10, 150)))
                    from criteria in Gen.ArrayOf(AnyCriterion(conditions, countOperators), 4)
                    select new ScoreGroup(gname, (ScoreGroupKind)kind, max, [.. criteria]),
                    6)
                from neutral in Gen.Choose(-5, 110)
                from healthy in Gen.Choose(-5, 110)
                select new HealthScoreDefinition(name, objectType, [.. segments], [.. groups], new StatusThresholds(neutral, healthy))));

    /// <summary>Any representable definition with defined enum values: valid, draft or broken (round-trips through JSON).</summary>
    internal static Gen<HealthScoreDefinition> AnyDefinition { get; } =
        Definitions(AnyCondition, Gen.Choose(0, 1), Gen.Choose(0, 4));

    /// <summary>Like <see cref="AnyDefinition"/> but also with undefined enum values (only for "never throws" checks).</summary>
    internal static Gen<HealthScoreDefinition> WildDefinition { get; } =
        Definitions(WildCondition, Gen.Choose(-1, 3), Gen.Choose(-1, 7));

    private static Gen<T?> OrNullValue<T>(this Gen<T?> gen)
        where T : struct =>
        Gen.Frequency((3, gen), (1, Gen.Constant<T?>(null)));
}

/// <summary>Arbitraries for <c>[Property(Arbitrary = new[] { typeof(DefinitionArbitraries) })]</c>.</summary>
public static class DefinitionArbitraries
{
    /// <summary>Any definition with defined enum values (valid, draft or broken).</summary>
    public static Arbitrary<HealthScoreDefinition> Definition() => Arb.From(DefinitionGenerators.AnyDefinition);
}
