using System;
using NodaTime;

namespace CustomerSuccess.Core.HealthScores.Snapshots;

/// <summary>Typed columns (struct of arrays) for a schema: the storage shared by snapshots and event logs.</summary>
/// <remarks>Point updates (<see cref="SetNumber"/> …) change the arrays in place; a text update may replace a column by
/// a wider copy. The owner serialises updates against readers.</remarks>
internal sealed class ColumnTable
{
    public ColumnTable(PortfolioSchema schema, int count, Array[] columns, TextDictionary?[] dictionaries)
    {
        Schema = schema;
        Count = count;
        Columns = columns;
        Dictionaries = dictionaries;
    }

    public PortfolioSchema Schema { get; }

    public int Count { get; }

    /// <summary>Per column: double[] (numbers), byte[]/ushort[]/int[] (text codes, see <see cref="TextCodes"/>), int[]
    /// (day numbers) or byte[] (booleans), each of length Count.</summary>
    public Array[] Columns { get; }

    /// <summary>Per text column its dictionary; null for other columns.</summary>
    public TextDictionary?[] Dictionaries { get; }

    /// <summary>The row copy kept beside the columns (<see cref="PortfolioSnapshot.KeepRowCopy"/>), maintained by every
    /// point update; null when none is kept.</summary>
    public SnapshotRows? Rows { get; set; }

    public long HeldBytes
    {
        get
        {
            long total = 0;
            for (int c = 0; c < Columns.Length; c++)
            {
                total += (long)Count * BytesPerValue(c);
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

    /// <summary>Bytes per value of a column as stored (text: the current code width).</summary>
    public int BytesPerValue(int column) =>
        Schema.Signals[column].Type == SignalType.Text ? TextCodes.Width(Columns[column]) : BytesPerValue(Schema.Signals[column].Type);

    public T[] Column<T>(int column, SignalType expected)
    {
        Check(column, expected);
        return (T[])Columns[column];
    }

    public Array TextColumn(int column)
    {
        Check(column, SignalType.Text);
        return Columns[column];
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
                int code = TextCodes.Get(Columns[column], row);
                return code == SignalEncoding.MissingTextCode ? null : Dictionaries[column]![code];
            case SignalType.Date:
                int day = Column<int>(column, type)[row];
                return day == SignalEncoding.MissingDayNumber ? null : SignalEncoding.FromDayNumber(day);
            default:
                return SignalEncoding.FromBooleanCode(Column<byte>(column, type)[row]);
        }
    }

    public void SetNumber(int row, int column, double? value)
    {
        double number = value ?? double.NaN;
        Typed<double>(row, column, SignalType.Number)[row] = number;
        Rows?.Set(row, column, number);
    }

    public void SetText(int row, int column, string? value)
    {
        CheckRow(row);
        Check(column, SignalType.Text);
        int code = value is null ? SignalEncoding.MissingTextCode : Dictionaries[column]!.GetOrAdd(value);
        Columns[column] = TextCodes.Set(Columns[column], row, code);
        Rows?.Set(row, column, code);
    }

    public void SetDate(int row, int column, LocalDate? value)
    {
        int day = value is { } date ? SignalEncoding.ToDayNumber(date) : SignalEncoding.MissingDayNumber;
        Typed<int>(row, column, SignalType.Date)[row] = day;
        Rows?.Set(row, column, day);
    }

    public void SetBoolean(int row, int column, bool? value)
    {
        byte code = SignalEncoding.ToBooleanCode(value);
        Typed<byte>(row, column, SignalType.Boolean)[row] = code;
        Rows?.Set(row, column, code);
    }

    /// <summary>An empty column of a type and length; numbers and dates from <paramref name="filledFrom"/> on are missing.</summary>
    public static Array NewColumn(SignalType type, int length, int filledFrom)
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

    private T[] Typed<T>(int row, int column, SignalType expected)
    {
        CheckRow(row);
        return Column<T>(column, expected);
    }

    private void CheckRow(int row)
    {
        if ((uint)row >= (uint)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(row), row, "No such row.");
        }
    }

    private void Check(int column, SignalType expected)
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
    }
}

/// <summary>Row-wise builder of a <see cref="ColumnTable"/>; grows by doubling; text dictionary-encoded on the fly
/// (one-byte codes while they fit, wider codes afterwards).</summary>
internal sealed class ColumnTableBuilder
{
    private readonly PortfolioSchema _schema;
    private readonly Array[] _columns;
    private readonly TextDictionary?[] _dictionaries;
    private int _count;
    private int _capacity;

    public ColumnTableBuilder(PortfolioSchema schema, int capacity)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _schema = schema;
        _capacity = Math.Max(capacity, 16);
        _columns = new Array[schema.Count];
        _dictionaries = new TextDictionary?[schema.Count];
        for (int c = 0; c < schema.Count; c++)
        {
            SignalType type = schema.Signals[c].Type;
            _columns[c] = ColumnTable.NewColumn(type, _capacity, 0);
            if (type == SignalType.Text)
            {
                _dictionaries[c] = new TextDictionary();
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
                SignalType type = _schema.Signals[c].Type;
                Array grown = type == SignalType.Text ? TextCodes.New(_columns[c], newCapacity) : ColumnTable.NewColumn(type, newCapacity, _count);
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
        Check(row, column, SignalType.Text);
        _columns[column] = TextCodes.Set(_columns[column], row, value is null ? SignalEncoding.MissingTextCode : _dictionaries[column]!.GetOrAdd(value));
    }

    public void SetDate(int row, int column, LocalDate? value) =>
        Typed<int>(row, column, SignalType.Date)[row] =
            value is { } date ? SignalEncoding.ToDayNumber(date) : SignalEncoding.MissingDayNumber;

    public void SetBoolean(int row, int column, bool? value) =>
        Typed<byte>(row, column, SignalType.Boolean)[row] = SignalEncoding.ToBooleanCode(value);

    public ColumnTable Build()
    {
        var columns = new Array[_columns.Length];
        var dictionaries = new TextDictionary?[_columns.Length];
        for (int c = 0; c < columns.Length; c++)
        {
            SignalType type = _schema.Signals[c].Type;
            Array exact = type == SignalType.Text ? TextCodes.New(_columns[c], _count) : ColumnTable.NewColumn(type, _count, _count);
            Array.Copy(_columns[c], exact, _count);
            columns[c] = exact;
            dictionaries[c] = _dictionaries[c]?.Clone();
        }

        return new ColumnTable(_schema, _count, columns, dictionaries);
    }

    private T[] Typed<T>(int row, int column, SignalType expected)
    {
        Check(row, column, expected);
        return (T[])_columns[column];
    }

    private void Check(int row, int column, SignalType expected)
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
    }
}
