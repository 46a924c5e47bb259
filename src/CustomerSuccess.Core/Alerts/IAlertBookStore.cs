namespace CustomerSuccess.Core.Alerts;

/// <summary>
/// The port for storing each portal's <see cref="AlertBookState"/>, keyed by <see cref="PortalId"/>, with optimistic
/// concurrency.
/// </summary>
/// <remarks>The whole contract is the one of <see cref="IAggregateStore{TKey, TState}"/>: the limit of active alerts per
/// owner and the one active alert per customer and score live inside the one state record, so a single-record
/// compare-and-set write keeps them under concurrent runs, dismissals and expiries. Implementations:
/// <c>InMemoryAlertBookStore</c> (package CustomerSuccess.Core.Stores.InMemory), or any store with a conditional write;
/// the conformance cases are <c>AlertBookStoreConformance</c> (package CustomerSuccess.Core.Testing).</remarks>
public interface IAlertBookStore : IAggregateStore<PortalId, AlertBookState>
{
}
