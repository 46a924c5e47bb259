using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Core.HealthScores.Activity;
using CustomerSuccess.Core.HealthScores.Engine;
using CustomerSuccess.Core.HealthScores.Snapshots;
using CustomerSuccess.Core.HealthScores.Statistics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace CustomerSuccess.Core.HealthScores.Tests.Engine;

/// <summary>One point update: a property value (Property set) or an event count (Property null).</summary>
public sealed record PointUpdate(int Account, string? Property, object? Value, int Criterion, int Count);

/// <summary>A scoring case and batches of point updates; after each batch the touched accounts (and a few others,
/// with duplicates) are rescored.</summary>
public sealed record RescoreCase(ScoringCase Case, IReadOnlyList<IReadOnlyList<PointUpdate>> Batches, IReadOnlyList<int> Extra)
{
    public override string ToString() =>
        $"{Case}; batches: {string.Join(" | ", Batches.Select(b => string.Join(", ", b.Select(u => u.Property is null ? $"#{u.Account} e{u.Criterion}={u.Count}" : $"#{u.Account} {u.Property}={u.Value ?? "null"}"))))}";
}

/// <summary>When row copies start to be kept in a rescoring sequence: the snapshot's before batch SnapshotFrom, the
/// counts' before batch CountsFrom (a batch index past the end = never).</summary>
public sealed record RowCopyPlan(int SnapshotFrom, int CountsFrom)
{
    public void Apply(int batch, PortfolioSnapshot snapshot, ActivityCounts counts)
    {
        if (batch == SnapshotFrom)
        {
            snapshot.KeepRowCopy();
        }

        if (batch == CountsFrom)
        {
            counts.KeepRowCopy();
        }
    }

    public override string ToString() => $"row copies: snapshot from batch {SnapshotFrom}, counts from batch {CountsFrom}";
}

/// <summary>A portfolio of 600 to 1,500 accounts and a few hundred point updates: a rescoring that spans several chunks.</summary>
public sealed record LargeRescoreCase(ScoringCase Case, IReadOnlyList<PointUpdate> Updates)
{
    public override string ToString() => $"{Case}; {Updates.Count} updates";
}

public static class RescoreArbitraries
{
    public static Arbitrary<LargeRescoreCase> LargeRescoreCase() => Arb.From(
        from definition in ScoringArbitraries.DefinitionGen(ScoringArbitraries.BaseDate)
        let events = ReferenceEvaluator.EventCriteria(definition).Count
        from size in Gen.Choose(600, 1500)
        from accounts in ScoringArbitraries.AccountGen(ScoringArbitraries.BaseDate, events).ArrayOf(size)
        let c = new ScoringCase(definition, ScoringArbitraries.BaseDate, accounts)
        from updates in Gen.Choose(300, 900).SelectMany(k => UpdateGen(c).ArrayOf(k))
        select new LargeRescoreCase(c, updates));

    /// <summary>Row copies from the first batch, from a later one, or never (batch 7 is past every case's end).</summary>
    public static Arbitrary<RowCopyPlan> RowCopyPlan() => Arb.From(
        from snapshot in Gen.Elements(0, 0, 1, 2, 7)
        from counts in Gen.Elements(0, 0, 1, 3, 7)
        select new RowCopyPlan(snapshot, counts));

    private static readonly string[] Properties = ["n1", "n2", "n3", "t1", "t2", "d1", "d2", "b1"];

    public static Arbitrary<RescoreCase> RescoreCase() => Arb.From(
        from c in ScoringArbitraries.CaseGen().Where(c => c.Accounts.Count > 0)
        from batches in BatchGen(c).ArrayOf().Select(b => b.Take(6).ToArray())
        from extra in Gen.Choose(0, c.Accounts.Count - 1).ArrayOf().Select(e => e.Take(5).ToArray())
        select new RescoreCase(c, batches, extra));

    private static Gen<IReadOnlyList<PointUpdate>> BatchGen(ScoringCase c) =>
        UpdateGen(c).ArrayOf().Select(u => (IReadOnlyList<PointUpdate>)u.Take(12).ToArray());

    private static Gen<PointUpdate> UpdateGen(ScoringCase c)
    {
        int events = c.EventCriterionCount;
        Gen<PointUpdate> property =
            from account in Gen.Choose(0, c.Accounts.Count - 1)
            from name in Gen.Elements(Properties)
            from value in ValueGen(name, c.AsOf)
            select new PointUpdate(account, name, value, 0, 0);
        if (events == 0)
        {
            return property;
        }

        Gen<PointUpdate> count =
            from account in Gen.Choose(0, c.Accounts.Count - 1)
            from criterion in Gen.Choose(0, events - 1)
            from n in Gen.Choose(0, 6)
            select new PointUpdate(account, null, null, criterion, n);
        return Gen.Frequency((3, property), (1, count));
    }

    /// <summary>Values as in the generated portfolios, plus text values new to the dictionary ("e", and "zz", which
    /// some conditions look for).</summary>
    private static Gen<object?> ValueGen(string property, LocalDate asOf) =>
        property[0] switch
        {
            'n' => ScoringArbitraries.NumberValueGen(),
            't' => Gen.Frequency((3, ScoringArbitraries.TextValueGen()), (1, Gen.Elements<object?>("e", "zz"))),
            'd' => ScoringArbitraries.DateValueGen(asOf),
            _ => Gen.Elements<object?>(null, true, false),
        };
}

public class RescoreProperties
{
    [Property(MaxTest = 200, Arbitrary = new[] { typeof(RescoreArbitraries) })]
    [Trait("Rule", "39")]
    [Trait("Rule", "88")]
    public void Rescore_AnySequenceOfPointUpdates_EqualsFullEvaluationAndReference(RescoreCase r, RowCopyPlan rowCopies)
    {
        ScoringCase c = r.Case;
        CompiledHealthScore score = c.Compile();
        PortfolioSnapshot snapshot = c.BuildSnapshot();
        ActivityCounts counts = c.BuildCounts();
        int n = snapshot.AccountCount;
        var scores = new byte[n];
        var statuses = new HealthStatus[n];
        PortfolioStatistics statistics = score.Evaluate(snapshot, counts, c.AsOf, scores, statuses);
        var accounts = c.Accounts.Select(a => new ReferenceAccount(new Dictionary<string, object?>(a.Values), [.. a.ActivityCounts], a.Owner, a.SegmentMask)).ToList();

        for (int b = 0; b < r.Batches.Count; b++)
        {
            IReadOnlyList<PointUpdate> batch = r.Batches[b];
            rowCopies.Apply(b, snapshot, counts);
            foreach (PointUpdate update in batch)
            {
                Apply(snapshot, counts, accounts, update);
            }

            int[] touched = [.. batch.Select(u => u.Account), .. r.Extra, .. batch.Take(2).Select(u => u.Account)];
            statistics = score.Rescore(snapshot, counts, c.AsOf, touched, scores, statuses, statistics);

            var fullScores = new byte[n];
            var fullStatuses = new HealthStatus[n];
            PortfolioStatistics full = score.Evaluate(snapshot, counts, c.AsOf, fullScores, fullStatuses);
            Assert.Equal(fullScores, scores);
            Assert.Equal(fullStatuses, statuses);
            Assert.Equal(full, statistics);
            var expected = accounts.Select(a => ReferenceEvaluator.Evaluate(c.Definition, a, c.AsOf)).ToList();
            Assert.Equal(expected.Select(e => (byte)e.Score), scores);
            Assert.Equal(expected.Select(e => e.Status), statuses);
        }
    }

    [Property(MaxTest = 25, Arbitrary = new[] { typeof(RescoreArbitraries) })]
    [Trait("Rule", "88")]
    public void Rescore_HundredsOfAccountsFromRowCopies_EqualsColumnsAndFullEvaluation(LargeRescoreCase r)
    {
        ScoringCase c = r.Case;
        CompiledHealthScore score = c.Compile();
        int n = c.Accounts.Count;
        (PortfolioSnapshot Snapshot, ActivityCounts Counts, byte[] Scores, HealthStatus[] Statuses, PortfolioStatistics Statistics)[] copies =
            [.. new[] { false, true }.Select(rowCopies =>
            {
                PortfolioSnapshot snapshot = c.BuildSnapshot();
                ActivityCounts counts = c.BuildCounts();
                if (rowCopies)
                {
                    snapshot.KeepRowCopy();
                    counts.KeepRowCopy();
                }

                var scores = new byte[n];
                var statuses = new HealthStatus[n];
                return (snapshot, counts, scores, statuses, score.Evaluate(snapshot, counts, c.AsOf, scores, statuses));
            })];

        for (int i = 0; i < copies.Length; i++)
        {
            foreach (PointUpdate update in r.Updates)
            {
                Apply(copies[i].Snapshot, copies[i].Counts, update);
            }

            int[] touched = [.. r.Updates.Select(u => u.Account)];
            copies[i].Statistics = score.Rescore(copies[i].Snapshot, copies[i].Counts, c.AsOf, touched, copies[i].Scores, copies[i].Statuses, copies[i].Statistics);
        }

        var fullScores = new byte[n];
        var fullStatuses = new HealthStatus[n];
        PortfolioStatistics full = score.Evaluate(copies[0].Snapshot, copies[0].Counts, c.AsOf, fullScores, fullStatuses);
        foreach (var copy in copies)
        {
            Assert.Equal(fullScores, copy.Scores);
            Assert.Equal(fullStatuses, copy.Statuses);
            Assert.Equal(full, copy.Statistics);
        }
    }

    /// <summary>A text column widened to two-byte (300 values) or four-byte codes (70,000 values) by point updates,
    /// rescored from the columns or from row copies kept from before the updates.</summary>
    [Theory]
    [InlineData(300, 2, false)]
    [InlineData(300, 2, true)]
    [InlineData(70_000, 4, true)]
    public void Rescore_TextUpdatesThatWidenTheColumn_EqualsFullEvaluation(int values, int width, bool rowCopy)
    {
        string last = "w" + (values - 1);
        var definition = new HealthScoreDefinition("wide", "companies", [], [new ScoreGroup("g", ScoreGroupKind.Property, 100,
        [
            new PropertyCriterion("late value", 40, [new TextCondition("t1", TextOperator.Is, [last])]),
            new PropertyCriterion("known", 30, [new TextCondition("t1", TextOperator.IsKnown, [])]),
            new PropertyCriterion("not a", 20, [new TextCondition("t1", TextOperator.IsNot, ["a"])]),
        ])], StatusThresholds.Default);
        var c = new ScoringCase(definition, ScoringArbitraries.BaseDate, Enumerable.Range(0, 40)
            .Select(i => new ReferenceAccount(new Dictionary<string, object?> { ["t1"] = i % 3 == 0 ? null : "a" }, [], i % ScoringCase.OwnerCount, i % 8))
            .ToList());
        CompiledHealthScore score = c.Compile();
        PortfolioSnapshot snapshot = c.BuildSnapshot();
        if (rowCopy)
        {
            snapshot.KeepRowCopy();
        }

        var scores = new byte[40];
        var statuses = new HealthStatus[40];
        PortfolioStatistics statistics = score.Evaluate(snapshot, null, c.AsOf, scores, statuses);

        for (int i = 0; i < values; i++)
        {
            snapshot.SetText(i % 40, 3, "w" + i);
        }

        statistics = score.Rescore(snapshot, null, c.AsOf, Enumerable.Range(0, 40).ToArray(), scores, statuses, statistics);

        var full = new byte[40];
        Assert.Equal(width, snapshot.GetTextCodeWidth(3));
        Assert.Equal(score.Evaluate(snapshot, null, c.AsOf, full, new HealthStatus[40]), statistics);
        Assert.Equal(full, scores);
        Assert.Equal(90, scores[(values - 1) % 40]);
        if (rowCopy)
        {
            Snapshots.RowCopyTests.AssertMirrors(snapshot);
        }
    }

    [Fact]
    public void Rescore_WrongArguments_Throw()
    {
        var c = new ScoringCase(HealthScoreDefinitionFactory.Empty, ScoringArbitraries.BaseDate,
            [new ReferenceAccount(new Dictionary<string, object?>(), [], 0, 0)]);
        CompiledHealthScore score = c.Compile();
        PortfolioSnapshot snapshot = c.BuildSnapshot();
        var scores = new byte[1];
        var statuses = new HealthStatus[1];
        PortfolioStatistics statistics = score.Evaluate(snapshot, null, c.AsOf, scores, statuses);

        Assert.Throws<ArgumentOutOfRangeException>(() => score.Rescore(snapshot, null, c.AsOf, [1], scores, statuses, statistics));
        Assert.Throws<ArgumentException>(() => score.Rescore(snapshot, null, c.AsOf, [0], new byte[2], statuses, statistics));
        Assert.Throws<ArgumentException>(() => score.Rescore(snapshot, null, c.AsOf, [0], [101], statuses, statistics));
        ScoringCase other = c with { Definition = c.Definition with { Thresholds = new StatusThresholds(10, 20) } };
        Assert.Throws<ArgumentException>(() => other.Compile().Rescore(snapshot, null, c.AsOf, [0], scores, statuses, statistics));
        Assert.Throws<ArgumentNullException>(() => score.Rescore(snapshot, null, c.AsOf, [0], scores, statuses, null!));
    }

    /// <summary>The reference account after a point update.</summary>
    internal static ReferenceAccount Updated(ReferenceAccount account, PointUpdate update)
    {
        if (update.Property is null)
        {
            var changed = account.ActivityCounts.ToArray();
            changed[update.Criterion] = update.Count;
            return account with { ActivityCounts = changed };
        }

        ((Dictionary<string, object?>)account.Values)[update.Property] = update.Value;
        return account;
    }

    private static void Apply(PortfolioSnapshot snapshot, ActivityCounts counts, List<ReferenceAccount> accounts, PointUpdate update)
    {
        Apply(snapshot, counts, update);
        accounts[update.Account] = Updated(accounts[update.Account], update);
    }

    /// <summary>Applies a point update to the snapshot or the counts.</summary>
    internal static void Apply(PortfolioSnapshot snapshot, ActivityCounts counts, PointUpdate update)
    {
        if (update.Property is null)
        {
            counts.SetCount(update.Criterion, update.Account, update.Count);
            return;
        }

        int column = ScoringCase.Schema.IndexOf(update.Property);
        switch (ScoringCase.Schema.Signals[column].Type)
        {
            case SignalType.Number: snapshot.SetNumber(update.Account, column, (double?)update.Value); break;
            case SignalType.Text: snapshot.SetText(update.Account, column, (string?)update.Value); break;
            case SignalType.Date: snapshot.SetDate(update.Account, column, (LocalDate?)update.Value); break;
            default: snapshot.SetBoolean(update.Account, column, (bool?)update.Value); break;
        }
    }
}
