using System;
using System.Collections.Generic;
using System.Linq;
using System.Linq.Expressions;
using CustomerSuccess.Core.Specification.Tests.Support;

namespace CustomerSuccess.Core.Specification.Tests;

public class QueryableExtensionsTests
{
    private static readonly SpecRecord[] Data =
    [
        SpecRecord.Of(1, score: 5),
        SpecRecord.Of(2, score: 9),
        SpecRecord.Of(3, score: 5),
        SpecRecord.Of(4, score: 1),
    ];

    private sealed class CountingEvaluator : ISpecificationEvaluator
    {
        public int Calls { get; private set; }

        public IQueryable<T> GetQuery<T>(IQueryable<T> inputQuery, ISpecification<T> specification, bool evaluateCriteriaOnly = false)
            where T : class
        {
            Calls++;
            return inputQuery;
        }

        public IQueryable<TResult> GetQuery<T, TResult>(IQueryable<T> inputQuery, ISpecification<T, TResult> specification)
            where T : class
        {
            Calls++;
            return inputQuery.Select(specification.Selector!);
        }
    }

    private sealed class MethodCollector : ExpressionVisitor
    {
        public List<System.Reflection.MethodInfo> Methods { get; } = [];

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            Methods.Add(node.Method);
            return base.VisitMethodCall(node);
        }
    }

    private static Specification<SpecRecord> FullSpec()
    {
        var spec = new Specification<SpecRecord>();
        spec.Query.Where(x => x.Score >= 5).Where(x => x.Id > 0)
            .OrderByDescending(x => x.Score).ThenBy(x => x.Id).ThenByDescending(x => x.Name)
            .Skip(1).Take(2);
        return spec;
    }

    [Fact]
    public void WithSpecification_DefaultEvaluator_AppliesSpecification()
    {
        Assert.Equal([1, 3], Data.AsQueryable().WithSpecification(FullSpec()).Select(x => x.Id));
    }

    [Fact]
    public void WithSpecification_UsesOnlyStandardQueryableOperators()
    {
        var query = Data.AsQueryable().WithSpecification(FullSpec());
        var collector = new MethodCollector();

        collector.Visit(query.Expression);

        Assert.All(collector.Methods, m => Assert.Equal(typeof(Queryable), m.DeclaringType));
        Assert.Equal(
            ["Take", "Skip", "ThenByDescending", "ThenBy", "OrderByDescending", "Where", "Where"],
            collector.Methods.Select(m => m.Name));
    }

    [Fact]
    public void WithSpecification_CustomEvaluator_IsUsed()
    {
        var evaluator = new CountingEvaluator();

        var query = Data.AsQueryable().WithSpecification(FullSpec(), evaluator);

        Assert.Equal(1, evaluator.Calls);
        Assert.Equal(4, query.Count());
    }

    [Fact]
    public void WithSpecification_NullArguments_ThrowArgumentNullException()
    {
        Assert.Equal("source", Assert.Throws<ArgumentNullException>(() => QueryableExtensions.WithSpecification(null!, FullSpec())).ParamName);
        Assert.Equal("specification", Assert.Throws<ArgumentNullException>(() => Data.AsQueryable().WithSpecification(null!)).ParamName);
    }
}
