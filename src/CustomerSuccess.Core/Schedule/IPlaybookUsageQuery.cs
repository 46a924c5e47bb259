using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;

namespace CustomerSuccess.Core.Schedule;

/// <summary>
/// The read-only port the schedule's side panel reads a user's recently used playbooks through (rule 62). Playbook uses
/// live in the CRM; an application implements this port over its CRM data (or a synchronised copy).
/// </summary>
/// <remarks>
/// <para>Contract, stated once in <see cref="RecentPlaybooksQuery.Select"/>: only uses of
/// <see cref="RecentPlaybooksQuery.PortalId"/> by <see cref="RecentPlaybooksQuery.UserId"/> at or before
/// <see cref="RecentPlaybooksQuery.AsOf"/> count; each playbook appears once, as its latest such use; the most recent
/// first (ties by playbook id); at most <see cref="RecentPlaybooksQuery.Limit"/>. An implementation never reads a clock;
/// a cancelled token throws <see cref="OperationCanceledException"/>.</para>
/// </remarks>
public interface IPlaybookUsageQuery
{
    /// <summary>Lists a user's recently used playbooks.</summary>
    /// <param name="query">The portal, user, instant and limit.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The latest use of each playbook, most recent first.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<IReadOnlyList<PlaybookUse>> ListRecentAsync(RecentPlaybooksQuery query, CancellationToken cancellationToken = default);
}

/// <summary>One request to an <see cref="IPlaybookUsageQuery"/>.</summary>
/// <remarks><threadsafety>Immutable; thread-safe.</threadsafety></remarks>
public sealed record RecentPlaybooksQuery
{
    /// <summary>The most playbooks one request may ask for.</summary>
    public const int MaxLimit = 50;

    /// <summary>Initializes a request.</summary>
    /// <param name="portalId">The portal.</param>
    /// <param name="userId">The user whose uses count.</param>
    /// <param name="asOf">Uses after this instant do not count.</param>
    /// <param name="limit">How many playbooks at most, 1 to <see cref="MaxLimit"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="portalId"/> or <paramref name="userId"/> is <c>default</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is outside 1 to <see cref="MaxLimit"/>.</exception>
    public RecentPlaybooksQuery(PortalId portalId, UserId userId, Instant asOf, int limit)
    {
        if (portalId.IsDefault)
        {
            throw new ArgumentException("The portal id must not be default.", nameof(portalId));
        }

        if (userId.IsDefault)
        {
            throw new ArgumentException("The user id must not be default.", nameof(userId));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxLimit);
        PortalId = portalId;
        UserId = userId;
        AsOf = asOf;
        Limit = limit;
    }

    /// <summary>Gets the portal.</summary>
    public PortalId PortalId { get; }

    /// <summary>Gets the user.</summary>
    public UserId UserId { get; }

    /// <summary>Gets the instant: later uses do not count.</summary>
    public Instant AsOf { get; }

    /// <summary>Gets the most playbooks to return.</summary>
    public int Limit { get; }

    /// <summary>Determines whether a use counts: of the portal, by the user, at or before <see cref="AsOf"/>.</summary>
    /// <param name="use">The use.</param>
    /// <returns><see langword="true"/> if it counts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="use"/> is <see langword="null"/>.</exception>
    public bool Matches(PlaybookUse use)
    {
        ArgumentNullException.ThrowIfNull(use);
        return use.PortalId == PortalId && use.UserId == UserId && use.UsedAt <= AsOf;
    }

    /// <summary>Answers the query over a sequence of uses, in memory: the contract of <see cref="IPlaybookUsageQuery"/>.</summary>
    /// <param name="uses">Uses of any portal and user.</param>
    /// <returns>The latest counting use of each playbook, most recent first (ties by playbook id), at most
    /// <see cref="Limit"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="uses"/> is <see langword="null"/>.</exception>
    public IReadOnlyList<PlaybookUse> Select(IEnumerable<PlaybookUse> uses)
    {
        ArgumentNullException.ThrowIfNull(uses);
        return [.. uses
            .Where(Matches)
            .GroupBy(u => u.PlaybookId)
            .Select(g => g.OrderByDescending(u => u.UsedAt).First())
            .OrderByDescending(u => u.UsedAt)
            .ThenBy(u => u.PlaybookId)
            .Take(Limit)];
    }
}
