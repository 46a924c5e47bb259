using CustomerSuccess.Core.Persistence;
using CustomerSuccess.Core.Scores;

namespace CustomerSuccess.Core.Stores.InMemory;

/// <summary>The in-memory <see cref="IScoreOverrideStore"/>: one <see cref="ScoreOverrideBookState"/> per portal with
/// compare-and-set writes, kept as its persisted document (<see cref="PersistedForms.ScoreOverrideBook"/>).</summary>
/// <remarks><threadsafety>All members are thread-safe.</threadsafety></remarks>
public sealed class InMemoryScoreOverrideStore : InMemoryAggregateStore<PortalId, ScoreOverrideBookState>, IScoreOverrideStore
{
    /// <summary>Initializes an empty store.</summary>
    public InMemoryScoreOverrideStore()
        : base(PersistedForms.ScoreOverrideBook)
    {
    }
}
