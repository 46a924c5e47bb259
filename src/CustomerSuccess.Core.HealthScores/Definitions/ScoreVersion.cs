using System;
using NodaTime;

namespace CustomerSuccess.Core.HealthScores;

/// <summary>An immutable numbered version of a score, created by each activation (rule 83).</summary>
/// <param name="ScoreId">The score the version belongs to.</param>
/// <param name="Number">The version number, starting at 1 and increasing with each activation.</param>
/// <param name="ActivatedAt">When the version was turned on.</param>
/// <param name="Definition">The definition as activated.</param>
/// <remarks>Every computed score names its version (ScoreId + Number). Immutable and thread-safe.</remarks>
public sealed record ScoreVersion(HealthScoreId ScoreId, int Number, Instant ActivatedAt, HealthScoreDefinition Definition)
{
    /// <summary>Gets the version number.</summary>
    /// <value>1 or greater.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value set is zero or negative.</exception>
    public int Number
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value, nameof(Number));
            field = value;
        }
    } = CheckNumber(Number);

    /// <summary>Gets the activated definition.</summary>
    /// <value>Never <see langword="null"/>.</value>
    /// <exception cref="ArgumentNullException">The value set is <see langword="null"/>.</exception>
    public HealthScoreDefinition Definition
    {
        get;
        init => field = Guard.NotNull(value, nameof(Definition));
    } = Guard.NotNull(Definition, nameof(Definition));

    private static int CheckNumber(int number)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(number, nameof(Number));
        return number;
    }
}
