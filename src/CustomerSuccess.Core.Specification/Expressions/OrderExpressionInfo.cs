using System;
using System.Linq.Expressions;

namespace CustomerSuccess.Core.Specification;

/// <summary>
/// One ordering step of a specification: a key selector expression for query providers, its lazily compiled delegate
/// for in-memory evaluation, and whether the step starts a chain or continues it, ascending or descending.
/// </summary>
/// <typeparam name="T">The type of the entity being ordered.</typeparam>
/// <remarks>
/// <para>
/// The key selector returns <see cref="object"/>, as in Ardalis.Specification; for a value-type key the compiler
/// inserts a boxing <c>Convert</c> node, which LINQ providers such as EF Core strip when translating. In memory, keys
/// are compared with <see cref="System.Collections.Generic.Comparer{T}.Default"/> for <see cref="object"/>: keys of one
/// step must therefore be of one <see cref="IComparable"/> type (or <see langword="null"/>, which sorts first
/// ascending), and strings compare with the current culture.
/// </para>
/// <para>
/// Thread safety: instances are immutable; <see cref="KeySelectorFunc"/> is compiled at most once, on first use, and may
/// be read from several threads at the same time.
/// </para>
/// </remarks>
public sealed class OrderExpressionInfo<T>
{
    private readonly Lazy<Func<T, object?>> _keySelectorFunc;

    /// <summary>
    /// Initializes a new instance of the <see cref="OrderExpressionInfo{T}"/> class.
    /// </summary>
    /// <param name="keySelector">The expression that extracts the sort key from an entity.</param>
    /// <param name="orderType">Whether the step starts or continues a chain, ascending or descending.</param>
    /// <exception cref="ArgumentNullException"><paramref name="keySelector"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="orderType"/> is not a defined <see cref="OrderTypeEnum"/> member.</exception>
    public OrderExpressionInfo(Expression<Func<T, object?>> keySelector, OrderTypeEnum orderType)
    {
        ArgumentNullException.ThrowIfNull(keySelector);
        if (orderType is < OrderTypeEnum.OrderBy or > OrderTypeEnum.ThenByDescending)
        {
            throw new ArgumentOutOfRangeException(nameof(orderType), orderType, "The order type must be a defined OrderTypeEnum member.");
        }

        KeySelector = keySelector;
        OrderType = orderType;
        _keySelectorFunc = new Lazy<Func<T, object?>>(keySelector.Compile);
    }

    /// <summary>
    /// Gets the expression that extracts the sort key from an entity.
    /// </summary>
    /// <value>The expression passed to the constructor; never <see langword="null"/>.</value>
    public Expression<Func<T, object?>> KeySelector { get; }

    /// <summary>
    /// Gets whether this step starts (<see cref="OrderTypeEnum.OrderBy"/>, <see cref="OrderTypeEnum.OrderByDescending"/>)
    /// or continues (<see cref="OrderTypeEnum.ThenBy"/>, <see cref="OrderTypeEnum.ThenByDescending"/>) an ordering chain.
    /// </summary>
    /// <value>The order type passed to the constructor.</value>
    public OrderTypeEnum OrderType { get; }

    /// <summary>
    /// Gets the compiled form of <see cref="KeySelector"/>, used by the in-memory evaluator.
    /// </summary>
    /// <value>A delegate compiled on first access and cached afterwards.</value>
    public Func<T, object?> KeySelectorFunc => _keySelectorFunc.Value;
}
