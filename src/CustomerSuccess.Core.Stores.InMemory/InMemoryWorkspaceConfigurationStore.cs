using CustomerSuccess.Core.Persistence;
using CustomerSuccess.Core.Workspaces;

namespace CustomerSuccess.Core.Stores.InMemory;

/// <summary>The in-memory <see cref="IWorkspaceConfigurationStore"/> (see <see cref="InMemoryAggregateStore{TKey, TState}"/>).</summary>
public sealed class InMemoryWorkspaceConfigurationStore : InMemoryAggregateStore<PortalId, WorkspaceConfigurationState>, IWorkspaceConfigurationStore
{
    /// <summary>Initializes an empty store that keeps each state as its persisted document
    /// (<see cref="PersistedForms.WorkspaceConfiguration"/>).</summary>
    public InMemoryWorkspaceConfigurationStore()
        : base(PersistedForms.WorkspaceConfiguration)
    {
    }
}
