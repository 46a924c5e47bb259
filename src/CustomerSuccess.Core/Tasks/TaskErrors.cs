using System.Globalization;

namespace CustomerSuccess.Core.Tasks;

/// <summary>The errors of tasks and bulk task actions; every code is stable.</summary>
public static class TaskErrors
{
    /// <summary>No task with the given id exists in the portal (or it was deleted).</summary>
    public const string NotFoundCode = "task.not_found";

    /// <summary>The title is blank or longer than <see cref="TaskItem.MaxTitleLength"/> (rule 56).</summary>
    public const string TitleInvalidCode = "task.title_invalid";

    /// <summary>The notes are longer than <see cref="TaskItem.MaxNotesLength"/>.</summary>
    public const string NotesInvalidCode = "task.notes_invalid";

    /// <summary>The due instant is outside <see cref="TaskItem.EarliestDue"/> to <see cref="TaskItem.LatestDue"/>.</summary>
    public const string DueInvalidCode = "task.due_invalid";

    /// <summary>A record is associated twice, or more than <see cref="TaskItem.MaxAssociations"/> are.</summary>
    public const string AssociationsInvalidCode = "task.associations_invalid";

    /// <summary>"Select all [n] tasks" (rule 59): the filter no longer selects the number of tasks the user confirmed;
    /// nothing was changed (reading R59).</summary>
    public const string BulkCountChangedCode = "task.bulk_count_changed";

    /// <summary>A bulk action's task no longer matched the selection's filter when its turn came, so it was left as it
    /// was (reading R59); reported as the outcome "not found".</summary>
    public const string NotSelectedCode = "task.not_selected";

    internal static DomainError NotFound(TaskId id) => new(
        NotFoundCode,
        string.Format(CultureInfo.InvariantCulture, "Task {0} does not exist.", id),
        id.ToString());

    internal static DomainError TitleInvalid(int max) => new(
        TitleInvalidCode,
        string.Format(CultureInfo.InvariantCulture, "A task needs a title of 1 to {0} characters.", max),
        nameof(TaskDetails.Title));

    internal static DomainError NotesInvalid(int max) => new(
        NotesInvalidCode,
        string.Format(CultureInfo.InvariantCulture, "A task's notes may be at most {0} characters long.", max),
        nameof(TaskDetails.Notes));

    internal static DomainError DueInvalid(NodaTime.Instant due) => new(
        DueInvalidCode,
        string.Format(CultureInfo.InvariantCulture, "The due date {0} is outside the years {1} to {2}.", due, TaskItem.EarliestDue.InUtc().Year, TaskItem.LatestDue.InUtc().Year - 1),
        nameof(TaskDetails.DueAt));

    internal static DomainError AssociationsInvalid(string reason) => new(
        AssociationsInvalidCode,
        "The task's associated records are not valid: " + reason,
        nameof(TaskDetails.Associations));

    internal static DomainError BulkCountChanged(int confirmed, int now) => new(
        BulkCountChangedCode,
        string.Format(
            CultureInfo.InvariantCulture,
            "You confirmed {0:N0} tasks, but the filter now selects {1:N0}; nothing was changed. Check the selection and confirm the new number.",
            confirmed,
            now),
        "confirmedCount");

    internal static DomainError NotSelected(TaskId id) => new(
        NotSelectedCode,
        string.Format(CultureInfo.InvariantCulture, "Task {0} no longer matches the filter of the selection, so it was left as it was.", id),
        id.ToString());

    internal static DomainError InBatch(DomainError error, int index, int count) => new(
        error.Code,
        string.Format(CultureInfo.InvariantCulture, "Task {0} of {1}: {2}", index + 1, count, error.Message),
        string.Format(CultureInfo.InvariantCulture, "[{0}].{1}", index, error.Target));
}
