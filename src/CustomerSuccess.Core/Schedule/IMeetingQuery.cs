using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;

namespace CustomerSuccess.Core.Schedule;

/// <summary>
/// The read-only port the schedule reads meetings through (rules 38, 61–63): the meetings of one user in a period.
/// Meetings live in the CRM; an application implements this port over its CRM data (or a synchronised copy).
/// </summary>
/// <remarks>
/// <para>Contract: only meetings of <see cref="MeetingQuery.PortalId"/> are read (tenant isolation first); a meeting is
/// returned when <see cref="MeetingQuery.UserId"/> organises or attends it (<see cref="Meeting.Involves"/>) and it
/// overlaps <see cref="MeetingQuery.Range"/> (<see cref="Meeting.Overlaps"/>), which <see cref="MeetingQuery.Matches"/>
/// states in one place; the order is by start, then id; an implementation never reads a clock; a cancelled token throws
/// <see cref="OperationCanceledException"/>.</para>
/// </remarks>
public interface IMeetingQuery
{
    /// <summary>Lists a user's meetings in a period.</summary>
    /// <param name="query">The portal, user and period.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The meetings, by start, then id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<IReadOnlyList<Meeting>> ListAsync(MeetingQuery query, CancellationToken cancellationToken = default);
}

/// <summary>One request to an <see cref="IMeetingQuery"/>.</summary>
/// <remarks><threadsafety>Immutable; thread-safe.</threadsafety></remarks>
public sealed record MeetingQuery
{
    /// <summary>Initializes a request.</summary>
    /// <param name="portalId">The portal.</param>
    /// <param name="userId">The user whose meetings (organised or attended) are listed.</param>
    /// <param name="range">The period, half-open; both ends set.</param>
    /// <exception cref="ArgumentException"><paramref name="portalId"/> or <paramref name="userId"/> is <c>default</c>, or
    /// <paramref name="range"/> has no start or no end.</exception>
    public MeetingQuery(PortalId portalId, UserId userId, Interval range)
    {
        if (portalId.IsDefault)
        {
            throw new ArgumentException("The portal id must not be default.", nameof(portalId));
        }

        if (userId.IsDefault)
        {
            throw new ArgumentException("The user id must not be default.", nameof(userId));
        }

        if (!range.HasStart || !range.HasEnd)
        {
            throw new ArgumentException("The range needs a start and an end.", nameof(range));
        }

        PortalId = portalId;
        UserId = userId;
        Range = range;
    }

    /// <summary>Gets the portal.</summary>
    public PortalId PortalId { get; }

    /// <summary>Gets the user.</summary>
    public UserId UserId { get; }

    /// <summary>Gets the period.</summary>
    public Interval Range { get; }

    /// <summary>Determines whether a meeting answers the query: of the portal, involving the user, overlapping the period.</summary>
    /// <param name="meeting">The meeting.</param>
    /// <returns><see langword="true"/> if it does.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="meeting"/> is <see langword="null"/>.</exception>
    public bool Matches(Meeting meeting)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        return meeting.PortalId == PortalId && meeting.Involves(UserId) && meeting.Overlaps(Range);
    }
}
