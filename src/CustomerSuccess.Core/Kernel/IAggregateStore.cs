using System.Threading;
using System.Threading.Tasks;

namespace CustomerSuccess.Core;

/// <summary>
/// The one storage primitive every port builds on: load an aggregate's immutable state with its version, and write it
/// back only if the version is still the one that was read (compare-and-set).
/// </summary>
/// <typeparam name="TKey">The aggregate's key.</typeparam>
/// <typeparam name="TState">The aggregate's immutable state.</typeparam>
/// <remarks>
/// <para>Every invariant of the library lives inside one aggregate (five workspaces and one workspace per team in
/// the workspace directory; six default views in a view catalogue), so a single-record conditional write is all a
/// store needs to keep every invariant under concurrent writers. Any backend has one: SQL
/// <c>UPDATE … WHERE version = @expected</c>, Cosmos <c>IfMatchEtag</c>, a filtered replace, a conditional put.</para>
/// <para>Contract (checked by the conformance kit): a missing key loads as <see langword="null"/>; saving with
/// <see cref="VersionToken.None"/> over an existing record, or with a token that is not the stored one, returns
/// <c>concurrency.conflict</c> and changes nothing; every successful write returns a new token; a store never reads a
/// clock; a cancelled token throws <see cref="System.OperationCanceledException"/> before any write; native concurrency
/// exceptions never cross the port.</para>
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

    /// <summary>Stores <paramref name="state"/> if the stored version is still <paramref name="expected"/>.</summary>
    /// <param name="key">The aggregate's key.</param>
    /// <param name="state">The new state.</param>
    /// <param name="expected">The version that was read, or <see cref="VersionToken.None"/> to create.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The new version, or a failure with code <c>concurrency.conflict</c>.</returns>
    Task<Result<VersionToken>> SaveAsync(TKey key, TState state, VersionToken expected, CancellationToken cancellationToken = default);

    /// <summary>Deletes the state if the stored version is still <paramref name="expected"/>.</summary>
    /// <param name="key">The aggregate's key.</param>
    /// <param name="expected">The version that was read.</param>
    /// <param name="cancellationToken">Cancels the delete.</param>
    /// <returns>Success, or a failure with code <c>concurrency.conflict</c> (also when nothing is stored).</returns>
    Task<Result> DeleteAsync(TKey key, VersionToken expected, CancellationToken cancellationToken = default);
}
