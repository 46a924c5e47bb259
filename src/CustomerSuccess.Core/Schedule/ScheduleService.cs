using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.Core.Access;
using CustomerSuccess.Core.Records;
using CustomerSuccess.Core.Tasks;
using NodaTime;

namespace CustomerSuccess.Core.Schedule;

/// <summary>
/// The schedule (rules 38, 60–63): a user's meetings (through <see cref="IMeetingQuery"/>) and tasks (through
/// <see cref="ITaskQuery"/>, those assigned to them and due in the period) on a calendar period, the Summary tab's
/// schedule card for today, and the side panel: the contacts met today and the recently used playbooks (through
/// <see cref="IPlaybookUsageQuery"/>). Read only: meetings and playbooks are the CRM's, tasks change through the task
/// service.
/// </summary>
/// <remarks>
/// <para>The Schedule tab needs <see cref="CsOperation.UseWorkspaceTabs"/>; the Summary card
/// (<see cref="GetTodayAsync"/>) needs <see cref="CsOperation.ViewSummaryTab"/>. The actor is the user whose schedule
/// is shown (for "view as user", the viewed user). An item is shown when it takes place on a day the period shows
/// (hidden weekend days are not shown) and its kind is asked for.</para>
/// <threadsafety>Thread-safe if the ports are.</threadsafety>
/// </remarks>
public sealed class ScheduleService
{
    private readonly ITaskQuery _tasks;
    private readonly IMeetingQuery _meetings;
    private readonly IPlaybookUsageQuery _playbooks;
    private readonly ServiceContext _context;

    /// <summary>How many recently used playbooks the side panel lists when the caller does not say (rule 62 names the
    /// list, not its length; five is this library's reading).</summary>
    public const int DefaultRecentPlaybooks = 5;

    /// <summary>Initializes the service.</summary>
    /// <param name="tasks">The task query.</param>
    /// <param name="meetings">The meeting query.</param>
    /// <param name="playbooks">The playbook usage query.</param>
    /// <param name="context">The access policy and the clock.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public ScheduleService(ITaskQuery tasks, IMeetingQuery meetings, IPlaybookUsageQuery playbooks, ServiceContext context)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentNullException.ThrowIfNull(meetings);
        ArgumentNullException.ThrowIfNull(playbooks);
        ArgumentNullException.ThrowIfNull(context);
        _tasks = tasks;
        _meetings = meetings;
        _playbooks = playbooks;
        _context = context;
    }

    /// <summary>Returns the actor's meetings and tasks on a calendar period (rules 60, 61).</summary>
    /// <param name="actor">The user whose schedule it is.</param>
    /// <param name="account">The account.</param>
    /// <param name="request">The period and the kinds shown.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The page, or <c>access.*</c>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<Result<SchedulePage>> GetScheduleAsync(Actor actor, AccountContext account, ScheduleRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_context.Policy.Authorize(actor, account, CsOperation.UseWorkspaceTabs) is { IsFailure: true } denied)
        {
            return denied.Error;
        }

        return await LoadAsync(actor, account, request.Period, request.Kinds, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Returns the Summary tab's schedule card (rule 38): the actor's meetings and tasks of today in their zone.</summary>
    /// <param name="actor">The user whose schedule it is.</param>
    /// <param name="account">The account.</param>
    /// <param name="zone">The viewer's zone.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>Today's page, or <c>access.*</c>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<Result<SchedulePage>> GetTodayAsync(Actor actor, AccountContext account, DateTimeZone zone, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (_context.Policy.Authorize(actor, account, CsOperation.ViewSummaryTab) is { IsFailure: true } denied)
        {
            return denied.Error;
        }

        var today = CalendarPeriod.Current(_context.Clock.GetCurrentInstant(), CalendarMode.Day, zone);
        return await LoadAsync(actor, account, today, ScheduleKinds.All, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Returns the contacts the actor has meetings with today in their zone (rule 62), each once, in the order
    /// of their first meeting.</summary>
    /// <param name="actor">The user.</param>
    /// <param name="account">The account.</param>
    /// <param name="zone">The viewer's zone.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The contact records, or <c>access.*</c>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<Result<IReadOnlyList<RecordId>>> GetContactsMetTodayAsync(Actor actor, AccountContext account, DateTimeZone zone, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (_context.Policy.Authorize(actor, account, CsOperation.UseWorkspaceTabs) is { IsFailure: true } denied)
        {
            return denied.Error;
        }

        var today = CalendarRange.Day(CalendarRange.DateOf(_context.Clock.GetCurrentInstant(), zone), zone);
        var meetings = await _meetings.ListAsync(new MeetingQuery(account.PortalId, actor.UserId, today), cancellationToken).ConfigureAwait(false);
        IReadOnlyList<RecordId> contacts = [.. meetings.OrderBy(m => m.Start).ThenBy(m => m.Id).SelectMany(m => m.ContactIds).Distinct()];
        return Result.Success(contacts);
    }

    /// <summary>Returns the playbooks the actor used most recently (rule 62's side panel): each playbook once, as its
    /// latest use up to now, most recent first.</summary>
    /// <param name="actor">The user.</param>
    /// <param name="account">The account.</param>
    /// <param name="limit">How many at most, 1 to <see cref="RecentPlaybooksQuery.MaxLimit"/>; default
    /// <see cref="DefaultRecentPlaybooks"/>.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The latest use of each playbook, or <c>access.*</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is outside 1 to
    /// <see cref="RecentPlaybooksQuery.MaxLimit"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<Result<IReadOnlyList<PlaybookUse>>> GetRecentPlaybooksAsync(Actor actor, AccountContext account, int limit = DefaultRecentPlaybooks, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(account);

        // The query checks the limit (one place for the 1..MaxLimit rule), before access is decided.
        var query = new RecentPlaybooksQuery(account.PortalId, actor.UserId, _context.Clock.GetCurrentInstant(), limit);
        if (_context.Policy.Authorize(actor, account, CsOperation.UseWorkspaceTabs) is { IsFailure: true } denied)
        {
            return denied.Error;
        }

        // The port is the application's (over its own CRM data): its answer is held to the query's contract here, so
        // another portal's or user's uses, or more than the limit, never reach the caller.
        var uses = await _playbooks.ListRecentAsync(query, cancellationToken).ConfigureAwait(false);
        return Result.Success(query.Select(uses));
    }

    private async Task<SchedulePage> LoadAsync(Actor actor, AccountContext account, CalendarPeriod period, ScheduleKinds kinds, CancellationToken cancellationToken)
    {
        var range = period.Range;
        List<ScheduleItem> items = [];
        if (kinds.HasFlag(ScheduleKinds.Meetings))
        {
            var meetings = await _meetings.ListAsync(new MeetingQuery(account.PortalId, actor.UserId, range), cancellationToken).ConfigureAwait(false);
            items.AddRange(meetings.Select(ScheduleItem.For));
        }

        if ((kinds & ScheduleKinds.Tasks) != ScheduleKinds.None)
        {
            var spec = new TasksDueInSpec(range, actor.UserId);
            for (var number = 1; ; number++)
            {
                var page = await _tasks.QueryAsync(new TaskQuery(account.PortalId, spec, PageRequest.Create(number, PageRequest.MaxPageSize)) { IncludeTotal = false }, cancellationToken).ConfigureAwait(false);
                items.AddRange(page.Items.Select(t => ScheduleItem.For(t.State)).Where(i => kinds.HasFlag(i.Kind)));
                if (page.Items.Count < PageRequest.MaxPageSize)
                {
                    break;
                }
            }
        }

        var days = period.Days.Select(period.DayRange).ToList();
        return new SchedulePage(
            period,
            [.. items
                .Where(i => days.Exists(i.Overlaps))
                .OrderBy(i => i.Start)
                .ThenBy(i => i.Meeting is null ? 1 : 0)
                .ThenBy(i => i.Meeting?.Id.Value ?? i.Task!.Id.Value)]);
    }
}
