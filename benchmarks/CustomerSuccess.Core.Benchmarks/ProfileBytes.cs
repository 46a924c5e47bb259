using System.Collections.Generic;
using CustomerSuccess.Core.HealthScores;
using CustomerSuccess.Core.HealthScores.Snapshots;

namespace CustomerSuccess.Core.Benchmarks;

/// <summary>The bytes one evaluation must move per account: every distinct signal column the profile reads (8 B per
/// number, 4 B per date, 1 B per text code or boolean), 4 B per event-count column, the owner code (2 B) and segment
/// mask (1 B) when the statistics are broken down, and the score and status written (1 B each).</summary>
public static class ProfileBytes
{
    public static int PerAccount(HealthScoreDefinition definition, PortfolioSnapshot snapshot)
    {
        var columns = new HashSet<int>();
        int bytes = 0;
        foreach (ScoreGroup group in definition.Groups)
        {
            foreach (Criterion criterion in group.Criteria)
            {
                if (criterion is EventCriterion)
                {
                    bytes += sizeof(int);
                    continue;
                }

                foreach (Condition condition in ((PropertyCriterion)criterion).Conditions)
                {
                    int column = snapshot.Schema.IndexOf(condition.Property);
                    if (columns.Add(column))
                    {
                        bytes += snapshot.Schema.Signals[column].Type switch
                        {
                            SignalType.Number => sizeof(double),
                            SignalType.Date => sizeof(int),
                            _ => sizeof(byte),
                        };
                    }
                }
            }
        }

        if (snapshot.OwnerCount > 1)
        {
            bytes += sizeof(ushort);
        }

        if (snapshot.SegmentCount > 0)
        {
            bytes += sizeof(byte);
        }

        return bytes + 2;
    }
}
