using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.Core.Access;
using CustomerSuccess.Core.HealthScores.History;
using CustomerSuccess.Core.Scores;

namespace CustomerSuccess.Core.Alerts;

/// <summary>
/// The application service for health-score alerts: a thin adapter that loads the portal's <see cref="AlertBook"/> from
/// an <see cref="IAlertBookStore"/>, runs one operation and saves it by compare-and-set (<see cref="OptimisticCommand"/>).
/// The rules and their refusals are the aggregate's.
/// </summary>
/// <remarks>
/// <para>Raising (<see cref="RaiseAsync"/>) and expiring (<see cref="ExpireAsync"/>) are server-side system commands: on
/// a conflict they re-run on the fresh book within <see cref="ServiceContext.Retry"/>, so a dismissal and a run never
/// lose each other's changes. Raising reads the portal's health-score catalogue (read only): a run of a score that is
/// not active raises nothing (<c>alert.no_health_score</c>, rule 35).</para>
/// <threadsafety>Thread-safe if the stores are.</threadsafety>
/// </remarks>
public sealed class AlertService
{
    private readonly AggregateRepository<PortalId, AlertBookState, AlertBook> _books;
    private readonly IHealthScoreCatalogStore _scores;
    private readonly ServiceContext _context;

    /// <summary>Initializes the service.</summary>
    /// <param name="store">The alert books.</param>
    /// <param name="scores">The health-score catalogues (read only): which scores are active.</param>
    /// <param name="context">The access policy, clock, event dispatcher and retry budget.</param>
    /// <param name="options">Limits and anti-flapping; null for <see cref="AlertOptions.Default"/>. Validated and copied.</param>
    /// <exception cref="ArgumentNullException"><paramref name="store"/>, <paramref name="scores"/> or <paramref name="context"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public AlertService(IAlertBookStore store, IHealthScoreCatalogStore scores, ServiceContext context, AlertOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(context);
        var validated = (options ?? AlertOptions.Default).Validated();
        _scores = scores;
        _context = context;
        _books = new(store, context, state => new AlertBook(state, context.Policy, validated), AlertBook.CreateInitialState);
    }

    /// <summary>Raises the alerts of a recorded run's status changes (see <see cref="AlertBook.Raise"/>).</summary>
    /// <param name="actor">The integration's user that records runs: needs <see cref="CsOperation.ManageHealthScores"/>.
    /// The events still name <see cref="Initiator.System"/>: a run, not a person, raised the alerts.</param>
    /// <param name="account">The account.</param>
    /// <param name="changes">The changes <see cref="ScoreHistory.Record"/> returned.</param>
    /// <param name="expectedVersion">The book's version the caller saw, or null (usual: a server-side command that
    /// re-runs on conflicts).</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The report with the book's new version and the events, or <c>access.*</c>, <c>alert.no_health_score</c>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public async Task<Result<Change<AlertRaiseReport>>> RaiseAsync(Actor actor, AccountContext account, StatusChangeSet changes, VersionToken? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (_context.Policy.Authorize(actor, account, CsOperation.ManageHealthScores) is { IsFailure: true } denied)
        {
            return denied.Error;
        }

        var catalog = await _scores.LoadAsync(account.PortalId, cancellationToken).ConfigureAwait(false);
        if (catalog is null || !catalog.State.ActiveScores.Any(s => s.Id == changes.ScoreId))
        {
            return AlertErrors.NoHealthScore(changes.ScoreId);
        }

        return await _books.ExecuteAsync(account.PortalId, (book, now) => book.Raise(changes, now), expectedVersion, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Dismisses one of the actor's alerts (see <see cref="AlertBook.Dismiss"/>).</summary>
    /// <param name="actor">The alert's owner.</param>
    /// <param name="account">The account.</param>
    /// <param name="alertId">The alert.</param>
    /// <param name="expectedVersion">The book's version the person saw, or null.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The dismissed alert with the book's new version and the event, or a refusal.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="account"/> is <see langword="null"/>.</exception>
    public Task<Result<Change<Alert>>> DismissAsync(Actor actor, AccountContext account, AlertId alertId, VersionToken? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(account);
        return _books.ExecuteAsync(account.PortalId, (book, now) => book.Dismiss(actor, account, alertId, now), expectedVersion, cancellationToken);
    }

    /// <summary>Expires every alert whose lifetime is over (see <see cref="AlertBook.Expire"/>); for a scheduler.</summary>
    /// <param name="actor">The scheduler's user: needs <see cref="CsOperation.ManageHealthScores"/>. The events name
    /// <see cref="Initiator.System"/>: time, not a person, ended the alerts.</param>
    /// <param name="account">The account.</param>
    /// <param name="expectedVersion">The book's version the caller saw, or null (usual).</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>How many alerts expired, with the book's version and the events, or <c>access.*</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="account"/> is <see langword="null"/>.</exception>
    public async Task<Result<Change<int>>> ExpireAsync(Actor actor, AccountContext account, VersionToken? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        if (_context.Policy.Authorize(actor, account, CsOperation.ManageHealthScores) is { IsFailure: true } denied)
        {
            return denied.Error;
        }

        return await _books.ExecuteAsync(account.PortalId, (book, now) => book.Expire(now), expectedVersion, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Lists an owner's alerts active at an instant, newest first (see <see cref="AlertBook.ListActive"/>).</summary>
    /// <param name="actor">Who asks.</param>
    /// <param name="account">The account.</param>
    /// <param name="ownerId">Whose alerts.</param>
    /// <param name="asOf">The as-of instant (typically now, read by the caller from its clock).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The alerts, or <c>access.*</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="account"/> is <see langword="null"/>.</exception>
    public async Task<Result<ImmutableArray<Alert>>> ListActiveAsync(Actor actor, AccountContext account, UserId ownerId, NodaTime.Instant asOf, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(account);
        var (book, _) = await _books.RestoreAsync(account.PortalId, cancellationToken).ConfigureAwait(false);
        return book.ListActive(actor, account, ownerId, asOf);
    }
}
