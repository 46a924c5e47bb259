namespace CustomerSuccess.Core.Workspaces;

/// <summary>
/// The port for storing each portal's <see cref="WorkspaceDirectoryState"/>, keyed by <see cref="PortalId"/>, with
/// optimistic concurrency.
/// </summary>
/// <remarks>The whole contract is the one of <see cref="IAggregateStore{TKey, TState}"/>: a single-record
/// compare-and-set write is all the directory needs, because every workspace invariant (rules 25–27) lives inside the
/// one state record. Implementations: <c>InMemoryWorkspaceDirectoryStore</c> (package
/// CustomerSuccess.Core.Stores.InMemory), or any store with a conditional write.</remarks>
public interface IWorkspaceDirectoryStore : IAggregateStore<PortalId, WorkspaceDirectoryState>
{
}
