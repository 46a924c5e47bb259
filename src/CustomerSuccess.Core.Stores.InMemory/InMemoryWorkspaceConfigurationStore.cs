using CustomerSuccess.Core.Workspaces;

namespace CustomerSuccess.Core.Stores.InMemory;

/// <summary>The in-memory <see cref="IWorkspaceConfigurationStore"/> (see <see cref="InMemoryAggregateStore{TKey, TState}"/>).</summary>
public sealed class InMemoryWorkspaceConfigurationStore : InMemoryAggregateStore<PortalId, WorkspaceConfigurationState>, IWorkspaceConfigurationStore
{
}
