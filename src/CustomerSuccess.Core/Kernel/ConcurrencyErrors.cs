using System.Globalization;

namespace CustomerSuccess.Core;

/// <summary>Errors of optimistic concurrency, shared by every store.</summary>
public static class ConcurrencyErrors
{
    /// <summary>The code of a stale write: the stored version is not the one the writer read.</summary>
    public const string ConflictCode = "concurrency.conflict";

    /// <summary>Creates the error for a stale write.</summary>
    /// <param name="what">What was being written, e.g. <c>workspace directory 42</c>.</param>
    /// <returns>An error with code <see cref="ConflictCode"/>.</returns>
    public static DomainError Conflict(string what) => new(
        ConflictCode,
        string.Format(CultureInfo.InvariantCulture, "The {0} was changed by someone else since it was read; nothing was saved. Reload it and try again.", what),
        what);
}
