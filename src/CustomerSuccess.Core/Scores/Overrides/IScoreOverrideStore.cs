namespace CustomerSuccess.Core.Scores;

/// <summary>The port for storing each portal's <see cref="ScoreOverrideBookState"/>, keyed by <see cref="PortalId"/>,
/// with optimistic concurrency: the whole contract of <see cref="IAggregateStore{TKey, TState}"/> (conformance cases:
/// <c>ScoreOverrideStoreConformance</c> in CustomerSuccess.Core.Testing).</summary>
public interface IScoreOverrideStore : IAggregateStore<PortalId, ScoreOverrideBookState>
{
}
