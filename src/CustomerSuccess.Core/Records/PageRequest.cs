using System;

namespace CustomerSuccess.Core.Records;

/// <summary>Which page of a record list to return.</summary>
/// <remarks>Pages are numbered from 1. <c>default</c> is not valid (page 0 of size 0); use <see cref="Create"/> or
/// <see cref="First"/>.
/// <threadsafety>Immutable value type; thread-safe.</threadsafety></remarks>
public readonly record struct PageRequest
{
    /// <summary>The largest page size a caller may ask for.</summary>
    public const int MaxPageSize = 500;

    private PageRequest(int pageNumber, int pageSize)
    {
        PageNumber = pageNumber;
        PageSize = pageSize;
    }

    /// <summary>Gets the 1-based page number.</summary>
    public int PageNumber { get; }

    /// <summary>Gets the number of records per page, 1 to <see cref="MaxPageSize"/>.</summary>
    public int PageSize { get; }

    /// <summary>Gets how many records come before this page: <c>(PageNumber - 1) * PageSize</c>.</summary>
    public int Skip => (PageNumber - 1) * PageSize;

    /// <summary>Creates a page request.</summary>
    /// <param name="pageNumber">The 1-based page number.</param>
    /// <param name="pageSize">The page size, 1 to <see cref="MaxPageSize"/>.</param>
    /// <returns>The request.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pageNumber"/> is below 1, the skip count would overflow,
    /// or <paramref name="pageSize"/> is outside 1 to <see cref="MaxPageSize"/>.</exception>
    public static PageRequest Create(int pageNumber, int pageSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageNumber, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MaxPageSize);
        if ((long)(pageNumber - 1) * pageSize > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(pageNumber), pageNumber, "The page starts beyond the largest record position.");
        }
        return new PageRequest(pageNumber, pageSize);
    }

    /// <summary>Creates a request for the first page.</summary>
    /// <param name="pageSize">The page size, 1 to <see cref="MaxPageSize"/>.</param>
    /// <returns>The request.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pageSize"/> is outside 1 to <see cref="MaxPageSize"/>.</exception>
    public static PageRequest First(int pageSize) => Create(1, pageSize);
}
