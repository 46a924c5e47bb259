using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using CustomerSuccess.Core.Records;
using NodaTime;

namespace CustomerSuccess.Core.Schedule;

/// <summary>
/// A meeting as the schedule shows it (rules 38, 61–63): the minimal read model of a CRM meeting that the library
/// needs. Meetings are booked and held in the CRM; the library only reads them, through <see cref="IMeetingQuery"/>.
/// </summary>
/// <remarks>
/// <para>Init-only properties, so that System.Text.Json and a LINQ provider can map every member. A meeting lasts
/// <c>[Start, End)</c>; <see cref="End"/> equal to <see cref="Start"/> is a meeting without a duration.</para>
/// <threadsafety>Immutable once built (the lists are copied into immutable arrays); thread-safe.</threadsafety>
/// </remarks>
public sealed record Meeting : IPortalScoped
{
    private readonly IReadOnlyList<UserId> _attendeeIds = ImmutableArray<UserId>.Empty;
    private readonly IReadOnlyList<RecordId> _contactIds = ImmutableArray<RecordId>.Empty;

    /// <summary>Gets the portal the meeting belongs to.</summary>
    /// <value>Default: <c>default(PortalId)</c> (invalid).</value>
    public PortalId PortalId { get; init; }

    /// <summary>Gets the meeting id, unique within the portal.</summary>
    /// <value>Default: <c>default(MeetingId)</c> (invalid).</value>
    public MeetingId Id { get; init; }

    /// <summary>Gets the title.</summary>
    /// <value>Default: empty.</value>
    public string Title { get; init; } = string.Empty;

    /// <summary>Gets the description (the agenda).</summary>
    /// <value>Default <see langword="null"/>.</value>
    public string? Description { get; init; }

    /// <summary>Gets when the meeting starts.</summary>
    public Instant Start { get; init; }

    /// <summary>Gets when the meeting ends (not before <see cref="Start"/>).</summary>
    public Instant End { get; init; }

    /// <summary>Gets the user who organised the meeting.</summary>
    public UserId OrganizerId { get; init; }

    /// <summary>Gets the other users who attend.</summary>
    /// <value>Default: none. Setting it copies the list; <see langword="null"/> reads as none.</value>
    public IReadOnlyList<UserId> AttendeeIds
    {
        get => _attendeeIds;
        init => _attendeeIds = value is null ? ImmutableArray<UserId>.Empty : ImmutableArray.CreateRange(value);
    }

    /// <summary>Gets the contact records the meeting is held with (rule 62: "contacts met today").</summary>
    /// <value>Default: none. Setting it copies the list; <see langword="null"/> reads as none.</value>
    public IReadOnlyList<RecordId> ContactIds
    {
        get => _contactIds;
        init => _contactIds = value is null ? ImmutableArray<RecordId>.Empty : ImmutableArray.CreateRange(value);
    }

    /// <summary>Determines whether <paramref name="user"/> organises or attends the meeting.</summary>
    /// <param name="user">The user.</param>
    /// <returns><see langword="true"/> if it is their meeting.</returns>
    public bool Involves(UserId user)
    {
        if (OrganizerId == user)
        {
            return true;
        }

        foreach (var attendee in AttendeeIds)
        {
            if (attendee == user)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Determines whether the meeting takes place within a half-open range: it starts before the range ends and
    /// ends after the range starts; a meeting without a duration must start within the range.</summary>
    /// <param name="range">The range, e.g. a calendar day.</param>
    /// <returns><see langword="true"/> if it overlaps.</returns>
    public bool Overlaps(Interval range) => Overlap(Start, End, range);

    /// <inheritdoc />
    public bool Equals(Meeting? other) =>
        other is not null
        && PortalId == other.PortalId
        && Id == other.Id
        && string.Equals(Title, other.Title, StringComparison.Ordinal)
        && string.Equals(Description, other.Description, StringComparison.Ordinal)
        && Start == other.Start
        && End == other.End
        && OrganizerId == other.OrganizerId
        && System.Linq.Enumerable.SequenceEqual(AttendeeIds, other.AttendeeIds)
        && System.Linq.Enumerable.SequenceEqual(ContactIds, other.ContactIds);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(PortalId, Id, Start, End);

    /// <summary>Whether <c>[start, end)</c> (a point when equal) overlaps a half-open range.</summary>
    internal static bool Overlap(Instant start, Instant end, Interval range) =>
        (!range.HasEnd || start < range.End) && (start == end ? !range.HasStart || start >= range.Start : !range.HasStart || end > range.Start);
}
