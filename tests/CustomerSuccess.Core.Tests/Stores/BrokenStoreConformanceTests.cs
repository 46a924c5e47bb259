using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.Core.Testing;
using CustomerSuccess.Core.Views;
using CustomerSuccess.Core.Workspaces;
using Xunit.Sdk;

namespace CustomerSuccess.Core.Tests.Stores;

/// <summary>The kit catches a store that ignores the version it is given (last writer wins): its concurrency cases fail
/// on it, while the cases that do not involve concurrency pass, so the kit tells a broken store from a working one.</summary>
public sealed class BrokenStoreConformanceTests
{
    [Fact]
    public async Task The_kit_concurrency_cases_fail_on_a_last_writer_wins_store()
    {
        var kit = new BrokenDirectoryKit();
        await Assert.ThrowsAnyAsync<XunitException>(kit.Parallel_writers_with_one_token_exactly_one_wins);
        await Assert.ThrowsAnyAsync<XunitException>(kit.Parallel_creates_of_one_key_exactly_one_wins);
        await Assert.ThrowsAnyAsync<XunitException>(kit.A_stale_save_is_a_conflict_and_changes_nothing);
        await Assert.ThrowsAnyAsync<XunitException>(kit.Create_over_an_existing_record_is_a_conflict_and_changes_nothing);
        await Assert.ThrowsAnyAsync<XunitException>(kit.A_stale_delete_is_a_conflict_and_changes_nothing);
    }

    [Fact]
    public async Task The_kit_cross_record_invariants_fail_on_a_last_writer_wins_store()
    {
        var kit = new BrokenInvariantKit();
        await Assert.ThrowsAnyAsync<XunitException>(kit.Rule26_parallel_creations_leave_exactly_five_team_workspaces);
        await Assert.ThrowsAnyAsync<XunitException>(kit.No_view_edit_is_lost_under_contention);
    }

    [Fact]
    public async Task The_kit_cases_without_concurrency_pass_on_the_same_store()
    {
        var kit = new BrokenDirectoryKit();
        await kit.Load_of_a_missing_key_is_null();
        await kit.Saved_states_read_back_equal();
        await kit.Every_write_returns_a_new_token();
        await kit.The_events_of_a_save_are_stored_with_it_in_order();
    }

    // Not public: xUnit must not run the kit's cases on the broken store as tests of their own.
    private sealed class BrokenDirectoryKit : WorkspaceDirectoryStoreConformance
    {
        protected override Task<IAggregateStore<PortalId, WorkspaceDirectoryState>> CreateStoreAsync() =>
            Task.FromResult<IAggregateStore<PortalId, WorkspaceDirectoryState>>(new LastWriterWinsStore<PortalId, WorkspaceDirectoryState>());

        protected override Task<IReadOnlyList<IDomainEvent>> ReadOutboxAsync(IAggregateStore<PortalId, WorkspaceDirectoryState> store) =>
            Task.FromResult(((LastWriterWinsStore<PortalId, WorkspaceDirectoryState>)store).Outbox);
    }

    private sealed class BrokenInvariantKit : ServiceInvariantConformance
    {
        protected override Task<IWorkspaceDirectoryStore> CreateWorkspaceDirectoryStoreAsync() =>
            Task.FromResult<IWorkspaceDirectoryStore>(new BrokenDirectories());

        protected override Task<IViewCatalogStore> CreateViewCatalogStoreAsync() =>
            Task.FromResult<IViewCatalogStore>(new BrokenViews());
    }

    private sealed class BrokenDirectories : LastWriterWinsStore<PortalId, WorkspaceDirectoryState>, IWorkspaceDirectoryStore;

    private sealed class BrokenViews : LastWriterWinsStore<ViewCatalogKey, ViewCatalogState>, IViewCatalogStore;

    /// <summary>Saves whatever it is given, whatever version the writer read, with a new token each time; loads take a
    /// moment, as a database round trip does, so concurrent commands interleave.</summary>
    private class LastWriterWinsStore<TKey, TState> : IAggregateStore<TKey, TState>
        where TKey : notnull
        where TState : class
    {
        private readonly Lock _gate = new();
        private readonly Dictionary<TKey, Versioned<TState>> _entries = [];
        private ImmutableList<IDomainEvent> _outbox = [];
        private long _version;

        public IReadOnlyList<IDomainEvent> Outbox => Volatile.Read(ref _outbox);

        public async Task<Versioned<TState>?> LoadAsync(TKey key, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Versioned<TState>? entry;
            lock (_gate)
            {
                entry = _entries.GetValueOrDefault(key);
            }

            await Task.Delay(2, cancellationToken);
            return entry;
        }

        public Task<Result<VersionToken>> SaveAsync(TKey key, TState state, VersionToken expected, IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(state);
            ArgumentNullException.ThrowIfNull(events);
            cancellationToken.ThrowIfCancellationRequested();
            lock (_gate)
            {
                var token = VersionToken.From((++_version).ToString(CultureInfo.InvariantCulture));
                _entries[key] = new Versioned<TState>(state, token);
                _outbox = _outbox.AddRange(events);
                return Task.FromResult(Result.Success(token));
            }
        }

        public Task<Result> DeleteAsync(TKey key, VersionToken expected, IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(events);
            cancellationToken.ThrowIfCancellationRequested();
            lock (_gate)
            {
                _entries.Remove(key);
                _outbox = _outbox.AddRange(events);
                return Task.FromResult(Result.Success());
            }
        }
    }
}
