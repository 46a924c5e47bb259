using CustomerSuccess.Core.Persistence;
using CustomerSuccess.Core.Views;

namespace CustomerSuccess.Core.Stores.InMemory;

/// <summary>The reference <see cref="IViewCatalogStore"/>: one compare-and-set entry per workspace tab, with the whole
/// contract of <see cref="InMemoryAggregateStore{TKey, TState}"/>.</summary>
/// <remarks><threadsafety>All members are thread-safe.</threadsafety></remarks>
public sealed class InMemoryViewCatalogStore : InMemoryAggregateStore<ViewCatalogKey, ViewCatalogState>, IViewCatalogStore
{
    /// <summary>Initializes an empty store that keeps each state as its persisted document
    /// (<see cref="PersistedForms.ViewCatalog"/>).</summary>
    public InMemoryViewCatalogStore()
        : base(PersistedForms.ViewCatalog)
    {
    }
}
