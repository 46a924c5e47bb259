using System;
using System.Collections.Generic;
using System.Globalization;
using CustomerSuccess.Core.HealthScores;
using CustomerSuccess.Core.HealthScores.Snapshots;
using nietras.SeparatedValues;
using NodaTime.Text;

namespace CustomerSuccess.Core.Cli.Portfolios;

/// <summary>A portfolio read from a CSV file: the columnar snapshot plus the account ids, owners and an optional label
/// column (for example a churn outcome) kept beside it.</summary>
internal sealed class CsvPortfolio
{
    private CsvPortfolio(PortfolioSnapshot snapshot, string[] accountIds, string[]? labels, string[] owners, int blankCells)
    {
        Snapshot = snapshot;
        AccountIds = accountIds;
        Labels = labels;
        Owners = owners;
        BlankCells = blankCells;
    }

    public PortfolioSnapshot Snapshot { get; }

    public string[] AccountIds { get; }

    public string[]? Labels { get; }

    /// <summary>Owner names by owner code (code 0 = no owner column / blank).</summary>
    public string[] Owners { get; }

    public int BlankCells { get; }

    public int Count => AccountIds.Length;

    /// <summary>Reads <paramref name="path"/>: one row per account, a header row, comma-separated (RFC 4180 quoting).
    /// Blank cells are missing values; numbers use the invariant culture; dates are ISO <c>yyyy-MM-dd</c>; booleans are
    /// true/false, yes/no or 1/0.</summary>
    /// <exception cref="FormatException">A cell cannot be read as its signal's type, or a needed column is absent; the
    /// message names the line and the column.</exception>
    public static CsvPortfolio Load(string path, PortfolioSchema schema, string idColumn, string? ownerColumn, string? labelColumn)
    {
        using var reader = Sep.Reader(o => o with { Sep = new Sep(','), Unescape = true }).FromFile(path);
        return Read(reader, path, schema, idColumn, ownerColumn, labelColumn);
    }

    /// <summary>Reads CSV text; <paramref name="source"/> names it in error messages.</summary>
    public static CsvPortfolio Parse(string text, string source, PortfolioSchema schema, string idColumn, string? ownerColumn, string? labelColumn)
    {
        using var reader = Sep.Reader(o => o with { Sep = new Sep(','), Unescape = true }).FromText(text);
        return Read(reader, source, schema, idColumn, ownerColumn, labelColumn);
    }

    private static CsvPortfolio Read(SepReader reader, string path, PortfolioSchema schema, string idColumn, string? ownerColumn, string? labelColumn)
    {
        var header = reader.Header;
        Require(header.ColNames, idColumn, path);
        var columns = new int[schema.Count];
        for (var i = 0; i < schema.Count; i++)
        {
            Require(header.ColNames, schema.Signals[i].Name, path);
            columns[i] = header.IndexOf(schema.Signals[i].Name);
        }

        var idIndex = header.IndexOf(idColumn);
        var ownerIndex = ownerColumn is null ? -1 : IndexOrThrow(header.ColNames, ownerColumn, path);
        var labelIndex = labelColumn is null ? -1 : IndexOrThrow(header.ColNames, labelColumn, path);

        var ids = new List<string>();
        var labels = labelIndex >= 0 ? new List<string>() : null;
        var ownerCodes = new Dictionary<string, int>(StringComparer.Ordinal);
        var owners = new List<string> { "(none)" };
        var rows = new List<(int Owner, string[] Cells)>();
        var line = 1;
        foreach (var row in reader)
        {
            line++;
            ids.Add(row[idIndex].ToString());
            labels?.Add(row[labelIndex].ToString());
            var owner = 0;
            if (ownerIndex >= 0)
            {
                var name = row[ownerIndex].ToString().Trim();
                if (name.Length > 0 && !ownerCodes.TryGetValue(name, out owner))
                {
                    owner = owners.Count;
                    ownerCodes.Add(name, owner);
                    owners.Add(name);
                }
            }

            var cells = new string[schema.Count];
            for (var i = 0; i < schema.Count; i++)
            {
                cells[i] = row[columns[i]].ToString();
            }

            rows.Add((owner, cells));
        }

        var builder = new PortfolioSnapshotBuilder(schema, ownerCount: owners.Count, segmentCount: 0, capacity: Math.Max(rows.Count, 1));
        var blank = 0;
        for (var r = 0; r < rows.Count; r++)
        {
            var account = builder.AddAccount(rows[r].Owner);
            for (var i = 0; i < schema.Count; i++)
            {
                var text = rows[r].Cells[i].Trim();
                if (text.Length == 0)
                {
                    blank++;
                    continue;
                }

                var signal = schema.Signals[i];
                switch (signal.Type)
                {
                    case SignalType.Number:
                        builder.SetNumber(account, i, double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                            ? number
                            : throw Bad(path, r + 2, signal.Name, text, "a number"));
                        break;
                    case SignalType.Text:
                        builder.SetText(account, i, text);
                        break;
                    case SignalType.Date:
                        var parsed = LocalDatePattern.Iso.Parse(text);
                        builder.SetDate(account, i, parsed.Success ? parsed.Value : throw Bad(path, r + 2, signal.Name, text, "an ISO date (yyyy-MM-dd)"));
                        break;
                    case SignalType.Boolean:
                        builder.SetBoolean(account, i, ParseBoolean(text) ?? throw Bad(path, r + 2, signal.Name, text, "true/false, yes/no or 1/0"));
                        break;
                    default:
                        throw new InvalidOperationException($"Unknown signal type {signal.Type}.");
                }
            }
        }

        return new CsvPortfolio(builder.Build(), [.. ids], labels?.ToArray(), [.. owners], blank);
    }

    private static bool? ParseBoolean(string text) => text.ToUpperInvariant() switch
    {
        "TRUE" or "YES" or "1" => true,
        "FALSE" or "NO" or "0" => false,
        _ => null,
    };

    private static FormatException Bad(string path, int line, string column, string text, string expected) =>
        new($"{path}, line {line.ToString(CultureInfo.InvariantCulture)}, column '{column}': '{text}' is not {expected}.");

    private static void Require(IReadOnlyList<string> names, string column, string path) => IndexOrThrow(names, column, path);

    private static int IndexOrThrow(IReadOnlyList<string> names, string column, string path)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], column, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new FormatException($"{path} has no column '{column}' (columns: {string.Join(", ", names)}).");
    }
}
