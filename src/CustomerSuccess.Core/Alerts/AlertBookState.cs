using System;
using System.Collections.Immutable;
using System.Linq;

namespace CustomerSuccess.Core.Alerts;

/// <summary>The immutable state of a portal's <see cref="AlertBook"/>: what an <see cref="IAlertBookStore"/> persists.</summary>
/// <param name="PortalId">The portal.</param>
/// <param name="Alerts">The active alerts and the finished ones still within their retention, ordered by id.</param>
/// <param name="LastAlertNumber">The highest alert id handed out so far (ids are never reused).</param>
/// <remarks>
/// <para>Invariants (kept by <see cref="AlertBook"/> and checked by <see cref="AlertBook.CheckInvariants"/>): ids unique,
/// ascending and at most <see cref="LastAlertNumber"/>; an active alert has no end, a finished one has; at most one
/// active alert per customer and score. The limit per owner is enforced by the operations, so lowering it does not make
/// a stored book unreadable.</para>
/// <para>Equality is structural. <threadsafety>Immutable; thread-safe.</threadsafety></para>
/// </remarks>
public sealed record AlertBookState(PortalId PortalId, ImmutableArray<Alert> Alerts, long LastAlertNumber) : IPortalScoped
{
    /// <summary>Gets the alerts, ordered by id.</summary>
    /// <value>Never default (a default array is stored as empty).</value>
    public ImmutableArray<Alert> Alerts
    {
        get;
        init => field = value.IsDefault ? [] : value;
    } = Alerts.IsDefault ? [] : Alerts;

    /// <summary>Finds an alert.</summary>
    /// <param name="id">The alert id.</param>
    /// <returns>The alert, or <see langword="null"/> when the book does not hold it.</returns>
    public Alert? Find(AlertId id) => IndexOf(id) is var i and >= 0 ? Alerts[i] : null;

    /// <summary>The position of an alert in <see cref="Alerts"/> (ordered by id), or −1.</summary>
    internal int IndexOf(AlertId id)
    {
        int lo = 0;
        int hi = Alerts.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            int order = Alerts[mid].Id.CompareTo(id);
            if (order == 0)
            {
                return mid;
            }

            if (order < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return -1;
    }

    /// <summary>Compares every member; <see cref="Alerts"/> element by element.</summary>
    /// <param name="other">The other state.</param>
    /// <returns><see langword="true"/> when all members are equal.</returns>
    public bool Equals(AlertBookState? other) =>
        other is not null
        && PortalId == other.PortalId
        && LastAlertNumber == other.LastAlertNumber
        && Alerts.SequenceEqual(other.Alerts);

    /// <summary>Returns a hash code consistent with <see cref="Equals(AlertBookState)"/>.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => HashCode.Combine(PortalId, LastAlertNumber, Alerts.Length);
}

/// <summary>What raising the alerts of a run did. Every status change is accounted for exactly once:
/// <c>Changes = Raised + Suppressed + Unowned</c>; every alert that had to make room for a new one is counted in
/// <see cref="Overflow"/> (per owner), every alert replaced by a newer change of the same customer in
/// <see cref="Replaced"/>.</summary>
/// <param name="Changes">The status changes considered.</param>
/// <param name="Raised">The alerts raised (one per change that was neither suppressed nor unowned).</param>
/// <param name="Replaced">Active alerts superseded by a newer change of the same customer and score.</param>
/// <param name="Suppressed">Changes the score's anti-flapping settings suppressed.</param>
/// <param name="Unowned">Changes of customers without a CSM owner (nobody to alert).</param>
/// <param name="Expired">Alerts that expired before the new ones were counted (expired alerts drop out first, B1).</param>
/// <param name="Overflow">Per owner, the active alerts superseded because the owner was at the limit.</param>
public sealed record AlertRaiseReport(int Changes, int Raised, int Replaced, int Suppressed, int Unowned, int Expired, ImmutableDictionary<UserId, int> Overflow)
{
    /// <summary>Gets the alerts superseded for room in total.</summary>
    public int OverflowTotal => Overflow.Values.Sum();
}
