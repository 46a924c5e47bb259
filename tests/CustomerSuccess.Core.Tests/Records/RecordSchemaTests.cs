using System;
using CustomerSuccess.Core.Records;

namespace CustomerSuccess.Core.Tests.Records;

public class RecordSchemaTests
{
    [Fact]
    public void Default_HasWellKnownPropertiesWithTypes()
    {
        Assert.Equal(RecordPropertyType.Owner, RecordSchema.Default.Properties[RecordSchema.CsmOwner]);
        Assert.Equal(RecordPropertyType.Date, RecordSchema.Default.Properties[RecordSchema.OwnerAssignedAt]);
        Assert.Equal(RecordPropertyType.Number, RecordSchema.Default.Properties[RecordSchema.Amount]);
        Assert.True(RecordSchema.IsWellKnown(RecordSchema.Pipeline));
        Assert.False(RecordSchema.IsWellKnown("renewal_date"));
    }

    [Fact]
    public void WithProperty_AddsCustomProperty_RejectsDuplicatesAndOwnerType()
    {
        var schema = RecordSchema.Default.WithProperty("renewal_date", RecordPropertyType.Date);

        Assert.True(schema.TryGetType("renewal_date", out var type) && type == RecordPropertyType.Date);
        Assert.False(RecordSchema.Default.Contains("renewal_date"));
        Assert.Throws<ArgumentException>(() => schema.WithProperty("renewal_date", RecordPropertyType.Text));
        Assert.Throws<ArgumentException>(() => schema.WithProperty(RecordSchema.Amount, RecordPropertyType.Number));
        Assert.Throws<ArgumentOutOfRangeException>(() => schema.WithProperty("second_owner", RecordPropertyType.Owner));
    }

    [Fact]
    public void RecordId_ComparesBoxedForSpecificationOrdering()
    {
        Assert.True(RecordId.From(1).CompareTo((object)RecordId.From(2)) < 0);
        Assert.True(RecordId.From(1).CompareTo(null) > 0);
        Assert.Throws<ArgumentException>(() => RecordId.From(1).CompareTo((object)1L));
    }
}
