using System;
using System.Collections.Generic;
using System.Linq;

namespace CustomerSuccess.Core.Specification;

/// <summary>
/// The standard <see cref="ISpecification{T}"/>: derive from it and configure <see cref="Query"/> in the constructor
/// (name the class <c>{Subject}{Criterion}Spec</c>), or create one directly with <c>new Specification&lt;T&gt;()</c>
/// and configure it in place.
/// </summary>
/// <typeparam name="T">The type of the entity the specification applies to.</typeparam>
/// <example>
/// <code>
/// public sealed class AccountsRenewingBetweenSpec : Specification&lt;Account&gt;
/// {
///     public AccountsRenewingBetweenSpec(Instant fromInclusive, Instant toExclusive)
///     {
///         Query.Where(a => a.RenewalAt &gt;= fromInclusive &amp;&amp; a.RenewalAt &lt; toExclusive)
///              .OrderBy(a => a.RenewalAt)
///              .ThenBy(a => a.Id);
///     }
/// }
/// </code>
/// </example>
/// <remarks>
/// <para>
/// The class is not sealed so that specifications can derive from it, as in Ardalis.Specification. State is added only
/// through the builder extension methods (<see cref="SpecificationBuilderExtensions"/>) and exposed read-only.
/// </para>
/// <para>
/// Thread safety: building (calling the <see cref="Query"/> methods) is not thread-safe and should happen in the
/// constructor. Once built, a specification may be evaluated from several threads at the same time, as long as nobody
/// writes to <see cref="Items"/> concurrently.
/// </para>
/// </remarks>
public class Specification<T> : ISpecification<T>
{
    private List<WhereExpressionInfo<T>>? _whereExpressions;
    private List<OrderExpressionInfo<T>>? _orderExpressions;
    private Dictionary<string, object>? _items;

    /// <inheritdoc/>
    /// <remarks>Each access returns a new, lightweight builder bound to this specification.</remarks>
    public ISpecificationBuilder<T> Query => new SpecificationBuilder<T>(this);

    /// <inheritdoc/>
    public Dictionary<string, object> Items => _items ??= [];

    /// <inheritdoc/>
    public IEnumerable<WhereExpressionInfo<T>> WhereExpressions => _whereExpressions ?? Enumerable.Empty<WhereExpressionInfo<T>>();

    /// <inheritdoc/>
    public IEnumerable<OrderExpressionInfo<T>> OrderExpressions => _orderExpressions ?? Enumerable.Empty<OrderExpressionInfo<T>>();

    /// <inheritdoc/>
    public int Skip { get; internal set; } = -1;

    /// <inheritdoc/>
    public int Take { get; internal set; } = -1;

    /// <summary>
    /// Gets the evaluator used by <see cref="Evaluate(IEnumerable{T})"/>.
    /// </summary>
    /// <value><see cref="InMemorySpecificationEvaluator.Default"/> unless overridden.</value>
    protected virtual IInMemorySpecificationEvaluator Evaluator => InMemorySpecificationEvaluator.Default;

    /// <summary>
    /// Gets the validator used by <see cref="IsSatisfiedBy(T)"/>.
    /// </summary>
    /// <value><see cref="SpecificationValidator.Default"/> unless overridden.</value>
    protected virtual ISpecificationValidator Validator => SpecificationValidator.Default;

    /// <inheritdoc/>
    /// <remarks>Uses <see cref="Evaluator"/>; ordering-chain errors are raised at once, the rest is deferred until enumeration.</remarks>
    public virtual IEnumerable<T> Evaluate(IEnumerable<T> entities)
    {
        ArgumentNullException.ThrowIfNull(entities);
        return Evaluator.Evaluate(entities, this);
    }

    /// <inheritdoc/>
    /// <remarks>Uses <see cref="Validator"/>, which by default checks every filter in <see cref="WhereExpressions"/>.</remarks>
    public virtual bool IsSatisfiedBy(T entity) => Validator.IsValid(entity, this);

    internal void Add(WhereExpressionInfo<T> whereExpression) => (_whereExpressions ??= new(2)).Add(whereExpression);

    internal void Add(OrderExpressionInfo<T> orderExpression) => (_orderExpressions ??= new(2)).Add(orderExpression);
}
