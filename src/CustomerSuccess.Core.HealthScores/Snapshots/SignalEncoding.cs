using System;
using NodaTime;

namespace CustomerSuccess.Core.HealthScores.Snapshots;

/// <summary>
/// The column encodings of <see cref="PortfolioSnapshot"/> and <see cref="Activity.ActivityLog"/>. Missing values are
/// encoded so that no comparison needs an extra "is present" test: NaN for numbers (every ordered IEEE comparison
/// with NaN is false), code 0 for dictionary-encoded text, <see cref="MissingDayNumber"/> for dates and
/// <see cref="BooleanMissing"/> for booleans.
/// </summary>
public static class SignalEncoding
{
    /// <summary>The day number that encodes a missing date (<see cref="int.MinValue"/>).</summary>
    public const int MissingDayNumber = int.MinValue;

    /// <summary>The text code that encodes a missing text value; present values have codes 1, 2, … in first-seen order.</summary>
    public const byte MissingTextCode = 0;

    /// <summary>The largest code of the one-byte text encoding (255). A text column holds any number of distinct values:
    /// it keeps one-byte codes while its dictionary has at most 255 values, then uses two-byte codes (up to 65,535
    /// values), then four-byte codes (see <see cref="PortfolioSnapshot.GetTextCodeWidth"/>).</summary>
    public const int MaxTextCode = byte.MaxValue;

    /// <summary>The byte that encodes a missing boolean.</summary>
    public const byte BooleanMissing = 0;

    /// <summary>The byte that encodes <see langword="false"/>.</summary>
    public const byte BooleanFalse = 1;

    /// <summary>The byte that encodes <see langword="true"/>.</summary>
    public const byte BooleanTrue = 2;

    private const int UnixEpochDayNumber = 719_162; // DateOnly(1970, 1, 1).DayNumber

    /// <summary>Converts a date to its day number: days since 1970-01-01 in the ISO calendar.</summary>
    /// <param name="date">The date (any calendar; converted to ISO first).</param>
    /// <returns>The day number; 1970-01-01 is 0.</returns>
    public static int ToDayNumber(LocalDate date)
    {
        if (date.Calendar != CalendarSystem.Iso)
        {
            date = date.WithCalendar(CalendarSystem.Iso);
        }

        return date.ToDateOnly().DayNumber - UnixEpochDayNumber;
    }

    /// <summary>Converts a day number back to an ISO date.</summary>
    /// <param name="dayNumber">Days since 1970-01-01; must not be <see cref="MissingDayNumber"/>.</param>
    /// <returns>The ISO date.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The day number is outside the range of <see cref="DateOnly"/>.</exception>
    public static LocalDate FromDayNumber(int dayNumber)
    {
        long n = (long)dayNumber + UnixEpochDayNumber;
        if (n < DateOnly.MinValue.DayNumber || n > DateOnly.MaxValue.DayNumber)
        {
            throw new ArgumentOutOfRangeException(nameof(dayNumber), dayNumber, "The day number is out of range.");
        }

        return LocalDate.FromDateOnly(DateOnly.FromDayNumber((int)n));
    }

    /// <summary>Encodes an optional boolean.</summary>
    /// <param name="value">The value, or null when missing.</param>
    /// <returns><see cref="BooleanMissing"/>, <see cref="BooleanFalse"/> or <see cref="BooleanTrue"/>.</returns>
    public static byte ToBooleanCode(bool? value) =>
        value switch
        {
            null => BooleanMissing,
            false => BooleanFalse,
            true => BooleanTrue,
        };

    /// <summary>Decodes a boolean byte.</summary>
    /// <param name="code">The encoded byte.</param>
    /// <returns>The value, or null when missing (0) or not a valid code.</returns>
    public static bool? FromBooleanCode(byte code) =>
        code switch
        {
            BooleanFalse => false,
            BooleanTrue => true,
            _ => null,
        };
}
