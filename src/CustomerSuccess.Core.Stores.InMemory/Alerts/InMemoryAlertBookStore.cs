using CustomerSuccess.Core.Alerts;
using CustomerSuccess.Core.Persistence;

namespace CustomerSuccess.Core.Stores.InMemory;

/// <summary>The in-memory <see cref="IAlertBookStore"/>: one <see cref="AlertBookState"/> per portal with compare-and-set
/// writes.</summary>
/// <remarks>Honours the whole port contract (see <see cref="InMemoryAggregateStore{TKey, TState}"/>) and keeps each state
/// as its persisted document (<see cref="PersistedForms.AlertBook"/>), like the other stores.
/// <threadsafety>All members are thread-safe.</threadsafety></remarks>
public sealed class InMemoryAlertBookStore : InMemoryAggregateStore<PortalId, AlertBookState>, IAlertBookStore
{
    /// <summary>Initializes an empty store that keeps each state as its persisted document.</summary>
    public InMemoryAlertBookStore()
        : base(PersistedForms.AlertBook)
    {
    }
}
