using System;
using System.Collections.Generic;

namespace CustomerSuccess.Core.Records;

/// <summary>One page of a record list and the number of records matching the filter on all pages.</summary>
/// <param name="Items">The records of the page, in the specification's order.</param>
/// <param name="TotalCount">How many records match the filter (ignoring paging).</param>
/// <param name="Page">The page that was asked for.</param>
public sealed record RecordPage(IReadOnlyList<CrmRecord> Items, int TotalCount, PageRequest Page)
{
    /// <summary>Gets the number of pages, at least 1.</summary>
    public int PageCount => Math.Max(1, (int)Math.Ceiling(TotalCount / (double)Math.Max(1, Page.PageSize)));
}
