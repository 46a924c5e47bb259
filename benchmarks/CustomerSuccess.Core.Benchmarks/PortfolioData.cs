using System;
using CustomerSuccess.Core.HealthScores.Snapshots;
using NodaTime;

namespace CustomerSuccess.Core.Benchmarks;

/// <summary>SplitMix64 (seed 42 in every benchmark): deterministic and fast.</summary>
public sealed class SplitMix64
{
    private ulong _state;

    public SplitMix64(ulong seed) => _state = seed;

    public ulong Next()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Roughly normal noise (sum of 3 uniforms, mean 0, sd ≈ 0.5).</summary>
    public double Noise() => NextDouble() + NextDouble() + NextDouble() - 1.5;

    public int NextInt(int exclusiveMax) => (int)(NextDouble() * exclusiveMax);
}

/// <summary>
/// A synthetic portfolio following docs/performance.md §1 (SplitMix64 seed 42, as-of 2025-06-30): 12 numeric,
/// 4 categorical (5 values each), 3 date and 1 boolean signals per account, latent health h = √u, gaps nps 25 %,
/// csat 20 %, csm_sentiment 10 %, last_login 3 %, last_meeting 15 %, last_qbr 30 %, values rounded so thresholds are
/// hit exactly. Plus 3 pre-aggregated event counts per account (logins in 30 days twice, escalated tickets in 90 days).
/// Raw arrays: NaN / null / int.MinValue = missing.
/// </summary>
public sealed class PortfolioData
{
    public static readonly LocalDate AsOf = new(2025, 6, 30);

    public static readonly string[] NumberNames =
    [
        "logins_30d", "active_users", "seats_purchased", "feature_adoption_pct", "open_tickets", "escalations_90d",
        "avg_resolution_hours", "nps", "csat", "mrr", "mrr_change_pct", "emails_replied_30d",
    ];

    public static readonly string[] TextNames = ["csm_sentiment", "plan_tier", "industry", "onboarding_status"];

    public static readonly string[][] TextValues =
    [
        ["at_risk", "negative", "neutral", "positive", "very_positive"],
        ["free", "starter", "pro", "business", "enterprise"],
        ["software", "retail", "finance", "health", "manufacturing"],
        ["stalled", "not_started", "in_progress", "completed", "live"],
    ];

    public static readonly string[] DateNames = ["last_login", "last_meeting", "last_qbr"];

    public const string BooleanName = "has_exec_sponsor";

    public const int OwnerCount = 20;

    public const int SegmentCount = 5;

    public PortfolioData(int n)
    {
        Count = n;
        Numbers = new double[NumberNames.Length][];
        for (int c = 0; c < Numbers.Length; c++)
        {
            Numbers[c] = new double[n];
        }

        Texts = new string?[TextNames.Length][];
        for (int c = 0; c < Texts.Length; c++)
        {
            Texts[c] = new string?[n];
        }

        Days = new int[DateNames.Length][];
        for (int c = 0; c < Days.Length; c++)
        {
            Days[c] = new int[n];
        }

        Flags = new bool?[n];
        ActivityCounts = [new int[n], new int[n], new int[n]];
        Owners = new int[n];
        Segments = new int[n];
        int asOfDay = SignalEncoding.ToDayNumber(AsOf);
        var r = new SplitMix64(42);
        for (int i = 0; i < n; i++)
        {
            double h = Math.Sqrt(r.NextDouble());
            double logins = Math.Max(0, Math.Round((30 * h) + (12 * r.Noise())));
            double activeUsers = Math.Max(0, Math.Round((100 * h * r.NextDouble() * 1.3) + (5 * r.Noise())));
            Numbers[0][i] = logins;
            Numbers[1][i] = activeUsers;
            Numbers[2][i] = activeUsers + Math.Round(20 * r.NextDouble());
            Numbers[3][i] = Math.Clamp(Math.Round((100 * h) + (30 * r.Noise())), 0, 100);
            Numbers[4][i] = Math.Max(0, Math.Round((8 * (1 - h)) + (4 * r.Noise())));
            double escalations = Math.Max(0, Math.Round((3 * (1 - h)) + (2 * r.Noise())));
            Numbers[5][i] = escalations;
            Numbers[6][i] = Math.Max(1, Math.Round((48 * (1 - h)) + (20 * r.Noise())));
            Numbers[7][i] = r.NextDouble() < 0.25 ? double.NaN : Math.Clamp(Math.Round((10 * h) + (4 * r.Noise())), 0, 10);
            Numbers[8][i] = r.NextDouble() < 0.20 ? double.NaN : Math.Round(Math.Clamp((5 * h) + (2 * r.Noise()), 1, 5) * 2) / 2;
            Numbers[9][i] = Math.Round(1000 * (0.5 + h) * (1 + r.NextDouble()));
            Numbers[10][i] = Math.Round((30 * (h - 0.5)) + (20 * r.Noise()));
            Numbers[11][i] = Math.Max(0, Math.Round((12 * h) + (6 * r.Noise())));
            Texts[0][i] = r.NextDouble() < 0.10 ? null : TextValues[0][Math.Clamp((int)((5 * h) + (2 * r.Noise())), 0, 4)];
            Texts[1][i] = TextValues[1][r.NextInt(5)];
            Texts[2][i] = TextValues[2][r.NextInt(5)];
            Texts[3][i] = TextValues[3][Math.Clamp((int)((5 * h) + (2.5 * r.Noise())), 0, 4)];
            Days[0][i] = r.NextDouble() < 0.03 ? int.MinValue : asOfDay - (int)(30 * (1 - h) * r.NextDouble() * 1.5);
            Days[1][i] = r.NextDouble() < 0.15 ? int.MinValue : asOfDay - (int)(90 * (1 - h) * r.NextDouble() * 1.5);
            Days[2][i] = r.NextDouble() < 0.30 ? int.MinValue : asOfDay - (int)(300 * r.NextDouble() * (1.2 - h));
            Flags[i] = r.NextDouble() < h * 0.8;
            ActivityCounts[0][i] = (int)logins;
            ActivityCounts[1][i] = (int)logins;
            ActivityCounts[2][i] = (int)escalations;
            Owners[i] = r.NextInt(OwnerCount);
            Segments[i] = (int)(r.Next() & ((1 << SegmentCount) - 1));
        }
    }

    public int Count { get; }

    public double[][] Numbers { get; }

    public string?[][] Texts { get; }

    public int[][] Days { get; }

    public bool?[] Flags { get; }

    /// <summary>Per event criterion of the benchmark definition (definition order), the pre-aggregated count.</summary>
    public int[][] ActivityCounts { get; }

    public int[] Owners { get; }

    public int[] Segments { get; }

    public static PortfolioSchema Schema()
    {
        var signals = new System.Collections.Generic.List<SignalDefinition>();
        foreach (string name in NumberNames)
        {
            signals.Add(new SignalDefinition(name, HealthScores.SignalType.Number));
        }

        foreach (string name in TextNames)
        {
            signals.Add(new SignalDefinition(name, HealthScores.SignalType.Text));
        }

        foreach (string name in DateNames)
        {
            signals.Add(new SignalDefinition(name, HealthScores.SignalType.Date));
        }

        signals.Add(new SignalDefinition(BooleanName, HealthScores.SignalType.Boolean));
        return new PortfolioSchema(signals);
    }

    public PortfolioSnapshot BuildSnapshot(bool breakdowns = true)
    {
        PortfolioSchema schema = Schema();
        var builder = breakdowns
            ? new PortfolioSnapshotBuilder(schema, OwnerCount, SegmentCount, Count)
            : new PortfolioSnapshotBuilder(schema, 1, 0, Count);
        int dateBase = NumberNames.Length + TextNames.Length;
        for (int i = 0; i < Count; i++)
        {
            int row = breakdowns ? builder.AddAccount(Owners[i], Segments[i]) : builder.AddAccount();
            for (int c = 0; c < NumberNames.Length; c++)
            {
                builder.SetNumber(row, c, Numbers[c][i]);
            }

            for (int c = 0; c < TextNames.Length; c++)
            {
                builder.SetText(row, NumberNames.Length + c, Texts[c][i]);
            }

            for (int c = 0; c < DateNames.Length; c++)
            {
                int day = Days[c][i];
                builder.SetDate(row, dateBase + c, day == int.MinValue ? null : SignalEncoding.FromDayNumber(day));
            }

            builder.SetBoolean(row, dateBase + DateNames.Length, Flags[i]);
        }

        return builder.Build();
    }
}
