using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Core.Filters;
using CustomerSuccess.Core.Records;
using NodaTime;

namespace CustomerSuccess.Core.Views;

/// <summary>
/// The quick filters above a record list (rule 43; rules 50–52 for the pipeline tabs): create date, last activity date
/// and owner. Each is an ordinary <see cref="PropertyFilter"/>, combined with the view's own filter by
/// <see cref="Combine"/> (AND), so the same compiler, the same rules and the same translation apply.
/// </summary>
/// <remarks>Date quick filters are calendar dates in the viewer's zone, both days included (see
/// <see cref="FilterCompiler"/>).</remarks>
public static class QuickFilters
{
    /// <summary>Records created on a day from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    /// <param name="from">The first day.</param>
    /// <param name="to">The last day.</param>
    /// <returns>The condition.</returns>
    public static PropertyFilter CreatedBetween(LocalDate from, LocalDate to) =>
        ViewFilter.Condition(RecordFilterTarget.CreatedAt, FilterOperator.Between, FilterValue.Date(from), FilterValue.Date(to));

    /// <summary>Records created today or in the <paramref name="days"/> days before.</summary>
    /// <param name="days">N, 0 to <see cref="FilterCompiler.MaxRelativeDays"/>.</param>
    /// <returns>The condition.</returns>
    public static PropertyFilter CreatedInLastDays(int days) =>
        ViewFilter.Condition(RecordFilterTarget.CreatedAt, FilterOperator.InLastDays, FilterValue.Number(days));

    /// <summary>Records whose last activity was on a day from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    /// <param name="from">The first day.</param>
    /// <param name="to">The last day.</param>
    /// <returns>The condition.</returns>
    public static PropertyFilter LastActivityBetween(LocalDate from, LocalDate to) =>
        ViewFilter.Condition(RecordFilterTarget.LastActivityAt, FilterOperator.Between, FilterValue.Date(from), FilterValue.Date(to));

    /// <summary>Records whose last activity was today or in the <paramref name="days"/> days before.</summary>
    /// <param name="days">N, 0 to <see cref="FilterCompiler.MaxRelativeDays"/>.</param>
    /// <returns>The condition.</returns>
    public static PropertyFilter LastActivityInLastDays(int days) =>
        ViewFilter.Condition(RecordFilterTarget.LastActivityAt, FilterOperator.InLastDays, FilterValue.Number(days));

    /// <summary>Records whose CSM owner is the viewer.</summary>
    /// <returns>The condition.</returns>
    public static PropertyFilter OwnerIsMe() => ViewFilter.Condition(RecordFilterTarget.CsmOwner, FilterOperator.IsMe);

    /// <summary>Records whose CSM owner is one of <paramref name="owners"/>.</summary>
    /// <param name="owners">One or more users.</param>
    /// <returns>The condition.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="owners"/> is <see langword="null"/>.</exception>
    public static PropertyFilter OwnerIsAnyOf(params IEnumerable<UserId> owners)
    {
        ArgumentNullException.ThrowIfNull(owners);
        return ViewFilter.Condition(RecordFilterTarget.CsmOwner, FilterOperator.IsAnyOf, owners.Select(FilterValue.User));
    }

    /// <summary>Combines a view's filter with quick filters: every one must match (AND).</summary>
    /// <param name="viewFilter">The view's filter, or <see langword="null"/>.</param>
    /// <param name="quickFilters">The quick filters in use (may be empty).</param>
    /// <returns><see langword="null"/> when there is nothing to filter by; the single filter when there is one; otherwise
    /// an AND group of them all.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="quickFilters"/> or an element is <see langword="null"/>.</exception>
    public static ViewFilter? Combine(ViewFilter? viewFilter, IEnumerable<ViewFilter> quickFilters)
    {
        ArgumentNullException.ThrowIfNull(quickFilters);
        List<ViewFilter> all = viewFilter is null ? [] : [viewFilter];
        foreach (var quick in quickFilters)
        {
            ArgumentNullException.ThrowIfNull(quick, nameof(quickFilters));
            all.Add(quick);
        }

        return all.Count switch
        {
            0 => null,
            1 => all[0],
            _ => ViewFilter.And(all),
        };
    }
}
