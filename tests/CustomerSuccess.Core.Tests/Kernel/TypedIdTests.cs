using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using CustomerSuccess.Core.HealthScores;
using CustomerSuccess.Core.Records;
using CustomerSuccess.Core.Views;
using CustomerSuccess.Core.Workspaces;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CustomerSuccess.Core.Tests.Kernel;

/// <summary>The generated typed ids: every id type gets the same members from one generator, so every id type is
/// checked here against the same contract.</summary>
public sealed class TypedIdTests
{
    public static TheoryData<string> IdTypes => [.. Contracts.Keys];

    private static readonly Dictionary<string, IdContract> Contracts = new[]
    {
        IdContract.For(PortalId.From, PortalId.TryCreate, s => PortalId.Parse(s), id => id.Value, id => id.IsDefault),
        IdContract.For(UserId.From, UserId.TryCreate, s => UserId.Parse(s), id => id.Value, id => id.IsDefault),
        IdContract.For(TeamId.From, TeamId.TryCreate, s => TeamId.Parse(s), id => id.Value, id => id.IsDefault),
        IdContract.For(WorkspaceId.From, WorkspaceId.TryCreate, s => WorkspaceId.Parse(s), id => id.Value, id => id.IsDefault),
        IdContract.For(ViewId.From, ViewId.TryCreate, s => ViewId.Parse(s), id => id.Value, id => id.IsDefault),
        IdContract.For(RecordId.From, RecordId.TryCreate, s => RecordId.Parse(s), id => id.Value, id => id.IsDefault),
        IdContract.For(HealthScoreId.From, HealthScoreId.TryCreate, s => HealthScoreId.Parse(s), id => id.Value, id => id.IsDefault),
    }.ToDictionary(c => c.Name);

    [Theory]
    [MemberData(nameof(IdTypes))]
    public void From_ZeroOrNegative_ThrowsArgumentOutOfRangeNamingValue(string type)
    {
        var contract = Contracts[type];
        Assert.Equal("value", Assert.Throws<ArgumentOutOfRangeException>(() => contract.From(0)).ParamName);
        Assert.Equal("value", Assert.Throws<ArgumentOutOfRangeException>(() => contract.From(-7)).ParamName);
        Assert.False(contract.TryCreate(0));
        Assert.False(contract.TryCreate(long.MinValue));
    }

    [Theory]
    [MemberData(nameof(IdTypes))]
    public void Default_IsDefaultAndNotReturnedByFrom(string type)
    {
        var contract = Contracts[type];
        Assert.True(contract.DefaultIsDefault());
        Assert.False(contract.IsDefaultOf(1));
    }

    [Theory]
    [MemberData(nameof(IdTypes))]
    public void Parse_Malformed_ThrowsFormatExceptionNamingTheType(string type)
    {
        var contract = Contracts[type];
        foreach (var text in new[] { "", "0", "-3", "+3", "3.0", " 3", "1e3", "99999999999999999999", "x" })
        {
            var error = Assert.Throws<FormatException>(() => contract.Parse(text));
            Assert.Contains(type, error.Message, StringComparison.Ordinal);
        }

        Assert.Throws<ArgumentNullException>(() => contract.Parse(null!));
    }

    [Theory]
    [MemberData(nameof(IdTypes))]
    public void Json_NotAPositiveWholeNumber_IsAJsonException(string type)
    {
        var contract = Contracts[type];
        foreach (var json in new[] { "0", "-1", "1.5", "\"7\"", "null", "true" })
        {
            Assert.Throws<JsonException>(() => contract.FromJson(json));
        }
    }

    [Property(MaxTest = 300)]
    public Property EveryIdType_RoundTripsThroughValueTextAndJson_AndOrdersLikeItsNumber()
    {
        var positive = Gen.Choose(1, int.MaxValue).Select(i => (long)i)
            .Or(Gen.Elements(1L, long.MaxValue, (long)int.MaxValue + 1));
        var gen = from type in Gen.Elements(Contracts.Keys.ToArray())
                  from a in positive
                  from b in positive
                  select (type, a, b);
        return Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var c = Contracts[t.type];
            return c.ValueOf(t.a) == t.a
                && c.TryCreate(t.a)
                && c.ParseValue(t.a.ToString(CultureInfo.InvariantCulture)) == t.a
                && c.JsonRoundTrips(t.a)
                && c.DictionaryKeyRoundTrips(t.a, t.b)
                && c.Compare(t.a, t.b) == Math.Sign(t.a.CompareTo(t.b))
                && c.LessThan(t.a, t.b) == (t.a < t.b);
        });
    }

    private sealed record IdContract(
        string Name,
        Func<long, object> From,
        Func<long, bool> TryCreate,
        Func<string, object> Parse,
        Func<long, long> ValueOf,
        Func<string, long> ParseValue,
        Func<bool> DefaultIsDefault,
        Func<long, bool> IsDefaultOf,
        Func<string, object> FromJson,
        Func<long, bool> JsonRoundTrips,
        Func<long, long, bool> DictionaryKeyRoundTrips,
        Func<long, long, int> Compare,
        Func<long, long, bool> LessThan)
    {
        public static IdContract For<T>(Func<long, T> from, TryCreateFn<T> tryCreate, Func<string, T> parse, Func<T, long> value, Func<T, bool> isDefault)
            where T : struct, IComparable<T>, IComparable
        {
            return new IdContract(
                typeof(T).Name,
                v => from(v),
                v => tryCreate(v, out var id) && value(id) == v,
                s => parse(s),
                v => value(from(v)),
                s => value(parse(s)),
                () => isDefault(default),
                v => isDefault(from(v)),
                json => JsonSerializer.Deserialize<T>(json),
                v => EqualityComparer<T>.Default.Equals(JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(from(v))), from(v))
                    && JsonSerializer.Serialize(from(v)) == v.ToString(CultureInfo.InvariantCulture),
                (a, b) =>
                {
                    var map = new Dictionary<T, long> { [from(a)] = a };
                    map[from(b)] = b;
                    var back = JsonSerializer.Deserialize<Dictionary<T, long>>(JsonSerializer.Serialize(map))!;
                    return back.Count == map.Count && back.All(kv => map[kv.Key] == kv.Value && value(kv.Key) == kv.Value);
                },
                (a, b) => Math.Sign(from(a).CompareTo(from(b))) == Math.Sign(((IComparable)from(a)).CompareTo(from(b))) ? Math.Sign(from(a).CompareTo(from(b))) : 99,
                (a, b) => from(a).CompareTo(from(b)) < 0);
        }
    }

    private delegate bool TryCreateFn<T>(long value, out T id);
}
