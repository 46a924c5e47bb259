using System;
using System.Collections.Generic;

namespace CustomerSuccess.Core.Tasks;

/// <summary>What a bulk action did to one task (rule 58).</summary>
public enum TaskOutcomeKind
{
    /// <summary>The task was changed (or deleted) and saved.</summary>
    Changed = 1,

    /// <summary>The task already was as the action would make it (completing a completed task): nothing was saved.</summary>
    Unchanged = 2,

    /// <summary>The access policy (or a rule) refused the change, e.g. another user's task without the permission to
    /// change it (reading R58); the error says why.</summary>
    Forbidden = 3,

    /// <summary>The task does not exist (an unknown id, or deleted meanwhile), or it no longer matched the selection's
    /// filter when its turn came (<c>task.not_selected</c>, reading R59).</summary>
    NotFound = 4,

    /// <summary>The task changed since the version the person saw (<c>concurrency.conflict</c>), or kept changing until
    /// the retry budget was spent; it was left as it was.</summary>
    Conflict = 5,
}

/// <summary>The outcome of a bulk action for one task.</summary>
/// <param name="TaskId">The task.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Version">The task's version after the action (<see cref="VersionToken.None"/> when it was deleted or is
/// unknown).</param>
/// <param name="Error">Why it was not changed, for <see cref="TaskOutcomeKind.Forbidden"/>,
/// <see cref="TaskOutcomeKind.NotFound"/> and <see cref="TaskOutcomeKind.Conflict"/>; otherwise <see langword="null"/>.</param>
public sealed record TaskOutcome(TaskId TaskId, TaskOutcomeKind Kind, VersionToken Version, DomainError? Error = null);

/// <summary>Progress of a bulk action, reported after each batch (<see cref="IProgress{T}"/>).</summary>
/// <param name="Processed">How many tasks have been processed so far.</param>
/// <param name="Expected">How many tasks the selection held when the action started (the confirmed count for "all
/// matching", which may differ from the final number when tasks stop matching meanwhile).</param>
/// <param name="Batch">The outcome of every task of the batch just processed, in order.</param>
public sealed record TaskBulkProgress(int Processed, int Expected, IReadOnlyList<TaskOutcome> Batch);

/// <summary>What a bulk action did (rule 58): how many tasks had each outcome, and the outcome of every task that was not
/// changed. The outcome of every task, changed ones included, is reported batch by batch through the progress
/// callback, so the report stays small however many tasks were changed.</summary>
/// <param name="Processed">How many tasks were processed.</param>
/// <param name="Changed">How many were changed.</param>
/// <param name="Unchanged">How many already were as the action would make them.</param>
/// <param name="Forbidden">How many the actor may not change.</param>
/// <param name="NotFound">How many do not exist or no longer matched the filter.</param>
/// <param name="Conflicts">How many changed since they were seen, or kept changing.</param>
/// <param name="NotChanged">The outcome of every task that was not changed, in processing order.</param>
public sealed record TaskBulkReport(int Processed, int Changed, int Unchanged, int Forbidden, int NotFound, int Conflicts, IReadOnlyList<TaskOutcome> NotChanged);
