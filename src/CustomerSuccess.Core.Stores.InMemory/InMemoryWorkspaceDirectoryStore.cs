using CustomerSuccess.Core.Persistence;
using CustomerSuccess.Core.Workspaces;

namespace CustomerSuccess.Core.Stores.InMemory;

/// <summary>
/// The in-memory <see cref="IWorkspaceDirectoryStore"/>: one immutable <see cref="WorkspaceDirectoryState"/> per
/// portal, written with compare-and-set.
/// </summary>
/// <remarks>
/// <para>Everything is inherited from <see cref="InMemoryAggregateStore{TKey, TState}"/>, which honours the whole port
/// contract (missing → <see langword="null"/>, stale or duplicate create → <c>concurrency.conflict</c> with nothing
/// changed, a new version on every write, cancellation before any write). Because the directory keeps every workspace
/// invariant inside its one state, this single-record compare-and-set is enough to keep "at most five team
/// workspaces" and "a team in one workspace" under any number of concurrent writers.</para>
/// <para>Data lives as long as the instance: use it for tests, prototypes and single-process apps; register it as a
/// singleton.</para>
/// <threadsafety>All members are thread-safe.</threadsafety>
/// </remarks>
public sealed class InMemoryWorkspaceDirectoryStore : InMemoryAggregateStore<PortalId, WorkspaceDirectoryState>, IWorkspaceDirectoryStore
{
    /// <summary>Initializes an empty store that keeps each state as its persisted document
    /// (<see cref="PersistedForms.WorkspaceDirectory"/>).</summary>
    public InMemoryWorkspaceDirectoryStore()
        : base(PersistedForms.WorkspaceDirectory)
    {
    }
}
