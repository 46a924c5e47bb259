using System;
using System.Linq;
using CustomerSuccess.Core.HealthScores.Snapshots;
using NodaTime;

namespace CustomerSuccess.Core.HealthScores.Tests.Snapshots;

public class PortfolioSnapshotBuilderTests
{
    private static readonly PortfolioSchema Schema = new(
    [
        new SignalDefinition("n", SignalType.Number),
        new SignalDefinition("t", SignalType.Text),
        new SignalDefinition("d", SignalType.Date),
        new SignalDefinition("b", SignalType.Boolean),
    ]);

    [Fact]
    public void Build_ValuesAndGaps_EncodedWithoutPresenceFlags()
    {
        var builder = new PortfolioSnapshotBuilder(Schema, ownerCount: 2, segmentCount: 2);
        int a = builder.AddAccount(1, 0b10);
        builder.SetNumber(a, 0, 4.5);
        builder.SetText(a, 1, "gold");
        builder.SetDate(a, 2, new LocalDate(1970, 1, 2));
        builder.SetBoolean(a, 3, true);
        int b = builder.AddAccount();
        builder.SetText(b, 1, "silver");
        int c = builder.AddAccount();
        builder.SetText(c, 1, "gold");
        builder.SetBoolean(c, 3, false);

        PortfolioSnapshot snapshot = builder.Build();

        Assert.Equal(3, snapshot.AccountCount);
        Assert.Equal([4.5, double.NaN, double.NaN], snapshot.GetNumbers(0).ToArray());
        Assert.Equal(new byte[] { 1, 2, 1 }, snapshot.GetTextCodes(1).ToArray());
        Assert.Equal(["gold", "silver"], snapshot.GetTextDictionary(1).ToArray());
        Assert.Equal([1, int.MinValue, int.MinValue], snapshot.GetDayNumbers(2).ToArray());
        Assert.Equal(new byte[] { 2, 0, 1 }, snapshot.GetBooleans(3).ToArray());
        Assert.Equal(new ushort[] { 1, 0, 0 }, snapshot.OwnerCodes.ToArray());
        Assert.Equal(new byte[] { 2, 0, 0 }, snapshot.SegmentMasks.ToArray());
        Assert.Equal("silver", snapshot.GetValue(1, 1));
        Assert.Null(snapshot.GetValue(0, 1));
        Assert.Equal(new LocalDate(1970, 1, 2), snapshot.GetValue(2, 0));
    }

    [Fact]
    public void BytesPerAccount_TwentySignalsOfThePerformanceProfile_Is116()
    {
        var signals = new System.Collections.Generic.List<SignalDefinition>();
        for (int i = 0; i < 12; i++)
        {
            signals.Add(new SignalDefinition("n" + i, SignalType.Number));
        }

        for (int i = 0; i < 4; i++)
        {
            signals.Add(new SignalDefinition("t" + i, SignalType.Text));
        }

        for (int i = 0; i < 3; i++)
        {
            signals.Add(new SignalDefinition("d" + i, SignalType.Date));
        }

        signals.Add(new SignalDefinition("b", SignalType.Boolean));
        PortfolioSnapshot snapshot = new PortfolioSnapshotBuilder(new PortfolioSchema(signals)).Build();

        // 12 × 8 + 4 × 1 + 3 × 4 + 1 + owner (2) + segments (1).
        Assert.Equal(116, snapshot.BytesPerAccount);
    }

    [Fact]
    public void SetText_255DistinctValues_KeepsOneByteCodes()
    {
        var builder = new PortfolioSnapshotBuilder(Schema);
        for (int i = 0; i < 255; i++)
        {
            builder.SetText(builder.AddAccount(), 1, "v" + i);
        }

        PortfolioSnapshot snapshot = builder.Build();

        Assert.Equal(1, snapshot.GetTextCodeWidth(1));
        Assert.Equal(255, snapshot.GetTextCodes(1)[254]);
        Assert.Equal(8 + 1 + 4 + 1 + 3, snapshot.BytesPerAccount);
    }

    [Theory]
    [InlineData(256, 2)]
    [InlineData(65_535, 2)]
    [InlineData(65_536, 4)]
    public void SetText_ManyDistinctValues_WidensCodesAndKeepsEveryValue(int distinct, int width)
    {
        var builder = new PortfolioSnapshotBuilder(Schema, capacity: 8);
        for (int i = 0; i < distinct + 5; i++)
        {
            int row = builder.AddAccount();
            builder.SetText(row, 1, i < distinct ? "v" + i : null);
        }

        builder.SetText(0, 1, "v" + (distinct - 1));
        PortfolioSnapshot snapshot = builder.Build();

        Assert.Equal(width, snapshot.GetTextCodeWidth(1));
        Assert.Equal(8 + width + 4 + 1 + 3, snapshot.BytesPerAccount);
        Assert.Throws<ArgumentException>(() => snapshot.GetTextCodes(1));
        int[] codes = width == 2 ? snapshot.GetUInt16TextCodes(1).ToArray().Select(c => (int)c).ToArray() : snapshot.GetInt32TextCodes(1).ToArray();
        var dictionary = snapshot.GetTextDictionary(1);
        Assert.Equal(distinct, dictionary.Length);
        for (int i = 0; i < distinct + 5; i++)
        {
            string? expected = i == 0 ? "v" + (distinct - 1) : i < distinct ? "v" + i : null;
            Assert.Equal(expected, snapshot.GetValue(1, i));
            Assert.Equal(expected, codes[i] == 0 ? null : dictionary[codes[i] - 1]);
        }
    }

    [Fact]
    public void SetValues_PointUpdatesOnABuiltSnapshot_ChangeOnlyThatCell()
    {
        var builder = new PortfolioSnapshotBuilder(Schema);
        for (int i = 0; i < 3; i++)
        {
            int row = builder.AddAccount();
            builder.SetNumber(row, 0, i);
            builder.SetText(row, 1, "a");
        }

        PortfolioSnapshot snapshot = builder.Build();
        snapshot.SetNumber(1, 0, null);
        snapshot.SetText(2, 1, "b");
        snapshot.SetDate(0, 2, new LocalDate(2025, 6, 30));
        snapshot.SetBoolean(0, 3, false);
        for (int i = 0; i < 300; i++)
        {
            snapshot.SetText(1, 1, "w" + i);
        }

        Assert.Equal([0d, double.NaN, 2d], snapshot.GetNumbers(0).ToArray());
        Assert.Equal(2, snapshot.GetTextCodeWidth(1));
        Assert.Equal(["a", "w299", "b"], Enumerable.Range(0, 3).Select(i => (string?)snapshot.GetValue(1, i)));
        Assert.Equal(new LocalDate(2025, 6, 30), snapshot.GetValue(2, 0));
        Assert.Equal(false, snapshot.GetValue(3, 0));
        Assert.Throws<ArgumentException>(() => snapshot.SetText(0, 0, "x"));
        Assert.Throws<ArgumentOutOfRangeException>(() => snapshot.SetNumber(3, 0, 1));
    }

    [Fact]
    [Trait("Rule", "74")]
    public void AddAccount_SegmentBitBeyondDeclaredSegments_Throws()
    {
        var builder = new PortfolioSnapshotBuilder(Schema, segmentCount: 5);
        builder.AddAccount(0, 0b11111);
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.AddAccount(0, 0b100000));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PortfolioSnapshotBuilder(Schema, segmentCount: 6));
    }

    [Fact]
    public void SetNumber_WrongColumnType_Throws()
    {
        var builder = new PortfolioSnapshotBuilder(Schema);
        int row = builder.AddAccount();
        Assert.Throws<ArgumentException>(() => builder.SetNumber(row, 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.SetNumber(row + 1, 0, 1));
    }

    [Fact]
    public void Constructor_DuplicateSignalName_Throws() =>
        Assert.Throws<ArgumentException>(() => new PortfolioSchema([new SignalDefinition("x", SignalType.Number), new SignalDefinition("x", SignalType.Text)]));

    [Fact]
    public void ToDayNumber_EpochAndRoundTrip_AreExact()
    {
        Assert.Equal(0, SignalEncoding.ToDayNumber(new LocalDate(1970, 1, 1)));
        Assert.Equal(-1, SignalEncoding.ToDayNumber(new LocalDate(1969, 12, 31)));
        var date = new LocalDate(2025, 6, 30);
        Assert.Equal(date, SignalEncoding.FromDayNumber(SignalEncoding.ToDayNumber(date)));
    }
}
