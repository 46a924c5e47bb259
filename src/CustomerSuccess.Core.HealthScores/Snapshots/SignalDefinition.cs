using System;

namespace CustomerSuccess.Core.HealthScores.Snapshots;

/// <summary>One named, typed signal (record property or event property) of a columnar snapshot or event log.</summary>
/// <param name="Name">The property name; compared ordinally and case-sensitively, like condition property names.</param>
/// <param name="Type">The value type, which decides the column encoding (see <see cref="PortfolioSnapshot"/>).</param>
public sealed record SignalDefinition(string Name, SignalType Type)
{
    /// <summary>Gets the property name (never null, empty or white space).</summary>
    /// <value>The ordinal, case-sensitive property name.</value>
    /// <exception cref="ArgumentException">The name is null, empty or white space.</exception>
    public string Name
    {
        get;
        init
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(value, nameof(Name));
            field = value;
        }
    } = ValidName(Name);

    private static string ValidName(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name, nameof(Name));
        return name;
    }
}
