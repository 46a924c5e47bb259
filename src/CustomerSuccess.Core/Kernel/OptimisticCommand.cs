using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;

namespace CustomerSuccess.Core;

/// <summary>
/// Runs a command against an aggregate held in an <see cref="IAggregateStore{TKey, TState}"/>: load, restore the
/// aggregate, apply the operation, save the new state with its events by compare-and-set, dispatch the events, and on a
/// conflict either report it or re-run on fresh state. Every application service runs its commands through it, so the
/// <see cref="Change{T}"/> of every command is built here, once.
/// </summary>
/// <remarks>
/// <para>Two concurrency modes:</para>
/// <list type="bullet">
/// <item><description>The caller names the version it saw (a person editing what they looked at): a conflict returns
/// <see cref="ConcurrencyErrors.ConflictCode"/> and is not retried, so no edit is silently lost.</description></item>
/// <item><description>No version named (a server-side command such as "create a workspace"): on a conflict the command
/// re-runs on the fresh state with jittered exponential back-off until it succeeds, a rule refuses it, or the budget of
/// <see cref="ServiceContext.Retry"/> is spent (<see cref="ConcurrencyErrors.RetriesExhaustedCode"/>). Every attempt
/// re-checks every rule, so two concurrent commands can never both take the last free slot of a limit.</description></item>
/// </list>
/// <para>The clock is read once per call; every attempt gets that instant. An operation that leaves the aggregate's
/// state unchanged (the same instance) writes nothing and returns no events. An operation that deletes the aggregate
/// (<see cref="AggregateRoot{TState}.IsDeleted"/>) deletes its record by compare-and-set, with its events, and returns
/// <see cref="VersionToken.None"/> as the new version. Events are handed to the store with the
/// state, returned in the <see cref="Change{T}"/> and, after the save succeeded, passed to
/// <see cref="ServiceContext.Events"/>.</para>
/// </remarks>
public static class OptimisticCommand
{
    /// <summary>Runs <paramref name="operation"/> on the aggregate stored under <paramref name="key"/>.</summary>
    /// <typeparam name="TKey">The aggregate key.</typeparam>
    /// <typeparam name="TState">The aggregate's immutable state.</typeparam>
    /// <typeparam name="TAggregate">The aggregate.</typeparam>
    /// <typeparam name="TOutput">What the operation returns besides the new state.</typeparam>
    /// <param name="context">The clock, the dispatcher and the retry budget.</param>
    /// <param name="store">The store.</param>
    /// <param name="key">The aggregate key.</param>
    /// <param name="restore">Builds the aggregate over a state (given the initial state when nothing is stored).</param>
    /// <param name="initialState">Creates the state of an aggregate that was never saved.</param>
    /// <param name="operation">The domain operation, given the aggregate and the command's instant; it must be pure
    /// (it may run several times).</param>
    /// <param name="expectedVersion">The version the caller saw, or <see langword="null"/> for a server-side command.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <param name="command">The command's name for traces (<see cref="CoreTelemetry.CommandTag"/>), e.g. the
    /// application service's method; <see langword="null"/> names none.</param>
    /// <returns>The change (output, new version, events), or the refusal, or <c>concurrency.conflict</c> /
    /// <c>concurrency.retries_exhausted</c>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <remarks>When the <see cref="CoreTelemetry.ActivitySourceName"/> source has a listener, the command runs inside
    /// an activity <see cref="CoreTelemetry.CommandActivityName"/> tagged as <see cref="CoreTelemetry"/> describes;
    /// otherwise nothing is created.</remarks>
    public static Task<Result<Change<TOutput>>> RunAsync<TKey, TState, TAggregate, TOutput>(
        ServiceContext context,
        IAggregateStore<TKey, TState> store,
        TKey key,
        Func<TState, TAggregate> restore,
        Func<TState> initialState,
        Func<TAggregate, Instant, Result<TOutput>> operation,
        VersionToken? expectedVersion,
        CancellationToken cancellationToken,
        string? command = null)
        where TKey : notnull
        where TState : class
        where TAggregate : AggregateRoot<TState>
    {
        return CommandTelemetry.Source.HasListeners()
            ? RunTracedAsync(context, store, key, restore, initialState, operation, expectedVersion, command, cancellationToken)
            : RunCoreAsync(context, store, key, restore, initialState, operation, expectedVersion, null, cancellationToken);
    }

    /// <summary>Runs the command inside its activity (an async method of its own, so that the activity is current only
    /// while the command runs).</summary>
    private static async Task<Result<Change<TOutput>>> RunTracedAsync<TKey, TState, TAggregate, TOutput>(
        ServiceContext context,
        IAggregateStore<TKey, TState> store,
        TKey key,
        Func<TState, TAggregate> restore,
        Func<TState> initialState,
        Func<TAggregate, Instant, Result<TOutput>> operation,
        VersionToken? expectedVersion,
        string? command,
        CancellationToken cancellationToken)
        where TKey : notnull
        where TState : class
        where TAggregate : AggregateRoot<TState>
    {
        using var activity = CommandTelemetry.Start<TState>(command);
        if (activity is null)
        {
            return await RunCoreAsync(context, store, key, restore, initialState, operation, expectedVersion, null, cancellationToken).ConfigureAwait(false);
        }

        var trace = new CommandTelemetry.CommandTrace(activity);
        try
        {
            var result = await RunCoreAsync(context, store, key, restore, initialState, operation, expectedVersion, trace, cancellationToken).ConfigureAwait(false);
            CommandTelemetry.Finish(trace, result);
            return result;
        }
        catch (Exception exception)
        {
            CommandTelemetry.Fail(activity, exception);
            throw;
        }
    }

    private static async Task<Result<Change<TOutput>>> RunCoreAsync<TKey, TState, TAggregate, TOutput>(
        ServiceContext context,
        IAggregateStore<TKey, TState> store,
        TKey key,
        Func<TState, TAggregate> restore,
        Func<TState> initialState,
        Func<TAggregate, Instant, Result<TOutput>> operation,
        VersionToken? expectedVersion,
        CommandTelemetry.CommandTrace? trace,
        CancellationToken cancellationToken)
        where TKey : notnull
        where TState : class
        where TAggregate : AggregateRoot<TState>
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(restore);
        ArgumentNullException.ThrowIfNull(initialState);
        ArgumentNullException.ThrowIfNull(operation);
        cancellationToken.ThrowIfCancellationRequested();
        var now = context.Clock.GetCurrentInstant();
        var retry = context.Retry;
        var time = retry.TimeProvider;
        var started = time.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var stored = await store.LoadAsync(key, cancellationToken).ConfigureAwait(false);
            var decision = Decide(key, stored, restore, initialState, operation, expectedVersion, now, trace);
            if (decision.Error is { } refused)
            {
                return refused;
            }

            var (seen, output, events) = (decision.Seen, decision.Output!, decision.Events);
            if (!decision.Writes)
            {
                return Result.Success(new Change<TOutput>(output, seen, []));
            }

            var saved = decision.State is null
                ? (await store.DeleteAsync(key, seen, events, cancellationToken).ConfigureAwait(false)).Map(() => VersionToken.None)
                : await store.SaveAsync(key, decision.State, seen, events, cancellationToken).ConfigureAwait(false);
            if (saved.TryGetValue(out var version))
            {
                if (trace is not null)
                {
                    trace.Saved = true;
                }

                if (events.Count > 0)
                {
                    await context.Events.DispatchAsync(events, cancellationToken).ConfigureAwait(false);
                }

                return Result.Success(new Change<TOutput>(output, version, events));
            }

            if (!saved.Error!.Is(ConcurrencyErrors.ConflictCode) || expectedVersion is not null)
            {
                return saved.Error;
            }

            var elapsed = time.GetElapsedTime(started);
            if (attempt >= retry.MaxAttempts || elapsed >= retry.MaxElapsed)
            {
                return ConcurrencyErrors.RetriesExhausted(Describe<TState>(key), attempt, elapsed);
            }

            var delay = retry.DelayBefore(attempt + 1);
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>One attempt of a command on the state it loaded, before anything is written: the caller's version checked,
    /// the aggregate restored (or created from <paramref name="initialState"/>) and the operation applied. Shared by
    /// single commands and by batches that write many aggregates at once.</summary>
    /// <returns>A refusal, or the output with what to write: nothing (the state is the same instance), the new state,
    /// or a deletion (<see cref="Decision{TState, TOutput}.State"/> null), with the events.</returns>
    internal static Decision<TState, TOutput> Decide<TKey, TState, TAggregate, TOutput>(
        TKey key,
        Versioned<TState>? stored,
        Func<TState, TAggregate> restore,
        Func<TState> initialState,
        Func<TAggregate, Instant, Result<TOutput>> operation,
        VersionToken? expectedVersion,
        Instant now,
        CommandTelemetry.CommandTrace? trace = null)
        where TKey : notnull
        where TState : class
        where TAggregate : AggregateRoot<TState>
    {
        var seen = stored?.Version ?? VersionToken.None;
        if (expectedVersion is { } expected && expected != seen)
        {
            trace?.Loaded(stored?.State ?? initialState());
            return new(ConcurrencyErrors.Conflict(Describe<TState>(key)), seen, default, false, null, []);
        }

        var current = stored?.State ?? initialState();
        trace?.Loaded(current);
        var aggregate = restore(current);
        var outcome = operation(aggregate, now);
        if (!outcome.TryGetValue(out var output))
        {
            return new(outcome.Error, seen, default, false, null, []);
        }

        return !aggregate.IsDeleted && ReferenceEquals(aggregate.State, current)
            ? new(null, seen, output, false, null, [])
            : new(null, seen, output, true, aggregate.IsDeleted ? null : aggregate.State, [.. aggregate.DomainEvents]);
    }

    /// <summary>What one attempt decided (see <see cref="Decide"/>).</summary>
    /// <param name="Error">The refusal, or null.</param>
    /// <param name="Seen">The version loaded (<see cref="VersionToken.None"/> when nothing was stored).</param>
    /// <param name="Output">The operation's output (when not refused).</param>
    /// <param name="Writes">Whether there is something to write.</param>
    /// <param name="State">The new state to save, or null for a deletion (when <paramref name="Writes"/>).</param>
    /// <param name="Events">The events to store with the write.</param>
    internal readonly record struct Decision<TState, TOutput>(DomainError? Error, VersionToken Seen, TOutput? Output, bool Writes, TState? State, IReadOnlyList<IDomainEvent> Events)
        where TState : class;

    /// <summary>Describes an aggregate for people: <c>WorkspaceDirectoryState</c> under key 42 is "workspace directory 42".</summary>
    internal static string Describe<TState>(object key) => DescribeType<TState>() + " " + key;

    /// <summary>Names an aggregate for people: <c>WorkspaceDirectoryState</c> is "workspace directory".</summary>
    internal static string DescribeType<TState>()
    {
        var name = typeof(TState).Name;
        if (name.EndsWith("State", StringComparison.Ordinal))
        {
            name = name[..^"State".Length];
        }

        var text = new StringBuilder(name.Length + 8);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }
}
