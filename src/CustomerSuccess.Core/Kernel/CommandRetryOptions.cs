using System;

namespace CustomerSuccess.Core;

/// <summary>How server-side commands retry after a compare-and-set conflict: jittered exponential back-off, bounded by
/// a number of attempts and by a time budget, whichever runs out first.</summary>
/// <remarks>
/// <para>A server-side command (no expected version: "create a workspace", "assign a team") re-runs on fresh state
/// after a conflict, re-checking every rule, until it succeeds, a rule refuses it, or the budget is spent; then it
/// returns <see cref="ConcurrencyErrors.RetriesExhaustedCode"/>. A command that names the version the person saw is
/// never retried (<see cref="ConcurrencyErrors.ConflictCode"/>), so no edit is silently lost.</para>
/// <para>The delay before attempt <c>n + 1</c> is drawn uniformly from [0, min(<see cref="MaxDelay"/>,
/// <see cref="BaseDelay"/> × 2^(n − 1))] ("full jitter"), which spreads competing writers apart so that every round
/// has a winner without a thundering herd. The delays and the elapsed time use <see cref="TimeProvider"/>, never the
/// domain clock.</para>
/// <para>The defaults fit interactive configuration commands: 25 attempts within 10 seconds, delays from 2 ms up to
/// 200 ms. Validate a modified instance with <see cref="Validate"/> (the DI registration does).</para>
/// </remarks>
public sealed class CommandRetryOptions
{
    /// <summary>The default <see cref="MaxAttempts"/>.</summary>
    public const int DefaultMaxAttempts = 25;

    /// <summary>Gets the default options (immutable).</summary>
    public static CommandRetryOptions Default { get; } = new();

    /// <summary>Gets or sets the most attempts a server-side command makes, the first one included.</summary>
    /// <value>Default <see cref="DefaultMaxAttempts"/>; at least 1.</value>
    public int MaxAttempts { get; set; } = DefaultMaxAttempts;

    /// <summary>Gets or sets the time after which no further attempt starts.</summary>
    /// <value>Default 10 seconds; positive.</value>
    public TimeSpan MaxElapsed { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets the cap of the first back-off delay; it doubles with every attempt.</summary>
    /// <value>Default 2 ms; zero or positive (zero retries immediately).</value>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(2);

    /// <summary>Gets or sets the largest back-off delay.</summary>
    /// <value>Default 200 ms; at least <see cref="BaseDelay"/>.</value>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Gets or sets the time source for the delays and the time budget.</summary>
    /// <value>Default <see cref="TimeProvider.System"/>; tests may pass a fake.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Checks that the options make sense.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range (the message names it).</exception>
    /// <exception cref="ArgumentNullException"><see cref="TimeProvider"/> is <see langword="null"/>.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxAttempts, 1, nameof(MaxAttempts));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(MaxElapsed, TimeSpan.Zero, nameof(MaxElapsed));
        ArgumentOutOfRangeException.ThrowIfLessThan(BaseDelay, TimeSpan.Zero, nameof(BaseDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDelay, BaseDelay, nameof(MaxDelay));
        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
    }

    /// <summary>Returns a copy (so later changes to this instance do not affect the copy's holder).</summary>
    /// <returns>The copy.</returns>
    public CommandRetryOptions Clone() => new()
    {
        MaxAttempts = MaxAttempts,
        MaxElapsed = MaxElapsed,
        BaseDelay = BaseDelay,
        MaxDelay = MaxDelay,
        TimeProvider = TimeProvider,
    };

    internal TimeSpan DelayBefore(int nextAttempt)
    {
        var max = MaxDelay.Ticks;
        var cap = Math.Min(BaseDelay.Ticks, max);
        for (var attempt = 2; attempt < nextAttempt && cap < max; attempt++)
        {
            cap = cap > max / 2 ? max : cap * 2;
        }

        return cap <= 0 ? TimeSpan.Zero : TimeSpan.FromTicks(Random.Shared.NextInt64(cap + 1));
    }
}
