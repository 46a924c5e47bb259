using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Threading;
using System.Threading.Tasks;

namespace CustomerSuccess.Core.Specification;

/// <summary>
/// A read-write port for instances of <typeparamref name="T"/>, with the member names and signatures of
/// Ardalis.Specification 9.3's <c>IRepositoryBase&lt;T&gt;</c>: updates and deletes return the number of rows
/// affected, and <see cref="DeleteRangeAsync(ISpecification{T}, CancellationToken)"/> deletes what a specification matches.
/// </summary>
/// <typeparam name="T">The type of entity (an aggregate root) stored through this port.</typeparam>
/// <remarks>
/// As in Ardalis' EF Core implementation, the single-entity and range write methods persist their change before
/// completing; <see cref="SaveChangesAsync(CancellationToken)"/> persists any other pending change. Domain events recorded
/// by aggregates are dispatched by integrators after a successful save. The counts returned are what the store reports
/// as written (EF Core's <c>SaveChangesAsync</c>, or the rows a bulk delete removed).
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
    /// <returns>A task whose result is the number of rows (state entries) written.</returns>
    Task<int> UpdateAsync(T entity, CancellationToken cancellationToken = default);

    /// <summary>
    /// Updates several entities.
    /// </summary>
    /// <param name="entities">The entities to update.</param>
    /// <param name="cancellationToken">A token to observe while waiting for the task to complete.</param>
    /// <returns>A task whose result is the number of rows (state entries) written.</returns>
    Task<int> UpdateRangeAsync(IEnumerable<T> entities, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes an entity.
    /// </summary>
    /// <param name="entity">The entity to delete.</param>
    /// <param name="cancellationToken">A token to observe while waiting for the task to complete.</param>
    /// <returns>A task whose result is the number of rows (state entries) written.</returns>
    Task<int> DeleteAsync(T entity, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes several entities.
    /// </summary>
    /// <param name="entities">The entities to delete.</param>
    /// <param name="cancellationToken">A token to observe while waiting for the task to complete.</param>
    /// <returns>A task whose result is the number of rows (state entries) written.</returns>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "Ardalis.Specification parity: DeleteRangeAsync(entities) and DeleteRangeAsync(specification), each with CancellationToken cancellationToken = default.")]
    Task<int> DeleteRangeAsync(IEnumerable<T> entities, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes every entity matching the criteria of <paramref name="specification"/>.
    /// </summary>
    /// <param name="specification">The query logic; its filters (and ordering and paging, if set) select what is deleted.</param>
    /// <param name="cancellationToken">A token to observe while waiting for the task to complete.</param>
    /// <returns>A task whose result is the number of entities deleted.</returns>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "Ardalis.Specification parity: DeleteRangeAsync(entities) and DeleteRangeAsync(specification), each with CancellationToken cancellationToken = default.")]
    Task<int> DeleteRangeAsync(ISpecification<T> specification, CancellationToken cancellationToken = default);

    /// <summary>
    /// Persists all pending changes.
    /// </summary>
    /// <param name="cancellationToken">A token to observe while waiting for the task to complete.</param>
    /// <returns>A task whose result is the number of state entries written.</returns>
    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
