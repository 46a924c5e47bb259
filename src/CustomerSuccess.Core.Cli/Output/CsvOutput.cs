using System;
using System.Collections.Generic;
using System.IO;

namespace CustomerSuccess.Core.Cli.Output;

/// <summary>
/// Writes RFC 4180 CSV: a cell with a comma, a quote, a line break or surrounding spaces is quoted and its quotes
/// doubled; lines end with CRLF. A cell that a spreadsheet would run as a formula (it starts with <c>=</c>, <c>+</c>,
/// <c>-</c>, <c>@</c>, a tab or a carriage return) gets a leading apostrophe, and so does a cell that starts with an
/// apostrophe, so that removing one leading apostrophe always gives the original value back.
/// </summary>
internal sealed class CsvOutput(TextWriter writer)
{
    private bool _lineStarted;

    /// <summary>Writes a header or data row.</summary>
    public void Row(IEnumerable<string> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        foreach (string cell in cells)
        {
            Cell(cell);
        }

        EndRow();
    }

    /// <summary>Writes one text cell, neutralised and quoted as needed.</summary>
    public void Cell(ReadOnlySpan<char> value)
    {
        Separator();
        bool neutralise = NeedsApostrophe(value);
        bool quote = value.ContainsAny(",\"\r\n") || (value.Length > 0 && (value[0] == ' ' || value[^1] == ' '));
        if (quote)
        {
            writer.Write('"');
        }

        if (neutralise)
        {
            writer.Write('\'');
        }

        if (quote)
        {
            foreach (char c in value)
            {
                if (c == '"')
                {
                    writer.Write('"');
                }

                writer.Write(c);
            }

            writer.Write('"');
        }
        else
        {
            writer.Write(value);
        }
    }

    /// <summary>Writes a cell that is known to need no quoting (numbers, fixed words).</summary>
    public void Plain(string value)
    {
        Separator();
        writer.Write(value);
    }

    public void EndRow()
    {
        writer.Write("\r\n");
        _lineStarted = false;
    }

    /// <summary>Whether a cell gets a leading apostrophe.</summary>
    public static bool NeedsApostrophe(ReadOnlySpan<char> value) => value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\'';

    private void Separator()
    {
        if (_lineStarted)
        {
            writer.Write(',');
        }

        _lineStarted = true;
    }
}
