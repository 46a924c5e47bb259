using System;
using System.Collections.Generic;
using System.Linq;
using System.Linq.Expressions;
using CustomerSuccess.Core.Specification.Tests.Support;

namespace CustomerSuccess.Core.Specification.Tests.Conformance;

/// <summary>A filter from the translatable pool, with the condition passed to the builder's condition overload.</summary>
public sealed record FilterStep(string Description, Expression<Func<SpecRecord, bool>> Filter, bool Condition)
{
    public override string ToString() => Condition ? Description : $"[skipped: {Description}]";
}

/// <summary>An ordering key from the pool.</summary>
public sealed record OrderKey(string Name, Expression<Func<SpecRecord, object?>> Selector)
{
    public override string ToString() => Name;
}

/// <summary>One ordering call (OrderBy/ThenBy, ascending or descending) with its condition.</summary>
public sealed record OrderStep(OrderKey Key, bool Descending, bool Condition)
{
    public override string ToString() => $"{Key}{(Descending ? " desc" : string.Empty)}{(Condition ? string.Empty : " [skipped]")}";
}

/// <summary>A Skip or Take call with its condition.</summary>
public sealed record PagingStep(int Value, bool Condition)
{
    public override string ToString() => Condition ? Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"[skipped {Value}]";
}

/// <summary>
/// A description of a specification built through the public builder only; <see cref="Build"/> replays it, so every
/// generated specification is one a user could write.
/// </summary>
public sealed record SpecPlan(
    IReadOnlyList<FilterStep> Filters,
    OrderStep? First,
    IReadOnlyList<OrderStep> Then,
    PagingStep? Skip,
    PagingStep? Take)
{
    public Specification<SpecRecord> Build()
    {
        var spec = new Specification<SpecRecord>();
        foreach (var filter in Filters)
        {
            spec.Query.Where(filter.Filter, filter.Condition);
        }

        if (First is not null)
        {
            var ordered = First.Descending
                ? spec.Query.OrderByDescending(First.Key.Selector, First.Condition)
                : spec.Query.OrderBy(First.Key.Selector, First.Condition);
            foreach (var step in Then)
            {
                ordered = step.Descending
                    ? ordered.ThenByDescending(step.Key.Selector, step.Condition)
                    : ordered.ThenBy(step.Key.Selector, step.Condition);
            }
        }

        if (Skip is not null)
        {
            spec.Query.Skip(Skip.Value, Skip.Condition);
        }

        if (Take is not null)
        {
            spec.Query.Take(Take.Value, Take.Condition);
        }

        return spec;
    }

    public override string ToString()
    {
        var where = Filters.Count == 0 ? "-" : string.Join(" AND ", Filters);
        var order = First is null ? "-" : string.Join(", ", new[] { First }.Concat(Then));
        return $"where: {where}; order: {order}; skip: {Skip?.ToString() ?? "-"}; take: {Take?.ToString() ?? "-"}";
    }
}

/// <summary>Data and a specification plan, generated together.</summary>
public sealed record ConformanceCase(IReadOnlyList<SpecRecord> Data, SpecPlan Plan)
{
    public override string ToString() => $"{Plan} | data ({Data.Count}): {string.Join(", ", Data)}";
}
