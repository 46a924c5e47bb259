using System;
using System.Collections.Generic;
using System.Linq.Expressions;

namespace CustomerSuccess.Core.Specification;

/// <summary>
/// The standard <see cref="ISpecification{T, TResult}"/>: filters, ordering and paging of <typeparamref name="T"/>, then a
/// projection to <typeparamref name="TResult"/> set with <c>Query.Select(...)</c>.
/// </summary>
/// <typeparam name="T">The type of the entity the specification applies to.</typeparam>
/// <typeparam name="TResult">The type of the projected result.</typeparam>
/// <example>
/// <code>
/// public sealed class AccountNamesRenewingSpec : Specification&lt;Account, AccountRow&gt;
/// {
///     public AccountNamesRenewingSpec(Instant fromInclusive, Instant toExclusive)
///     {
///         Query.Where(a => a.RenewalAt &gt;= fromInclusive &amp;&amp; a.RenewalAt &lt; toExclusive).OrderBy(a => a.Id);
///         Query.Select(a => new AccountRow(a.Id, a.Name));   // SQL reads Id and Name only
///     }
/// }
/// </code>
/// </example>
/// <remarks>Building is not thread-safe (do it in the constructor); a built specification may be evaluated from several
/// threads.</remarks>
public class Specification<T, TResult> : Specification<T>, ISpecification<T, TResult>
{
    /// <inheritdoc/>
    public new ISpecificationBuilder<T, TResult> Query => new SpecificationBuilder<T, TResult>(this);

    /// <inheritdoc/>
    public Expression<Func<T, TResult>>? Selector { get; internal set; }

    /// <inheritdoc/>
    /// <remarks>Filters, orders and pages with <see cref="Specification{T}.Evaluate(IEnumerable{T})"/>, then projects with the
    /// compiled <see cref="Selector"/>.</remarks>
    public new virtual IEnumerable<TResult> Evaluate(IEnumerable<T> entities)
    {
        ArgumentNullException.ThrowIfNull(entities);
        return InMemorySpecificationEvaluator.Default.Evaluate(entities, this);
    }
}

/// <summary>A <see cref="Specification{T, TResult}"/> expected to match at most one entity.</summary>
/// <typeparam name="T">The type of the entity.</typeparam>
/// <typeparam name="TResult">The type of the projected result.</typeparam>
public class SingleResultSpecification<T, TResult> : Specification<T, TResult>, ISingleResultSpecification<T, TResult>
{
}

/// <summary>The builder handed out by <see cref="Specification{T, TResult}.Query"/>.</summary>
internal sealed class SpecificationBuilder<T, TResult>(Specification<T, TResult> specification) : ISpecificationBuilder<T, TResult>
{
    public Specification<T, TResult> Specification { get; } = specification;

    Specification<T> ISpecificationBuilder<T>.Specification => Specification;
}

/// <summary>A projecting specification was evaluated without a projection (<c>Query.Select</c> was never called).</summary>
public sealed class SelectorNotFoundException : InvalidOperationException
{
    /// <summary>Initializes the exception with the default message.</summary>
    public SelectorNotFoundException()
        : base("The specification must have a selector: call Query.Select(...) before evaluating it.")
    {
    }

    /// <summary>Initializes the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public SelectorNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public SelectorNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
