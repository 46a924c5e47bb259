using System;
using System.Linq.Expressions;

namespace CustomerSuccess.Core.Specification;

public static partial class SpecificationBuilderExtensions
{
    /// <summary>
    /// Sets the projection of a <see cref="Specification{T, TResult}"/>: applied after filters, ordering and paging, so
    /// a LINQ provider reads only the columns it uses. A second call replaces the projection. Returns nothing, as in
    /// Ardalis.Specification: call it as its own statement, <c>Query.Select(a =&gt; new Row(a.Id, a.Name));</c>.
    /// </summary>
    /// <typeparam name="T">The type of the entity.</typeparam>
    /// <typeparam name="TResult">The type of the projected result.</typeparam>
    /// <param name="builder">The builder of a projecting specification.</param>
    /// <param name="selector">The projection; keep it translatable (member access, constructors and initializers of
    /// plain types).</param>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="selector"/> is <see langword="null"/>.</exception>
    public static void Select<T, TResult>(this ISpecificationBuilder<T, TResult> builder, Expression<Func<T, TResult>> selector)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(selector);
        builder.Specification.Selector = selector;
    }
}
