using System.Globalization;
using CustomerSuccess.Core.HealthScores;

namespace CustomerSuccess.Core.Cli.Output;

/// <summary>How statuses and numbers are shown.</summary>
internal static class Labels
{
    public static readonly HealthStatus[] Statuses = [HealthStatus.AtRisk, HealthStatus.Neutral, HealthStatus.Healthy];

    /// <summary>The status with colour markup, for tables.</summary>
    public static string Markup(HealthStatus status) => status switch
    {
        HealthStatus.AtRisk => "[red]At risk[/]",
        HealthStatus.Neutral => "[yellow]Neutral[/]",
        HealthStatus.Healthy => "[green]Healthy[/]",
        _ => status.ToString(),
    };

    /// <summary>The status as written in JSON and CSV: <c>AtRisk</c>, <c>Neutral</c>, <c>Healthy</c>.</summary>
    public static string Name(HealthStatus status) => status.ToString();

    public static string Invariant(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    public static string Percent(double? value) => value is { } v ? v.ToString("P1", CultureInfo.InvariantCulture) : "-";
}
