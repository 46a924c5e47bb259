namespace CustomerSuccess.Core.Schedule;

/// <summary>How much time one calendar page of the schedule shows (rule 60).</summary>
public enum CalendarMode
{
    /// <summary>One day.</summary>
    Day = 1,

    /// <summary>One week, starting on the chosen first day of the week.</summary>
    Week = 2,

    /// <summary>One calendar month.</summary>
    Month = 3,
}
