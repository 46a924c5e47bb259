using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.Core.Persistence;

namespace CustomerSuccess.Core.Stores.InMemory;

/// <summary>
/// The reference implementation of <see cref="IAggregateStore{TKey, TState}"/>: a thread-safe dictionary of immutable
/// (version, state) entries with compare-and-set writes, and an outbox that receives the events of every successful
/// write in the same atomic step.
/// </summary>
/// <typeparam name="TKey">The aggregate key.</typeparam>
/// <typeparam name="TState">The aggregate's immutable state.</typeparam>
/// <remarks>
/// <para>It honours the whole port contract, so tests against it mean something: a missing key loads as
/// <see langword="null"/>; a create over an existing entry, or a write naming a stale version, returns
/// <c>concurrency.conflict</c> and changes nothing (neither the state nor the outbox); every successful write gets a new
/// version (a number counted per key, never reused for that key, even when the state is equal) and appends its events
/// to <see cref="Outbox"/>; a
/// cancelled token throws before any write.</para>
/// <para>Given a <see cref="StateDocumentFormat{TKey, TState}"/> (the library's stores pass
/// <see cref="PersistedForms"/>), the store keeps each state as its persisted document and reads a fresh copy on every
/// load, like a database: a state that does not survive its persisted form fails here first, and nothing a caller holds
/// aliases what is stored. Without a format it keeps the caller's instance, which is safe for immutable states.</para>
/// <para>The members are virtual so that tests can inject faults or interleavings.</para>
/// <threadsafety>All members are thread-safe: writes are serialized by one lock per store.</threadsafety>
/// </remarks>
public class InMemoryAggregateStore<TKey, TState> : IAggregateStore<TKey, TState>
    where TKey : notnull
    where TState : class
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TKey, Entry> _entries = [];
    private readonly StateDocumentFormat<TKey, TState>? _format;
    private readonly Dictionary<TKey, long> _lastVersions = [];
    private ImmutableList<IDomainEvent> _outbox = [];

    /// <summary>Initializes a store that keeps the states it is given (for immutable states).</summary>
    public InMemoryAggregateStore()
    {
    }

    /// <summary>Initializes a store that keeps every state as its persisted document and reads a copy on every load.</summary>
    /// <param name="format">The persisted form of the state.</param>
    /// <exception cref="ArgumentNullException"><paramref name="format"/> is <see langword="null"/>.</exception>
    public InMemoryAggregateStore(StateDocumentFormat<TKey, TState> format)
    {
        ArgumentNullException.ThrowIfNull(format);
        _format = format;
    }

    /// <summary>Gets the number of stored aggregates.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Gets the keys of the stored aggregates (a snapshot).</summary>
    public IReadOnlyCollection<TKey> Keys
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries.Keys];
            }
        }
    }

    /// <summary>Gets every event saved with a successful write, in the order of the writes (a snapshot): the outbox a
    /// database store writes in the same transaction as the state.</summary>
    public IReadOnlyList<IDomainEvent> Outbox => Volatile.Read(ref _outbox);

    /// <inheritdoc />
    public virtual Task<Versioned<TState>?> LoadAsync(TKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        cancellationToken.ThrowIfCancellationRequested();
        Entry? entry;
        lock (_gate)
        {
            entry = _entries.GetValueOrDefault(key);
        }

        return Task.FromResult(entry is null ? null : new Versioned<TState>(Restore(key, entry), entry.Version));
    }

    /// <inheritdoc />
    public virtual Task<Result<VersionToken>> SaveAsync(TKey key, TState state, VersionToken expected, IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(events);
        cancellationToken.ThrowIfCancellationRequested();
        IDomainEvent[] copy = [.. events];
        var stored = _format is null ? new Entry(state, null, default) : new Entry(null, _format.Write(key, state), default);
        lock (_gate)
        {
            var exists = _entries.TryGetValue(key, out var current);
            if (expected.IsNone ? exists : !exists || current!.Version != expected)
            {
                return Task.FromResult(Result.Failure<VersionToken>(ConcurrencyErrors.Conflict(Describe(key))));
            }

            var next = stored with { Version = NextVersion(key) };
            _entries[key] = next;
            Volatile.Write(ref _outbox, _outbox.AddRange(copy));
            OnWritten(key, new Versioned<TState>(state, next.Version));
            return Task.FromResult(Result.Success(next.Version));
        }
    }

    /// <inheritdoc />
    public virtual Task<Result> DeleteAsync(TKey key, VersionToken expected, IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(events);
        cancellationToken.ThrowIfCancellationRequested();
        IDomainEvent[] copy = [.. events];
        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out var current) || current.Version != expected)
            {
                return Task.FromResult(Result.Failure(ConcurrencyErrors.Conflict(Describe(key))));
            }

            _entries.Remove(key);
            Volatile.Write(ref _outbox, _outbox.AddRange(copy));
            OnWritten(key, null);
            return Task.FromResult(Result.Success());
        }
    }

    /// <summary>Called after every successful write, inside the store's lock and so in the order of the writes, so that
    /// a derived store can keep an index (such as a query port's) exactly in step with the entries.</summary>
    /// <param name="key">The key written.</param>
    /// <param name="entry">The new entry, or <see langword="null"/> when the key was deleted.</param>
    /// <remarks>Runs under the lock: keep it short, and never call back into the store from it.</remarks>
    protected virtual void OnWritten(TKey key, Versioned<TState>? entry)
    {
    }

    /// <summary>Versions count per key (so a token reveals nothing about other keys, other tenants included) and keep
    /// counting after a delete (so a token read before a delete never matches the record created after it).</summary>
    private VersionToken NextVersion(TKey key)
    {
        var next = _lastVersions.GetValueOrDefault(key) + 1;
        _lastVersions[key] = next;
        return VersionToken.From(next.ToString(CultureInfo.InvariantCulture));
    }

    private TState Restore(TKey key, Entry entry) => entry.Document is { } document ? _format!.Read(key, document) : entry.State!;

    private static string Describe(TKey key) => $"{typeof(TState).Name} {key}";

    /// <summary>A stored version: the state itself, or its persisted document.</summary>
    private sealed record Entry(TState? State, byte[]? Document, VersionToken Version);
}
