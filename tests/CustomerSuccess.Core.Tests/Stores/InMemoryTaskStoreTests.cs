using System;
using System.Text.Json;
using System.Threading.Tasks;
using CustomerSuccess.Core.Stores.InMemory;
using CustomerSuccess.Core.Tasks;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace CustomerSuccess.Core.Tests.Stores;

/// <summary>The task contract on the reference in-memory store, plus what is particular to it.</summary>
public sealed class InMemoryTaskStoreTests : TaskStoreContract
{
    protected override (ITaskStore Store, ITaskQuery Query) CreateStore()
    {
        var store = new InMemoryTaskStore();
        return (store, store);
    }

    [Fact]
    public async Task Save_AStateThatIsNotACreatedTaskOfItsKey_IsAnArgumentMistake()
    {
        var store = new InMemoryTaskStore();
        var task = Task(PortalA, 1);

        await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync(TaskKey.Create(PortalA, TaskId.From(2)), task, VersionToken.None, []));
        await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync(task.Key, TaskItem.CreateInitialState(task.Key), VersionToken.None, []));
    }

    [Fact]
    public void TaskStateAndDetails_RoundTripThroughSystemTextJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web).ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        var task = Task(PortalA, 1, t => t.Full());

        var json = JsonSerializer.Serialize(task, options);
        var back = JsonSerializer.Deserialize<TaskState>(json, options);
        var details = JsonSerializer.Deserialize<TaskDetails>(JsonSerializer.Serialize(task.Details, options), options);

        Assert.Equal(task, back);
        Assert.Equal(task.Details, details);
        Assert.Contains("\"objectType\":\"p_subscriptions\"", json, StringComparison.Ordinal);
        Assert.Contains("\"type\":\"Call\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"exists\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"key\"", json, StringComparison.Ordinal);
    }
}
