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

    [Fact]
    public void DomainEvents_NameTheirPortalAndTheirInitiator_AsConstructorData()
    {
        // The interface makes every event expose PortalId, Initiator and OccurredAt; this checks that each event is
        // given them when it is built (no constant, no default), so score history, alerts and the feed can rely on them.
        var events = Shipped.SelectMany(a => a.GetExportedTypes())
            .Where(t => typeof(IDomainEvent).IsAssignableFrom(t) && !t.IsInterface && !t.IsAbstract)
            .ToList();
        Assert.All(events, e =>
        {
            var parameters = e.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First().GetParameters();
            Assert.Contains(parameters, p => p.ParameterType == typeof(Initiator) && p.Name == nameof(IDomainEvent.Initiator));
            Assert.Contains(parameters, p => p.ParameterType == typeof(NodaTime.Instant) && p.Name == nameof(IDomainEvent.OccurredAt));
            Assert.Contains(parameters, p => p.ParameterType == typeof(PortalId) || (p.ParameterType.GetProperty(nameof(IPortalScoped.PortalId))?.PropertyType == typeof(PortalId)));
        });
    }

    [Fact]
    public void ApplicationServices_EveryCommandReturnsAChangeWithItsEvents_EveryMethodTakesTheActorFirst()
    {
        var services = typeof(Result).Assembly.GetExportedTypes().Where(t => t.Name.EndsWith("Service", StringComparison.Ordinal)).ToList();
        Assert.True(services.Count >= 4, string.Join(", ", services.Select(s => s.Name)));
        foreach (var service in services)
        {
            var ctor = Assert.Single(service.GetConstructors());
            var ctorParameters = ctor.GetParameters();
            var context = Array.FindIndex(ctorParameters, p => p.ParameterType == typeof(ServiceContext));
            Assert.True(context > 0, $"{service.Name}: ports first, then the ServiceContext");
            Assert.All(ctorParameters.Take(context), p => Assert.True(p.ParameterType.IsInterface, $"{service.Name}({p.Name}) should be a port"));

            foreach (var method in service.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                var parameters = method.GetParameters();
                Assert.True(parameters.Length >= 2 && parameters[0].ParameterType == typeof(CustomerSuccess.Core.Access.Actor) && parameters[1].ParameterType == typeof(CustomerSuccess.Core.Access.AccountContext), $"{service.Name}.{method.Name}: every read and write authorizes, so it takes the actor and the account first");
                Assert.Equal(typeof(System.Threading.CancellationToken), parameters[^1].ParameterType);
                var isRead = method.Name.StartsWith("Get", StringComparison.Ordinal) || method.Name.StartsWith("List", StringComparison.Ordinal);
                if (isRead)
                {
                    continue;
                }

                var result = method.ReturnType.GetGenericArguments().Single();
                Assert.True(result.IsGenericType && result.GetGenericTypeDefinition() == typeof(Result<>), $"{service.Name}.{method.Name} returns a result");
                if (parameters.Any(p => p.ParameterType.IsGenericType && p.ParameterType.GetGenericTypeDefinition() == typeof(IProgress<>)))
                {
                    // A bulk command streams over many aggregates, one compare-and-set each: it reports every item's outcome
                    // through the progress callback and returns a report, not a Change<T>, whose events would all be held
                    // in memory at once; each item's version is in its outcome.
                    continue;
                }

                var change = result.GetGenericArguments().Single();
                Assert.True(change.IsGenericType && change.GetGenericTypeDefinition() == typeof(Change<>), $"{service.Name}.{method.Name} should return a Change<T> (output, version, events)");
                var createsNewAggregates = method.Name.StartsWith("Create", StringComparison.Ordinal) && !parameters.Any(p => p.ParameterType.Name.EndsWith("Key", StringComparison.Ordinal));
                if (!createsNewAggregates)
                {
                    // A command on an existing aggregate names the version the person saw; one that creates new aggregates
                    // (a task has its own record) has no version to expect yet.
                    Assert.True(parameters.Any(p => p.ParameterType == typeof(VersionToken?)), $"{service.Name}.{method.Name} should take the expected version");
                }
            }
        }
    }

    [Fact]
    public void Aggregates_TakeARequiredPolicy_NeverAnOptionalOne()
    {
        var aggregates = Shipped.SelectMany(a => a.GetExportedTypes()).Where(IsAggregate).ToList();
        Assert.NotEmpty(aggregates);
        var optional = aggregates
            .SelectMany(t => t.GetConstructors().SelectMany(c => c.GetParameters()))
            .Where(p => p.ParameterType == typeof(CustomerSuccess.Core.Access.AccessPolicy) && p.IsOptional)
            .Select(p => p.Member.DeclaringType!.Name)
            .ToList();
        Assert.True(optional.Count == 0, "Aggregates with an optional access policy: " + string.Join(", ", optional));
        Assert.All(aggregates.Where(t => t.GetConstructors().Any(c => c.GetParameters().Any(p => p.ParameterType == typeof(CustomerSuccess.Core.Access.AccessPolicy)))), t =>
            Assert.True(IsPortalAggregate(t), $"{t.Name} takes a policy, so it derives from PortalAggregate<TState>"));
    }

    private static bool IsPortalAggregate(Type type)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(PortalAggregate<>))
            {
                return true;
            }
        }

        return false;
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
