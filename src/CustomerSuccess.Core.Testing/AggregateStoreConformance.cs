using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.Core.Workspaces.Events;
using NodaTime;
using Xunit;

namespace CustomerSuccess.Core.Testing;

/// <summary>
/// The contract of <see cref="IAggregateStore{TKey, TState}"/> as tests: derive (through one of the port classes such as
/// <see cref="WorkspaceDirectoryStoreConformance"/>), return a fresh, empty store from <see cref="CreateStoreAsync"/>,
/// and every case runs against it.
/// </summary>
/// <typeparam name="TKey">The aggregate key.</typeparam>
/// <typeparam name="TState">The aggregate state.</typeparam>
/// <remarks>
/// <para>The cases: round trips of states with nulls, Unicode, empty collections and nanosecond instants; a missing
/// key; a create over an existing record; stale saves and deletes (a conflict, the stored state unchanged); a new token
/// on every write; <see cref="ParallelWriters"/> writers racing with one token (exactly one wins); the events handed to a
/// save stored with it or not at all; keys of different portals kept apart; pre-cancelled tokens; null arguments. There
/// are no capability flags: a store that cannot keep a case fails it.</para>
/// <para>Every case is <see langword="public"/> <see langword="virtual"/>, so a store with a documented reason may
/// override one, visibly, in its own test class.</para>
/// </remarks>
public abstract class AggregateStoreConformance<TKey, TState>
    where TKey : notnull
    where TState : class
{
    /// <summary>Gets an instant with nanoseconds, for events and states.</summary>
    protected static Instant SampleInstant { get; } = Instant.FromUtc(2026, 3, 29, 1, 30, 15).PlusNanoseconds(123_456_789);

    /// <summary>Gets the number of writers racing with one token.</summary>
    protected virtual int ParallelWriters => 16;

    /// <summary>Gets the number of distinct sample states <see cref="SampleState"/> returns for a key (at least 2).</summary>
    protected virtual int SampleCount => 3;

    /// <summary>Creates a fresh, empty store (a new database, schema or table prefix, as the store needs).</summary>
    /// <returns>The store.</returns>
    protected abstract Task<IAggregateStore<TKey, TState>> CreateStoreAsync();

    /// <summary>Reads every event the store has kept with its writes so far, in the order of the writes.</summary>
    /// <param name="store">The store <see cref="CreateStoreAsync"/> returned.</param>
    /// <returns>The events.</returns>
    protected abstract Task<IReadOnlyList<IDomainEvent>> ReadOutboxAsync(IAggregateStore<TKey, TState> store);

    /// <summary>Returns a key of a portal (the same key for the same portal).</summary>
    /// <param name="portal">The portal.</param>
    /// <returns>The key.</returns>
    protected abstract TKey KeyOf(PortalId portal);

    /// <summary>Returns a valid state stored under a key: variant 0 the simplest, the others with Unicode, nulls, empty
    /// collections and nanosecond instants, all different from each other.</summary>
    /// <param name="key">The key.</param>
    /// <param name="variant">0 … <see cref="SampleCount"/> − 1.</param>
    /// <returns>The state.</returns>
    protected abstract TState SampleState(TKey key, int variant);

    /// <summary>A missing key loads as <see langword="null"/>.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public virtual async Task Load_of_a_missing_key_is_null()
    {
        var store = await CreateStoreAsync();
        Assert.Null(await store.LoadAsync(KeyOf(PortalId.From(1))));
    }

    /// <summary>Every sample state reads back equal, with a version token.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public virtual async Task Saved_states_read_back_equal()
    {
        var store = await CreateStoreAsync();
        for (var variant = 0; variant < SampleCount; variant++)
        {
            var key = KeyOf(PortalId.From(100 + variant));
            var state = SampleState(key, variant);
            var saved = await store.SaveAsync(key, state, VersionToken.None, []);
            Assert.True(saved.IsSuccess, saved.Error?.Message);
            Assert.False(saved.Value.IsNone);

            var loaded = await store.LoadAsync(key);
            Assert.NotNull(loaded);
            Assert.Equal(state, loaded.State);
            Assert.Equal(saved.Value, loaded.Version);
        }
    }

    /// <summary>Creating over an existing record is a conflict and keeps the stored state and outbox.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public virtual async Task Create_over_an_existing_record_is_a_conflict_and_changes_nothing()
    {
        var store = await CreateStoreAsync();
        var key = KeyOf(PortalId.From(1));
        var first = await store.SaveAsync(key, SampleState(key, 0), VersionToken.None, [Event(1)]);
        Assert.True(first.IsSuccess, first.Error?.Message);

        var second = await store.SaveAsync(key, SampleState(key, 1), VersionToken.None, [Event(2)]);

        AssertConflict(second.Error);
        var loaded = await store.LoadAsync(key);
        Assert.Equal(SampleState(key, 0), loaded!.State);
        Assert.Equal(first.Value, loaded.Version);
        Assert.Equal([Event(1)], await ReadOutboxAsync(store));
    }

    /// <summary>A save naming a stale token is a conflict and keeps the stored state and outbox.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public virtual async Task A_stale_save_is_a_conflict_and_changes_nothing()
    {
        var store = await CreateStoreAsync();
        var key = KeyOf(PortalId.From(1));
        var v1 = (await store.SaveAsync(key, SampleState(key, 0), VersionToken.None, [])).Value;
        var v2 = await store.SaveAsync(key, SampleState(key, 1), v1, [Event(1)]);
        Assert.True(v2.IsSuccess, v2.Error?.Message);

        var stale = await store.SaveAsync(key, SampleState(key, 2 % SampleCount), v1, [Event(2)]);

        AssertConflict(stale.Error);
        var loaded = await store.LoadAsync(key);
        Assert.Equal(SampleState(key, 1), loaded!.State);
        Assert.Equal(v2.Value, loaded.Version);
        Assert.Equal([Event(1)], await ReadOutboxAsync(store));
    }

    /// <summary>A save of a key that does not exist, naming a token, is a conflict and stores nothing.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public virtual async Task An_update_of_a_missing_record_is_a_conflict()
    {
        var store = await CreateStoreAsync();
        var key = KeyOf(PortalId.From(1));
        var other = KeyOf(PortalId.From(2));
        var token = (await store.SaveAsync(other, SampleState(other, 0), VersionToken.None, [])).Value;

        AssertConflict((await store.SaveAsync(key, SampleState(key, 0), token, [Event(1)])).Error);
        Assert.Null(await store.LoadAsync(key));
        Assert.Empty(await ReadOutboxAsync(store));
    }

    /// <summary>A delete naming a stale token, or of a missing record, is a conflict and keeps what is stored.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public virtual async Task A_stale_delete_is_a_conflict_and_changes_nothing()
    {
        var store = await CreateStoreAsync();
        var key = KeyOf(PortalId.From(1));
        var v1 = (await store.SaveAsync(key, SampleState(key, 0), VersionToken.None, [])).Value;
        var v2 = (await store.SaveAsync(key, SampleState(key, 1), v1, [])).Value;

        AssertConflict((await store.DeleteAsync(key, v1, [Event(1)])).Error);
        AssertConflict((await store.DeleteAsync(KeyOf(PortalId.From(2)), v2, [Event(2)])).Error);

        var loaded = await store.LoadAsync(key);
        Assert.Equal(SampleState(key, 1), loaded!.State);
        Assert.Equal(v2, loaded.Version);
        Assert.Empty(await ReadOutboxAsync(store));
    }

    /// <summary>A delete with the current token removes the record and keeps its events; a token read before the delete
    /// never matches the record created after it.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public virtual async Task A_delete_removes_the_record_and_old_tokens_stay_stale()
    {
        var store = await CreateStoreAsync();
        var key = KeyOf(PortalId.From(1));
        var v1 = (await store.SaveAsync(key, SampleState(key, 0), VersionToken.None, [])).Value;

        var deleted = await store.DeleteAsync(key, v1, [Event(1)]);
        Assert.True(deleted.IsSuccess, deleted.Error?.Message);
        Assert.Null(await store.LoadAsync(key));
        Assert.Equal([Event(1)], await ReadOutboxAsync(store));

        var recreated = await store.SaveAsync(key, SampleState(key, 1), VersionToken.None, []);
        Assert.True(recreated.IsSuccess, recreated.Error?.Message);
        Assert.NotEqual(v1, recreated.Value);
        AssertConflict((await store.SaveAsync(key, SampleState(key, 0), v1, [])).Error);
    }

    /// <summary>Every successful write returns a new token, also when the state is equal to the stored one.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public virtual async Task Every_write_returns_a_new_token()
    {
        var store = await CreateStoreAsync();
        var key = KeyOf(PortalId.From(1));
        var state = SampleState(key, 0);
        var tokens = new List<VersionToken> { (await store.SaveAsync(key, state, VersionToken.None, [])).Value };
        for (var i = 0; i < 5; i++)
        {
            var next = await store.SaveAsync(key, state, tokens[^1], []);
            Assert.True(next.IsSuccess, next.Error?.Message);
            tokens.Add(next.Value);
        }

        Assert.Equal(tokens.Count, tokens.Distinct().Count());
        Assert.DoesNotContain(VersionToken.None, tokens);
    }

    /// <summary><see cref="ParallelWriters"/> writers save with the same token at once: exactly one wins, the stored
    /// state and the outbox are the winner's, every other writer gets a conflict.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public virtual async Task Parallel_writers_with_one_token_exactly_one_wins()
    {
        var store = await CreateStoreAsync();
        var key = KeyOf(PortalId.From(1));
        var token = (await store.SaveAsync(key, SampleState(key, 0), VersionToken.None, [])).Value;
        using var start = new ManualResetEventSlim(false);

        var writers = Enumerable.Range(0, ParallelWriters).Select(i => Task.Run(async () =>
        {
            start.Wait();
            return (Writer: i, Result: await store.SaveAsync(key, SampleState(key, 1 + (i % (SampleCount - 1))), token, [Event(i + 1)]));
        })).ToArray();
        start.Set();
        var results = await Task.WhenAll(writers);

        var winners = results.Where(r => r.Result.IsSuccess).ToArray();
        Assert.Single(winners);
        Assert.All(results.Where(r => r.Result.IsFailure), r => AssertConflict(r.Result.Error));
        var loaded = await store.LoadAsync(key);
        Assert.Equal(SampleState(key, 1 + (winners[0].Writer % (SampleCount - 1))), loaded!.State);
        Assert.Equal(winners[0].Result.Value, loaded.Version);
        Assert.Equal([Event(winners[0].Writer + 1)], await ReadOutboxAsync(store));
    }

    /// <summary>Parallel creates of one key: exactly one wins.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public virtual async Task Parallel_creates_of_one_key_exactly_one_wins()
    {
        var store = await CreateStoreAsync();
        var key = KeyOf(PortalId.From(1));
        using var start = new ManualResetEventSlim(false);
        var writers = Enumerable.Range(0, ParallelWriters).Select(i => Task.Run(async () =>
        {
            start.Wait();
            return await store.SaveAsync(key, SampleState(key, i % SampleCount), VersionToken.None, [Event(i + 1)]);
        })).ToArray();
        start.Set();
        var results = await Task.WhenAll(writers);

        Assert.Single(results, r => r.IsSuccess);
        Assert.Single(await ReadOutboxAsync(store));
    }

    /// <summary>The events handed to a save are kept with it, in order, and read back equal.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public virtual async Task The_events_of_a_save_are_stored_with_it_in_order()
    {
        var store = await CreateStoreAsync();
        var key = KeyOf(PortalId.From(1));
        var v1 = (await store.SaveAsync(key, SampleState(key, 0), VersionToken.None, [Event(1), Event(2)])).Value;
        await store.SaveAsync(key, SampleState(key, 1), v1, [Event(3)]);

        Assert.Equal([Event(1), Event(2), Event(3)], await ReadOutboxAsync(store));
    }

    /// <summary>Records of two portals are independent: writing one never changes, conflicts with or reveals the other.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public virtual async Task Keys_of_different_portals_are_independent()
    {
        var store = await CreateStoreAsync();
        var a = KeyOf(PortalId.From(1));
        var b = KeyOf(PortalId.From(2));
        var va = (await store.SaveAsync(a, SampleState(a, 0), VersionToken.None, [])).Value;
        Assert.Null(await store.LoadAsync(b));

        var vb = await store.SaveAsync(b, SampleState(b, 1), VersionToken.None, []);
        Assert.True(vb.IsSuccess, vb.Error?.Message);
        var next = await store.SaveAsync(a, SampleState(a, 1), va, []);
        Assert.True(next.IsSuccess, "a write to another portal must not make this portal's token stale");

        Assert.Equal(SampleState(a, 1), (await store.LoadAsync(a))!.State);
        Assert.Equal(SampleState(b, 1), (await store.LoadAsync(b))!.State);
    }

    /// <summary>A pre-cancelled token throws <see cref="OperationCanceledException"/> and writes nothing.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public virtual async Task A_cancelled_token_throws_and_writes_nothing()
    {
        var store = await CreateStoreAsync();
        var key = KeyOf(PortalId.From(1));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.SaveAsync(key, SampleState(key, 0), VersionToken.None, [Event(1)], cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.LoadAsync(key, cancelled.Token));
        var v1 = (await store.SaveAsync(key, SampleState(key, 0), VersionToken.None, [])).Value;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.DeleteAsync(key, v1, [Event(2)], cancelled.Token));

        Assert.Equal(v1, (await store.LoadAsync(key))!.Version);
        Assert.Empty(await ReadOutboxAsync(store));
    }

    /// <summary>Null states and event lists are argument errors.</summary>
    /// <returns>A task.</returns>
    [SkippableFact]
    public virtual async Task Null_arguments_throw()
    {
        var store = await CreateStoreAsync();
        var key = KeyOf(PortalId.From(1));
        await Assert.ThrowsAsync<ArgumentNullException>(() => store.SaveAsync(key, null!, VersionToken.None, []));
        await Assert.ThrowsAsync<ArgumentNullException>(() => store.SaveAsync(key, SampleState(key, 0), VersionToken.None, null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => store.DeleteAsync(key, VersionToken.None, null!));
        Assert.Null(await store.LoadAsync(key));
    }

    /// <summary>Returns a distinct event of portal 1 (an event type every store's outbox must keep).</summary>
    /// <param name="number">Distinguishes the events.</param>
    /// <returns>The event.</returns>
    protected static IDomainEvent Event(int number) =>
        new WorkspaceRenamed(
            PortalId.From(1),
            Workspaces.WorkspaceId.From(1),
            "before " + number,
            "after ✓ " + number,
            number % 2 == 0 ? Initiator.System : Initiator.User(UserId.From(number)),
            SampleInstant.PlusNanoseconds(number));

    /// <summary>Asserts that an error is <c>concurrency.conflict</c>.</summary>
    /// <param name="error">The error.</param>
    protected static void AssertConflict(DomainError? error)
    {
        Assert.NotNull(error);
        Assert.Equal(ConcurrencyErrors.ConflictCode, error.Code);
    }
}
