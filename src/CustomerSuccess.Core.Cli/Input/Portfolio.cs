using System.Collections.Generic;
using CustomerSuccess.Core.HealthScores.Snapshots;

namespace CustomerSuccess.Core.Cli.Input;

/// <summary>What to do with a second row for an account id already read.</summary>
internal enum DuplicatePolicy
{
    /// <summary>Stop with an error naming both lines (the default).</summary>
    Error,

    /// <summary>Keep the first row, ignore the later ones.</summary>
    First,

    /// <summary>Keep the last row (at its position), drop the earlier ones.</summary>
    Last,
}

/// <summary>How an account's outcome (for a backtest) was read.</summary>
internal static class Outcome
{
    public const byte Unknown = 0;
    public const byte Retained = 1;
    public const byte Churned = 2;
}

/// <summary>A portfolio read from CSV: the columnar snapshot and, beside it, the ids (in row order), owner names and
/// outcomes.</summary>
internal sealed class Portfolio
{
    public required string Source { get; init; }

    public required PortfolioSnapshot Snapshot { get; init; }

    public required AccountIds Ids { get; init; }

    /// <summary>Owner names by owner code; code 0 is "(none)".</summary>
    public required IReadOnlyList<string> Owners { get; init; }

    /// <summary>One <see cref="Outcome"/> byte per account, when an outcome column was read.</summary>
    public byte[]? Outcomes { get; init; }

    /// <summary>Blank signal cells, read as missing values.</summary>
    public long BlankCells { get; init; }

    /// <summary>Rows dropped by <c>--duplicates first|last</c>.</summary>
    public int DroppedDuplicates { get; init; }

    public int Count => Snapshot.AccountCount;
}
