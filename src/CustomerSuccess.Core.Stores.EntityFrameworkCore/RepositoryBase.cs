using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.Core.Specification;
using Microsoft.EntityFrameworkCore;

namespace CustomerSuccess.Core.Stores.EntityFrameworkCore;

/// <summary>
/// An Ardalis-style repository over any EF Core <see cref="Microsoft.EntityFrameworkCore.DbContext"/>: implements
/// <see cref="IRepositoryBase{T}"/> by applying specifications with <see cref="ISpecificationEvaluator"/> (standard LINQ
/// operators only, translated to SQL by the provider).
/// </summary>
/// <typeparam name="T">The entity type, mapped by the context.</typeparam>
/// <remarks>
/// <para>Counts and existence checks apply the specification's filters only, never its ordering or paging. Writes save
/// at once and return the number of rows written, as in Ardalis.Specification 9: <see cref="DeleteRangeAsync(ISpecification{T}, CancellationToken)"/>
/// is one <c>DELETE … WHERE</c> (<c>ExecuteDeleteAsync</c>) when the specification does not page, and loads then removes
/// the matches when it does. Reads are not tracked. EF Core evaluates nothing on the client: a filter that cannot be
/// translated throws.</para>
/// <para>Derive per aggregate root: <c>public sealed class AccountRepository(MyDbContext db) : RepositoryBase&lt;Account&gt;(db);</c></para>
/// <threadsafety>Not thread-safe, like the <see cref="Microsoft.EntityFrameworkCore.DbContext"/> it wraps: one repository
/// per scope.</threadsafety>
/// </remarks>
public abstract class RepositoryBase<T> : IRepositoryBase<T>
    where T : class
{
    /// <summary>Initializes the repository with <see cref="Specification.SpecificationEvaluator.Default"/>.</summary>
    /// <param name="dbContext">The context.</param>
    /// <exception cref="ArgumentNullException"><paramref name="dbContext"/> is <see langword="null"/>.</exception>
    protected RepositoryBase(DbContext dbContext)
        : this(dbContext, Specification.SpecificationEvaluator.Default)
    {
    }

    /// <summary>Initializes the repository.</summary>
    /// <param name="dbContext">The context.</param>
    /// <param name="specificationEvaluator">The evaluator that applies specifications to queries.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    protected RepositoryBase(DbContext dbContext, ISpecificationEvaluator specificationEvaluator)
    {
        ArgumentNullException.ThrowIfNull(dbContext);
        ArgumentNullException.ThrowIfNull(specificationEvaluator);
        DbContext = dbContext;
        SpecificationEvaluator = specificationEvaluator;
    }

    /// <summary>Gets the context.</summary>
    protected DbContext DbContext { get; }

    /// <summary>Gets the evaluator that applies specifications.</summary>
    protected ISpecificationEvaluator SpecificationEvaluator { get; }

    /// <inheritdoc/>
    public virtual async Task<T> AddAsync(T entity, CancellationToken cancellationToken = default)
    {
        DbContext.Set<T>().Add(entity);
        await SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return entity;
    }

    /// <inheritdoc/>
    public virtual async Task<IEnumerable<T>> AddRangeAsync(IEnumerable<T> entities, CancellationToken cancellationToken = default)
    {
        DbContext.Set<T>().AddRange(entities);
        await SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return entities;
    }

    /// <inheritdoc/>
    public virtual Task<int> UpdateAsync(T entity, CancellationToken cancellationToken = default)
    {
        DbContext.Set<T>().Update(entity);
        return SaveChangesAsync(cancellationToken);
    }

    /// <inheritdoc/>
    public virtual Task<int> UpdateRangeAsync(IEnumerable<T> entities, CancellationToken cancellationToken = default)
    {
        DbContext.Set<T>().UpdateRange(entities);
        return SaveChangesAsync(cancellationToken);
    }

    /// <inheritdoc/>
    public virtual Task<int> DeleteAsync(T entity, CancellationToken cancellationToken = default)
    {
        DbContext.Set<T>().Remove(entity);
        return SaveChangesAsync(cancellationToken);
    }

    /// <inheritdoc/>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "Ardalis.Specification parity.")]
    public virtual Task<int> DeleteRangeAsync(IEnumerable<T> entities, CancellationToken cancellationToken = default)
    {
        DbContext.Set<T>().RemoveRange(entities);
        return SaveChangesAsync(cancellationToken);
    }

    /// <inheritdoc/>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "Ardalis.Specification parity.")]
    public virtual async Task<int> DeleteRangeAsync(ISpecification<T> specification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(specification);
        if (specification.Skip < 0 && specification.Take < 0)
        {
            return await ApplySpecification(specification, evaluateCriteriaOnly: true).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        }

        var matches = await ApplySpecification(specification).AsTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        DbContext.Set<T>().RemoveRange(matches);
        return await SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public virtual Task<int> SaveChangesAsync(CancellationToken cancellationToken = default) => DbContext.SaveChangesAsync(cancellationToken);

    /// <inheritdoc/>
    public virtual async Task<T?> GetByIdAsync<TId>(TId id, CancellationToken cancellationToken = default)
        where TId : notnull =>
        await DbContext.Set<T>().FindAsync([id], cancellationToken).ConfigureAwait(false);

    /// <inheritdoc/>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "Ardalis.Specification parity.")]
    public virtual Task<T?> FirstOrDefaultAsync(ISpecification<T> specification, CancellationToken cancellationToken = default) =>
        ApplySpecification(specification).FirstOrDefaultAsync(cancellationToken);

    /// <inheritdoc/>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "Ardalis.Specification parity.")]
    public virtual Task<TResult?> FirstOrDefaultAsync<TResult>(ISpecification<T, TResult> specification, CancellationToken cancellationToken = default) =>
        ApplySpecification(specification).FirstOrDefaultAsync(cancellationToken);

    /// <inheritdoc/>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "Ardalis.Specification parity.")]
    public virtual Task<T?> SingleOrDefaultAsync(ISingleResultSpecification<T> specification, CancellationToken cancellationToken = default) =>
        ApplySpecification(specification).SingleOrDefaultAsync(cancellationToken);

    /// <inheritdoc/>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "Ardalis.Specification parity.")]
    public virtual Task<TResult?> SingleOrDefaultAsync<TResult>(ISingleResultSpecification<T, TResult> specification, CancellationToken cancellationToken = default) =>
        ApplySpecification(specification).SingleOrDefaultAsync(cancellationToken);

    /// <inheritdoc/>
    [SuppressMessage("Design", "CA1002:Do not expose generic lists", Justification = "Ardalis.Specification parity.")]
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "Ardalis.Specification parity.")]
    public virtual Task<List<T>> ListAsync(CancellationToken cancellationToken = default) =>
        DbContext.Set<T>().AsNoTracking().ToListAsync(cancellationToken);

    /// <inheritdoc/>
    [SuppressMessage("Design", "CA1002:Do not expose generic lists", Justification = "Ardalis.Specification parity.")]
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "Ardalis.Specification parity.")]
    public virtual Task<List<T>> ListAsync(ISpecification<T> specification, CancellationToken cancellationToken = default) =>
        ApplySpecification(specification).ToListAsync(cancellationToken);

    /// <inheritdoc/>
    [SuppressMessage("Design", "CA1002:Do not expose generic lists", Justification = "Ardalis.Specification parity.")]
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "Ardalis.Specification parity.")]
    public virtual Task<List<TResult>> ListAsync<TResult>(ISpecification<T, TResult> specification, CancellationToken cancellationToken = default) =>
        ApplySpecification(specification).ToListAsync(cancellationToken);

    /// <inheritdoc/>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "Ardalis.Specification parity.")]
    public virtual Task<int> CountAsync(ISpecification<T> specification, CancellationToken cancellationToken = default) =>
        ApplySpecification(specification, evaluateCriteriaOnly: true).CountAsync(cancellationToken);

    /// <inheritdoc/>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "Ardalis.Specification parity.")]
    public virtual Task<int> CountAsync(CancellationToken cancellationToken = default) => DbContext.Set<T>().CountAsync(cancellationToken);

    /// <inheritdoc/>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "Ardalis.Specification parity.")]
    public virtual Task<bool> AnyAsync(ISpecification<T> specification, CancellationToken cancellationToken = default) =>
        ApplySpecification(specification, evaluateCriteriaOnly: true).AnyAsync(cancellationToken);

    /// <inheritdoc/>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "Ardalis.Specification parity.")]
    public virtual Task<bool> AnyAsync(CancellationToken cancellationToken = default) => DbContext.Set<T>().AnyAsync(cancellationToken);

    /// <inheritdoc/>
    public virtual IAsyncEnumerable<T> AsAsyncEnumerable(ISpecification<T> specification) => ApplySpecification(specification).AsAsyncEnumerable();

    /// <summary>Applies a specification to the entity set, untracked.</summary>
    /// <param name="specification">The specification.</param>
    /// <param name="evaluateCriteriaOnly"><see langword="true"/> to apply the filters only.</param>
    /// <returns>The composed query.</returns>
    protected virtual IQueryable<T> ApplySpecification(ISpecification<T> specification, bool evaluateCriteriaOnly = false)
    {
        ArgumentNullException.ThrowIfNull(specification);
        return SpecificationEvaluator.GetQuery(DbContext.Set<T>().AsNoTracking(), specification, evaluateCriteriaOnly);
    }

    /// <summary>Applies a projecting specification to the entity set: the provider reads only the projected columns.</summary>
    /// <typeparam name="TResult">The projected type.</typeparam>
    /// <param name="specification">The specification.</param>
    /// <returns>The composed, projected query.</returns>
    protected virtual IQueryable<TResult> ApplySpecification<TResult>(ISpecification<T, TResult> specification)
    {
        ArgumentNullException.ThrowIfNull(specification);
        return SpecificationEvaluator.GetQuery(DbContext.Set<T>().AsNoTracking(), specification);
    }
}
