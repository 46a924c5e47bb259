using System;
using System.Threading;
using System.Threading.Tasks;

namespace CustomerSuccess.Core;

/// <summary>
/// Runs a command against an aggregate held in an <see cref="IAggregateStore{TKey, TState}"/>: load, apply, save with
/// compare-and-set, and on a conflict either report it or re-run on fresh state.
/// </summary>
/// <remarks>
/// <para>Two modes (reliability guide §2.3):</para>
/// <list type="bullet">
/// <item><description>The caller names the version it saw (a person editing what they looked at): a conflict returns
/// <c>concurrency.conflict</c> and is not retried, so no edit is silently lost.</description></item>
/// <item><description>No version named (a server-side command such as "add a workspace"): on a conflict the command
/// re-runs on the fresh state, at most <see cref="DefaultMaxAttempts"/> times. Each attempt re-checks every rule, so
/// two concurrent commands cannot both take the last free slot of a limit.</description></item>
/// </list>
/// <para>A command that returns the same state instance it was given (a no-change update) is not saved.</para>
/// </remarks>
public static class OptimisticCommand
{
    /// <summary>How many times a server-side command is attempted before the conflict is reported.</summary>
    public const int DefaultMaxAttempts = 3;

    /// <summary>Runs <paramref name="command"/> against the aggregate stored under <paramref name="key"/>.</summary>
    /// <typeparam name="TKey">The aggregate key.</typeparam>
    /// <typeparam name="TState">The aggregate's immutable state.</typeparam>
    /// <typeparam name="TOutput">What the command returns besides the new state.</typeparam>
    /// <param name="store">The store.</param>
    /// <param name="key">The aggregate key.</param>
    /// <param name="command">Given the stored state (or <see langword="null"/> if none is stored), returns the new state and
    /// an output, or a refusal. It must be pure: it may run several times.</param>
    /// <param name="expectedVersion">The version the caller saw, or <see langword="null"/> for a server-side command.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The output with the new version, or the refusal, or <c>concurrency.conflict</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="store"/> or <paramref name="command"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<Result<Versioned<TOutput>>> RunAsync<TKey, TState, TOutput>(
        IAggregateStore<TKey, TState> store,
        TKey key,
        Func<TState?, Result<(TState State, TOutput Output)>> command,
        VersionToken? expectedVersion = null,
        CancellationToken cancellationToken = default)
        where TKey : notnull
        where TState : class
        where TOutput : class
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(command);
        var attempts = expectedVersion is null ? DefaultMaxAttempts : 1;
        DomainError? conflict = null;
        for (var attempt = 0; attempt < attempts; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var stored = await store.LoadAsync(key, cancellationToken).ConfigureAwait(false);
            var seen = stored?.Version ?? VersionToken.None;
            if (expectedVersion is { } expected && expected != seen)
            {
                return Result.Failure<Versioned<TOutput>>(ConcurrencyErrors.Conflict(DescribeKey<TState>(key)));
            }

            var outcome = command(stored?.State);
            if (!outcome.TryGetValue(out var value))
            {
                return Result.Failure<Versioned<TOutput>>(outcome.Error!);
            }

            if (stored is not null && ReferenceEquals(value.State, stored.State))
            {
                return Result.Success(new Versioned<TOutput>(value.Output, seen));
            }

            var saved = await store.SaveAsync(key, value.State, seen, cancellationToken).ConfigureAwait(false);
            if (saved.TryGetValue(out var version))
            {
                return Result.Success(new Versioned<TOutput>(value.Output, version));
            }

            if (!saved.Error!.Is(ConcurrencyErrors.ConflictCode))
            {
                return Result.Failure<Versioned<TOutput>>(saved.Error);
            }

            conflict = saved.Error;
        }

        return Result.Failure<Versioned<TOutput>>(conflict ?? ConcurrencyErrors.Conflict(DescribeKey<TState>(key)));
    }

    /// <summary>Runs <paramref name="operation"/> on the aggregate stored under <paramref name="key"/>: restores the
    /// aggregate from the stored state (or from the initial state when none is stored), applies the operation, and saves
    /// the aggregate's new state by compare-and-set, as <see cref="RunAsync{TKey, TState, TOutput}"/> does.</summary>
    /// <typeparam name="TKey">The aggregate key.</typeparam>
    /// <typeparam name="TState">The aggregate's immutable state.</typeparam>
    /// <typeparam name="TAggregate">The aggregate.</typeparam>
    /// <typeparam name="TOutput">What the operation returns besides the new state.</typeparam>
    /// <param name="store">The store.</param>
    /// <param name="key">The aggregate key.</param>
    /// <param name="restore">Builds the aggregate over a state; given the initial state when nothing is stored.</param>
    /// <param name="initialState">Creates the state of an aggregate that was never saved.</param>
    /// <param name="operation">The domain operation; it must be pure (it may run several times).</param>
    /// <param name="expectedVersion">The version the caller saw, or <see langword="null"/> for a server-side command.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The output with the new version, or the refusal, or <c>concurrency.conflict</c>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <remarks>An operation that leaves the aggregate's state unchanged (the same instance) writes nothing, because
    /// the aggregate was restored over the stored instance.</remarks>
    public static Task<Result<Versioned<TOutput>>> RunOnAggregateAsync<TKey, TState, TAggregate, TOutput>(
        IAggregateStore<TKey, TState> store,
        TKey key,
        Func<TState, TAggregate> restore,
        Func<TState> initialState,
        Func<TAggregate, Result<TOutput>> operation,
        VersionToken? expectedVersion = null,
        CancellationToken cancellationToken = default)
        where TKey : notnull
        where TState : class
        where TAggregate : AggregateRoot<TState>
        where TOutput : class
    {
        ArgumentNullException.ThrowIfNull(restore);
        ArgumentNullException.ThrowIfNull(initialState);
        ArgumentNullException.ThrowIfNull(operation);
        return RunAsync<TKey, TState, TOutput>(
            store,
            key,
            state =>
            {
                var aggregate = restore(state ?? initialState());
                return operation(aggregate).Map(output => (aggregate.State, output));
            },
            expectedVersion,
            cancellationToken);
    }

    private static string DescribeKey<TState>(object key) => $"{typeof(TState).Name} {key}";
}
