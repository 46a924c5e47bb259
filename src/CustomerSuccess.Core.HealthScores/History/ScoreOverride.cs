using System;
using NodaTime;

namespace CustomerSuccess.Core.HealthScores.History;

/// <summary>
/// A manual override of one account's health score and/or status under one score: set by a person (the author) with a
/// reason, in force from <see cref="CreatedAt"/> until <see cref="ExpiresAt"/> (half-open) unless removed before.
/// While in force it wins over every scoring run (<see cref="ScoringRun.WithOverrides(System.Collections.Generic.IEnumerable{ScoreOverride}, ScoreVersion)"/>); the run keeps the computed
/// values beside it.
/// </summary>
/// <remarks><threadsafety>Immutable; thread-safe.</threadsafety></remarks>
public sealed record ScoreOverride
{
    /// <summary>The longest reason.</summary>
    public const int MaxReasonLength = 500;

    /// <summary>Initializes an override.</summary>
    /// <param name="accountId">The account (record) id.</param>
    /// <param name="scoreId">The score it overrides.</param>
    /// <param name="score">The score to show, or null to keep the computed score.</param>
    /// <param name="status">The status to show, or null for the status of <paramref name="score"/> under the version's thresholds.</param>
    /// <param name="reason">Why (1 to <see cref="MaxReasonLength"/> characters after trimming).</param>
    /// <param name="authorId">The user id of the person who set it.</param>
    /// <param name="createdAt">When it was set.</param>
    /// <param name="expiresAt">When it stops being in force (exclusive); after <paramref name="createdAt"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="reason"/> is null.</exception>
    /// <exception cref="ArgumentException">Neither a score nor a status is given, the reason is blank or too long, an
    /// id is not positive or default, or the expiry is not after the creation.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The score is outside 0–100 or the status undefined.</exception>
    public ScoreOverride(long accountId, HealthScoreId scoreId, int? score, HealthStatus? status, string reason, long authorId, Instant createdAt, Instant expiresAt)
    {
        ArgumentNullException.ThrowIfNull(reason);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(accountId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(authorId);
        if (scoreId.IsDefault)
        {
            throw new ArgumentException("The score id must not be default.", nameof(scoreId));
        }

        if (score is null && status is null)
        {
            throw new ArgumentException("An override sets a score, a status or both.", nameof(score));
        }

        if (score is { } s)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(s, nameof(score));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(s, HealthScoreDefinition.TotalMaxPoints, nameof(score));
        }

        if (status is { } st && !Enum.IsDefined(st))
        {
            throw new ArgumentOutOfRangeException(nameof(status), st, "Unknown status.");
        }

        string trimmed = reason.Trim();
        if (trimmed.Length is 0 or > MaxReasonLength)
        {
            throw new ArgumentException($"The reason must have 1 to {MaxReasonLength} characters.", nameof(reason));
        }

        if (expiresAt <= createdAt)
        {
            throw new ArgumentException("An override must expire after it was set.", nameof(expiresAt));
        }

        AccountId = accountId;
        ScoreId = scoreId;
        Score = score;
        Status = status;
        Reason = trimmed;
        AuthorId = authorId;
        CreatedAt = createdAt;
        ExpiresAt = expiresAt;
    }

    /// <summary>Gets the account id.</summary>
    public long AccountId { get; }

    /// <summary>Gets the score it overrides.</summary>
    public HealthScoreId ScoreId { get; }

    /// <summary>Gets the overriding score, or null when only the status is overridden.</summary>
    public int? Score { get; }

    /// <summary>Gets the overriding status, or null for the status of <see cref="Score"/>.</summary>
    public HealthStatus? Status { get; }

    /// <summary>Gets the reason (trimmed).</summary>
    public string Reason { get; }

    /// <summary>Gets the author's user id.</summary>
    public long AuthorId { get; }

    /// <summary>Gets when it was set.</summary>
    public Instant CreatedAt { get; }

    /// <summary>Gets when it stops being in force (exclusive).</summary>
    public Instant ExpiresAt { get; }

    /// <summary>Determines whether the override is in force at an instant: <see cref="CreatedAt"/> ≤ t &lt; <see cref="ExpiresAt"/>.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns><see langword="true"/> when in force.</returns>
    public bool IsInForceAt(Instant instant) => CreatedAt <= instant && instant < ExpiresAt;
}

/// <summary>An override as applied to one account of a run, with the values the definition computed.</summary>
/// <param name="AccountIndex">The account's index in the run.</param>
/// <param name="ComputedScore">The score the definition gave.</param>
/// <param name="ComputedStatus">The status the definition gave.</param>
/// <param name="Override">The override that won.</param>
public sealed record AppliedOverride(int AccountIndex, byte ComputedScore, HealthStatus ComputedStatus, ScoreOverride Override);
