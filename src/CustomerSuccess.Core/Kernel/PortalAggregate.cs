using System;
using CustomerSuccess.Core.Access;

namespace CustomerSuccess.Core;

/// <summary>
/// The base of every aggregate that belongs to one portal: it holds the required <see cref="AccessPolicy"/> and does
/// the caller checks every operation starts with, in one place.
/// </summary>
/// <typeparam name="TState">The aggregate's immutable state; it names its portal.</typeparam>
/// <remarks>
/// <para>An operation of a derived aggregate starts with <see cref="Authorize"/>: it throws for argument mistakes (a
/// <see langword="null"/> actor or account, an account of another portal) and returns the policy's answer, so the
/// operation can <c>return</c> a refusal before it looks at anything else. Then it checks its rules one after the other,
/// returning the first refusal (a <see cref="DomainError"/> converts to a failed <see cref="Result"/>), and finally
/// builds the next state and calls <see cref="AggregateRoot{TState}.Commit"/>.</para>
/// <para>The policy is required: an aggregate never falls back to default options, so the readings the application
/// configured (<see cref="AccessPolicyOptions"/>) hold everywhere.</para>
/// </remarks>
public abstract class PortalAggregate<TState> : AggregateRoot<TState>
    where TState : class, IPortalScoped
{
    /// <summary>Initializes the aggregate over a state.</summary>
    /// <param name="state">The state.</param>
    /// <param name="policy">The access policy.</param>
    /// <exception cref="ArgumentNullException"><paramref name="state"/> or <paramref name="policy"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The state's portal is <c>default</c>.</exception>
    protected PortalAggregate(TState state, AccessPolicy policy)
        : base(state)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (state.PortalId.IsDefault)
        {
            throw new ArgumentException("The state's portal id must not be default.", nameof(state));
        }

        Policy = policy;
    }

    /// <summary>Gets the portal the aggregate belongs to.</summary>
    public PortalId PortalId => State.PortalId;

    /// <summary>Gets the access policy every operation asks.</summary>
    protected AccessPolicy Policy { get; }

    /// <summary>Checks the caller and asks the policy whether <paramref name="actor"/> may perform
    /// <paramref name="operation"/>.</summary>
    /// <param name="actor">The user.</param>
    /// <param name="account">The account; must be this aggregate's portal.</param>
    /// <param name="operation">The operation.</param>
    /// <returns>Success, or the policy's <c>access.*</c> refusal.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="account"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is another portal.</exception>
    protected Result Authorize(Actor actor, AccountContext account, CsOperation operation)
    {
        CheckCaller(actor, account);
        return Policy.Authorize(actor, account, operation);
    }

    /// <summary>Checks the caller's arguments (for reads that need no permission of their own).</summary>
    /// <param name="actor">The user.</param>
    /// <param name="account">The account; must be this aggregate's portal.</param>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="account"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="account"/> is another portal.</exception>
    protected void CheckCaller(Actor actor, AccountContext account)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(account);
        if (account.PortalId != State.PortalId)
        {
            throw new ArgumentException(
                $"The account is portal {account.PortalId}, but this {OptimisticCommand.DescribeType<TState>()} belongs to portal {State.PortalId}.",
                nameof(account));
        }
    }
}
