using System;
using System.Collections.Generic;
using System.Linq;
using CustomerSuccess.Core.HealthScores.Activity;
using CustomerSuccess.Core.HealthScores.Snapshots;
using CustomerSuccess.Core.HealthScores.Tests.Engine;
using FsCheck.Xunit;

namespace CustomerSuccess.Core.HealthScores.Tests.Snapshots;

/// <summary>The row copies kept beside a snapshot's columns and beside activity counts for incremental rescoring
/// (rule 88: recalculation is triggered by the caller).</summary>
public class RowCopyTests
{
    [Property(MaxTest = 200, Arbitrary = new[] { typeof(RescoreArbitraries) })]
    [Trait("Rule", "88")]
    public void RowCopy_AnyPointUpdates_MirrorsEveryColumnOwnerAndSegment(RescoreCase r, bool keepFirst)
    {
        PortfolioSnapshot snapshot = r.Case.BuildSnapshot();
        ActivityCounts counts = r.Case.BuildCounts();
        if (keepFirst)
        {
            snapshot.KeepRowCopy();
            counts.KeepRowCopy();
        }

        foreach (PointUpdate update in r.Batches.SelectMany(b => b))
        {
            RescoreProperties.Apply(snapshot, counts, update);
        }

        snapshot.KeepRowCopy();
        counts.KeepRowCopy();
        AssertMirrors(snapshot);
        AssertMirrors(counts);
    }

    [Fact]
    public void KeepRowCopy_KeptOnceWithTheDocumentedWidth()
    {
        PortfolioSnapshot snapshot = ScoringCase.BuildSnapshot([new ReferenceAccount(new Dictionary<string, object?>(), [], 2, 5)]);

        Assert.False(snapshot.HasRowCopy);
        // 3 numbers × 8 + 2 text × 4 + 2 dates × 4 + owner 2 + 1 boolean + segment mask 1 = 44, rounded up to 48.
        Assert.Equal(48, snapshot.RowCopyBytesPerAccount);
        snapshot.KeepRowCopy();
        SnapshotRows rows = snapshot.Table.Rows!;
        snapshot.KeepRowCopy();

        Assert.True(snapshot.HasRowCopy);
        Assert.Same(rows, snapshot.Table.Rows);
        Assert.Equal(48, rows.Rows.Stride);
        Assert.Equal(2, rows.Rows.Read<ushort>(0, rows.OwnerOffset));
        Assert.Equal(5, rows.Rows.Read<byte>(0, rows.SegmentOffset));
    }

    [Fact]
    public void KeepRowCopy_CountsWithoutCriteriaOrAccounts_Works()
    {
        ActivityCounts none = ActivityCounts.FromColumns(3, []);
        ActivityCounts empty = ActivityCounts.FromColumns(0, [Array.Empty<int>()]);
        PortfolioSnapshot noAccounts = ScoringCase.BuildSnapshot([]);

        none.KeepRowCopy();
        empty.KeepRowCopy();
        noAccounts.KeepRowCopy();

        Assert.True(none.HasRowCopy && empty.HasRowCopy && noAccounts.HasRowCopy);
        Assert.False(ActivityCounts.FromColumns(1, [new[] { 4 }]).HasRowCopy);
    }

    /// <summary>Asserts that the snapshot's row copy holds exactly its columns, owners and segment masks.</summary>
    internal static void AssertMirrors(PortfolioSnapshot snapshot)
    {
        SnapshotRows rows = snapshot.Table.Rows!;
        for (int account = 0; account < snapshot.AccountCount; account++)
        {
            for (int c = 0; c < snapshot.Schema.Count; c++)
            {
                int offset = rows.Offsets[c];
                switch (snapshot.Schema.Signals[c].Type)
                {
                    case SignalType.Number:
                        Assert.Equal(BitConverter.DoubleToInt64Bits(snapshot.GetNumbers(c)[account]), BitConverter.DoubleToInt64Bits(rows.Rows.Read<double>(account, offset)));
                        break;
                    case SignalType.Text:
                        Assert.Equal(TextCodes.Get(snapshot.Table.Columns[c], account), rows.Rows.Read<int>(account, offset));
                        break;
                    case SignalType.Date:
                        Assert.Equal(snapshot.GetDayNumbers(c)[account], rows.Rows.Read<int>(account, offset));
                        break;
                    default:
                        Assert.Equal(snapshot.GetBooleans(c)[account], rows.Rows.Read<byte>(account, offset));
                        break;
                }
            }

            Assert.Equal(snapshot.OwnerCodes[account], rows.Rows.Read<ushort>(account, rows.OwnerOffset));
            Assert.Equal(snapshot.SegmentMasks[account], rows.Rows.Read<byte>(account, rows.SegmentOffset));
        }
    }

    private static void AssertMirrors(ActivityCounts counts)
    {
        for (int account = 0; account < counts.AccountCount; account++)
        {
            for (int e = 0; e < counts.CriterionCount; e++)
            {
                Assert.Equal(counts.GetCounts(e)[account], counts.Rows!.Read<int>(account, e * sizeof(int)));
            }
        }
    }
}
