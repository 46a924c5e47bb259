using CustomerSuccess.Core.Persistence;
using CustomerSuccess.Core.Scores;

namespace CustomerSuccess.Core.Stores.InMemory;

/// <summary>The in-memory <see cref="IHealthScoreCatalogStore"/>: one <see cref="HealthScoreCatalogState"/> per portal
/// with compare-and-set writes.</summary>
/// <remarks>Honours the whole port contract (see <see cref="InMemoryAggregateStore{TKey, TState}"/>); the state is an
/// immutable record, so the stored instance is never aliased by mutable data.
/// <threadsafety>All members are thread-safe.</threadsafety></remarks>
public sealed class InMemoryHealthScoreCatalogStore : InMemoryAggregateStore<PortalId, HealthScoreCatalogState>, IHealthScoreCatalogStore
{
    /// <summary>Initializes an empty store that keeps each state as its persisted document
    /// (<see cref="PersistedForms.HealthScoreCatalog"/>).</summary>
    public InMemoryHealthScoreCatalogStore()
        : base(PersistedForms.HealthScoreCatalog)
    {
    }
}
