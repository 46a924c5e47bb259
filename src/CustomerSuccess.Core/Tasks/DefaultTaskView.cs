namespace CustomerSuccess.Core.Tasks;

/// <summary>The default task views (rule 55: Overdue, Due tomorrow, All completed; Due today on the Summary tab, rules
/// 33, 34; and All open). They belong to the tasks area and are not stored in a view catalogue: the Tasks tab's
/// catalogue holds only custom views (rule 57).</summary>
public enum DefaultTaskView
{
    /// <summary>Open tasks due today in the viewer's zone ("tasks left for the day", rule 33).</summary>
    DueToday = 1,

    /// <summary>Open tasks due before today in the viewer's zone (reading R34).</summary>
    Overdue = 2,

    /// <summary>Open tasks due tomorrow in the viewer's zone.</summary>
    DueTomorrow = 3,

    /// <summary>Every open task.</summary>
    AllOpen = 4,

    /// <summary>Every completed task, most recently completed first.</summary>
    AllCompleted = 5,
}
