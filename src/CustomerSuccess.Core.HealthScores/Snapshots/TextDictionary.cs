using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace CustomerSuccess.Core.HealthScores.Snapshots;

/// <summary>
/// The dictionary of one text column: distinct values in first-seen order, code c (1-based) = value c − 1, with a hash
/// lookup from value to code so that binding a condition's text values costs O(values), whatever the dictionary size.
/// </summary>
/// <remarks>Not thread-safe for writers: a table's owner serialises <see cref="GetOrAdd"/> against readers.</remarks>
internal sealed class TextDictionary
{
    private readonly List<string> _values;
    private readonly Dictionary<string, int> _codes;
    private ImmutableArray<string> _immutable;

    public TextDictionary()
    {
        _values = [];
        _codes = new Dictionary<string, int>(StringComparer.Ordinal);
    }

    private TextDictionary(TextDictionary other)
    {
        _values = [.. other._values];
        _codes = new Dictionary<string, int>(other._codes, StringComparer.Ordinal);
        _immutable = other._immutable;
    }

    public int Count => _values.Count;

    /// <summary>Gets the value of a code (1-based).</summary>
    public string this[int code] => _values[code - 1];

    public bool TryGetCode(string value, out int code) => _codes.TryGetValue(value, out code);

    /// <summary>Gets the code of a value, adding the value (code = new count) when it is new.</summary>
    public int GetOrAdd(string value)
    {
        if (_codes.TryGetValue(value, out int code))
        {
            return code;
        }

        if (_values.Count == int.MaxValue - 1)
        {
            throw new InvalidOperationException("The text dictionary is full.");
        }

        _values.Add(value);
        code = _values.Count;
        _codes.Add(value, code);
        _immutable = default;
        return code;
    }

    /// <summary>The values in code order (cached until the next addition).</summary>
    public ImmutableArray<string> ToImmutable()
    {
        if (_immutable.IsDefault)
        {
            _immutable = [.. _values];
        }

        return _immutable;
    }

    public TextDictionary Clone() => new(this);
}

/// <summary>
/// Text code columns: <see cref="byte"/> codes while the column's dictionary has at most 255 values, then
/// <see cref="ushort"/> up to 65,535 values, then <see cref="int"/>. Code 0 = missing. A column is widened (copied once)
/// when the first code that does not fit is written.
/// </summary>
internal static class TextCodes
{
    public static int Width(Array column) =>
        column switch
        {
            byte[] => sizeof(byte),
            ushort[] => sizeof(ushort),
            _ => sizeof(int),
        };

    public static int Get(Array column, int row) =>
        column switch
        {
            byte[] b => b[row],
            ushort[] s => s[row],
            _ => ((int[])column)[row],
        };

    /// <summary>Writes a code, widening the column first when the code does not fit; returns the (possibly new) column.</summary>
    public static Array Set(Array column, int row, int code)
    {
        switch (column)
        {
            case byte[] b when code <= byte.MaxValue:
                b[row] = (byte)code;
                return b;
            case byte[] b when code <= ushort.MaxValue:
                var wide = new ushort[b.Length];
                for (int i = 0; i < b.Length; i++)
                {
                    wide[i] = b[i];
                }

                wide[row] = (ushort)code;
                return wide;
            case byte[] b:
                var wider = new int[b.Length];
                for (int i = 0; i < b.Length; i++)
                {
                    wider[i] = b[i];
                }

                wider[row] = code;
                return wider;
            case ushort[] s when code <= ushort.MaxValue:
                s[row] = (ushort)code;
                return s;
            case ushort[] s:
                var ints = new int[s.Length];
                for (int i = 0; i < s.Length; i++)
                {
                    ints[i] = s[i];
                }

                ints[row] = code;
                return ints;
            default:
                ((int[])column)[row] = code;
                return column;
        }
    }

    /// <summary>A new code column of the same width.</summary>
    public static Array New(Array like, int length) =>
        like switch
        {
            byte[] => new byte[length],
            ushort[] => new ushort[length],
            _ => new int[length],
        };
}
