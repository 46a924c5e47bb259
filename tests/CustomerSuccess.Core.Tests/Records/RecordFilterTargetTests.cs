using System;
using System.Linq;
using CustomerSuccess.Core.Crm;
using CustomerSuccess.Core.Filters;
using CustomerSuccess.Core.Records;

namespace CustomerSuccess.Core.Tests.Records;

/// <summary>One CRM vocabulary: the record target is the record's members plus the properties of its object's schema.</summary>
public class RecordFilterTargetTests
{
    private static readonly CrmObjectSchema Companies = new(
        CrmObjectType.Companies,
        [new CrmProperty("renewal_date", CrmPropertyType.Date), new CrmProperty(RecordFilterTarget.Amount, CrmPropertyType.Text), new CrmProperty("account_manager", CrmPropertyType.User)]);

    [Fact]
    public void MembersOnly_HasTheRecordMembersWithTheirTypes()
    {
        var target = RecordFilterTarget.MembersOnly;

        Assert.True(target.TryGetType(RecordFilterTarget.CsmOwner, out var owner) && owner == CrmPropertyType.User);
        Assert.True(target.TryGetType(RecordFilterTarget.OwnerAssignedAt, out var assigned) && assigned == CrmPropertyType.DateTime);
        Assert.True(target.TryGetType(RecordFilterTarget.Amount, out var amount) && amount == CrmPropertyType.Number);
        Assert.False(target.Contains("renewal_date"));
        Assert.Equal(7, target.Properties.Length);
    }

    [Fact]
    public void For_AddsTheObjectsPropertiesFromTheBag_AMemberNameStaysTheMember()
    {
        var target = RecordFilterTarget.For(Companies);

        Assert.True(target.TryGetType("renewal_date", out var renewal) && renewal == CrmPropertyType.Date);
        Assert.True(target.TryGetType("account_manager", out var manager) && manager == CrmPropertyType.User);
        Assert.True(target.TryGetType(RecordFilterTarget.Amount, out var amount) && amount == CrmPropertyType.Number);
        Assert.Same(target, RecordFilterTarget.For(Companies));
        Assert.Throws<ArgumentNullException>(() => RecordFilterTarget.For(null!));
    }

    [Fact]
    public void For_UserPropertyInTheBag_FiltersByIsMeAndIsAnyOf()
    {
        var target = RecordFilterTarget.For(Companies);
        CrmRecord[] records =
        [
            new() { Id = RecordId.From(1), Properties = [CrmPropertyValue.User("account_manager", UserId.From(1))] },
            new() { Id = RecordId.From(2), Properties = [CrmPropertyValue.User("account_manager", UserId.From(2))] },
            new() { Id = RecordId.From(3) },
        ];
        var context = new FilterContext(UserId.From(1), NodaTime.Instant.FromUtc(2026, 1, 1, 0, 0), NodaTime.DateTimeZone.Utc);

        var me = FilterCompiler.Compile(ViewFilter.Condition("account_manager", FilterOperator.IsMe), null, target, context).Value;
        var unknown = FilterCompiler.Compile(ViewFilter.Condition("account_manager", FilterOperator.IsUnknown), null, target, context).Value;

        Assert.Equal([1L], me.Evaluate(records).Select(r => r.Id.Value));
        Assert.Equal([3L], unknown.Evaluate(records).Select(r => r.Id.Value));
    }

    [Fact]
    public void Builder_MemberOfTheWrongTypeOrRepeatedName_IsAnArgumentError()
    {
        var builder = FilterTarget.Create((CrmRecord r) => r.Id);

        Assert.Equal("member", Assert.Throws<ArgumentException>(() => builder.Member("amount", CrmPropertyType.Text, r => r.Amount)).ParamName);
        builder.Member("stage", CrmPropertyType.Text, r => r.StageId);
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => builder.Member("stage", CrmPropertyType.Text, r => r.PipelineId)).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.Member("x", (CrmPropertyType)99, r => r.PipelineId));
    }

    [Fact]
    public void CrmObjectType_FromNameAndCustom_KeepStandardNamesForStandardObjects()
    {
        Assert.Equal(CrmObjectType.Deals, CrmObjectType.FromName("deals"));
        Assert.Equal(CrmObjectKind.Custom, CrmObjectType.FromName("p_subscriptions").Kind);
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => CrmObjectType.Custom("companies")).ParamName);
        Assert.Throws<ArgumentException>(() => CrmObjectType.FromName(" "));
    }

    [Fact]
    public void RecordId_ComparesBoxedForSpecificationOrdering()
    {
        Assert.True(RecordId.From(1).CompareTo((object)RecordId.From(2)) < 0);
        Assert.True(RecordId.From(1).CompareTo(null) > 0);
        Assert.Throws<ArgumentException>(() => RecordId.From(1).CompareTo((object)1L));
    }
}
