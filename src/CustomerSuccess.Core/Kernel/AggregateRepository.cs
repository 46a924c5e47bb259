using System;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;

namespace CustomerSuccess.Core;

/// <summary>
/// The one template every application service uses to read and change an aggregate held in an
/// <see cref="IAggregateStore{TKey, TState}"/>: how to restore it (with the required access policy) and what its state
/// is before anything was stored.
/// </summary>
/// <typeparam name="TKey">The aggregate key.</typeparam>
/// <typeparam name="TState">The aggregate's immutable state.</typeparam>
/// <typeparam name="TAggregate">The aggregate.</typeparam>
/// <remarks>
/// <para><see cref="LoadAsync"/> reads the stored state, or the initial state with <see cref="VersionToken.None"/> when
/// nothing is stored (so a portal that never configured anything reads like a new one). <see cref="ExecuteAsync{TOutput}"/>
/// runs a command through <see cref="OptimisticCommand.RunAsync{TKey, TState, TAggregate, TOutput}"/>.</para>
/// <threadsafety>Thread-safe if the store is: every call works on its own aggregate instance.</threadsafety>
/// </remarks>
public sealed class AggregateRepository<TKey, TState, TAggregate>
    where TKey : notnull
    where TState : class
    where TAggregate : AggregateRoot<TState>
{
    private readonly IAggregateStore<TKey, TState> _store;
    private readonly ServiceContext _context;
    private readonly Func<TState, TAggregate> _restore;
    private readonly Func<TKey, TState> _initialState;

    /// <summary>Initializes the repository.</summary>
    /// <param name="store">The store.</param>
    /// <param name="context">The policy, clock, dispatcher and retry budget.</param>
    /// <param name="restore">Builds the aggregate over a state (with <see cref="ServiceContext.Policy"/>).</param>
    /// <param name="initialState">The state of a key that was never stored.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public AggregateRepository(IAggregateStore<TKey, TState> store, ServiceContext context, Func<TState, TAggregate> restore, Func<TKey, TState> initialState)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(restore);
        ArgumentNullException.ThrowIfNull(initialState);
        _store = store;
        _context = context;
        _restore = restore;
        _initialState = initialState;
    }

    /// <summary>Reads the aggregate's state.</summary>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The stored state and version, or the initial state with <see cref="VersionToken.None"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<Versioned<TState>> LoadAsync(TKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        cancellationToken.ThrowIfCancellationRequested();
        var stored = await _store.LoadAsync(key, cancellationToken).ConfigureAwait(false);
        return stored ?? new Versioned<TState>(_initialState(key), VersionToken.None);
    }

    /// <summary>Reads the aggregate and restores it.</summary>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The aggregate (over the initial state if nothing is stored) and its version.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<(TAggregate Aggregate, VersionToken Version)> RestoreAsync(TKey key, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(key, cancellationToken).ConfigureAwait(false);
        return (_restore(loaded.State), loaded.Version);
    }

    /// <summary>Runs a command on the aggregate (see <see cref="OptimisticCommand"/>).</summary>
    /// <typeparam name="TOutput">What the command returns.</typeparam>
    /// <param name="key">The key.</param>
    /// <param name="operation">The domain operation, given the aggregate and the command's instant.</param>
    /// <param name="expectedVersion">The version the person saw, or <see langword="null"/> for a server-side command.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <param name="command">The command's name for traces (<see cref="CoreTelemetry.CommandTag"/>); the calling
    /// method's name unless given.</param>
    /// <returns>The change, or the refusal, or a concurrency error.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> or <paramref name="operation"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<Result<Change<TOutput>>> ExecuteAsync<TOutput>(
        TKey key,
        Func<TAggregate, Instant, Result<TOutput>> operation,
        VersionToken? expectedVersion,
        CancellationToken cancellationToken,
        [CallerMemberName] string? command = null) =>
        OptimisticCommand.RunAsync(_context, _store, key, _restore, () => _initialState(key), operation, expectedVersion, cancellationToken, command);
}
