using System;
using System.Collections.Generic;
using System.Linq;

namespace CustomerSuccess.Core.Specification;

/// <summary>
/// Applies a specification to an in-memory sequence with LINQ to objects, mirroring <see cref="SpecificationEvaluator"/>
/// step by step; backs <see cref="Specification{T}.Evaluate(IEnumerable{T})"/>.
/// </summary>
/// <remarks>
/// <para>
/// The default pipeline is <see cref="WhereEvaluator"/>, <see cref="OrderEvaluator"/>, <see cref="PaginationEvaluator"/>.
/// For every specification built with this package, <c>Evaluate(list)</c> returns the same sequence as
/// <c>list.AsQueryable().WithSpecification(spec)</c> (checked by the package's property tests).
/// </para>
/// <para>Immutable and thread-safe when its evaluators are.</para>
/// </remarks>
public sealed class InMemorySpecificationEvaluator : IInMemorySpecificationEvaluator
{
    private readonly IInMemoryEvaluator[] _evaluators;

    /// <summary>
    /// Initializes a new instance of the <see cref="InMemorySpecificationEvaluator"/> class with the default pipeline
    /// (where, order, paging).
    /// </summary>
    public InMemorySpecificationEvaluator()
        : this([WhereEvaluator.Instance, OrderEvaluator.Instance, PaginationEvaluator.Instance])
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="InMemorySpecificationEvaluator"/> class with a custom pipeline, e.g.
    /// only <see cref="WhereEvaluator.Instance"/> for a criteria-only evaluation.
    /// </summary>
    /// <param name="evaluators">The evaluators to run, in order.</param>
    /// <exception cref="ArgumentNullException"><paramref name="evaluators"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="evaluators"/> contains <see langword="null"/>.</exception>
    public InMemorySpecificationEvaluator(IEnumerable<IInMemoryEvaluator> evaluators)
    {
        ArgumentNullException.ThrowIfNull(evaluators);
        _evaluators = [.. evaluators];
        if (Array.Exists(_evaluators, e => e is null))
        {
            throw new ArgumentException("The evaluator list must not contain null.", nameof(evaluators));
        }
    }

    /// <summary>
    /// Gets the shared instance with the default pipeline (where, order, paging).
    /// </summary>
    /// <value>A stateless singleton.</value>
    public static InMemorySpecificationEvaluator Default { get; } = new();

    /// <summary>
    /// Gets the evaluators this instance runs, in order.
    /// </summary>
    /// <value>A read-only snapshot of the pipeline given to the constructor.</value>
    public IReadOnlyList<IInMemoryEvaluator> Evaluators => _evaluators;

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> or <paramref name="specification"/> is <see langword="null"/>.</exception>
    /// <exception cref="DuplicateOrderChainException">The specification contains more than one ordering chain.</exception>
    public IEnumerable<T> Evaluate<T>(IEnumerable<T> source, ISpecification<T> specification)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(specification);
        foreach (var evaluator in _evaluators)
        {
            source = evaluator.Evaluate(source, specification);
        }

        return source;
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> or <paramref name="specification"/> is <see langword="null"/>.</exception>
    /// <exception cref="SelectorNotFoundException">The specification has no projection.</exception>
    public IEnumerable<TResult> Evaluate<T, TResult>(IEnumerable<T> source, ISpecification<T, TResult> specification)
    {
        ArgumentNullException.ThrowIfNull(specification);
        var selector = specification.Selector ?? throw new SelectorNotFoundException();
        return Evaluate(source, (ISpecification<T>)specification).Select(selector.Compile());
    }
}
