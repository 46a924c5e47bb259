namespace CustomerSuccess.Core.Scores;

/// <summary>
/// The port for storing each portal's <see cref="HealthScoreCatalogState"/>, keyed by <see cref="PortalId"/>, with
/// optimistic concurrency.
/// </summary>
/// <remarks>The whole contract is the one of <see cref="IAggregateStore{TKey, TState}"/>: every score limit
/// (rule 72) and every version number (rule 83) lives inside the one state record, so a single-record compare-and-set
/// write keeps them under concurrent writers. Implementations: <c>InMemoryHealthScoreCatalogStore</c> (package
/// CustomerSuccess.Core.Stores.InMemory), or any store with a conditional write.</remarks>
public interface IHealthScoreCatalogStore : IAggregateStore<PortalId, HealthScoreCatalogState>
{
}
