using System;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.Core.Access;
using CustomerSuccess.Core.HealthScores;
using CustomerSuccess.Core.HealthScores.History;
using CustomerSuccess.Core.Records;
using NodaTime;

namespace CustomerSuccess.Core.Scores;

/// <summary>The application service for manual score overrides: a thin adapter over <see cref="ScoreOverrideBook"/> in an
/// <see cref="IScoreOverrideStore"/> (see the aggregate for the rules).</summary>
/// <remarks><threadsafety>Thread-safe if the store is.</threadsafety></remarks>
public sealed class ScoreOverrideService
{
    private readonly AggregateRepository<PortalId, ScoreOverrideBookState, ScoreOverrideBook> _books;
    private readonly ServiceContext _context;

    /// <summary>Initializes the service.</summary>
    /// <param name="store">The override books.</param>
    /// <param name="context">The access policy, clock, event dispatcher and retry budget.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public ScoreOverrideService(IScoreOverrideStore store, ServiceContext context)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _books = new(store, context, state => new ScoreOverrideBook(state, context.Policy), ScoreOverrideBook.CreateInitialState);
    }

    /// <summary>Sets an override (see <see cref="ScoreOverrideBook.Set"/>); it is in force from the clock's now.</summary>
    /// <param name="actor">The author.</param>
    /// <param name="account">The account.</param>
    /// <param name="customerId">The customer record.</param>
    /// <param name="scoreId">The score.</param>
    /// <param name="score">The score to show, or null.</param>
    /// <param name="status">The status to show, or null.</param>
    /// <param name="reason">Why.</param>
    /// <param name="expiresAt">When it ends.</param>
    /// <param name="expectedVersion">The book's version the person saw, or null.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The override with the book's version and the event, or a refusal.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public Task<Result<Change<ScoreOverride>>> SetAsync(Actor actor, AccountContext account, RecordId customerId, HealthScoreId scoreId, int? score, HealthStatus? status, string reason, Instant expiresAt, VersionToken? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        return _books.ExecuteAsync(account.PortalId, (book, now) => book.Set(actor, account, customerId, scoreId, score, status, reason, expiresAt, now), expectedVersion, cancellationToken);
    }

    /// <summary>Removes an override (see <see cref="ScoreOverrideBook.Remove"/>).</summary>
    /// <param name="actor">Who removes it.</param>
    /// <param name="account">The account.</param>
    /// <param name="customerId">The customer record.</param>
    /// <param name="scoreId">The score.</param>
    /// <param name="expectedVersion">The book's version the person saw, or null.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The removed override with the book's version and the event, or a refusal.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="account"/> is <see langword="null"/>.</exception>
    public Task<Result<Change<ScoreOverride>>> RemoveAsync(Actor actor, AccountContext account, RecordId customerId, HealthScoreId scoreId, VersionToken? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        return _books.ExecuteAsync(account.PortalId, (book, now) => book.Remove(actor, account, customerId, scoreId, now), expectedVersion, cancellationToken);
    }

    /// <summary>Lists the overrides in force at an instant, to apply to a scoring run of that instant.</summary>
    /// <param name="actor">Who reads them: needs <see cref="CsOperation.ViewHealthScoreCard"/>.</param>
    /// <param name="account">The account.</param>
    /// <param name="asOf">The instant (a run's <see cref="ScoringRun.ScoredAt"/>).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The overrides, or <c>access.*</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="account"/> is <see langword="null"/>.</exception>
    public async Task<Result<System.Collections.Immutable.ImmutableArray<ScoreOverride>>> ListInForceAsync(Actor actor, AccountContext account, Instant asOf, CancellationToken cancellationToken = default)
    {
        if (_context.Policy.Authorize(actor, account, CsOperation.ViewHealthScoreCard) is { IsFailure: true } denied)
        {
            return denied.Error;
        }

        var loaded = await _books.LoadAsync(account.PortalId, cancellationToken).ConfigureAwait(false);
        return loaded.State.InForceAt(asOf);
    }
}
