using System;
using System.Collections.Immutable;
using CustomerSuccess.Core.HealthScores.Activity;
using CustomerSuccess.Core.HealthScores.Engine;
using CustomerSuccess.Core.HealthScores.Snapshots;
using NodaTime;

namespace CustomerSuccess.Core.HealthScores.Analysis;

/// <summary>
/// Checks a health score against a known outcome: how often the accounts of each status band churned, how much more
/// often At risk accounts churned than Healthy ones (lift), and how well the score alone orders churned below retained
/// accounts (ROC AUC). The measures a what-if or a backtest of a definition compares.
/// </summary>
/// <remarks>
/// <para>Inputs are the outputs of <see cref="Engine.CompiledHealthScore.Evaluate"/> (one score and one status per
/// account) and one outcome per account, <see langword="true"/> for an account that churned. Accounts whose outcome is
/// unknown are left out by the caller.</para>
/// <para>The AUC is <see cref="RocAuc"/> with churn as the positive outcome and a <em>lower</em> score predicting it:
/// the probability that a churned account scored below a retained one, ties counting one half.</para>
/// <para>Stateless and thread-safe.</para>
/// </remarks>
public static class ChurnBacktest
{
    /// <summary>Computes band churn rates, lift and AUC.</summary>
    /// <param name="scores">One score (0–100) per account.</param>
    /// <param name="statuses">One status per account.</param>
    /// <param name="churned">One outcome per account: <see langword="true"/> = churned.</param>
    /// <returns>The result; rates, lift and AUC are <see langword="null"/> where undefined.</returns>
    /// <exception cref="ArgumentException">The spans differ in length, or a status is not a defined value.</exception>
    public static ChurnBacktestResult Evaluate(ReadOnlySpan<byte> scores, ReadOnlySpan<HealthStatus> statuses, ReadOnlySpan<bool> churned)
    {
        if (statuses.Length != scores.Length || churned.Length != scores.Length)
        {
            throw new ArgumentException("scores, statuses and churned must have the same length.", nameof(churned));
        }

        Span<int> accounts = stackalloc int[3];
        Span<int> churnedIn = stackalloc int[3];
        accounts.Clear();
        churnedIn.Clear();
        byte[] risk = new byte[scores.Length];
        for (int i = 0; i < scores.Length; i++)
        {
            int band = (int)statuses[i];
            if ((uint)band > 2)
            {
                throw new ArgumentException($"Status {band} of account {i} is not a defined HealthStatus.", nameof(statuses));
            }

            accounts[band]++;
            churnedIn[band] += churned[i] ? 1 : 0;
            risk[i] = (byte)(byte.MaxValue - scores[i]);
        }

        ImmutableArray<BandOutcome> bands =
        [
            new BandOutcome(HealthStatus.AtRisk, accounts[0], churnedIn[0]),
            new BandOutcome(HealthStatus.Neutral, accounts[1], churnedIn[1]),
            new BandOutcome(HealthStatus.Healthy, accounts[2], churnedIn[2]),
        ];
        return new ChurnBacktestResult(bands, RocAuc.Compute(risk, churned));
    }

    /// <summary>Scores a portfolio with a version and backtests it against known outcomes; accounts whose outcome is
    /// unknown (<see langword="null"/>) are scored but left out of the measures.</summary>
    /// <param name="score">The compiled version (active, a draft, or any saved version).</param>
    /// <param name="snapshot">The portfolio.</param>
    /// <param name="eventCounts">The event counts (when the version has event criteria).</param>
    /// <param name="asOf">The as-of date.</param>
    /// <param name="churned">One outcome per account: <see langword="true"/> = churned, <see langword="null"/> = unknown.</param>
    /// <returns>The result over the accounts with a known outcome.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="score"/> or <paramref name="snapshot"/> is null.</exception>
    /// <exception cref="ArgumentException">The outcomes do not have one value per account, or the version does not fit the snapshot.</exception>
    public static ChurnBacktestResult Run(CompiledHealthScore score, PortfolioSnapshot snapshot, ActivityCounts? eventCounts, LocalDate asOf, ReadOnlySpan<bool?> churned)
    {
        ArgumentNullException.ThrowIfNull(score);
        ArgumentNullException.ThrowIfNull(snapshot);
        int n = snapshot.AccountCount;
        if (churned.Length != n)
        {
            throw new ArgumentException("One outcome per account is needed.", nameof(churned));
        }

        var scores = new byte[n];
        var statuses = new HealthStatus[n];
        score.Evaluate(snapshot, eventCounts, asOf, scores, statuses);
        int known = 0;
        for (int i = 0; i < n; i++)
        {
            if (churned[i] is { } outcome)
            {
                scores[known] = scores[i];
                statuses[known] = statuses[i];
                known++;
            }
        }

        var outcomes = new bool[known];
        int k = 0;
        foreach (bool? outcome in churned)
        {
            if (outcome is { } value)
            {
                outcomes[k++] = value;
            }
        }

        return Evaluate(scores.AsSpan(0, known), statuses.AsSpan(0, known), outcomes);
    }
}

/// <summary>The accounts of one status band and how many of them churned.</summary>
/// <param name="Status">The band.</param>
/// <param name="Accounts">The number of accounts with that status.</param>
/// <param name="Churned">How many of them churned.</param>
public readonly record struct BandOutcome(HealthStatus Status, int Accounts, int Churned)
{
    /// <summary>Gets the share of the band's accounts that churned.</summary>
    /// <value>Churned ÷ Accounts; <see langword="null"/> for an empty band.</value>
    public double? ChurnRate => Accounts == 0 ? null : (double)Churned / Accounts;
}

/// <summary>The outcome of <see cref="ChurnBacktest.Evaluate"/>.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ChurnBacktestResult
{
    internal ChurnBacktestResult(ImmutableArray<BandOutcome> bands, double? auc)
    {
        Bands = bands;
        Auc = auc;
        foreach (BandOutcome band in bands)
        {
            Accounts += band.Accounts;
            Churned += band.Churned;
        }
    }

    /// <summary>Gets the bands in the order At risk, Neutral, Healthy.</summary>
    /// <value>Three entries; index = <c>(int)HealthStatus</c>.</value>
    public ImmutableArray<BandOutcome> Bands { get; }

    /// <summary>Gets the number of accounts.</summary>
    /// <value>The sum over the bands.</value>
    public int Accounts { get; }

    /// <summary>Gets the number of accounts that churned.</summary>
    /// <value>The sum over the bands.</value>
    public int Churned { get; }

    /// <summary>Gets the churn rate of the whole portfolio.</summary>
    /// <value>Churned ÷ Accounts; <see langword="null"/> without accounts.</value>
    public double? BaseRate => Accounts == 0 ? null : (double)Churned / Accounts;

    /// <summary>Gets how many times more often At risk accounts churned than Healthy ones.</summary>
    /// <value>Churn rate of At risk ÷ churn rate of Healthy; <see langword="null"/> when either band is empty or no
    /// Healthy account churned.</value>
    public double? AtRiskOverHealthyLift =>
        Band(HealthStatus.AtRisk).ChurnRate is { } atRisk && Band(HealthStatus.Healthy).ChurnRate is { } healthy && healthy > 0
            ? atRisk / healthy
            : null;

    /// <summary>Gets the ROC AUC of the score against churn, a lower score predicting churn.</summary>
    /// <value>In [0, 1]; 0.5 = no better than chance; <see langword="null"/> when nobody or everybody churned.</value>
    public double? Auc { get; }

    /// <summary>Gets one band.</summary>
    /// <param name="status">The status.</param>
    /// <returns>Its accounts and churn.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is not a defined value.</exception>
    public BandOutcome Band(HealthStatus status)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)status, 2u, nameof(status));
        return Bands[(int)status];
    }

    /// <summary>Gets how many times more often a band churned than the portfolio as a whole.</summary>
    /// <param name="status">The band.</param>
    /// <returns>The band's churn rate ÷ the base rate; <see langword="null"/> when either is undefined or the base rate is 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is not a defined value.</exception>
    public double? LiftOverBase(HealthStatus status) =>
        Band(status).ChurnRate is { } rate && BaseRate is { } baseRate && baseRate > 0 ? rate / baseRate : null;
}
