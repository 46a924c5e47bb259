using System;
using System.Globalization;
using System.Text;
using nietras.SeparatedValues;
using NodaTime;

namespace CustomerSuccess.Core.Cli.Input;

/// <summary>Reading single CSV cells: RFC 4180 unquoting that notices an unclosed quote, strict value parsers, and
/// short excerpts for messages (never the megabytes an unclosed quote can swallow).</summary>
internal static class CsvCells
{
    /// <summary>Whether a row is a blank line (nothing but white space): skipped wherever it is, as the blank line that
    /// editors and exports leave at the end of a file.</summary>
    public static bool IsBlankLine(SepReader.Row row) => row.ColCount == 1 && row.Span.IsWhiteSpace();

    /// <summary>The longest excerpt of a cell or line quoted in a message.</summary>
    public const int ExcerptLength = 40;

    /// <summary>Gets a cell's value from its raw text: a quoted cell loses its outer quotes and doubled inner quotes.</summary>
    /// <returns><see langword="false"/> when the cell opens a quote that is never closed.</returns>
    public static bool TryUnquote(ReadOnlySpan<char> raw, ref char[] scratch, out ReadOnlySpan<char> value)
    {
        if (raw.IsEmpty || raw[0] != '"')
        {
            value = raw;
            return true;
        }

        if (scratch.Length < raw.Length)
        {
            scratch = new char[Math.Max(raw.Length, scratch.Length * 2)];
        }

        int written = 0;
        int i = 1;
        while (i < raw.Length)
        {
            char c = raw[i];
            if (c == '"')
            {
                if (i + 1 < raw.Length && raw[i + 1] == '"')
                {
                    scratch[written++] = '"';
                    i += 2;
                    continue;
                }

                // The closing quote; RFC 4180 allows nothing after it, but text after it is kept as Excel does.
                raw[(i + 1)..].CopyTo(scratch.AsSpan(written));
                written += raw.Length - i - 1;
                value = scratch.AsSpan(0, written);
                return true;
            }

            scratch[written++] = c;
            i++;
        }

        value = default;
        return false;
    }

    /// <summary>Removes surrounding quotes from a header name.</summary>
    public static string HeaderName(string raw)
    {
        char[] scratch = [];
        return TryUnquote(raw, ref scratch, out ReadOnlySpan<char> value) ? value.ToString() : raw;
    }

    /// <summary>At most <see cref="ExcerptLength"/> characters of a value, quoted, line breaks shown as ⏎.</summary>
    public static string Excerpt(ReadOnlySpan<char> text)
    {
        bool cut = text.Length > ExcerptLength;
        ReadOnlySpan<char> shown = cut ? text[..ExcerptLength] : text;
        var builder = new StringBuilder(shown.Length + 8).Append('\'');
        foreach (char c in shown)
        {
            builder.Append(c switch
            {
                '\n' => "⏎",
                '\r' => string.Empty,
                '\t' => "⇥",
                _ when char.IsControl(c) => "�",
                _ => c.ToString(),
            });
        }

        builder.Append('\'');
        if (cut)
        {
            builder.Append(CultureInfo.InvariantCulture, $"… ({text.Length:N0} characters)");
        }

        return builder.ToString();
    }

    /// <summary>Parses a finite number in the invariant culture (<c>1.5</c>, <c>-2e3</c>); NaN, infinities and numbers
    /// too large for a double (<c>1e400</c>) are not numbers here.</summary>
    public static bool TryParseFiniteNumber(ReadOnlySpan<char> text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>Why a cell that <see cref="TryParseFiniteNumber"/> refused is not a number: not a finite number (NaN, an
    /// infinity, beyond the range of a double) or not a number at all.</summary>
    public static string WhyNotANumber(ReadOnlySpan<char> text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) || text.Trim() is "∞" or "-∞" or "+∞"
            ? "is not a finite number"
            : "is not a number";

    /// <summary>A CSV reader's message about a file's header in the file's terms: a column name used twice (blank names
    /// included) says which; anything else is quoted short.</summary>
    public static string DescribeReaderError(string message)
    {
        const string Repeated = "Col name '";
        int at = message.IndexOf(Repeated, StringComparison.Ordinal);
        int end = at < 0 ? -1 : message.IndexOf("' found ", at + Repeated.Length, StringComparison.Ordinal);
        if (end < 0)
        {
            return Excerpt(message);
        }

        string name = message[(at + Repeated.Length)..end];
        return name.Length == 0
            ? "the header has more than one blank column name; give every column a name (or remove the empty columns at its end)."
            : $"the header names the column '{name}' more than once; give every column its own name.";
    }

    /// <summary>Parses an ISO date <c>yyyy-MM-dd</c> that exists in the calendar.</summary>
    public static bool TryParseIsoDate(ReadOnlySpan<char> text, out LocalDate value)
    {
        value = default;
        if (text.Length != 10 || text[4] != '-' || text[7] != '-'
            || !int.TryParse(text[..4], NumberStyles.None, CultureInfo.InvariantCulture, out int year)
            || !int.TryParse(text[5..7], NumberStyles.None, CultureInfo.InvariantCulture, out int month)
            || !int.TryParse(text[8..], NumberStyles.None, CultureInfo.InvariantCulture, out int day)
            || month is < 1 or > 12 || day < 1 || year < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month))
        {
            return false;
        }

        value = new LocalDate(year, month, day);
        return true;
    }

    /// <summary>Parses true/false, yes/no or 1/0 (any case).</summary>
    public static bool? ParseBoolean(ReadOnlySpan<char> text) =>
        text.Equals("true", StringComparison.OrdinalIgnoreCase) || text.Equals("yes", StringComparison.OrdinalIgnoreCase) || text is "1" ? true
        : text.Equals("false", StringComparison.OrdinalIgnoreCase) || text.Equals("no", StringComparison.OrdinalIgnoreCase) || text is "0" ? false
        : null;
}
