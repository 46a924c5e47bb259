using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace CustomerSuccess.Core.Specification;

/// <summary>
/// A read-write port for instances of <typeparamref name="T"/>. Shaped like Ardalis.Specification's
/// <c>IRepositoryBase&lt;T&gt;</c> without <c>DeleteRangeAsync(ISpecification&lt;T&gt;)</c>, so a repository deriving from
/// Ardalis' EF Core <c>RepositoryBase&lt;T&gt;</c> already implements every member that takes no specification.
/// </summary>
/// <typeparam name="T">The type of entity (an aggregate root) stored through this port.</typeparam>
/// <remarks>
/// As in Ardalis' EF Core implementation, the single-entity and range write methods persist their change before
/// completing; <see cref="SaveChangesAsync(CancellationToken)"/> persists any other pending change. Domain events recorded
/// by aggregates are dispatched by integrators after a successful save.
/// </remarks>
public interface IRepositoryBase<T> : IReadRepositoryBase<T>
    where T : class
{
    /// <summary>
    /// Adds an entity.
    /// </summary>
    /// <param name="entity">The entity to add.</param>
    /// <param name="cancellationToken">A token to observe while waiting for the task to complete.</param>
    /// <returns>A task whose result is the added entity (with any store-generated values set).</returns>
    Task<T> AddAsync(T entity, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds several entities.
    /// </summary>
    /// <param name="entities">The entities to add.</param>
    /// <param name="cancellationToken">A token to observe while waiting for the task to complete.</param>
    /// <returns>A task whose result is the added entities.</returns>
    Task<IEnumerable<T>> AddRangeAsync(IEnumerable<T> entities, CancellationToken cancellationToken = default);

    /// <summary>
    /// Updates an entity.
    /// </summary>
    /// <param name="entity">The entity to update.</param>
    /// <param name="cancellationToken">A token to observe while waiting for the task to complete.</param>
    /// <returns>A task that completes when the update is persisted.</returns>
    Task UpdateAsync(T entity, CancellationToken cancellationToken = default);

    /// <summary>
    /// Updates several entities.
    /// </summary>
    /// <param name="entities">The entities to update.</param>
    /// <param name="cancellationToken">A token to observe while waiting for the task to complete.</param>
    /// <returns>A task that completes when the updates are persisted.</returns>
    Task UpdateRangeAsync(IEnumerable<T> entities, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes an entity.
    /// </summary>
    /// <param name="entity">The entity to delete.</param>
    /// <param name="cancellationToken">A token to observe while waiting for the task to complete.</param>
    /// <returns>A task that completes when the deletion is persisted.</returns>
    Task DeleteAsync(T entity, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes several entities.
    /// </summary>
    /// <param name="entities">The entities to delete.</param>
    /// <param name="cancellationToken">A token to observe while waiting for the task to complete.</param>
    /// <returns>A task that completes when the deletions are persisted.</returns>
    Task DeleteRangeAsync(IEnumerable<T> entities, CancellationToken cancellationToken = default);

    /// <summary>
    /// Persists all pending changes.
    /// </summary>
    /// <param name="cancellationToken">A token to observe while waiting for the task to complete.</param>
    /// <returns>A task whose result is the number of state entries written.</returns>
    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
