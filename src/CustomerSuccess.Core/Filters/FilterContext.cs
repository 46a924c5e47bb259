using System;
using NodaTime;

namespace CustomerSuccess.Core.Filters;

/// <summary>
/// What a filter is evaluated relative to: the viewer (for "is me"), the instant "now" and the viewer's time zone (for
/// dates). Relative date bounds are computed from it once, when the filter is compiled, never inside the expression.
/// </summary>
/// <param name="Viewer">The user looking at the list.</param>
/// <param name="AsOf">The instant "now" (from an injected <see cref="IClock"/>).</param>
/// <param name="Zone">The viewer's time zone; calendar days start at midnight there (or at the first instant after a
/// skipped midnight).</param>
public sealed record FilterContext(UserId Viewer, Instant AsOf, DateTimeZone Zone)
{
    /// <summary>Gets the viewer's time zone.</summary>
    /// <exception cref="ArgumentNullException">The zone is <see langword="null"/>.</exception>
    public DateTimeZone Zone { get; init; } = Zone ?? throw new ArgumentNullException(nameof(Zone));

    /// <summary>Gets the viewer's calendar date at <see cref="AsOf"/>.</summary>
    public LocalDate Today => CalendarRange.DateOf(AsOf, Zone);

    /// <summary>Returns the first instant of <paramref name="date"/> in the viewer's zone.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The instant the day starts.</returns>
    public Instant StartOf(LocalDate date) => CalendarRange.StartOf(date, Zone);
}
