using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.Core.Schedule;

namespace CustomerSuccess.Core.Stores.InMemory;

/// <summary>The reference <see cref="IMeetingQuery"/>: a thread-safe list of meetings filtered with
/// <see cref="MeetingQuery.Matches"/>.</summary>
/// <remarks><threadsafety>All members are thread-safe; a query sees one consistent snapshot.</threadsafety></remarks>
public sealed class InMemoryMeetingQuery : IMeetingQuery
{
    private ImmutableList<Meeting> _meetings = [];

    /// <summary>Gets every meeting of every portal (a snapshot).</summary>
    public IReadOnlyList<Meeting> Meetings => Volatile.Read(ref _meetings);

    /// <summary>Adds a meeting, or replaces the meeting with the same portal and id.</summary>
    /// <param name="meeting">The meeting.</param>
    /// <exception cref="ArgumentNullException"><paramref name="meeting"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The meeting has no portal or id, or ends before it starts.</exception>
    public void Upsert(Meeting meeting)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        if (meeting.PortalId.IsDefault || meeting.Id.IsDefault || meeting.End < meeting.Start)
        {
            throw new ArgumentException("A meeting needs its portal and id, and must not end before it starts.", nameof(meeting));
        }

        ImmutableInterlocked.Update(ref _meetings, list =>
        {
            var index = list.FindIndex(m => m.PortalId == meeting.PortalId && m.Id == meeting.Id);
            return index < 0 ? list.Add(meeting) : list.SetItem(index, meeting);
        });
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Meeting>> ListAsync(MeetingQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<Meeting> found = [.. Volatile.Read(ref _meetings).Where(query.Matches).OrderBy(m => m.Start).ThenBy(m => m.Id)];
        return Task.FromResult(found);
    }
}
