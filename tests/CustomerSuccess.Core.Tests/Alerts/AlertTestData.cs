using System.Collections.Immutable;
using System.Linq;
using CustomerSuccess.Core.Access;
using CustomerSuccess.Core.Alerts;
using CustomerSuccess.Core.HealthScores;
using CustomerSuccess.Core.HealthScores.History;
using NodaTime;

namespace CustomerSuccess.Core.Tests.Alerts;

internal static class AlertTestData
{
    public static readonly PortalId Portal = PortalId.From(100);
    public static readonly AccountContext Account = new(Portal, ServiceHubTier.Professional);
    public static readonly HealthScoreId Score = HealthScoreId.From(1);
    public static readonly Instant T0 = Instant.FromUtc(2026, 3, 1, 6, 0);
    public static readonly Actor Csm7 = Actor.Csm(UserId.From(7));
    public static readonly Actor Csm8 = Actor.Csm(UserId.From(8));
    public static readonly Actor Manager = Actor.Manager(UserId.From(3));

    private static long _runs = 1000;

    /// <summary>One status-change row: a customer, its owner (0 = none) and its score before and after.</summary>
    public readonly record struct Row(long Customer, long Owner, int Before, int After);

    /// <summary>The changes of a run at <paramref name="at"/> against a run one hour before, as the history computes them.</summary>
    public static StatusChangeSet Changes(Instant at, params Row[] rows) => Changes(at, Score, rows);

    public static StatusChangeSet Changes(Instant at, HealthScoreId score, params Row[] rows)
    {
        var owners = rows.Select(r => r.Owner).Prepend(0).Distinct().ToImmutableArray();
        var ids = rows.Select(r => r.Customer).ToArray();
        var codes = rows.Select(r => (ushort)owners.IndexOf(r.Owner)).ToArray();
        var history = new ScoreHistory();
        history.Record(Run(score, at - Duration.FromHours(1), ids, [.. rows.Select(r => (byte)r.Before)], codes, owners));
        return history.Record(Run(score, at, ids, [.. rows.Select(r => (byte)r.After)], codes, owners)).Changes;
    }

    public static AlertBook Book(AlertBookState? state = null, AlertOptions? options = null) =>
        new(state ?? AlertBook.CreateInitialState(Portal), AccessPolicy.Default, options);

    private static ScoringRun Run(HealthScoreId score, Instant at, long[] ids, byte[] scores, ushort[] codes, ImmutableArray<long> owners) =>
        ScoringRun.Create(
            ScoringRunId.From(System.Threading.Interlocked.Increment(ref _runs)),
            new ScoreVersionKey(score, 1),
            at,
            at.InUtc().Date,
            ids,
            scores,
            [.. scores.Select(s => StatusThresholds.Default.StatusOf(s))],
            [.. scores.Select(_ => 1.0)],
            codes,
            owners,
            new byte[ids.Length]);
}
