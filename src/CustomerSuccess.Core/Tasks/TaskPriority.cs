using System.Text.Json.Serialization;

namespace CustomerSuccess.Core.Tasks;

/// <summary>How urgent a task is (HubSpot's task priorities). Serialised by name.</summary>
/// <remarks>Filters compare it as text: <c>none</c>, <c>low</c>, <c>medium</c>, <c>high</c>
/// (<see cref="TaskFilterTarget.PriorityValue"/>).</remarks>
[JsonConverter(typeof(JsonStringEnumConverter<TaskPriority>))]
public enum TaskPriority
{
    /// <summary>No priority set (the default).</summary>
    None = 0,

    /// <summary>Low.</summary>
    Low = 1,

    /// <summary>Medium.</summary>
    Medium = 2,

    /// <summary>High.</summary>
    High = 3,
}
