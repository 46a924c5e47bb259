using System;
using System.Linq.Expressions;

namespace CustomerSuccess.Core.Specification;

/// <summary>
/// The builder methods of <see cref="ISpecificationBuilder{T}"/> and <see cref="IOrderedSpecificationBuilder{T}"/>:
/// filtering (<c>Where</c>), ordering (<c>OrderBy</c>, <c>OrderByDescending</c>, <c>ThenBy</c>,
/// <c>ThenByDescending</c>) and paging (<c>Skip</c>, <c>Take</c>), each with a <c>bool condition</c> overload so optional
/// criteria need no <c>if</c>.
/// </summary>
/// <remarks>
/// Names and semantics follow Ardalis.Specification 9. One file per feature (<c>Builder_Where.cs</c>,
/// <c>Builder_Order.cs</c>, <c>Builder_Paging.cs</c>).
/// </remarks>
public static partial class SpecificationBuilderExtensions
{
    /// <summary>
    /// Adds a filter; an entity must satisfy every filter of the specification (logical AND).
    /// </summary>
    /// <typeparam name="T">The type of the entity.</typeparam>
    /// <param name="builder">The specification builder.</param>
    /// <param name="criteria">The condition to add. Keep it translatable: member access, comparisons, <c>&amp;&amp;</c>/<c>||</c>,
    /// <c>Contains</c> on captured collections; compute time bounds outside the expression.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="criteria"/> is <see langword="null"/>.</exception>
    public static ISpecificationBuilder<T> Where<T>(this ISpecificationBuilder<T> builder, Expression<Func<T, bool>> criteria)
        => Where(builder, criteria, true);

    /// <summary>
    /// Adds a filter when <paramref name="condition"/> is <see langword="true"/>; otherwise leaves the specification unchanged.
    /// </summary>
    /// <typeparam name="T">The type of the entity.</typeparam>
    /// <param name="builder">The specification builder.</param>
    /// <param name="criteria">The condition to add.</param>
    /// <param name="condition">Whether to add the filter.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="criteria"/> is <see langword="null"/>
    /// (checked even when <paramref name="condition"/> is <see langword="false"/>).</exception>
    public static ISpecificationBuilder<T> Where<T>(this ISpecificationBuilder<T> builder, Expression<Func<T, bool>> criteria, bool condition)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(criteria);
        if (condition)
        {
            builder.Specification.Add(new WhereExpressionInfo<T>(criteria));
        }

        return builder;
    }
}
