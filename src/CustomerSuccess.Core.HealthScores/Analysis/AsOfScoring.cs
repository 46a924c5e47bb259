using System;
using CustomerSuccess.Core.HealthScores.Activity;
using CustomerSuccess.Core.HealthScores.Engine;
using CustomerSuccess.Core.HealthScores.Explanations;
using CustomerSuccess.Core.HealthScores.Snapshots;
using CustomerSuccess.Core.HealthScores.Statistics;
using NodaTime;

namespace CustomerSuccess.Core.HealthScores.Analysis;

/// <summary>
/// Restates scores as of a past instant under any saved version: from the signal values recorded for that instant (a
/// snapshot) and the activity log (every tracked event with its instant), the events are counted in each criterion's
/// window ending at the instant and the version scores the portfolio or explains one account. The same inputs and
/// version give the same result, always: nothing reads a clock and nothing depends on when it runs.
/// </summary>
/// <remarks><threadsafety>Stateless and thread-safe.</threadsafety></remarks>
public static class AsOfScoring
{
    /// <summary>Scores the whole portfolio as of an instant.</summary>
    /// <param name="version">Any saved version.</param>
    /// <param name="signals">The signal values as recorded for <paramref name="asOf"/>.</param>
    /// <param name="activity">The activity log (may hold events after <paramref name="asOf"/>; they are not counted).</param>
    /// <param name="asOf">The instant; date conditions use its UTC date.</param>
    /// <param name="scores">Receives one score per account.</param>
    /// <param name="statuses">Receives one status per account.</param>
    /// <returns>The statistics.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The version does not compile against the snapshot or the log, or the spans
    /// have the wrong length.</exception>
    public static PortfolioStatistics Score(ScoreVersion version, PortfolioSnapshot signals, ActivityLog activity, Instant asOf, Span<byte> scores, Span<HealthStatus> statuses)
    {
        var (compiled, counts) = Prepare(version, signals, activity, asOf);
        return compiled.Evaluate(signals, counts, asOf.InUtc().Date, scores, statuses);
    }

    /// <summary>Explains one account as of an instant.</summary>
    /// <param name="version">Any saved version.</param>
    /// <param name="signals">The signal values as recorded for <paramref name="asOf"/>.</param>
    /// <param name="activity">The activity log.</param>
    /// <param name="asOf">The instant.</param>
    /// <param name="account">The account index.</param>
    /// <returns>The explanation.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The version does not compile against the snapshot or the log.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="account"/> is out of range.</exception>
    public static HealthScoreExplanation Explain(ScoreVersion version, PortfolioSnapshot signals, ActivityLog activity, Instant asOf, int account)
    {
        var (compiled, counts) = Prepare(version, signals, activity, asOf);
        return compiled.Explain(signals, counts, asOf.InUtc().Date, account);
    }

    private static (CompiledHealthScore Compiled, ActivityCounts? Counts) Prepare(ScoreVersion version, PortfolioSnapshot signals, ActivityLog activity, Instant asOf)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(signals);
        ArgumentNullException.ThrowIfNull(activity);
        var compiled = HealthScoreCompiler.Compile(version, signals.Schema);
        if (!compiled.IsSuccess)
        {
            throw new ArgumentException($"Version {version.Number} of score {version.ScoreId} does not fit the snapshot: {string.Join("; ", compiled.Problems)}", nameof(version));
        }

        var score = compiled.GetValueOrThrow();
        if (score.EventCriteria.IsEmpty)
        {
            return (score, null);
        }

        var aggregator = ActivityAggregator.Compile(version.Definition, activity.PropertySchema);
        if (!aggregator.IsSuccess)
        {
            throw new ArgumentException($"Version {version.Number} of score {version.ScoreId} does not fit the activity log: {string.Join("; ", aggregator.Problems)}", nameof(activity));
        }

        return (score, aggregator.GetValueOrThrow().Aggregate(activity, signals.AccountCount, asOf));
    }
}
