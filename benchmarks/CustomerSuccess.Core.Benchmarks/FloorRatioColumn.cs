using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace CustomerSuccess.Core.Benchmarks;

/// <summary>
/// "× floor": a row's mean ÷ the mean of the bandwidth probe row of the same run with the same parameters and thread
/// count (methods ending in <c>2Threads</c> run on 2 threads, others on 1). The probe reads as many bytes as the profile
/// moves, so this is the distance from the memory-bandwidth floor.
/// </summary>
public sealed class FloorRatioColumn : IColumn
{
    public const string ProbeMethod = "Probe";

    public string Id => nameof(FloorRatioColumn);

    public string ColumnName => "× floor";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Mean ÷ mean of the bandwidth probe (same bytes, same thread count, same run)";

    public bool IsAvailable(Summary summary) => summary.BenchmarksCases.Any(IsProbe);

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        int threads = Threads(benchmarkCase);
        BenchmarkCase? probe = summary.BenchmarksCases.FirstOrDefault(c =>
            IsProbe(c) && Threads(c) == threads && c.Descriptor.Type == benchmarkCase.Descriptor.Type && c.Parameters.ValueInfo == benchmarkCase.Parameters.ValueInfo);
        double? mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        double? floor = probe is null ? null : summary[probe]?.ResultStatistics?.Mean;
        return mean is { } m && floor is { } f && f > 0 ? (m / f).ToString("F2", CultureInfo.InvariantCulture) : "-";
    }

    private static bool IsProbe(BenchmarkCase benchmarkCase) => benchmarkCase.Descriptor.WorkloadMethod.Name.StartsWith(ProbeMethod, System.StringComparison.Ordinal);

    private static int Threads(BenchmarkCase benchmarkCase) => benchmarkCase.Descriptor.WorkloadMethod.Name.EndsWith("2Threads", System.StringComparison.Ordinal) ? 2 : 1;
}
