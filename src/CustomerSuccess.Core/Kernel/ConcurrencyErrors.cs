using System.Globalization;

namespace CustomerSuccess.Core;

/// <summary>Errors of optimistic concurrency, shared by every store.</summary>
public static class ConcurrencyErrors
{
    /// <summary>The code of a stale write: the stored version is not the one the writer read.</summary>
    public const string ConflictCode = "concurrency.conflict";

    /// <summary>The code of a server-side command that kept meeting conflicts until its retry budget
    /// (<see cref="CommandRetryOptions"/>) was spent; nothing was saved. Not a rule refusal: the same command may succeed
    /// when there is less contention.</summary>
    public const string RetriesExhaustedCode = "concurrency.retries_exhausted";

    /// <summary>Creates the error for a stale write.</summary>
    /// <param name="what">What was being written, e.g. <c>workspace directory 42</c>.</param>
    /// <returns>An error with code <see cref="ConflictCode"/>.</returns>
    public static DomainError Conflict(string what) => new(
        ConflictCode,
        string.Format(CultureInfo.InvariantCulture, "The {0} was changed by someone else since it was read; nothing was saved. Reload it and try again.", what),
        what);

    /// <summary>Creates the error for a server-side command whose retry budget ran out.</summary>
    /// <param name="what">What was being written.</param>
    /// <param name="attempts">How many attempts were made.</param>
    /// <param name="elapsed">How long they took.</param>
    /// <returns>An error with code <see cref="RetriesExhaustedCode"/>.</returns>
    public static DomainError RetriesExhausted(string what, int attempts, System.TimeSpan elapsed) => new(
        RetriesExhaustedCode,
        string.Format(
            CultureInfo.InvariantCulture,
            "The {0} kept being changed by others: {1} attempts in {2:0.###} s all met a newer version, so nothing was saved. Try again later.",
            what,
            attempts,
            elapsed.TotalSeconds),
        what);
}
