using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading;

namespace CustomerSuccess.Core.Specification.Tests;

/// <summary>
/// The repository ports have Ardalis.Specification 9.3's member names and signatures. Ardalis.Specification cannot be
/// restored from this project's package source, so no class derived from its <c>RepositoryBase&lt;T&gt;</c> is compiled
/// here; instead the signatures below are transcribed from Ardalis.Specification 9.3.1's <c>IReadRepositoryBase&lt;T&gt;</c>
/// and <c>IRepositoryBase&lt;T&gt;</c> (return type, name, parameter types; <c>Spec</c> stands for that package's
/// specification types, ours here) and compared with our interfaces by reflection.
/// </summary>
public class RepositoryPortTests
{
    private static readonly string[] ArdalisReadSignatures =
    [
        "Task<T?> GetByIdAsync<TId>(TId, CancellationToken)",
        "Task<T?> FirstOrDefaultAsync(ISpecification<T>, CancellationToken)",
        "Task<TResult?> FirstOrDefaultAsync<TResult>(ISpecification<T, TResult>, CancellationToken)",
        "Task<T?> SingleOrDefaultAsync(ISingleResultSpecification<T>, CancellationToken)",
        "Task<TResult?> SingleOrDefaultAsync<TResult>(ISingleResultSpecification<T, TResult>, CancellationToken)",
        "Task<List<T>> ListAsync(CancellationToken)",
        "Task<List<T>> ListAsync(ISpecification<T>, CancellationToken)",
        "Task<List<TResult>> ListAsync<TResult>(ISpecification<T, TResult>, CancellationToken)",
        "Task<int> CountAsync(ISpecification<T>, CancellationToken)",
        "Task<int> CountAsync(CancellationToken)",
        "Task<bool> AnyAsync(ISpecification<T>, CancellationToken)",
        "Task<bool> AnyAsync(CancellationToken)",
        "IAsyncEnumerable<T> AsAsyncEnumerable(ISpecification<T>)",
    ];

    private static readonly string[] ArdalisWriteSignatures =
    [
        "Task<T> AddAsync(T, CancellationToken)",
        "Task<IEnumerable<T>> AddRangeAsync(IEnumerable<T>, CancellationToken)",
        "Task<int> UpdateAsync(T, CancellationToken)",
        "Task<int> UpdateRangeAsync(IEnumerable<T>, CancellationToken)",
        "Task<int> DeleteAsync(T, CancellationToken)",
        "Task<int> DeleteRangeAsync(IEnumerable<T>, CancellationToken)",
        "Task<int> DeleteRangeAsync(ISpecification<T>, CancellationToken)",
        "Task<int> SaveChangesAsync(CancellationToken)",
    ];

    [Fact]
    public void ReadPort_HasArdalis93Signatures()
    {
        Assert.Equal(ArdalisReadSignatures.Order(StringComparer.Ordinal), Signatures(typeof(IReadRepositoryBase<>)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void WritePort_ExtendsReadPortWithArdalis93Signatures()
    {
        Assert.Contains(typeof(IReadRepositoryBase<>), typeof(IRepositoryBase<>).GetInterfaces().Select(i => i.GetGenericTypeDefinition()));
        Assert.Equal(ArdalisWriteSignatures.Order(StringComparer.Ordinal), Signatures(typeof(IRepositoryBase<>)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AsyncMembers_EndWithOptionalCancellationToken()
    {
        var methods = typeof(IRepositoryBase<>).GetMethods().Concat(typeof(IReadRepositoryBase<>).GetMethods())
            .Where(m => m.Name != "AsAsyncEnumerable");

        Assert.All(methods, m =>
        {
            var last = m.GetParameters().Last();
            Assert.Equal(typeof(CancellationToken), last.ParameterType);
            Assert.True(last.HasDefaultValue, m.Name);
        });
    }

    private static IEnumerable<string> Signatures(Type port) =>
        port.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Select(m =>
        {
            var generic = m.IsGenericMethodDefinition ? $"<{string.Join(", ", m.GetGenericArguments().Select(Name))}>" : string.Empty;
            var nullable = new NullabilityInfoContext().Create(m.ReturnParameter);
            var returns = Name(m.ReturnType, nullable.GenericTypeArguments.FirstOrDefault()?.ReadState == NullabilityState.Nullable);
            return $"{returns} {m.Name}{generic}({string.Join(", ", m.GetParameters().Select(p => Name(p.ParameterType)))})";
        });

    private static string Name(Type type) => Name(type, false);

    private static string Name(Type type, bool nullableArgument)
    {
        if (!type.IsGenericType)
        {
            return type.Name switch { "Int32" => "int", "Boolean" => "bool", _ => type.Name };
        }

        var name = type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)];
        var arguments = type.GetGenericArguments().Select(Name).ToArray();
        if (nullableArgument)
        {
            arguments[0] += "?";
        }

        return $"{name}<{string.Join(", ", arguments)}>";
    }
}
