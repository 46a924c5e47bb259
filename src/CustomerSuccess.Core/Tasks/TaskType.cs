using System.Text.Json.Serialization;

namespace CustomerSuccess.Core.Tasks;

/// <summary>What kind of work a task is (HubSpot's task types). Serialised by name.</summary>
/// <remarks>Filters compare it as text: <c>todo</c>, <c>call</c>, <c>email</c>, <c>meeting</c>
/// (<see cref="TaskFilterTarget.TypeValue"/>).</remarks>
[JsonConverter(typeof(JsonStringEnumConverter<TaskType>))]
public enum TaskType
{
    /// <summary>A to-do.</summary>
    ToDo = 1,

    /// <summary>A call to make.</summary>
    Call = 2,

    /// <summary>An email to send.</summary>
    Email = 3,

    /// <summary>A meeting to hold or prepare.</summary>
    Meeting = 4,
}
