using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.Core.Schedule;

namespace CustomerSuccess.Core.Stores.InMemory;

/// <summary>The reference <see cref="IPlaybookUsageQuery"/>: a thread-safe list of playbook uses answered with
/// <see cref="RecentPlaybooksQuery.Select"/>.</summary>
/// <remarks><threadsafety>All members are thread-safe; a query sees one consistent snapshot.</threadsafety></remarks>
public sealed class InMemoryPlaybookUsageQuery : IPlaybookUsageQuery
{
    private ImmutableList<PlaybookUse> _uses = [];

    /// <summary>Gets every recorded use of every portal (a snapshot).</summary>
    public IReadOnlyList<PlaybookUse> Uses => Volatile.Read(ref _uses);

    /// <summary>Records a use of a playbook.</summary>
    /// <param name="use">The use.</param>
    /// <exception cref="ArgumentNullException"><paramref name="use"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The use has no portal, playbook or user.</exception>
    public void Record(PlaybookUse use)
    {
        PlaybookUse.Validate(use, nameof(use));
        ImmutableInterlocked.Update(ref _uses, list => list.Add(use));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<PlaybookUse>> ListRecentAsync(RecentPlaybooksQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(query.Select(Volatile.Read(ref _uses)));
    }
}
