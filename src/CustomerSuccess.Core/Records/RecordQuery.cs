using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Core.Crm;
using CustomerSuccess.Core.Specification;

namespace CustomerSuccess.Core.Records;

/// <summary>One request to an <see cref="IRecordQuery"/>: which portal and object to read, the filters and order, and
/// the page.</summary>
/// <remarks>The portal and the object are part of the request, not of the specification, so a store scopes every query
/// to one tenant by construction: a record of another portal is never read, counted or returned.
/// <threadsafety>Immutable; thread-safe.</threadsafety></remarks>
public sealed record RecordQuery
{
    /// <summary>Initializes a request.</summary>
    /// <param name="portalId">The portal whose records are read.</param>
    /// <param name="objectType">The object whose records are read.</param>
    /// <param name="specification">Filters and ordering (no skip or take).</param>
    /// <param name="page">The page.</param>
    /// <exception cref="ArgumentException"><paramref name="portalId"/> or <paramref name="objectType"/> is
    /// <c>default</c>, <paramref name="specification"/> sets skip or take, or <paramref name="page"/> is <c>default</c>.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="specification"/> is <see langword="null"/>.</exception>
    public RecordQuery(PortalId portalId, CrmObjectType objectType, ISpecification<CrmRecord> specification, PageRequest page)
    {
        if (portalId.IsDefault)
        {
            throw new ArgumentException("The portal id must not be default.", nameof(portalId));
        }

        CrmObjectType.ThrowIfDefault(objectType, nameof(objectType));
        ArgumentNullException.ThrowIfNull(specification);
        if (specification.Skip >= 0 || specification.Take >= 0)
        {
            throw new ArgumentException("Paging comes from the page request: the specification must not set Skip or Take.", nameof(specification));
        }

        if (page.PageSize <= 0)
        {
            throw new ArgumentException("The page request is default; use PageRequest.Create.", nameof(page));
        }

        PortalId = portalId;
        ObjectType = objectType;
        Specification = specification;
        Page = page;
    }

    /// <summary>Gets the portal whose records are read.</summary>
    public PortalId PortalId { get; }

    /// <summary>Gets the object whose records are read.</summary>
    public CrmObjectType ObjectType { get; }

    /// <summary>Gets the filters and ordering.</summary>
    public ISpecification<CrmRecord> Specification { get; }

    /// <summary>Gets the page.</summary>
    public PageRequest Page { get; }

    /// <summary>Gets the property-bag properties to read for each returned record (the columns a view shows), or
    /// <see langword="null"/> for all of them. The record's members are always read; filters and sorts are unaffected.</summary>
    /// <value>Default <see langword="null"/> (the whole bag). A store returns, in each record's
    /// <see cref="CrmRecord.Properties"/>, only the rows of these names, so a SQL store reads only those rows.</value>
    /// <exception cref="ArgumentException">A name is null, empty or white space.</exception>
    public IReadOnlyCollection<string>? Columns
    {
        get => _columns;
        init
        {
            if (value is not null && value.Any(string.IsNullOrWhiteSpace))
            {
                throw new ArgumentException("A column name must not be blank.", nameof(Columns));
            }

            _columns = value is null ? null : [.. value.Distinct(StringComparer.Ordinal)];
        }
    }

    private readonly IReadOnlyCollection<string>? _columns;

    /// <summary>Keeps only the shown columns of a record's property bag (<see cref="Columns"/>); the record itself when
    /// every column is read. For stores that filter in memory.</summary>
    /// <param name="record">A record the query returns.</param>
    /// <returns>The record with its bag narrowed to <see cref="Columns"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is <see langword="null"/>.</exception>
    public CrmRecord Project(CrmRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return _columns is null ? record : record with { Properties = [.. record.Properties.Where(p => _columns.Contains(p.Name))] };
    }
}
