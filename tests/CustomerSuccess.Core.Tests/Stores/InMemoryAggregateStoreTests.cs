using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.Core.Stores.InMemory;
using CustomerSuccess.Core.Workspaces;

namespace CustomerSuccess.Core.Tests.Stores;

/// <summary>Contract tests of the port (<see cref="IAggregateStore{TKey, TState}"/>) against the in-memory store,
/// run through <see cref="InMemoryWorkspaceDirectoryStore"/> (which is exactly the generic store).</summary>
public class InMemoryAggregateStoreTests
{
    private static readonly PortalId Portal = PortalId.From(5);
    private readonly InMemoryWorkspaceDirectoryStore _store = new();

    private static WorkspaceDirectoryState StateNamed(string name)
    {
        var initial = WorkspaceDirectory.CreateInitialState(Portal);
        return initial with { Workspaces = initial.Workspaces.SetItem(initial.PrimaryWorkspaceId, initial.Primary with { Name = name }) };
    }

    [Fact]
    public async Task LoadAsync_MissingKey_ReturnsNull()
    {
        Assert.Null(await _store.LoadAsync(Portal));
    }

    [Fact]
    public async Task SaveAsync_Create_ThenLoadReturnsStateAndToken()
    {
        var state = StateNamed("A");

        var saved = await _store.SaveAsync(Portal, state, VersionToken.None, []);

        Assert.True(saved.IsSuccess);
        Assert.False(saved.Value.IsNone);
        var loaded = await _store.LoadAsync(Portal);
        Assert.Equal(state, loaded!.State);
        Assert.NotSame(state, loaded.State); // a copy read from the persisted form, like a database
        Assert.Equal(saved.Value, loaded.Version);
    }

    [Fact]
    public async Task SaveAsync_CreateOverExisting_IsConflictAndKeepsState()
    {
        var first = StateNamed("A");
        await _store.SaveAsync(Portal, first, VersionToken.None, []);

        var second = await _store.SaveAsync(Portal, StateNamed("B"), VersionToken.None, []);

        Assert.Equal(ConcurrencyErrors.ConflictCode, second.Error!.Code);
        Assert.Equal(first, (await _store.LoadAsync(Portal))!.State);
    }

    [Fact]
    public async Task SaveAsync_StaleToken_IsConflictAndKeepsState()
    {
        var v1 = (await _store.SaveAsync(Portal, StateNamed("A"), VersionToken.None, [])).Value;
        var v2 = (await _store.SaveAsync(Portal, StateNamed("B"), v1, [])).Value;

        var stale = await _store.SaveAsync(Portal, StateNamed("C"), v1, []);

        Assert.Equal(ConcurrencyErrors.ConflictCode, stale.Error!.Code);
        var loaded = await _store.LoadAsync(Portal);
        Assert.Equal("B", loaded!.State.Primary.Name);
        Assert.Equal(v2, loaded.Version);
    }

    [Fact]
    public async Task SaveAsync_UpdateOfMissingKey_IsConflict()
    {
        var result = await _store.SaveAsync(Portal, StateNamed("A"), VersionToken.From("1"), []);

        Assert.Equal(ConcurrencyErrors.ConflictCode, result.Error!.Code);
        Assert.Equal(0, _store.Count);
    }

    [Fact]
    public async Task SaveAsync_EveryWrite_ChangesTheToken_EvenForAnEqualState()
    {
        var state = StateNamed("A");
        var v1 = (await _store.SaveAsync(Portal, state, VersionToken.None, [])).Value;
        var v2 = (await _store.SaveAsync(Portal, state, v1, [])).Value;
        var v3 = (await _store.SaveAsync(Portal, state, v2, [])).Value;

        Assert.Equal(3, new[] { v1, v2, v3 }.Distinct().Count());
    }

    [Fact]
    public async Task DeleteAsync_StaleToken_IsConflictAndKeepsState_CurrentTokenDeletes()
    {
        var v1 = (await _store.SaveAsync(Portal, StateNamed("A"), VersionToken.None, [])).Value;
        var v2 = (await _store.SaveAsync(Portal, StateNamed("B"), v1, [])).Value;

        var stale = await _store.DeleteAsync(Portal, v1, []);
        Assert.Equal(ConcurrencyErrors.ConflictCode, stale.Error!.Code);
        Assert.Equal("B", (await _store.LoadAsync(Portal))!.State.Primary.Name);

        Assert.True((await _store.DeleteAsync(Portal, v2, [])).IsSuccess);
        Assert.Null(await _store.LoadAsync(Portal));
        Assert.Equal(ConcurrencyErrors.ConflictCode, (await _store.DeleteAsync(Portal, v2, [])).Error!.Code);
    }

    [Fact]
    public async Task SaveAsync_ParallelWritersWithOneToken_ExactlyOneSucceeds()
    {
        var v1 = (await _store.SaveAsync(Portal, StateNamed("A"), VersionToken.None, [])).Value;

        var results = await Task.WhenAll(Enumerable.Range(0, 32).Select(i => Task.Run(() => _store.SaveAsync(Portal, StateNamed($"W{i}"), v1, []))));

        Assert.Single(results, r => r.IsSuccess);
        Assert.All(results.Where(r => r.IsFailure), r => Assert.Equal(ConcurrencyErrors.ConflictCode, r.Error!.Code));
        var winner = results.Single(r => r.IsSuccess).Value;
        Assert.Equal(winner, (await _store.LoadAsync(Portal))!.Version);
    }

    [Fact]
    public async Task ParallelCreates_ExactlyOneSucceeds()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() => _store.SaveAsync(Portal, StateNamed($"W{i}"), VersionToken.None, []))));

        Assert.Single(results, r => r.IsSuccess);
    }

    [Fact]
    public async Task Operations_PreCancelledToken_ThrowAndWriteNothing()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        var v1 = (await _store.SaveAsync(Portal, StateNamed("A"), VersionToken.None, [])).Value;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _store.SaveAsync(Portal, StateNamed("B"), v1, [], cts.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _store.DeleteAsync(Portal, v1, [], cts.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _store.LoadAsync(Portal, cts.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _store.SaveAsync(PortalId.From(6), StateNamed("C"), VersionToken.None, [], cts.Token));

        var loaded = await _store.LoadAsync(Portal);
        Assert.Equal("A", loaded!.State.Primary.Name);
        Assert.Equal(v1, loaded.Version);
        Assert.Equal(1, _store.Count);
    }

    [Fact]
    public async Task SaveAsync_NullState_ThrowsWithParameterName()
    {
        var ex = await Assert.ThrowsAsync<ArgumentNullException>(() => _store.SaveAsync(Portal, null!, VersionToken.None, []));
        Assert.Equal("state", ex.ParamName);
    }

    [Fact]
    public async Task NullKey_ThrowsWithParameterName()
    {
        var store = new InMemoryAggregateStore<string, WorkspaceDirectoryState>();

        Assert.Equal("key", (await Assert.ThrowsAsync<ArgumentNullException>(() => store.LoadAsync(null!))).ParamName);
        Assert.Equal("key", (await Assert.ThrowsAsync<ArgumentNullException>(() => store.SaveAsync(null!, StateNamed("A"), VersionToken.None, []))).ParamName);
        Assert.Equal("key", (await Assert.ThrowsAsync<ArgumentNullException>(() => store.DeleteAsync(null!, VersionToken.From("1"), []))).ParamName);
    }

    [Fact]
    public async Task SaveAsync_StateOfAnotherKey_IsAnArgumentErrorAndStoresNothing()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _store.SaveAsync(PortalId.From(6), StateNamed("A"), VersionToken.None, []));
        Assert.Equal(0, _store.Count);
        Assert.Empty(_store.Outbox);
    }

    [Fact]
    public async Task KeysAndCount_ReflectStoredAggregates()
    {
        await _store.SaveAsync(Portal, StateNamed("A"), VersionToken.None, []);
        await _store.SaveAsync(PortalId.From(6), StateNamed("B") with { PortalId = PortalId.From(6) }, VersionToken.None, []);

        Assert.Equal(2, _store.Count);
        Assert.Equal(new[] { Portal, PortalId.From(6) }, _store.Keys.OrderBy(k => k.Value));
    }
}
