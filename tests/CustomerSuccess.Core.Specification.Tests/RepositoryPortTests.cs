using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;

namespace CustomerSuccess.Core.Specification.Tests;

public class RepositoryPortTests
{
    private static readonly string[] ReadMembers =
    [
        "GetByIdAsync", "FirstOrDefaultAsync", "SingleOrDefaultAsync", "ListAsync", "CountAsync", "AnyAsync", "AsAsyncEnumerable",
    ];

    private static readonly string[] WriteMembers =
    [
        "AddAsync", "AddRangeAsync", "UpdateAsync", "UpdateRangeAsync", "DeleteAsync", "DeleteRangeAsync", "SaveChangesAsync",
    ];

    [Fact]
    public void ReadPort_HasExactlyTheArdalisSubset()
    {
        var names = typeof(IReadRepositoryBase<>).GetMethods().Select(m => m.Name).Distinct().Order();

        Assert.Equal(ReadMembers.Order(), names);
    }

    [Fact]
    public void WritePort_ExtendsReadPortWithTheArdalisSubset()
    {
        var names = typeof(IRepositoryBase<>).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Select(m => m.Name).Order();

        Assert.Contains(typeof(IReadRepositoryBase<>), typeof(IRepositoryBase<>).GetInterfaces().Select(i => i.GetGenericTypeDefinition()));
        Assert.Equal(WriteMembers.Order(), names);
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

    [Fact]
    public void ListAsync_ReturnsTaskOfList_AsArdalis()
    {
        var returnTypes = typeof(IReadRepositoryBase<>).GetMethods().Where(m => m.Name == "ListAsync").Select(m => m.ReturnType.GetGenericTypeDefinition());

        Assert.All(returnTypes, t => Assert.Equal(typeof(Task<>), t));
        Assert.All(
            typeof(IReadRepositoryBase<>).GetMethods().Where(m => m.Name == "ListAsync"),
            m => Assert.Equal(typeof(List<>), m.ReturnType.GetGenericArguments()[0].GetGenericTypeDefinition()));
        Assert.Equal(2, typeof(IReadRepositoryBase<>).GetMethods().Count(m => m.Name == "ListAsync"));
    }

    [Fact]
    public void SingleOrDefaultAsync_TakesSingleResultSpecification()
    {
        var parameter = typeof(IReadRepositoryBase<>).GetMethod("SingleOrDefaultAsync")!.GetParameters()[0];

        Assert.Equal(typeof(ISingleResultSpecification<>), parameter.ParameterType.GetGenericTypeDefinition());
    }
}
