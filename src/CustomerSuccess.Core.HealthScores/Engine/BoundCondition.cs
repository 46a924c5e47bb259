using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using CustomerSuccess.Core.HealthScores.Snapshots;

namespace CustomerSuccess.Core.HealthScores.Engine;

/// <summary>How a bound condition tests its column.</summary>
internal enum BoundTest
{
    /// <summary>Number column, <see cref="NumberTest"/> with operands A and B.</summary>
    Number,

    /// <summary>Code column (text codes of any width, or boolean bytes): x ∈ Codes.</summary>
    ByteInSet,

    /// <summary>Code column: x ≠ 0 and x ∉ Codes.</summary>
    ByteKnownNotInSet,

    /// <summary>Int column (day numbers or event counts): Low ≤ x ≤ High; for dates the range is bound per as-of date.</summary>
    IntRange,
}

/// <summary>Number tests, with IEEE semantics: every test is false for NaN (missing).</summary>
internal enum NumberTest
{
    Equal,
    NotEqual,
    LessThan,
    LessThanOrEqual,
    GreaterThan,
    GreaterThanOrEqual,
    Between,
    Present,
}

/// <summary>
/// One condition bound to a column of a schema: names resolved to an index, text values to dictionary codes,
/// operators to one of four tests. Immutable; dates keep their operator and are resolved to an absolute day range
/// per as-of date by <see cref="DayRange"/>. The scalar <see cref="Matches(ColumnTable, int, int)"/> and the
/// vector kernels implement the same formulas.
/// </summary>
internal sealed class BoundCondition
{
    private BoundCondition(Condition? source, int column, BoundTest test)
    {
        Source = source;
        Column = column;
        Test = test;
        Codes = [];
    }

    public Condition? Source { get; }

    public int Column { get; }

    public BoundTest Test { get; }

    public NumberTest NumberTest { get; private init; }

    public double A { get; private init; }

    public double B { get; private init; }

    /// <summary>Codes that do not depend on a dictionary (booleans, IsUnknown).</summary>
    public ImmutableArray<int> Codes { get; private init; }

    /// <summary>Text values resolved to codes against the table's dictionary once per evaluation.</summary>
    public ImmutableArray<string> TextValues { get; private init; } = [];

    /// <summary>The most codes <see cref="ResolveCodes"/> can write.</summary>
    public int MaxCodes => Codes.Length + TextValues.Length;

    public DateOperator? DateOperator { get; private init; }

    public int Days { get; private init; }

    public int FixedDay { get; private init; }

    /// <summary>Binds a condition against a column table's schema and dictionaries; adds problems on failure.</summary>
    public static BoundCondition? Bind(Condition condition, PortfolioSchema schema, string path, List<ValidationProblem> problems)
    {
        if (!schema.TryGetIndex(condition.Property, out int column))
        {
            problems.Add(new ValidationProblem(path, "health_score.unknown_property", $"The property '{condition.Property}' is not in the schema."));
            return null;
        }

        SignalType actual = schema.Signals[column].Type;
        if (actual != condition.SignalType)
        {
            problems.Add(new ValidationProblem(
                path,
                "health_score.operator_type_mismatch",
                $"The property '{condition.Property}' is {actual}, but the condition is a {condition.SignalType} condition."));
            return null;
        }

        switch (condition)
        {
            case NumberCondition n:
                if (n.Operator == NumberOperator.Between && n.UpperValue is null)
                {
                    problems.Add(new ValidationProblem(path, "health_score.missing_upper_value", "Between needs an upper value."));
                    return null;
                }

                if (!Enum.IsDefined(n.Operator))
                {
                    problems.Add(new ValidationProblem(path, "health_score.unknown_operator", $"Unknown number operator {n.Operator}."));
                    return null;
                }

                return new BoundCondition(condition, column, BoundTest.Number)
                {
                    NumberTest = (NumberTest)(int)n.Operator,
                    A = n.Value,
                    B = n.UpperValue ?? double.NaN,
                };
            case TextCondition t:
                return BindText(t, column, path, problems);
            case DateCondition d:
                return BindDate(d, column, path, problems);
            case BooleanCondition b:
                return new BoundCondition(condition, column, BoundTest.ByteInSet)
                {
                    Codes = [b.Value ? SignalEncoding.BooleanTrue : SignalEncoding.BooleanFalse],
                };
            default:
                problems.Add(new ValidationProblem(path, "health_score.unknown_condition", $"Unsupported condition type {condition.GetType().Name}."));
                return null;
        }
    }

    /// <summary>A test that is true exactly when the column's value is present (used for coverage).</summary>
    public static BoundCondition Presence(int column, SignalType type) =>
        type switch
        {
            SignalType.Number => new BoundCondition(null, column, BoundTest.Number) { NumberTest = NumberTest.Present },
            SignalType.Date => new BoundCondition(null, column, BoundTest.IntRange) { FixedDay = 0 },
            _ => new BoundCondition(null, column, BoundTest.ByteKnownNotInSet),
        };

    /// <summary>An event-count test (count column never missing).</summary>
    public static (int Low, int High) CountRange(CountOperator op, int count) =>
        op switch
        {
            CountOperator.AtLeast => (count, int.MaxValue),
            CountOperator.AtMost => (int.MinValue, count),
            CountOperator.Exactly => (count, count),
            CountOperator.MoreThan => (count == int.MaxValue ? int.MaxValue : count + 1, count == int.MaxValue ? int.MinValue : int.MaxValue),
            CountOperator.LessThan => (count == int.MinValue ? int.MaxValue : int.MinValue, count == int.MinValue ? int.MinValue : count - 1),
            _ => throw new ArgumentOutOfRangeException(nameof(op), op, "Unknown count operator."),
        };

    /// <summary>The inclusive day range of a date test (or of a presence test on a date column) for an as-of day.</summary>
    public (int Low, int High) DayRange(int asOfDay)
    {
        if (DateOperator is not { } op)
        {
            return (SignalEncoding.MissingDayNumber + 1, int.MaxValue);
        }

        return op switch
        {
            HealthScores.DateOperator.WithinLastDays => (SaturatingAdd(asOfDay, -Days), asOfDay),
            HealthScores.DateOperator.WithinNextDays => (asOfDay, SaturatingAdd(asOfDay, Days)),
            HealthScores.DateOperator.Before => (SignalEncoding.MissingDayNumber + 1, SaturatingAdd(FixedDay, -1)),
            _ => (SaturatingAdd(FixedDay, 1), int.MaxValue),
        };
    }

    /// <summary>Writes the codes of a byte test: the fixed codes, then each text value's code in the column's dictionary
    /// (a value not in the dictionary gets no code, so it never matches).</summary>
    /// <returns>The number of codes written.</returns>
    public int ResolveCodes(ColumnTable table, Span<int> destination)
    {
        int n = 0;
        foreach (int code in Codes)
        {
            destination[n++] = code;
        }

        if (TextValues.Length > 0 && table.Dictionaries[Column] is { } dictionary)
        {
            foreach (string value in TextValues)
            {
                if (dictionary.TryGetCode(value, out int code))
                {
                    destination[n++] = code;
                }
            }
        }

        return n;
    }

    /// <summary>Scalar evaluation on one row; identical to the vector kernels.</summary>
    public bool Matches(ColumnTable table, int row, int asOfDay)
    {
        int max = Test is BoundTest.ByteInSet or BoundTest.ByteKnownNotInSet ? MaxCodes : 0;
        Span<int> codes = max <= 32 ? stackalloc int[max] : new int[max];
        codes = codes[..ResolveCodes(table, codes)];
        return Matches(table, row, asOfDay, codes);
    }

    /// <summary>Scalar evaluation on one row with codes resolved by <see cref="ResolveCodes"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Matches(ColumnTable table, int row, int asOfDay, ReadOnlySpan<int> codes)
    {
        switch (Test)
        {
            case BoundTest.Number:
                return NumberMatches(((double[])table.Columns[Column])[row]);
            case BoundTest.ByteInSet:
                return codes.Contains(TextCodes.Get(table.Columns[Column], row));
            case BoundTest.ByteKnownNotInSet:
                int code = TextCodes.Get(table.Columns[Column], row);
                return code != 0 && !codes.Contains(code);
            default:
                (int low, int high) = DayRange(asOfDay);
                int day = ((int[])table.Columns[Column])[row];
                return day >= low && day <= high;
        }
    }

    public bool NumberMatches(double x) =>
        NumberTest switch
        {
            NumberTest.Equal => x == A,
            NumberTest.NotEqual => x < A || x > A,
            NumberTest.LessThan => x < A,
            NumberTest.LessThanOrEqual => x <= A,
            NumberTest.GreaterThan => x > A,
            NumberTest.GreaterThanOrEqual => x >= A,
            NumberTest.Between => A <= x && x <= B,
            _ => !double.IsNaN(x),
        };

    private static BoundCondition? BindText(TextCondition t, int column, string path, List<ValidationProblem> problems)
    {
        int expected = t.Operator switch
        {
            TextOperator.Is or TextOperator.IsNot => 1,
            TextOperator.IsKnown or TextOperator.IsUnknown => 0,
            _ => -1,
        };
        if ((expected >= 0 && t.Values.Length != expected) || (expected < 0 && t.Values.Length == 0))
        {
            problems.Add(new ValidationProblem(path, "health_score.text_value_count", $"{t.Operator} does not accept {t.Values.Length} value(s)."));
            return null;
        }

        // Values are resolved to codes per snapshot dictionary; a value that is not in it is not an error: it never matches.
        return t.Operator switch
        {
            TextOperator.Is or TextOperator.IsAnyOf => new BoundCondition(t, column, BoundTest.ByteInSet) { TextValues = t.Values },
            TextOperator.IsNot => new BoundCondition(t, column, BoundTest.ByteKnownNotInSet) { TextValues = t.Values },
            TextOperator.IsKnown => new BoundCondition(t, column, BoundTest.ByteKnownNotInSet),
            TextOperator.IsUnknown => new BoundCondition(t, column, BoundTest.ByteInSet) { Codes = [SignalEncoding.MissingTextCode] },
            _ => Unknown(path, problems, $"Unknown text operator {t.Operator}."),
        };
    }

    private static BoundCondition? BindDate(DateCondition d, int column, string path, List<ValidationProblem> problems)
    {
        switch (d.Operator)
        {
            case HealthScores.DateOperator.WithinLastDays:
            case HealthScores.DateOperator.WithinNextDays:
                if (d.Days is not { } days || days < 0)
                {
                    problems.Add(new ValidationProblem(path, "health_score.invalid_days", $"{d.Operator} needs a number of days >= 0."));
                    return null;
                }

                return new BoundCondition(d, column, BoundTest.IntRange) { DateOperator = d.Operator, Days = days };
            case HealthScores.DateOperator.Before:
            case HealthScores.DateOperator.After:
                if (d.Date is not { } date)
                {
                    problems.Add(new ValidationProblem(path, "health_score.missing_date", $"{d.Operator} needs a date."));
                    return null;
                }

                return new BoundCondition(d, column, BoundTest.IntRange) { DateOperator = d.Operator, FixedDay = SignalEncoding.ToDayNumber(date) };
            default:
                return Unknown(path, problems, $"Unknown date operator {d.Operator}.");
        }
    }

    private static BoundCondition? Unknown(string path, List<ValidationProblem> problems, string message)
    {
        problems.Add(new ValidationProblem(path, "health_score.unknown_operator", message));
        return null;
    }

    private static int SaturatingAdd(int a, int b)
    {
        long sum = (long)a + b;
        return (int)Math.Clamp(sum, SignalEncoding.MissingDayNumber + 1L, int.MaxValue);
    }
}
