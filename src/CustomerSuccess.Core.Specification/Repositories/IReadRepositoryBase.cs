using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Threading;
using System.Threading.Tasks;

namespace CustomerSuccess.Core.Specification;

/// <summary>
/// A read port for instances of <typeparamref name="T"/>, queried with specifications, with the member names and
/// signatures of Ardalis.Specification 9.3's <c>IReadRepositoryBase&lt;T&gt;</c>, projections (<c>TResult</c>
/// overloads) included.
/// </summary>
/// <typeparam name="T">The type of entity (an aggregate root) read through this port.</typeparam>
/// <remarks>
/// <para>
/// Implementations apply specifications with <see cref="ISpecificationEvaluator"/> (stores backed by a LINQ provider) or
/// <see cref="IInMemorySpecificationEvaluator"/> (in-memory stores); both must give the same results. Counting and
/// existence checks evaluate criteria only, ignoring ordering and paging.
/// </para>
/// <para>
/// Every asynchronous member observes its <see cref="CancellationToken"/> and throws
/// <see cref="System.OperationCanceledException"/> when it is cancelled before completion.
/// </para>
/// </remarks>
public interface IReadRepositoryBase<T>
    where T : class
{
    /// <summary>
    /// Finds the entity with the given primary key.
    /// </summary>
    /// <typeparam name="TId">The type of the primary key.</typeparam>
    /// <param name="id">The primary key value.</param>
    /// <param name="cancellationToken">A token to observe while waiting for the task to complete.</param>
    /// <returns>A task whose result is the entity, or <see langword="null"/> when none has that key.</returns>
    Task<T?> GetByIdAsync<TId>(TId id, CancellationToken cancellationToken = default)
        where TId : notnull;

    /// <summary>
    /// Returns the first entity matching <paramref name="specification"/> (in its order), or <see langword="null"/>.
    /// </summary>
    /// <param name="specification">The query logic.</param>
    /// <param name="cancellationToken">A token to observe while waiting for the task to complete.</param>
    /// <returns>A task whose result is the first match, or <see langword="null"/> when nothing matches.</returns>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "Ardalis.Specification parity: the same overloads, each with CancellationToken cancellationToken = default.")]
    Task<T?> FirstOrDefaultAsync(ISpecification<T> specification, CancellationToken cancellationToken = default);

    /// <summary>
    /// Returns the projection of the first entity matching <paramref name="specification"/> (in its order), or the
    /// default value.
    /// </summary>
    /// <typeparam name="TResult">The type of the projected result.</typeparam>
    /// <param name="specification">The query logic and its projection.</param>
    /// <param name="cancellationToken">A token to observe while waiting for the task to complete.</param>
    /// <returns>A task whose result is the projected first match, or <see langword="default"/> when nothing matches.</returns>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "Ardalis.Specification parity: the same overloads, each with CancellationToken cancellationToken = default.")]
    Task<TResult?> FirstOrDefaultAsync<TResult>(ISpecification<T, TResult> specification, CancellationToken cancellationToken = default);

    /// <summary>
    /// Returns the only entity matching <paramref name="specification"/>, or <see langword="null"/>.
    /// </summary>
    /// <param name="specification">The query logic, expected to match at most one entity.</param>
    /// <param name="cancellationToken">A token to observe while waiting for the task to complete.</param>
    /// <returns>A task whose result is the match, or <see langword="null"/> when nothing matches.</returns>
    /// <exception cref="System.InvalidOperationException">More than one entity matches.</exception>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "Ardalis.Specification parity: the same overloads, each with CancellationToken cancellationToken = default.")]
    Task<T?> SingleOrDefaultAsync(ISingleResultSpecification<T> specification, CancellationToken cancellationToken = default);

    /// <summary>
    /// Returns the projection of the only entity matching <paramref name="specification"/>, or the default value.
    /// </summary>
    /// <typeparam name="TResult">The type of the projected result.</typeparam>
    /// <param name="specification">The query logic and its projection, expected to match at most one entity.</param>
    /// <param name="cancellationToken">A token to observe while waiting for the task to complete.</param>
    /// <returns>A task whose result is the projected match, or <see langword="default"/> when nothing matches.</returns>
    /// <exception cref="System.InvalidOperationException">More than one entity matches.</exception>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "Ardalis.Specification parity: the same overloads, each with CancellationToken cancellationToken = default.")]
    Task<TResult?> SingleOrDefaultAsync<TResult>(ISingleResultSpecification<T, TResult> specification, CancellationToken cancellationToken = default);

    /// <summary>
    /// Returns all entities.
    /// </summary>
    /// <param name="cancellationToken">A token to observe while waiting for the task to complete.</param>
    /// <returns>A task whose result is a new list the caller owns; empty when there are no entities.</returns>
    [SuppressMessage("Design", "CA1002:Do not expose generic lists", Justification = "Ardalis.Specification parity: IReadRepositoryBase<T>.ListAsync returns Task<List<T>>.")]
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "Ardalis.Specification parity: the same overloads, each with CancellationToken cancellationToken = default.")]
    Task<List<T>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Returns the entities matching <paramref name="specification"/>, ordered and paged as it says.
    /// </summary>
    /// <param name="specification">The query logic.</param>
    /// <param name="cancellationToken">A token to observe while waiting for the task to complete.</param>
    /// <returns>A task whose result is a new list the caller owns; empty when nothing matches.</returns>
    [SuppressMessage("Design", "CA1002:Do not expose generic lists", Justification = "Ardalis.Specification parity: IReadRepositoryBase<T>.ListAsync returns Task<List<T>>.")]
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "Ardalis.Specification parity: the same overloads, each with CancellationToken cancellationToken = default.")]
    Task<List<T>> ListAsync(ISpecification<T> specification, CancellationToken cancellationToken = default);

    /// <summary>
    /// Returns the projections of the entities matching <paramref name="specification"/>, ordered and paged as it says:
    /// a store backed by a LINQ provider reads only the columns the projection uses.
    /// </summary>
    /// <typeparam name="TResult">The type of the projected result.</typeparam>
    /// <param name="specification">The query logic and its projection.</param>
    /// <param name="cancellationToken">A token to observe while waiting for the task to complete.</param>
    /// <returns>A task whose result is a new list the caller owns; empty when nothing matches.</returns>
    [SuppressMessage("Design", "CA1002:Do not expose generic lists", Justification = "Ardalis.Specification parity: IReadRepositoryBase<T>.ListAsync returns Task<List<TResult>>.")]
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "Ardalis.Specification parity: the same overloads, each with CancellationToken cancellationToken = default.")]
    Task<List<TResult>> ListAsync<TResult>(ISpecification<T, TResult> specification, CancellationToken cancellationToken = default);

    /// <summary>
    /// Counts the entities matching the criteria of <paramref name="specification"/>; ordering and paging are ignored.
    /// </summary>
    /// <param name="specification">The query logic.</param>
    /// <param name="cancellationToken">A token to observe while waiting for the task to complete.</param>
    /// <returns>A task whose result is the number of matching entities.</returns>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "Ardalis.Specification parity: the same overloads, each with CancellationToken cancellationToken = default.")]
    Task<int> CountAsync(ISpecification<T> specification, CancellationToken cancellationToken = default);

    /// <summary>
    /// Counts all entities.
    /// </summary>
    /// <param name="cancellationToken">A token to observe while waiting for the task to complete.</param>
    /// <returns>A task whose result is the number of entities.</returns>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "Ardalis.Specification parity: the same overloads, each with CancellationToken cancellationToken = default.")]
    Task<int> CountAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Determines whether any entity matches the criteria of <paramref name="specification"/>; ordering and paging are ignored.
    /// </summary>
    /// <param name="specification">The query logic.</param>
    /// <param name="cancellationToken">A token to observe while waiting for the task to complete.</param>
    /// <returns>A task whose result is <see langword="true"/> when at least one entity matches.</returns>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "Ardalis.Specification parity: the same overloads, each with CancellationToken cancellationToken = default.")]
    Task<bool> AnyAsync(ISpecification<T> specification, CancellationToken cancellationToken = default);

    /// <summary>
    /// Determines whether any entity exists.
    /// </summary>
    /// <param name="cancellationToken">A token to observe while waiting for the task to complete.</param>
    /// <returns>A task whose result is <see langword="true"/> when there is at least one entity.</returns>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "Ardalis.Specification parity: the same overloads, each with CancellationToken cancellationToken = default.")]
    Task<bool> AnyAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Streams the entities matching <paramref name="specification"/>, ordered and paged as it says.
    /// </summary>
    /// <param name="specification">The query logic.</param>
    /// <returns>
    /// An asynchronous sequence; pass a cancellation token with
    /// <see cref="TaskAsyncEnumerableExtensions.WithCancellation{T}(IAsyncEnumerable{T}, CancellationToken)"/>
    /// (the signature has no token parameter, as in Ardalis.Specification).
    /// </returns>
    IAsyncEnumerable<T> AsAsyncEnumerable(ISpecification<T> specification);
}
