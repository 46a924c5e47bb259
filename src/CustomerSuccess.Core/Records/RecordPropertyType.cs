namespace CustomerSuccess.Core.Records;

/// <summary>The type of a record property, which decides the filter operators it accepts and the column of
/// <see cref="RecordPropertyValue"/> that holds its value.</summary>
public enum RecordPropertyType
{
    /// <summary>Free text or an enumeration option; held in <see cref="RecordPropertyValue.TextValue"/>. Operators: is, is
    /// not, contains, is any of, is known, is unknown.</summary>
    Text = 1,

    /// <summary>A number; held in <see cref="RecordPropertyValue.NumberValue"/>. Operators: =, ≠, &lt;, ≤, &gt;, ≥, between,
    /// is known, is unknown.</summary>
    Number = 2,

    /// <summary>A point in time; held in <see cref="RecordPropertyValue.DateValue"/>. Operators: before, after, between, in
    /// the last N days, in the next N days, is known, is unknown (all evaluated in the viewer's time zone).</summary>
    Date = 3,

    /// <summary>A yes/no value; held in <see cref="RecordPropertyValue.BoolValue"/>. Operators: is, is not, is known, is
    /// unknown.</summary>
    Boolean = 4,

    /// <summary>A HubSpot user: only the well-known CSM owner property (<see cref="CrmRecord.CsmOwnerId"/>). Operators: is
    /// me, is any of, is known, is unknown.</summary>
    Owner = 5,
}
