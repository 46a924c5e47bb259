using System.Text.Json.Serialization;

namespace CustomerSuccess.Core.Filters;

/// <summary>How a <see cref="FilterGroup"/> combines its children.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LogicalOperator>))]
public enum LogicalOperator
{
    /// <summary>Every child must match; an empty AND group matches every record.</summary>
    And = 1,

    /// <summary>At least one child must match; an empty OR group matches no record.</summary>
    Or = 2,
}
