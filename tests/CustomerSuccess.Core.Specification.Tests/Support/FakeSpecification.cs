using System.Collections.Generic;
using System.Linq;

namespace CustomerSuccess.Core.Specification.Tests.Support;

/// <summary>
/// A hand-made <see cref="ISpecification{T}"/> (not built through the builder) for evaluator edge cases that the
/// builder cannot produce, such as a ThenBy step without a chain start.
/// </summary>
internal sealed class FakeSpecification<T> : ISpecification<T>
{
    private readonly Specification<T> _inner = new();

    public List<WhereExpressionInfo<T>> Wheres { get; } = [];

    public List<OrderExpressionInfo<T>> Orders { get; } = [];

    public ISpecificationBuilder<T> Query => _inner.Query;

    public Dictionary<string, object> Items { get; } = [];

    public IEnumerable<WhereExpressionInfo<T>> WhereExpressions => Wheres;

    public IEnumerable<OrderExpressionInfo<T>> OrderExpressions => Orders;

    public int Skip { get; set; } = -1;

    public int Take { get; set; } = -1;

    public IEnumerable<T> Evaluate(IEnumerable<T> entities) => InMemorySpecificationEvaluator.Default.Evaluate(entities, this);

    public bool IsSatisfiedBy(T entity) => Wheres.All(w => w.FilterFunc(entity));
}
