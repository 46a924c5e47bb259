using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using CustomerSuccess.Core.HealthScores;
using NodaTime;

namespace CustomerSuccess.Core.Alerts;

/// <summary>The limits and the anti-flapping settings of health-score alerts (rule 35, ambiguity B1).</summary>
/// <remarks>Validated and copied by <see cref="AlertBook"/>; change the defaults only if the source says otherwise.</remarks>
public sealed record AlertOptions
{
    /// <summary>The default most active alerts per owner (ambiguity B1: "no more than 25").</summary>
    public const int DefaultMaxActivePerOwner = HealthScores.Analysis.WhatIf.DefaultMaxActiveAlertsPerOwner;

    /// <summary>The default lifetime in days (rule 35).</summary>
    public const int DefaultLifetimeDays = 14;

    /// <summary>Gets the default options.</summary>
    public static AlertOptions Default { get; } = new();

    /// <summary>Gets the most active alerts one owner may have; a new alert beyond it supersedes the owner's oldest
    /// active alert (counted as overflow).</summary>
    /// <value><see cref="DefaultMaxActivePerOwner"/> (25); 1 to 10,000.</value>
    public int MaxActivePerOwner { get; init; } = DefaultMaxActivePerOwner;

    /// <summary>Gets how long an alert stays active at most.</summary>
    /// <value>14 days; positive.</value>
    public Duration Lifetime { get; init; } = Duration.FromDays(DefaultLifetimeDays);

    /// <summary>Gets how long an alert that is no longer active stays in the book (for as-of listings, cool-downs and
    /// the final-state checks); older ones are dropped when alerts are raised or expired. Their events stay in the outbox.</summary>
    /// <value>14 days; not negative. As-of listings are exact for instants within this window of the last command.</value>
    public Duration FinishedRetention { get; init; } = Duration.FromDays(DefaultLifetimeDays);

    /// <summary>Gets the anti-flapping settings per score; a score not listed has none.</summary>
    /// <value>Empty by default: every status change raises an alert.</value>
    public ImmutableDictionary<HealthScoreId, AlertDamping> Damping { get; init; } = ImmutableDictionary<HealthScoreId, AlertDamping>.Empty;

    /// <summary>Returns the anti-flapping settings of a score.</summary>
    /// <param name="scoreId">The score.</param>
    /// <returns>Its settings, or <see cref="AlertDamping.None"/>.</returns>
    public AlertDamping DampingOf(HealthScoreId scoreId) => Damping.GetValueOrDefault(scoreId, AlertDamping.None);

    /// <summary>Checks every value.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    /// <exception cref="ArgumentNullException"><see cref="Damping"/> or one of its values is null.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxActivePerOwner, 1, nameof(MaxActivePerOwner));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxActivePerOwner, 10_000, nameof(MaxActivePerOwner));
        if (Lifetime <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Lifetime), Lifetime, "The lifetime must be positive.");
        }

        if (FinishedRetention < Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(FinishedRetention), FinishedRetention, "The retention must not be negative.");
        }

        ArgumentNullException.ThrowIfNull(Damping, nameof(Damping));
        foreach (KeyValuePair<HealthScoreId, AlertDamping> entry in Damping)
        {
            ArgumentNullException.ThrowIfNull(entry.Value, nameof(Damping));
            entry.Value.Validate();
        }
    }

    internal AlertOptions Validated()
    {
        Validate();
        return this with { };
    }
}

/// <summary>Anti-flapping for one score: a status change raises an alert only if the score moved by at least
/// <see cref="MinScoreChange"/> points and no alert of the same customer and score was raised within
/// <see cref="CoolDown"/> before. Suppressed changes are counted in <see cref="AlertRaiseReport.Suppressed"/>.</summary>
/// <param name="MinScoreChange">The smallest |score after − score before| that raises an alert; 0 = off.</param>
/// <param name="CoolDown">How long after an alert of the same customer and score no new one is raised; zero = off.
/// Alerts are remembered for <see cref="AlertOptions.FinishedRetention"/> after they end, which bounds what the
/// cool-down can see.</param>
public sealed record AlertDamping(int MinScoreChange, Duration CoolDown)
{
    /// <summary>Gets the setting that suppresses nothing.</summary>
    public static AlertDamping None { get; } = new(0, Duration.Zero);

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(MinScoreChange, nameof(MinScoreChange));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MinScoreChange, HealthScoreDefinition.TotalMaxPoints, nameof(MinScoreChange));
        if (CoolDown < Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(CoolDown), CoolDown, "The cool-down must not be negative.");
        }
    }
}
