using System;
using System.Diagnostics;

namespace CustomerSuccess.Core;

/// <summary>
/// The names of the package's traces (<see cref="System.Diagnostics.ActivitySource"/>), for listeners and exporters such
/// as OpenTelemetry (<c>AddSource(CoreTelemetry.ActivitySourceName)</c>).
/// </summary>
/// <remarks>
/// <para>Conventions, shared by every CustomerSuccess.Core package: one activity source per package, named after the
/// package; activity (span) operation names <c>{package}.{Operation}</c>; tag names lower case, dot-separated, words
/// joined by underscores, under <c>customer_success.</c> (and the OpenTelemetry <c>error.type</c>).</para>
/// <para>Every command of an application service runs through <see cref="OptimisticCommand"/>, which records one
/// activity per command: operation name <see cref="CommandActivityName"/>, display name
/// <c>{aggregate}.{command}</c> (for example <c>WorkspaceDirectory.AddTeam</c>), and the tags
/// <see cref="PortalTag"/>, <see cref="AggregateTag"/>, <see cref="CommandTag"/>, <see cref="OutcomeTag"/>,
/// <see cref="ErrorCodeTag"/> (refusals) and <see cref="RetriesTag"/>. A command that throws ends its activity with
/// status <see cref="ActivityStatusCode.Error"/> and <see cref="ErrorTypeTag"/>. Nothing is created, tagged or allocated
/// when the source has no listener.</para>
/// </remarks>
public static class CoreTelemetry
{
    /// <summary>The activity source's name (and the package's): <c>CustomerSuccess.Core</c>.</summary>
    public const string ActivitySourceName = "CustomerSuccess.Core";

    /// <summary>Operation name of the activity of a command (load, apply, save by compare-and-set, retries).</summary>
    public const string CommandActivityName = "CustomerSuccess.Core.Command";

    /// <summary>Tag: the portal (tenant) of the aggregate, as a number.</summary>
    public const string PortalTag = "customer_success.portal.id";

    /// <summary>Tag: the aggregate's type, e.g. <c>WorkspaceDirectory</c>, <c>ViewCatalog</c>, <c>Task</c>.</summary>
    public const string AggregateTag = "customer_success.aggregate.type";

    /// <summary>Tag: the command, the application service's method without its <c>Async</c> suffix, e.g.
    /// <c>AddTeam</c> (absent when the caller named none).</summary>
    public const string CommandTag = "customer_success.command";

    /// <summary>Tag: how the command ended: <see cref="OutcomeChanged"/>, <see cref="OutcomeUnchanged"/> or
    /// <see cref="OutcomeRefused"/> (absent when it threw).</summary>
    public const string OutcomeTag = "customer_success.command.outcome";

    /// <summary>Tag: the error code of a refused command, e.g. <c>workspace.limit_reached</c>,
    /// <c>concurrency.conflict</c>, <c>concurrency.retries_exhausted</c>.</summary>
    public const string ErrorCodeTag = "customer_success.error.code";

    /// <summary>Tag: how many times the command re-ran after a compare-and-set conflict (0 when the first attempt
    /// settled it).</summary>
    public const string RetriesTag = "customer_success.command.retries";

    /// <summary>Tag (OpenTelemetry convention): the full name of the exception's type, when the command threw.</summary>
    public const string ErrorTypeTag = "error.type";

    /// <summary>Outcome: the command saved (or deleted) the aggregate.</summary>
    public const string OutcomeChanged = "changed";

    /// <summary>Outcome: the command succeeded without changing anything, so nothing was written.</summary>
    public const string OutcomeUnchanged = "unchanged";

    /// <summary>Outcome: a rule, the access policy or a concurrency check refused the command (see
    /// <see cref="ErrorCodeTag"/>).</summary>
    public const string OutcomeRefused = "refused";
}

/// <summary>The package's activity source and the guarded helpers of command activities.</summary>
internal static class CommandTelemetry
{
    public static readonly ActivitySource Source = new(CoreTelemetry.ActivitySourceName, typeof(CommandTelemetry).Assembly.GetName().Version?.ToString());

    /// <summary>Starts the activity of a command, or returns <see langword="null"/> (without allocating) when nobody
    /// listens.</summary>
    public static Activity? Start<TState>(string? command)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var activity = Source.StartActivity(CoreTelemetry.CommandActivityName, ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true })
        {
            var aggregate = AggregateName<TState>.Value;
            activity.SetTag(CoreTelemetry.AggregateTag, aggregate);
            if (!string.IsNullOrEmpty(command))
            {
                var name = command.EndsWith("Async", StringComparison.Ordinal) ? command[..^"Async".Length] : command;
                activity.SetTag(CoreTelemetry.CommandTag, name);
                activity.DisplayName = aggregate + "." + name;
            }
            else
            {
                activity.DisplayName = aggregate;
            }
        }

        return activity;
    }

    /// <summary>Tags how a command ended on its activity.</summary>
    public static void Finish<TOutput>(CommandTrace trace, Result<Change<TOutput>> result)
    {
        var activity = trace.Activity;
        if (!activity.IsAllDataRequested)
        {
            return;
        }

        activity.SetTag(CoreTelemetry.RetriesTag, Math.Max(trace.Attempts - 1, 0));
        if (result.IsSuccess)
        {
            activity.SetTag(CoreTelemetry.OutcomeTag, trace.Saved ? CoreTelemetry.OutcomeChanged : CoreTelemetry.OutcomeUnchanged);
        }
        else
        {
            activity.SetTag(CoreTelemetry.OutcomeTag, CoreTelemetry.OutcomeRefused);
            activity.SetTag(CoreTelemetry.ErrorCodeTag, result.Error!.Code);
        }
    }

    /// <summary>Marks a command's activity as failed by an exception.</summary>
    public static void Fail(Activity activity, Exception exception)
    {
        activity.SetStatus(ActivityStatusCode.Error, exception.Message);
        activity.SetTag(CoreTelemetry.ErrorTypeTag, exception.GetType().FullName);
    }

    /// <summary>What a traced command did, filled in by <see cref="OptimisticCommand"/> as it runs.</summary>
    internal sealed class CommandTrace(Activity activity)
    {
        /// <summary>Gets the command's activity.</summary>
        public Activity Activity { get; } = activity;

        /// <summary>Gets the attempts made so far.</summary>
        public int Attempts { get; private set; }

        /// <summary>Gets or sets a value indicating whether the command saved or deleted the aggregate.</summary>
        public bool Saved { get; set; }

        /// <summary>Counts an attempt and, on the first, tags the portal of the state it loaded.</summary>
        public void Loaded<TState>(TState state)
            where TState : class
        {
            if (++Attempts == 1 && Activity.IsAllDataRequested && state is IPortalScoped scoped)
            {
                Activity.SetTag(CoreTelemetry.PortalTag, scoped.PortalId.Value);
            }
        }
    }

    private static class AggregateName<TState>
    {
        public static readonly string Value = typeof(TState).Name.EndsWith("State", StringComparison.Ordinal) && typeof(TState).Name.Length > "State".Length
            ? typeof(TState).Name[..^"State".Length]
            : typeof(TState).Name;
    }
}
