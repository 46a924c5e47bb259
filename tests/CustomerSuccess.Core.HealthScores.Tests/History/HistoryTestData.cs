using System.Collections.Immutable;
using System.Linq;
using CustomerSuccess.Core.HealthScores.History;
using NodaTime;

namespace CustomerSuccess.Core.HealthScores.Tests.History;

internal static class HistoryTestData
{
    public static readonly HealthScoreId Score = HealthScoreId.From(1);
    public static readonly Instant Start = Instant.FromUtc(2026, 1, 15, 6, 0);
    public static readonly ImmutableArray<long> Owners = [0, 501, 502, 503];

    /// <summary>A run over accounts 1..n (or the given ids) whose scores are given; statuses follow the default thresholds.</summary>
    public static ScoringRun Run(long runId, Instant at, byte[] scores, long[]? ids = null, ushort[]? owners = null, byte[]? segments = null, int version = 1)
    {
        int n = scores.Length;
        ids ??= [.. Enumerable.Range(1, n).Select(i => (long)i)];
        owners ??= [.. Enumerable.Range(0, n).Select(i => (ushort)(1 + (i % 3)))];
        segments ??= [.. Enumerable.Range(0, n).Select(i => (byte)(i % 4))];
        var statuses = scores.Select(s => StatusThresholds.Default.StatusOf(s)).ToArray();
        var coverage = Enumerable.Repeat(0.75, n).ToArray();
        return ScoringRun.Create(ScoringRunId.From(runId), new ScoreVersionKey(Score, version), at, at.InUtc().Date, ids, scores, statuses, coverage, owners, Owners, segments);
    }

    public static byte[] Scores(params int[] values) => [.. values.Select(v => (byte)v)];
}
