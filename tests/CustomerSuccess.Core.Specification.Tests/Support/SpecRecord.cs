namespace CustomerSuccess.Core.Specification.Tests.Support;

/// <summary>
/// The entity used by the specification tests: an int key, an int, a nullable string, a nullable int and an
/// instant-like timestamp (ticks since the epoch, as a NodaTime Instant would be stored).
/// </summary>
public sealed record SpecRecord
{
    public int Id { get; init; }

    public int Score { get; init; }

    public string? Name { get; init; }

    public int? OptionalScore { get; init; }

    public long OccurredAt { get; init; }

    public static SpecRecord Of(int id, int score = 0, string? name = null, int? optionalScore = null, long occurredAt = 0)
        => new() { Id = id, Score = score, Name = name, OptionalScore = optionalScore, OccurredAt = occurredAt };
}
