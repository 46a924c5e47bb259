using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using NodaTime;

namespace CustomerSuccess.Core.HealthScores.Snapshots;

/// <summary>Typed columns (struct of arrays) for a schema: the storage shared by snapshots and event logs.</summary>
internal sealed class ColumnTable
{
    public ColumnTable(PortfolioSchema schema, int count, Array[] columns, ImmutableArray<string>[] dictionaries)
    {
        Schema = schema;
        Count = count;
        Columns = columns;
        Dictionaries = dictionaries;
    }

    public PortfolioSchema Schema { get; }

    public int Count { get; }

    /// <summary>Per column: double[], byte[] (text codes), int[] (day numbers) or byte[] (booleans), each of length Count.</summary>
    public Array[] Columns { get; }

    /// <summary>Per text column: value of code c is at index c - 1; default for non-text columns.</summary>
    public ImmutableArray<string>[] Dictionaries { get; }

    public long HeldBytes
    {
        get
        {
            long total = 0;
            foreach (SignalDefinition signal in Schema.Signals)
            {
                total += (long)Count * BytesPerValue(signal.Type);
            }

            return total;
        }
    }

    public static int BytesPerValue(SignalType type) =>
        type switch
        {
            SignalType.Number => sizeof(double),
            SignalType.Date => sizeof(int),
            _ => sizeof(byte),
        };

    public T[] Column<T>(int column, SignalType expected)
    {
        if ((uint)column >= (uint)Columns.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(column), column, "No such column.");
        }

        if (Schema.Signals[column].Type != expected)
        {
            throw new ArgumentException(
                $"Column {column} ('{Schema.Signals[column].Name}') is {Schema.Signals[column].Type}, not {expected}.",
                nameof(column));
        }

        return (T[])Columns[column];
    }

    public object? GetValue(int column, int row)
    {
        if ((uint)row >= (uint)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(row), row, "No such row.");
        }

        SignalType type = Schema.Signals[column].Type;
        switch (type)
        {
            case SignalType.Number:
                double d = Column<double>(column, type)[row];
                return double.IsNaN(d) ? null : d;
            case SignalType.Text:
                byte code = Column<byte>(column, type)[row];
                return code == SignalEncoding.MissingTextCode ? null : Dictionaries[column][code - 1];
            case SignalType.Date:
                int day = Column<int>(column, type)[row];
                return day == SignalEncoding.MissingDayNumber ? null : SignalEncoding.FromDayNumber(day);
            default:
                return SignalEncoding.FromBooleanCode(Column<byte>(column, type)[row]);
        }
    }
}

/// <summary>Row-wise builder of a <see cref="ColumnTable"/>; grows by doubling; text dictionary-encoded on the fly.</summary>
internal sealed class ColumnTableBuilder
{
    private readonly PortfolioSchema _schema;
    private readonly Array[] _columns;
    private readonly Dictionary<string, byte>?[] _codes;
    private readonly List<string>?[] _values;
    private int _count;
    private int _capacity;

    public ColumnTableBuilder(PortfolioSchema schema, int capacity)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _schema = schema;
        _capacity = Math.Max(capacity, 16);
        _columns = new Array[schema.Count];
        _codes = new Dictionary<string, byte>?[schema.Count];
        _values = new List<string>?[schema.Count];
        for (int c = 0; c < schema.Count; c++)
        {
            SignalType type = schema.Signals[c].Type;
            _columns[c] = NewColumn(type, _capacity, 0);
            if (type == SignalType.Text)
            {
                _codes[c] = new Dictionary<string, byte>(StringComparer.Ordinal);
                _values[c] = [];
            }
        }
    }

    public int Count => _count;

    public PortfolioSchema Schema => _schema;

    public int AddRow()
    {
        if (_count == _capacity)
        {
            int newCapacity = (int)Math.Min((long)_capacity * 2, Array.MaxLength);
            if (newCapacity == _capacity)
            {
                throw new InvalidOperationException("The table is full.");
            }

            for (int c = 0; c < _columns.Length; c++)
            {
                Array grown = NewColumn(_schema.Signals[c].Type, newCapacity, _count);
                Array.Copy(_columns[c], grown, _count);
                _columns[c] = grown;
            }

            _capacity = newCapacity;
        }

        return _count++;
    }

    public void SetNumber(int row, int column, double? value) =>
        Typed<double>(row, column, SignalType.Number)[row] = value ?? double.NaN;

    public void SetText(int row, int column, string? value)
    {
        byte[] codes = Typed<byte>(row, column, SignalType.Text);
        if (value is null)
        {
            codes[row] = SignalEncoding.MissingTextCode;
            return;
        }

        Dictionary<string, byte> map = _codes[column]!;
        if (!map.TryGetValue(value, out byte code))
        {
            List<string> values = _values[column]!;
            if (values.Count >= SignalEncoding.MaxTextCode)
            {
                throw new InvalidOperationException(
                    $"Text signal '{_schema.Signals[column].Name}' has more than {SignalEncoding.MaxTextCode} distinct values.");
            }

            values.Add(value);
            code = (byte)values.Count;
            map.Add(value, code);
        }

        codes[row] = code;
    }

    public void SetDate(int row, int column, LocalDate? value) =>
        Typed<int>(row, column, SignalType.Date)[row] =
            value is { } date ? SignalEncoding.ToDayNumber(date) : SignalEncoding.MissingDayNumber;

    public void SetBoolean(int row, int column, bool? value) =>
        Typed<byte>(row, column, SignalType.Boolean)[row] = SignalEncoding.ToBooleanCode(value);

    public ColumnTable Build()
    {
        var columns = new Array[_columns.Length];
        var dictionaries = new ImmutableArray<string>[_columns.Length];
        for (int c = 0; c < columns.Length; c++)
        {
            Array exact = NewColumn(_schema.Signals[c].Type, _count, _count);
            Array.Copy(_columns[c], exact, _count);
            columns[c] = exact;
            dictionaries[c] = _values[c] is { } values ? [.. values] : default;
        }

        return new ColumnTable(_schema, _count, columns, dictionaries);
    }

    private T[] Typed<T>(int row, int column, SignalType expected)
    {
        if ((uint)row >= (uint)_count)
        {
            throw new ArgumentOutOfRangeException(nameof(row), row, "No such row.");
        }

        if ((uint)column >= (uint)_columns.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(column), column, "No such column.");
        }

        if (_schema.Signals[column].Type != expected)
        {
            throw new ArgumentException(
                $"Column {column} ('{_schema.Signals[column].Name}') is {_schema.Signals[column].Type}, not {expected}.",
                nameof(column));
        }

        return (T[])_columns[column];
    }

    private static Array NewColumn(SignalType type, int length, int filledFrom)
    {
        switch (type)
        {
            case SignalType.Number:
                var numbers = new double[length];
                numbers.AsSpan(filledFrom).Fill(double.NaN);
                return numbers;
            case SignalType.Date:
                var days = new int[length];
                days.AsSpan(filledFrom).Fill(SignalEncoding.MissingDayNumber);
                return days;
            default:
                return new byte[length];
        }
    }
}
