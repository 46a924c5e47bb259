using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace CustomerSuccess.Core;

/// <summary>
/// The one storage primitive every port builds on: load an aggregate's immutable state with its version, and write it
/// back, together with the domain events that produced it, only if the version is still the one that was read
/// (compare-and-set).
/// </summary>
/// <typeparam name="TKey">The aggregate's key. Every key names its portal: a store never mixes tenants.</typeparam>
/// <typeparam name="TState">The aggregate's immutable state.</typeparam>
/// <remarks>
/// <para>Every invariant of the library lives inside one aggregate (five workspaces and one workspace per team in
/// the workspace directory; six default views in a view catalogue), so a single-record conditional write is all a
/// store needs to keep every invariant under concurrent writers. Any backend has one: SQL
/// <c>UPDATE … WHERE version = @expected</c>, Cosmos <c>IfMatchEtag</c>, a filtered replace, a conditional put.</para>
/// <para>Contract (checked by the conformance kit): a missing key loads as <see langword="null"/>; saving with
/// <see cref="VersionToken.None"/> over an existing record, or with a token that is not the stored one, returns
/// <c>concurrency.conflict</c> and changes nothing; every successful write returns a new token; the events handed to a
/// save are stored with the state or not at all (an outbox written in the same transaction; a store without an outbox
/// may drop them, but never store them without the state); a store never reads a clock; a cancelled token throws
/// <see cref="System.OperationCanceledException"/> before any write; native concurrency exceptions never cross the
/// port.</para>
/// </remarks>
public interface IAggregateStore<TKey, TState>
    where TKey : notnull
    where TState : class
{
    /// <summary>Loads the state stored under <paramref name="key"/>.</summary>
    /// <param name="key">The aggregate's key.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The state and its version, or <see langword="null"/> if nothing is stored.</returns>
    Task<Versioned<TState>?> LoadAsync(TKey key, CancellationToken cancellationToken = default);

    /// <summary>Stores <paramref name="state"/> and its <paramref name="events"/> if the stored version is still
    /// <paramref name="expected"/>.</summary>
    /// <param name="key">The aggregate's key.</param>
    /// <param name="state">The new state.</param>
    /// <param name="expected">The version that was read, or <see cref="VersionToken.None"/> to create.</param>
    /// <param name="events">The domain events the change recorded, in order (possibly empty): stored atomically with the
    /// state by stores that keep an outbox.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The new version, or a failure with code <c>concurrency.conflict</c>.</returns>
    Task<Result<VersionToken>> SaveAsync(TKey key, TState state, VersionToken expected, IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken = default);

    /// <summary>Deletes the state if the stored version is still <paramref name="expected"/>, storing
    /// <paramref name="events"/> with the deletion.</summary>
    /// <param name="key">The aggregate's key.</param>
    /// <param name="expected">The version that was read.</param>
    /// <param name="events">The domain events of the deletion, in order (possibly empty).</param>
    /// <param name="cancellationToken">Cancels the delete.</param>
    /// <returns>Success, or a failure with code <c>concurrency.conflict</c> (also when nothing is stored).</returns>
    Task<Result> DeleteAsync(TKey key, VersionToken expected, IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken = default);
}
