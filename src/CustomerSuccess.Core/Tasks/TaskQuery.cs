using System;
using System.Collections.Generic;
using CustomerSuccess.Core.Records;
using CustomerSuccess.Core.Specification;

namespace CustomerSuccess.Core.Tasks;

/// <summary>One request to an <see cref="ITaskQuery"/>: which portal to read, the filters and order, and the page.</summary>
/// <remarks>The portal is part of the request, not of the specification, so a store scopes every query to one tenant
/// by construction. <threadsafety>Immutable; thread-safe.</threadsafety></remarks>
public sealed record TaskQuery
{
    /// <summary>Initializes a request.</summary>
    /// <param name="portalId">The portal whose tasks are read.</param>
    /// <param name="specification">Filters and ordering (no skip or take).</param>
    /// <param name="page">The page.</param>
    /// <exception cref="ArgumentException"><paramref name="portalId"/> is <c>default</c>, <paramref name="specification"/>
    /// sets skip or take, or <paramref name="page"/> is <c>default</c>.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="specification"/> is <see langword="null"/>.</exception>
    public TaskQuery(PortalId portalId, ISpecification<TaskState> specification, PageRequest page)
    {
        CheckScope(portalId, specification);
        if (page.PageSize <= 0)
        {
            throw new ArgumentException("The page request is default; use PageRequest.Create.", nameof(page));
        }

        PortalId = portalId;
        Specification = specification;
        Page = page;
    }

    /// <summary>Gets the portal whose tasks are read.</summary>
    public PortalId PortalId { get; }

    /// <summary>Gets the filters and ordering.</summary>
    public ISpecification<TaskState> Specification { get; }

    /// <summary>Gets the page.</summary>
    public PageRequest Page { get; }

    /// <summary>Gets a value indicating whether the total number of matches is counted.</summary>
    /// <value>Default <see langword="true"/>; <see langword="false"/> saves the count when only the page is needed
    /// (<see cref="TaskPage.TotalCount"/> is then <see langword="null"/>).</value>
    public bool IncludeTotal { get; init; } = true;

    /// <summary>Checks the scope of a task query (for implementations of <see cref="ITaskQuery.CountAsync"/> too).</summary>
    /// <param name="portalId">The portal.</param>
    /// <param name="specification">The specification.</param>
    /// <exception cref="ArgumentException"><paramref name="portalId"/> is <c>default</c>, or <paramref name="specification"/>
    /// sets skip or take.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="specification"/> is <see langword="null"/>.</exception>
    public static void CheckScope(PortalId portalId, ISpecification<TaskState> specification)
    {
        if (portalId.IsDefault)
        {
            throw new ArgumentException("The portal id must not be default.", nameof(portalId));
        }

        ArgumentNullException.ThrowIfNull(specification);
        if (specification.Skip >= 0 || specification.Take >= 0)
        {
            throw new ArgumentException("Paging comes from the page request: the specification must not set Skip or Take.", nameof(specification));
        }
    }
}

/// <summary>One page of a task list, each task with its version, and the number of tasks matching the filter on all
/// pages.</summary>
/// <param name="Items">The tasks of the page, in the specification's order, each with its version.</param>
/// <param name="TotalCount">How many tasks match the filter (ignoring paging), or <see langword="null"/> when the query
/// did not ask for it (<see cref="TaskQuery.IncludeTotal"/>).</param>
/// <param name="Page">The page that was asked for.</param>
public sealed record TaskPage(IReadOnlyList<Versioned<TaskState>> Items, int? TotalCount, PageRequest Page);
