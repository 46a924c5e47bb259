using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;

namespace CustomerSuccess.Core.Tests;

/// <summary>Design rules as tests (as NodaTime does): they fail when a change breaks a convention of the library.</summary>
public sealed partial class DesignRulesTests
{
    private static readonly Assembly[] Shipped =
    [
        typeof(Result).Assembly,                                                           // CustomerSuccess.Core
        typeof(CustomerSuccess.Core.HealthScores.HealthScoreDefinition).Assembly,          // CustomerSuccess.Core.HealthScores
        typeof(CustomerSuccess.Core.Specification.Specification<>).Assembly,               // CustomerSuccess.Core.Specification
        typeof(CustomerSuccess.Core.Stores.InMemory.InMemoryAggregateStore<,>).Assembly,   // CustomerSuccess.Core.Stores.InMemory
    ];

    // Public classes designed for inheritance, with the reason.
    private static readonly HashSet<string> OpenByDesign = new(StringComparer.Ordinal)
    {
        "CustomerSuccess.Core.Specification.Specification`1",        // Ardalis parity: derive and configure Query in the constructor
        "CustomerSuccess.Core.Specification.Specification`2",
        "CustomerSuccess.Core.Specification.SingleResultSpecification`1",
        "CustomerSuccess.Core.Specification.SingleResultSpecification`2",
        "CustomerSuccess.Core.Stores.InMemory.InMemoryAggregateStore`2", // each port's in-memory store derives from it; tests inject faults
    };

    [Fact]
    public void PublicClasses_AreSealedAbstractOrStatic_UnlessOpenByDesign()
    {
        var open = Shipped.SelectMany(a => a.GetExportedTypes())
            .Where(t => t.IsClass && !t.IsSealed && !t.IsAbstract && !OpenByDesign.Contains(t.FullName!))
            .Select(t => t.FullName)
            .ToList();
        Assert.True(open.Count == 0, "Public classes that are neither sealed, abstract nor static: " + string.Join(", ", open));
    }

    [Fact]
    public void Aggregates_HaveNoPublicSetters()
    {
        var aggregates = Shipped.SelectMany(a => a.GetExportedTypes())
            .Where(t => IsAggregate(t))
            .ToList();
        Assert.NotEmpty(aggregates);
        var setters = aggregates
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            .Where(p => p.SetMethod?.IsPublic == true)
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}")
            .ToList();
        Assert.True(setters.Count == 0, "Aggregates with public setters: " + string.Join(", ", setters));
    }

    [Fact]
    public void ErrorCodes_AreWellFormedAndUnique()
    {
        var codes = Shipped.SelectMany(a => a.GetExportedTypes())
            .Where(t => t.Name.EndsWith("Errors", StringComparison.Ordinal))
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string) && f.Name.EndsWith("Code", StringComparison.Ordinal))
            .Select(f => (Field: $"{f.DeclaringType!.Name}.{f.Name}", Code: (string)f.GetRawConstantValue()!))
            .ToList();

        Assert.True(codes.Count >= 10, $"Expected the error catalogues to declare their codes as constants; found {codes.Count}.");
        Assert.All(codes, c => Assert.Matches(CodePattern(), c.Code));
        var duplicates = codes.GroupBy(c => c.Code).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(c => c.Field))}").ToList();
        Assert.True(duplicates.Count == 0, "Error codes declared twice: " + string.Join("; ", duplicates));
    }

    [Fact]
    public void DomainEvents_AreSealedRecordsWithOccurredAt()
    {
        var events = Shipped.SelectMany(a => a.GetExportedTypes())
            .Where(t => typeof(IDomainEvent).IsAssignableFrom(t) && !t.IsInterface)
            .ToList();
        Assert.NotEmpty(events);
        Assert.All(events, e =>
        {
            Assert.True(e.IsSealed || e.IsAbstract, $"{e.Name} should be sealed");
            Assert.NotNull(e.GetMethod("<Clone>$")); // a record
        });
    }

    private static bool IsAggregate(Type type)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(AggregateRoot<>))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex("^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+$")]
    private static partial Regex CodePattern();
}
