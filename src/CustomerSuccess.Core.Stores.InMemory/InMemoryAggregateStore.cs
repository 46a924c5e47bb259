using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace CustomerSuccess.Core.Stores.InMemory;

/// <summary>
/// The reference implementation of <see cref="IAggregateStore{TKey, TState}"/>: a thread-safe dictionary of immutable
/// (version, state) entries with compare-and-set writes.
/// </summary>
/// <typeparam name="TKey">The aggregate key.</typeparam>
/// <typeparam name="TState">The aggregate's immutable state.</typeparam>
/// <remarks>
/// <para>It honours the whole port contract, so tests against it mean something: a missing key loads as
/// <see langword="null"/>; a create over an existing entry, or a write naming a stale version, returns
/// <c>concurrency.conflict</c> and changes nothing; every successful write gets a new version (an incrementing number,
/// even when the state is equal); a cancelled token throws before any write.</para>
/// <para>States are immutable records, so keeping the caller's instance cannot alias mutable data.</para>
/// <para>The members are virtual so that tests can inject faults or interleavings (as Orleans' FaultyMemoryStorage does).</para>
/// <threadsafety>All members are thread-safe.</threadsafety>
/// </remarks>
public class InMemoryAggregateStore<TKey, TState> : IAggregateStore<TKey, TState>
    where TKey : notnull
    where TState : class
{
    private readonly ConcurrentDictionary<TKey, Versioned<TState>> _entries = new();
    private long _lastVersion;

    /// <summary>Gets the number of stored aggregates.</summary>
    public int Count => _entries.Count;

    /// <summary>Gets the keys of the stored aggregates (a snapshot).</summary>
    public IReadOnlyCollection<TKey> Keys => [.. _entries.Keys];

    /// <inheritdoc />
    public virtual Task<Versioned<TState>?> LoadAsync(TKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_entries.TryGetValue(key, out var entry) ? entry : null);
    }

    /// <inheritdoc />
    public virtual Task<Result<VersionToken>> SaveAsync(TKey key, TState state, VersionToken expected, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(state);
        cancellationToken.ThrowIfCancellationRequested();
        var next = new Versioned<TState>(state, NextVersion());
        if (expected.IsNone)
        {
            return Task.FromResult(_entries.TryAdd(key, next)
                ? Result.Success(next.Version)
                : Result.Failure<VersionToken>(ConcurrencyErrors.Conflict(Describe(key))));
        }

        if (_entries.TryGetValue(key, out var current) && current.Version == expected && _entries.TryUpdate(key, next, current))
        {
            return Task.FromResult(Result.Success(next.Version));
        }

        return Task.FromResult(Result.Failure<VersionToken>(ConcurrencyErrors.Conflict(Describe(key))));
    }

    /// <inheritdoc />
    public virtual Task<Result> DeleteAsync(TKey key, VersionToken expected, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        cancellationToken.ThrowIfCancellationRequested();
        if (_entries.TryGetValue(key, out var current) && current.Version == expected
            && _entries.TryRemove(new KeyValuePair<TKey, Versioned<TState>>(key, current)))
        {
            return Task.FromResult(Result.Success());
        }

        return Task.FromResult(Result.Failure(ConcurrencyErrors.Conflict(Describe(key))));
    }

    private VersionToken NextVersion() =>
        VersionToken.From(Interlocked.Increment(ref _lastVersion).ToString(CultureInfo.InvariantCulture));

    private static string Describe(TKey key) => $"{typeof(TState).Name} {key}";
}
