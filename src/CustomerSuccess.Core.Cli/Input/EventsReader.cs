using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using CustomerSuccess.Core.Cli.Infrastructure;
using CustomerSuccess.Core.Cli.Scoring;
using CustomerSuccess.Core.HealthScores;
using CustomerSuccess.Core.HealthScores.Activity;
using CustomerSuccess.Core.HealthScores.Snapshots;
using nietras.SeparatedValues;
using NodaTime;
using NodaTime.Text;

namespace CustomerSuccess.Core.Cli.Input;

/// <summary>The outcome of reading an events file.</summary>
internal sealed record EventsRead(ActivityLog Log, long Events, long UnknownAccounts);

/// <summary>
/// Reads tracked events (columns <c>account,type,time,properties</c>) into the library's <see cref="ActivityLogBuilder"/>:
/// <c>account</c> is a portfolio id, <c>type</c> the event type (e.g. <c>meeting</c>), <c>time</c> an ISO instant
/// (<c>2026-11-20T10:00:00Z</c>, an offset, or a date meaning its start in UTC) and <c>properties</c> a JSON object
/// whose members the event conditions read (numbers, strings, dates as <c>"yyyy-MM-dd"</c> strings, booleans).
/// Events of accounts that are not in the portfolio are counted and skipped.
/// </summary>
internal static class EventsReader
{
    private static readonly OffsetDateTimePattern Offset = OffsetDateTimePattern.ExtendedIso;

    public static EventsRead Read(string path, PortfolioSchema properties, char? delimiter, AccountIds accounts)
    {
        ArgumentNullException.ThrowIfNull(properties);
        ArgumentNullException.ThrowIfNull(accounts);
        InputFiles.CheckReadable(path, "--events");
        InputFiles.CheckUtf8Text(path, "--events");
        using SepReader reader = Open(path, delimiter);
        string[] names = [.. EachName(reader.Header.ColNames)];
        int Column(string name) => Array.IndexOf(names, name);
        int account = Column(ScoringPlan.EventAccount);
        int type = Column(ScoringPlan.EventType);
        int time = Column(ScoringPlan.EventTime);
        int props = Column(ScoringPlan.EventProperties);
        if (account < 0 || type < 0 || time < 0)
        {
            throw CliException.Input($"{path} needs the columns account, type and time (and properties); its columns are {ScoringPlan.ColumnList(names)}.");
        }

        var builder = new ActivityLogBuilder(properties);
        char[] scratch = new char[256];
        byte[] utf8 = new byte[1024];
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        long events = 0;
        long unknown = 0;
        try
        {
            foreach (SepReader.Row row in reader)
            {
                if (CsvCells.IsBlankLine(row))
                {
                    continue;
                }

                string where = $"{path}, line {row.LineNumberFrom}";
                if (row.ColCount != names.Length)
                {
                    throw CliException.Input($"{where}: {row.ColCount} cells, but the header has {names.Length} columns: {CsvCells.Excerpt(row.Span)}");
                }

                int index = accounts.IndexOf(Cell(row[account].Span, ref scratch, where, names[account]));
                if (index < 0)
                {
                    unknown++;
                    continue;
                }

                string eventType = Cell(row[type].Span, ref scratch, where, names[type]).Trim().ToString();
                if (eventType.Length == 0)
                {
                    throw CliException.Input($"{where}, column 'type': the event type is blank.");
                }

                string timeText = Cell(row[time].Span, ref scratch, where, names[time]).Trim().ToString();
                Instant at = ParseTime(timeText) ?? throw CliException.Input($"{where}, column 'time': {CsvCells.Excerpt(timeText)} is not an ISO instant such as 2026-11-20T10:00:00Z (or a date yyyy-MM-dd).");
                int e = builder.AddEvent(index, eventType, at);
                events++;
                if (props >= 0)
                {
                    ReadOnlySpan<char> json = Cell(row[props].Span, ref scratch, where, names[props]).Trim();
                    if (!json.IsEmpty)
                    {
                        ReadProperties(json, ref utf8, builder, e, properties, texts, $"{where}, column 'properties'");
                    }
                }
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or ArgumentException or NotSupportedException)
        {
            throw CliException.Input($"{path}: {CsvCells.Excerpt(ex.Message)}");
        }
        catch (InvalidOperationException ex)
        {
            throw CliException.Input($"{path}: {ex.Message}");
        }

        return new EventsRead(builder.Build(), events, unknown);
    }

    /// <summary>Reads only the header of an events file.</summary>
    public static CsvHeader ReadHeader(string path, char? delimiter)
    {
        InputFiles.CheckReadable(path, "--events");
        using SepReader reader = Open(path, delimiter);
        return new CsvHeader([.. EachName(reader.Header.ColNames)], reader.Spec.Sep.Separator);
    }

    private static SepReader Open(string path, char? delimiter)
    {
        try
        {
            return Sep.Reader(o => o with { Sep = delimiter is { } d ? new Sep(d) : null, DisableColCountCheck = true, Unescape = false }).FromFile(path);
        }
        catch (Exception ex) when (ex is InvalidDataException or ArgumentException or NotSupportedException)
        {
            throw CliException.Input($"--events: '{path}' cannot be read as CSV: {CsvCells.DescribeReaderError(ex.Message)}");
        }
    }

    private static ReadOnlySpan<char> Cell(ReadOnlySpan<char> raw, ref char[] scratch, string where, string column) =>
        CsvCells.TryUnquote(raw, ref scratch, out ReadOnlySpan<char> value) ? value : throw CliException.Input($"{where}, column '{column}': the quoted cell is never closed.");

    private static IEnumerable<string> EachName(IReadOnlyList<string> raw)
    {
        foreach (string name in raw)
        {
            yield return CsvCells.HeaderName(name).Trim();
        }
    }

    private static Instant? ParseTime(string text)
    {
        if (InstantPattern.ExtendedIso.Parse(text) is { Success: true } instant)
        {
            return instant.Value;
        }

        if (Offset.Parse(text) is { Success: true } offset)
        {
            return offset.Value.ToInstant();
        }

        return CsvCells.TryParseIsoDate(text, out LocalDate date) ? date.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant() : null;
    }

    private static void ReadProperties(ReadOnlySpan<char> json, ref byte[] utf8, ActivityLogBuilder builder, int e, PortfolioSchema schema, Dictionary<string, string> texts, string where)
    {
        int max = Encoding.UTF8.GetMaxByteCount(json.Length);
        if (utf8.Length < max)
        {
            utf8 = new byte[Math.Max(max, utf8.Length * 2)];
        }

        int length = Encoding.UTF8.GetBytes(json, utf8);
        var reader = new Utf8JsonReader(utf8.AsSpan(0, length), new JsonReaderOptions { MaxDepth = 8 });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw CliException.Input($"{where}: {CsvCells.Excerpt(json)} is not a JSON object such as {{\"outcome\": \"connected\"}}.");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                string name = reader.GetString()!;
                reader.Read();
                if (!schema.TryGetIndex(name, out int column))
                {
                    reader.Skip();
                    continue;
                }

                SignalType kind = schema.Signals[column].Type;
                if (reader.TokenType == JsonTokenType.Null)
                {
                    continue;
                }

                string found = reader.TokenType is JsonTokenType.String or JsonTokenType.Number ? Encoding.UTF8.GetString(reader.ValueSpan) : reader.TokenType.ToString().ToLowerInvariant();
                switch (kind)
                {
                    case SignalType.Number when reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out double number) && double.IsFinite(number):
                        builder.SetNumber(e, column, number);
                        break;
                    case SignalType.Text when reader.TokenType == JsonTokenType.String:
                        string text = reader.GetString()!;
                        if (!texts.TryGetValue(text, out string? interned))
                        {
                            texts.Add(text, text);
                            interned = text;
                        }

                        builder.SetText(e, column, interned);
                        break;
                    case SignalType.Date when reader.TokenType == JsonTokenType.String && CsvCells.TryParseIsoDate(reader.GetString(), out LocalDate date):
                        builder.SetDate(e, column, date);
                        break;
                    case SignalType.Boolean when reader.TokenType is JsonTokenType.True or JsonTokenType.False:
                        builder.SetBoolean(e, column, reader.GetBoolean());
                        break;
                    default:
                        throw CliException.Input($"{where}: the property '{name}' must be {ScoringPlan.Describe(kind)} (an event condition reads it so), not {CsvCells.Excerpt(found)}.");
                }
            }
        }
        catch (JsonException)
        {
            throw CliException.Input($"{where}: {CsvCells.Excerpt(json)} is not valid JSON; write the properties as a JSON object such as {{\"outcome\": \"connected\"}}.");
        }
    }
}
