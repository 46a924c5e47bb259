using System;
using System.Linq.Expressions;

namespace CustomerSuccess.Core.Specification;

public static partial class SpecificationBuilderExtensions
{
    /// <summary>
    /// Starts the ordering chain with an ascending key.
    /// </summary>
    /// <typeparam name="T">The type of the entity.</typeparam>
    /// <param name="builder">The specification builder.</param>
    /// <param name="keySelector">The expression that extracts the key, e.g. <c>x =&gt; x.Name</c>.</param>
    /// <returns>An ordered builder on which <c>ThenBy</c>/<c>ThenByDescending</c> add secondary keys.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="keySelector"/> is <see langword="null"/>.</exception>
    /// <remarks>
    /// A specification has one ordering chain; a second <c>OrderBy</c>/<c>OrderByDescending</c> is recorded and makes
    /// evaluation throw <see cref="DuplicateOrderChainException"/>. For a stable total order end the chain with a unique key
    /// (for example <c>.ThenBy(x =&gt; x.Id)</c>), especially before <c>Skip</c>/<c>Take</c>.
    /// </remarks>
    public static IOrderedSpecificationBuilder<T> OrderBy<T>(this ISpecificationBuilder<T> builder, Expression<Func<T, object?>> keySelector)
        => OrderBy(builder, keySelector, true);

    /// <summary>
    /// Starts the ordering chain with an ascending key when <paramref name="condition"/> is <see langword="true"/>.
    /// </summary>
    /// <typeparam name="T">The type of the entity.</typeparam>
    /// <param name="builder">The specification builder.</param>
    /// <param name="keySelector">The expression that extracts the key.</param>
    /// <param name="condition">Whether to add the ordering.</param>
    /// <returns>
    /// An ordered builder. When <paramref name="condition"/> is <see langword="false"/> the chain is discarded: nothing is
    /// added, and every <c>ThenBy</c>/<c>ThenByDescending</c> called on the returned builder is dropped as well.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="keySelector"/> is <see langword="null"/>
    /// (checked even when <paramref name="condition"/> is <see langword="false"/>).</exception>
    public static IOrderedSpecificationBuilder<T> OrderBy<T>(this ISpecificationBuilder<T> builder, Expression<Func<T, object?>> keySelector, bool condition)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(keySelector);
        if (condition)
        {
            builder.Specification.Add(new OrderExpressionInfo<T>(keySelector, OrderTypeEnum.OrderBy));
        }

        return new SpecificationBuilder<T>(builder.Specification, isChainDiscarded: !condition);
    }

    /// <summary>
    /// Starts the ordering chain with a descending key.
    /// </summary>
    /// <typeparam name="T">The type of the entity.</typeparam>
    /// <param name="builder">The specification builder.</param>
    /// <param name="keySelector">The expression that extracts the key, e.g. <c>x =&gt; x.Name</c>.</param>
    /// <returns>An ordered builder on which <c>ThenBy</c>/<c>ThenByDescending</c> add secondary keys.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="keySelector"/> is <see langword="null"/>.</exception>
    /// <remarks>
    /// A specification has one ordering chain; a second <c>OrderBy</c>/<c>OrderByDescending</c> is recorded and makes
    /// evaluation throw <see cref="DuplicateOrderChainException"/>. For a stable total order end the chain with a unique key
    /// (for example <c>.ThenBy(x =&gt; x.Id)</c>), especially before <c>Skip</c>/<c>Take</c>.
    /// </remarks>
    public static IOrderedSpecificationBuilder<T> OrderByDescending<T>(this ISpecificationBuilder<T> builder, Expression<Func<T, object?>> keySelector)
        => OrderByDescending(builder, keySelector, true);

    /// <summary>
    /// Starts the ordering chain with a descending key when <paramref name="condition"/> is <see langword="true"/>.
    /// </summary>
    /// <typeparam name="T">The type of the entity.</typeparam>
    /// <param name="builder">The specification builder.</param>
    /// <param name="keySelector">The expression that extracts the key.</param>
    /// <param name="condition">Whether to add the ordering.</param>
    /// <returns>
    /// An ordered builder. When <paramref name="condition"/> is <see langword="false"/> the chain is discarded: nothing is
    /// added, and every <c>ThenBy</c>/<c>ThenByDescending</c> called on the returned builder is dropped as well.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="keySelector"/> is <see langword="null"/>
    /// (checked even when <paramref name="condition"/> is <see langword="false"/>).</exception>
    public static IOrderedSpecificationBuilder<T> OrderByDescending<T>(this ISpecificationBuilder<T> builder, Expression<Func<T, object?>> keySelector, bool condition)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(keySelector);
        if (condition)
        {
            builder.Specification.Add(new OrderExpressionInfo<T>(keySelector, OrderTypeEnum.OrderByDescending));
        }

        return new SpecificationBuilder<T>(builder.Specification, isChainDiscarded: !condition);
    }

    /// <summary>
    /// Adds an ascending secondary key to the current ordering chain.
    /// </summary>
    /// <typeparam name="T">The type of the entity.</typeparam>
    /// <param name="builder">The ordered builder returned by an ordering call.</param>
    /// <param name="keySelector">The expression that extracts the key, e.g. <c>x =&gt; x.Id</c>.</param>
    /// <returns>The ordered builder, for further secondary keys.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="keySelector"/> is <see langword="null"/>.</exception>
    /// <remarks>Dropped when the chain was discarded by a skipped conditional <c>OrderBy</c> or <c>ThenBy</c> before it.</remarks>
    public static IOrderedSpecificationBuilder<T> ThenBy<T>(this IOrderedSpecificationBuilder<T> builder, Expression<Func<T, object?>> keySelector)
        => ThenBy(builder, keySelector, true);

    /// <summary>
    /// Adds an ascending secondary key to the current ordering chain when <paramref name="condition"/> is <see langword="true"/>
    /// and the chain has not been discarded.
    /// </summary>
    /// <typeparam name="T">The type of the entity.</typeparam>
    /// <param name="builder">The ordered builder returned by an ordering call.</param>
    /// <param name="keySelector">The expression that extracts the key.</param>
    /// <param name="condition">Whether to add the key.</param>
    /// <returns>
    /// The ordered builder. When the key is not added (condition <see langword="false"/> or chain already discarded), the
    /// returned builder marks the chain as discarded, so later <c>ThenBy</c> calls of the same chain are dropped too: a key
    /// meant as third never silently becomes the second (Ardalis.Specification's rule).
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="keySelector"/> is <see langword="null"/>
    /// (checked even when the key is dropped).</exception>
    public static IOrderedSpecificationBuilder<T> ThenBy<T>(this IOrderedSpecificationBuilder<T> builder, Expression<Func<T, object?>> keySelector, bool condition)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(keySelector);
        var isChainDiscarded = builder is SpecificationBuilder<T> { IsChainDiscarded: true };
        if (condition && !isChainDiscarded)
        {
            builder.Specification.Add(new OrderExpressionInfo<T>(keySelector, OrderTypeEnum.ThenBy));
            return builder;
        }

        return isChainDiscarded ? builder : new SpecificationBuilder<T>(builder.Specification, isChainDiscarded: true);
    }

    /// <summary>
    /// Adds a descending secondary key to the current ordering chain.
    /// </summary>
    /// <typeparam name="T">The type of the entity.</typeparam>
    /// <param name="builder">The ordered builder returned by an ordering call.</param>
    /// <param name="keySelector">The expression that extracts the key, e.g. <c>x =&gt; x.Id</c>.</param>
    /// <returns>The ordered builder, for further secondary keys.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="keySelector"/> is <see langword="null"/>.</exception>
    /// <remarks>Dropped when the chain was discarded by a skipped conditional <c>OrderBy</c> or <c>ThenBy</c> before it.</remarks>
    public static IOrderedSpecificationBuilder<T> ThenByDescending<T>(this IOrderedSpecificationBuilder<T> builder, Expression<Func<T, object?>> keySelector)
        => ThenByDescending(builder, keySelector, true);

    /// <summary>
    /// Adds a descending secondary key to the current ordering chain when <paramref name="condition"/> is <see langword="true"/>
    /// and the chain has not been discarded.
    /// </summary>
    /// <typeparam name="T">The type of the entity.</typeparam>
    /// <param name="builder">The ordered builder returned by an ordering call.</param>
    /// <param name="keySelector">The expression that extracts the key.</param>
    /// <param name="condition">Whether to add the key.</param>
    /// <returns>
    /// The ordered builder. When the key is not added (condition <see langword="false"/> or chain already discarded), the
    /// returned builder marks the chain as discarded, so later <c>ThenBy</c> calls of the same chain are dropped too: a key
    /// meant as third never silently becomes the second (Ardalis.Specification's rule).
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="keySelector"/> is <see langword="null"/>
    /// (checked even when the key is dropped).</exception>
    public static IOrderedSpecificationBuilder<T> ThenByDescending<T>(this IOrderedSpecificationBuilder<T> builder, Expression<Func<T, object?>> keySelector, bool condition)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(keySelector);
        var isChainDiscarded = builder is SpecificationBuilder<T> { IsChainDiscarded: true };
        if (condition && !isChainDiscarded)
        {
            builder.Specification.Add(new OrderExpressionInfo<T>(keySelector, OrderTypeEnum.ThenByDescending));
            return builder;
        }

        return isChainDiscarded ? builder : new SpecificationBuilder<T>(builder.Specification, isChainDiscarded: true);
    }
}
