using System;

namespace CustomerSuccess.Core.Specification;

public static partial class SpecificationBuilderExtensions
{
    /// <summary>
    /// Sets the number of entities to skip after filtering and ordering.
    /// </summary>
    /// <typeparam name="T">The type of the entity.</typeparam>
    /// <param name="builder">The specification builder.</param>
    /// <param name="skip">The number of entities; zero or positive.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="skip"/> is negative (stricter than Ardalis, where -1 would silently mean "unset").</exception>
    /// <exception cref="DuplicateSkipException">Skip was already set on this specification.</exception>
    /// <remarks>Paging is applied after filtering and ordering; without a total order the page content depends on the source order.</remarks>
    public static ISpecificationBuilder<T> Skip<T>(this ISpecificationBuilder<T> builder, int skip)
        => Skip(builder, skip, true);

    /// <summary>
    /// Sets the number of entities to skip after filtering and ordering when <paramref name="condition"/> is <see langword="true"/>; otherwise leaves the
    /// specification unchanged.
    /// </summary>
    /// <typeparam name="T">The type of the entity.</typeparam>
    /// <param name="builder">The specification builder.</param>
    /// <param name="skip">The number of entities; zero or positive (only checked when <paramref name="condition"/> is <see langword="true"/>).</param>
    /// <param name="condition">Whether to set the value.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="condition"/> is <see langword="true"/> and <paramref name="skip"/> is negative.</exception>
    /// <exception cref="DuplicateSkipException"><paramref name="condition"/> is <see langword="true"/> and Skip was already set.</exception>
    public static ISpecificationBuilder<T> Skip<T>(this ISpecificationBuilder<T> builder, int skip, bool condition)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (condition)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(skip);
            if (builder.Specification.Skip != -1)
            {
                throw new DuplicateSkipException();
            }

            builder.Specification.Skip = skip;
        }

        return builder;
    }

    /// <summary>
    /// Sets the number of entities to return at most, after skipping.
    /// </summary>
    /// <typeparam name="T">The type of the entity.</typeparam>
    /// <param name="builder">The specification builder.</param>
    /// <param name="take">The number of entities; zero or positive.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="take"/> is negative (stricter than Ardalis, where -1 would silently mean "unset").</exception>
    /// <exception cref="DuplicateTakeException">Take was already set on this specification.</exception>
    /// <remarks>Paging is applied after filtering and ordering; without a total order the page content depends on the source order.</remarks>
    public static ISpecificationBuilder<T> Take<T>(this ISpecificationBuilder<T> builder, int take)
        => Take(builder, take, true);

    /// <summary>
    /// Sets the number of entities to return at most, after skipping when <paramref name="condition"/> is <see langword="true"/>; otherwise leaves the
    /// specification unchanged.
    /// </summary>
    /// <typeparam name="T">The type of the entity.</typeparam>
    /// <param name="builder">The specification builder.</param>
    /// <param name="take">The number of entities; zero or positive (only checked when <paramref name="condition"/> is <see langword="true"/>).</param>
    /// <param name="condition">Whether to set the value.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="condition"/> is <see langword="true"/> and <paramref name="take"/> is negative.</exception>
    /// <exception cref="DuplicateTakeException"><paramref name="condition"/> is <see langword="true"/> and Take was already set.</exception>
    public static ISpecificationBuilder<T> Take<T>(this ISpecificationBuilder<T> builder, int take, bool condition)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (condition)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(take);
            if (builder.Specification.Take != -1)
            {
                throw new DuplicateTakeException();
            }

            builder.Specification.Take = take;
        }

        return builder;
    }
}
