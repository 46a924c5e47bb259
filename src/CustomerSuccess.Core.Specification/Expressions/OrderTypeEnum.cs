using System.Diagnostics.CodeAnalysis;

namespace CustomerSuccess.Core.Specification;

/// <summary>
/// The kind of an ordering step recorded in <see cref="ISpecification{T}.OrderExpressions"/>.
/// </summary>
/// <remarks>
/// The member names and numeric values are identical to Ardalis.Specification's <c>OrderTypeEnum</c>, so a specification
/// can be replayed through Ardalis' builder without a lookup table. A chain starts with <see cref="OrderBy"/> or
/// <see cref="OrderByDescending"/> and continues with any number of <see cref="ThenBy"/>/<see cref="ThenByDescending"/>
/// steps. The value <c>default(OrderTypeEnum)</c> (0) is not a valid step and is rejected by
/// <see cref="OrderExpressionInfo{T}"/>.
/// </remarks>
[SuppressMessage(
    "Naming",
    "CA1711:Identifiers should not have incorrect suffix",
    Justification = "Ardalis.Specification parity: the type is named OrderTypeEnum there, and integrators port code between the two.")]
public enum OrderTypeEnum
{
    /// <summary>Starts an ascending ordering chain (<see cref="System.Linq.Queryable.OrderBy{TSource, TKey}(System.Linq.IQueryable{TSource}, System.Linq.Expressions.Expression{System.Func{TSource, TKey}})"/>).</summary>
    OrderBy = 1,

    /// <summary>Starts a descending ordering chain (<c>Queryable.OrderByDescending</c>).</summary>
    OrderByDescending = 2,

    /// <summary>Adds an ascending subsequent key to the current chain (<c>Queryable.ThenBy</c>).</summary>
    ThenBy = 3,

    /// <summary>Adds a descending subsequent key to the current chain (<c>Queryable.ThenByDescending</c>).</summary>
    ThenByDescending = 4,
}
