namespace CustomerSuccess.Core.Workspaces;

/// <summary>
/// The port for storing each portal's <see cref="WorkspaceConfigurationState"/> (object choices and per-workspace
/// settings), keyed by <see cref="PortalId"/>, with optimistic concurrency.
/// </summary>
/// <remarks>The whole contract is the one of <see cref="IAggregateStore{TKey, TState}"/>; the conformance kit checks it.</remarks>
public interface IWorkspaceConfigurationStore : IAggregateStore<PortalId, WorkspaceConfigurationState>
{
}
