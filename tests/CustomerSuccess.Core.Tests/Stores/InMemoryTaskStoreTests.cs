using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading.Tasks;
using CustomerSuccess.Core.Stores.InMemory;
using CustomerSuccess.Core.Tasks;
using CustomerSuccess.Core.Testing;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace CustomerSuccess.Core.Tests.Stores;

/// <summary>The kit's task cases on the reference in-memory store, plus what is particular to it.</summary>
public sealed class InMemoryTaskStoreTests : TaskStoreConformance
{
    protected override Task<TaskStorePorts> CreateTaskStoreAsync()
    {
        var store = new InMemoryTaskStore();
        return Task.FromResult(new TaskStorePorts(store, store));
    }

    protected override Task<IReadOnlyList<IDomainEvent>> ReadOutboxAsync(IAggregateStore<TaskKey, TaskState> store) =>
        Task.FromResult(((InMemoryTaskStore)store).Outbox);

    [Fact]
    public void TaskStateAndDetails_RoundTripThroughSystemTextJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web).ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        var task = SampleState(TaskKey.Create(Portal, TaskId.From(1)), 1);

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
