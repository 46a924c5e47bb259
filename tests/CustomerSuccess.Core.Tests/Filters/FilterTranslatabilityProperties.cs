using System.Collections.Generic;
using System.Linq.Expressions;
using CustomerSuccess.Core.Filters;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CustomerSuccess.Core.Tests.Filters;

public class FilterTranslatabilityProperties
{
    private static readonly HashSet<string> AllowedCalls = ["Any", "Contains", "Where", "Select", "FirstOrDefault"];

    [Property(MaxTest = 300)]
    public Property Compile_RandomFiltersOnRecords_UseOnlyTranslatableNodes() => Check(FilterModels.Records);

    [Property(MaxTest = 300)]
    public Property Compile_RandomFiltersOnTasks_UseOnlyTranslatableNodes() => Check(FilterModels.Tasks);

    private static Property Check<T>(FilterModel<T> model) =>
        Prop.ForAll(FilterGenerators.Cases(model), c =>
        {
            var spec = FilterCompiler.Compile(c.Filter, c.Sort, model.Target, c.Context).Value;
            var collector = new Collector();
            foreach (var where in spec.WhereExpressions)
            {
                collector.Visit(where.Filter);
            }

            foreach (var order in spec.OrderExpressions)
            {
                collector.Visit(order.KeySelector);
            }

            Assert.All(collector.Calls, m => Assert.Contains(m, AllowedCalls));
            Assert.Empty(collector.Invocations);
            return true;
        });

    private sealed class Collector : ExpressionVisitor
    {
        public List<string> Calls { get; } = [];

        public List<Expression> Invocations { get; } = [];

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            Calls.Add(node.Method.Name);
            return base.VisitMethodCall(node);
        }

        protected override Expression VisitInvocation(InvocationExpression node)
        {
            Invocations.Add(node);
            return base.VisitInvocation(node);
        }
    }
}
