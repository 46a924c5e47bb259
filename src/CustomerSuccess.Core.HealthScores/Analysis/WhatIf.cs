using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using CustomerSuccess.Core.HealthScores.Activity;
using CustomerSuccess.Core.HealthScores.Engine;
using CustomerSuccess.Core.HealthScores.Explanations;
using CustomerSuccess.Core.HealthScores.Snapshots;
using NodaTime;

namespace CustomerSuccess.Core.HealthScores.Analysis;

/// <summary>
/// Previews a draft definition against the active one over the whole portfolio, without changing anything: the status
/// transition matrix, the average change, the alerts the switch would raise, and the accounts that move most, each with
/// the explanation difference of why.
/// </summary>
/// <remarks>
/// <para>Both versions score the same snapshot at the same as-of date, each with its own event counts (their event
/// criteria may differ). "Alerts it would raise" counts the accounts whose status differs (rule 35: an alert per status
/// change), per owner code, and how many would stay active under the limit of active alerts per owner.</para>
/// <para>A definition compared with itself shows no change: an identity matrix, an average change of 0, no alerts and no
/// movers. <threadsafety>Stateless and thread-safe.</threadsafety></para>
/// </remarks>
public static class WhatIf
{
    /// <summary>The default most active alerts per owner (rule 35, ambiguity B1: "no more than 25"); the alert book's
    /// default (<c>AlertOptions.DefaultMaxActivePerOwner</c>) is this constant.</summary>
    public const int DefaultMaxActiveAlertsPerOwner = 25;

    /// <summary>Compares a draft with the active version.</summary>
    /// <param name="active">The active version, compiled against the snapshot's schema.</param>
    /// <param name="draft">The draft, compiled against the same schema.</param>
    /// <param name="snapshot">The portfolio.</param>
    /// <param name="activeCounts">The event counts for <paramref name="active"/>'s event criteria (or null without any).</param>
    /// <param name="draftCounts">The event counts for <paramref name="draft"/>'s event criteria (or null without any).</param>
    /// <param name="asOf">The as-of date.</param>
    /// <param name="topMovers">How many of the accounts that move most to explain.</param>
    /// <param name="maxActiveAlertsPerOwner">The limit of active alerts per owner (<see cref="DefaultMaxActiveAlertsPerOwner"/> by default).</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException">A version or the snapshot is null.</exception>
    /// <exception cref="ArgumentException">A version does not fit the snapshot or its counts.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="topMovers"/> is negative or the limit below 1.</exception>
    public static WhatIfReport Compare(
        CompiledHealthScore active,
        CompiledHealthScore draft,
        PortfolioSnapshot snapshot,
        ActivityCounts? activeCounts,
        ActivityCounts? draftCounts,
        LocalDate asOf,
        int topMovers = 10,
        int maxActiveAlertsPerOwner = DefaultMaxActiveAlertsPerOwner)
    {
        ArgumentNullException.ThrowIfNull(active);
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentOutOfRangeException.ThrowIfNegative(topMovers);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxActiveAlertsPerOwner, 1);
        int n = snapshot.AccountCount;
        var before = new byte[n];
        var beforeStatus = new HealthStatus[n];
        var after = new byte[n];
        var afterStatus = new HealthStatus[n];
        double? averageBefore = active.Evaluate(snapshot, activeCounts, asOf, before, beforeStatus).Overall.AverageScore;
        double? averageAfter = draft.Evaluate(snapshot, draftCounts, asOf, after, afterStatus).Overall.AverageScore;

        var matrix = new int[9];
        var alertsPerOwner = new int[snapshot.OwnerCount];
        ReadOnlySpan<ushort> owners = snapshot.OwnerCodes;
        var movers = new PriorityQueue<int, (int, int)>(topMovers + 1);
        for (int i = 0; i < n; i++)
        {
            matrix[((int)beforeStatus[i] * 3) + (int)afterStatus[i]]++;
            if (beforeStatus[i] != afterStatus[i])
            {
                alertsPerOwner[owners[i]]++;
            }

            int move = Math.Abs(after[i] - before[i]);
            if (move > 0 && topMovers > 0)
            {
                // Keep the largest moves; ties go to the lower account index (a min-heap on (move, -index)).
                movers.Enqueue(i, (move, -i));
                if (movers.Count > topMovers)
                {
                    movers.Dequeue();
                }
            }
        }

        int alerts = 0;
        int kept = 0;
        foreach (int count in alertsPerOwner)
        {
            alerts += count;
            kept += Math.Min(count, maxActiveAlertsPerOwner);
        }

        var top = new List<int>(movers.Count);
        while (movers.TryDequeue(out int index, out _))
        {
            top.Add(index);
        }

        top.Reverse();
        var explained = ImmutableArray.CreateBuilder<WhatIfMover>(top.Count);
        foreach (int index in top)
        {
            var diff = ExplanationDiff.Compare(active.Explain(snapshot, activeCounts, asOf, index), draft.Explain(snapshot, draftCounts, asOf, index));
            explained.Add(new WhatIfMover(index, before[index], after[index], beforeStatus[index], afterStatus[index], diff));
        }

        return new WhatIfReport(n, [.. matrix], averageBefore, averageAfter, alerts, kept, [.. alertsPerOwner], explained.ToImmutable());
    }
}

/// <summary>The outcome of <see cref="WhatIf.Compare"/>.</summary>
/// <param name="Accounts">The accounts compared.</param>
/// <param name="Transitions">The status transition matrix, row = active status, column = draft status, flattened
/// row-major (index <c>3 × from + to</c>, statuses in the order At risk, Neutral, Healthy).</param>
/// <param name="AverageBefore">The active version's average score (null without accounts).</param>
/// <param name="AverageAfter">The draft's average score (null without accounts).</param>
/// <param name="Alerts">The alerts switching would raise: accounts whose status changes.</param>
/// <param name="AlertsWithinLimit">Of those, how many would stay active under the per-owner limit (the rest would be
/// superseded and counted as overflow).</param>
/// <param name="AlertsPerOwnerCode">The alerts per owner code of the snapshot.</param>
/// <param name="TopMovers">The accounts whose score moves most, largest first, each with the difference of its explanations.</param>
public sealed record WhatIfReport(
    int Accounts,
    ImmutableArray<int> Transitions,
    double? AverageBefore,
    double? AverageAfter,
    int Alerts,
    int AlertsWithinLimit,
    ImmutableArray<int> AlertsPerOwnerCode,
    ImmutableArray<WhatIfMover> TopMovers)
{
    /// <summary>Gets the average change of the score (draft − active).</summary>
    public double? AverageChange => AverageAfter - AverageBefore;

    /// <summary>Gets how many accounts move from one status to another.</summary>
    /// <param name="from">The active version's status.</param>
    /// <param name="to">The draft's status.</param>
    /// <returns>The count.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A status is not a defined value.</exception>
    public int Count(HealthStatus from, HealthStatus to)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)from, 2u, nameof(from));
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)to, 2u, nameof(to));
        return Transitions[((int)from * 3) + (int)to];
    }
}

/// <summary>An account that moves under the draft.</summary>
/// <param name="AccountIndex">The account's index in the snapshot.</param>
/// <param name="ScoreBefore">The active version's score.</param>
/// <param name="ScoreAfter">The draft's score.</param>
/// <param name="StatusBefore">The active version's status.</param>
/// <param name="StatusAfter">The draft's status.</param>
/// <param name="Why">The difference of the two explanations.</param>
public sealed record WhatIfMover(int AccountIndex, int ScoreBefore, int ScoreAfter, HealthStatus StatusBefore, HealthStatus StatusAfter, ExplanationDiff Why);
