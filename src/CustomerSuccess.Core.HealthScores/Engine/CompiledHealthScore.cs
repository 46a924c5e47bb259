using System;
using System.Buffers;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Runtime.InteropServices;
using CustomerSuccess.Core.HealthScores.Activity;
using CustomerSuccess.Core.HealthScores.Explanations;
using CustomerSuccess.Core.HealthScores.Snapshots;
using CustomerSuccess.Core.HealthScores.Statistics;
using NodaTime;
using DiagnosticActivity = System.Diagnostics.Activity;

namespace CustomerSuccess.Core.HealthScores.Engine;

/// <summary>
/// A score version compiled against a snapshot schema (<see cref="HealthScoreCompiler.Compile"/>): property names bound
/// to column indexes, operators to specialised vector kernels. Scores a whole portfolio in one pass
/// (<see cref="Evaluate(PortfolioSnapshot, ActivityCounts, LocalDate, Span{byte}, Span{HealthStatus}, EvaluationOptions)"/>),
/// rescores a set of changed accounts in time proportional to the set (<see cref="Rescore"/>), scores one account
/// (<see cref="ScoreAccount"/>) or explains one account (<see cref="Explain"/>); all agree exactly.
/// </summary>
/// <remarks>
/// <para>Semantics: a criterion matches when all its conditions hold for the account (rule 81) or, for an event
/// criterion, when its count satisfies the count operator; a matched criterion adds its points (possibly negative,
/// rule 79); a group contributes its matched points clamped to [0, MaxPoints] (rule 80; a negative MaxPoints counts as
/// 0); the score is the sum of contributions clamped to [0, 100] (rule 88, library choice) and its status follows the
/// version's thresholds. Missing values never match, except text IsUnknown.</para>
/// <para>Coverage: a criterion is covered when every input property it reads is present (event counts always are);
/// coverage = Σ over groups MaxPoints × covered ÷ criteria (a group without criteria counts as covered), divided by
/// Σ MaxPoints, clamped to [0, 1]; 1 when Σ MaxPoints is 0.</para>
/// <para>Date conditions are bound to absolute day ranges once per evaluation from the as-of date; text values to the
/// snapshot's dictionary codes once per evaluation (a value not in the dictionary never matches).</para>
/// <para>Thread-safety: immutable; one instance may evaluate on many threads at once. Scratch buffers come from
/// <see cref="ArrayPool{T}.Shared"/>, so allocation per evaluation does not depend on the number of accounts.</para>
/// </remarks>
public sealed partial class CompiledHealthScore
{
    private readonly PlanGroup[] _groups;
    private readonly PlanCondition[] _conditions;
    private readonly int _codeCount;
    private readonly int _totalMaxPoints;
    private readonly byte _neutralFrom;
    private readonly byte _healthyFrom;
    private readonly bool _fitsBytes;
    private readonly int[] _inputColumns;
    private readonly KeyValuePair<string, object?> _scoreIdTag;
    private readonly KeyValuePair<string, object?> _versionTag;

    internal CompiledHealthScore(ScoreVersion version, PortfolioSchema schema, PlanGroup[] groups, PlanCondition[] conditions, int codeCount, ImmutableArray<EventCriterion> eventCriteria)
    {
        Version = version;
        Schema = schema;
        _groups = groups;
        _conditions = conditions;
        _codeCount = codeCount;
        EventCriteria = eventCriteria;
        foreach (PlanGroup group in groups)
        {
            _totalMaxPoints += group.MaxPoints;
        }

        StatusThresholds thresholds = version.Definition.Thresholds;
        _neutralFrom = (byte)Math.Clamp(thresholds.NeutralFrom, 0, HealthScoreDefinition.TotalMaxPoints + 1);
        _healthyFrom = (byte)Math.Clamp(thresholds.HealthyFrom, 0, HealthScoreDefinition.TotalMaxPoints + 1);
        _fitsBytes = Array.TrueForAll(groups, g => g.FitsBytes);
        var inputs = new System.Collections.Generic.SortedSet<int>();
        foreach (PlanCondition condition in conditions)
        {
            inputs.Add(condition.Bound.Column);
        }

        _inputColumns = [.. inputs];
        _scoreIdTag = new(HealthScoresTelemetry.ScoreIdTag, version.ScoreId.Value);
        _versionTag = new(HealthScoresTelemetry.ScoreVersionTag, version.Number);
    }

    /// <summary>Gets the compiled version; its ScoreId and Number name every output.</summary>
    /// <value>The score version.</value>
    public ScoreVersion Version { get; }

    /// <summary>Gets the schema the version was compiled against.</summary>
    /// <value>A snapshot must have the same signals (names and types, in order).</value>
    public PortfolioSchema Schema { get; }

    /// <summary>Gets the event criteria in definition order: the column order expected in <see cref="ActivityCounts"/>.</summary>
    /// <value>Empty when the definition has no event criteria.</value>
    public ImmutableArray<EventCriterion> EventCriteria { get; }

    /// <summary>Scores every account of a snapshot.</summary>
    /// <param name="snapshot">The portfolio.</param>
    /// <param name="eventCounts">The event counts (required when <see cref="EventCriteria"/> is not empty; otherwise ignored and may be null).</param>
    /// <param name="asOf">The as-of date for date conditions.</param>
    /// <param name="scores">Receives one score (0..100) per account; length = account count.</param>
    /// <param name="statuses">Receives one status per account; length = account count.</param>
    /// <param name="options">Tuning options; null = <see cref="EvaluationOptions.Default"/>.</param>
    /// <returns>The portfolio statistics.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> is null.</exception>
    /// <exception cref="ArgumentException">The snapshot's schema differs, the spans have the wrong length, or event counts are missing or mismatched.</exception>
    public PortfolioStatistics Evaluate(PortfolioSnapshot snapshot, ActivityCounts? eventCounts, LocalDate asOf, Span<byte> scores, Span<HealthStatus> statuses, EvaluationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (scores.Length != snapshot.AccountCount || statuses.Length != snapshot.AccountCount)
        {
            // Shorter spans would make this a partial evaluation; EvaluateRange is the one for partitions.
            throw new ArgumentException(
                $"scores and statuses must have one element per account ({snapshot.AccountCount}), not {scores.Length} and {statuses.Length}; EvaluateRange scores a part.",
                nameof(scores));
        }

        return EvaluateRange(snapshot, eventCounts, asOf, 0, scores, statuses, [], options);
    }

    /// <summary>Scores a contiguous range of a snapshot's accounts (a partition): accounts
    /// [<paramref name="start"/>, start + scores.Length). Statistics of partitions <see cref="PortfolioStatistics.Merge"/>
    /// exactly into the statistics of the whole.</summary>
    /// <param name="snapshot">The portfolio.</param>
    /// <param name="eventCounts">The event counts for the whole snapshot (required when <see cref="EventCriteria"/> is not empty).</param>
    /// <param name="asOf">The as-of date for date conditions.</param>
    /// <param name="start">The first account of the range.</param>
    /// <param name="scores">Receives one score per account of the range; its length sets the range length.</param>
    /// <param name="statuses">Receives one status per account of the range; same length as <paramref name="scores"/>.</param>
    /// <param name="coverage">Empty to skip coverage, or receives one coverage in [0, 1] per account of the range.</param>
    /// <param name="options">Tuning options; null = <see cref="EvaluationOptions.Default"/>.</param>
    /// <returns>The statistics of the range.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The range is outside the snapshot.</exception>
    /// <exception cref="ArgumentException">The snapshot's schema differs, the spans have different lengths, or event counts are missing or mismatched.</exception>
    public PortfolioStatistics EvaluateRange(PortfolioSnapshot snapshot, ActivityCounts? eventCounts, LocalDate asOf, int start, Span<byte> scores, Span<HealthStatus> statuses, Span<double> coverage, EvaluationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        options ??= EvaluationOptions.Default;
        int count = scores.Length;
        CheckInputs(snapshot, eventCounts);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan((long)start + count, snapshot.AccountCount, nameof(scores));
        if (statuses.Length != count)
        {
            throw new ArgumentException("statuses must have the same length as scores.", nameof(statuses));
        }

        if (coverage.Length != 0 && coverage.Length != count)
        {
            throw new ArgumentException("coverage must be empty or have the same length as scores.", nameof(coverage));
        }

        bool observed = Telemetry.EvaluationObserved;
        long started = observed ? Stopwatch.GetTimestamp() : 0;
        using DiagnosticActivity? activity = observed ? Telemetry.StartEvaluation(HealthScoresTelemetry.EvaluateActivityName, _scoreIdTag, _versionTag, count, options.MaxDegreeOfParallelism) : null;
        PortfolioStatistics statistics = EvaluateCore(snapshot, eventCounts, asOf, start, scores, MemoryMarshal.AsBytes(statuses), coverage, options);
        if (observed)
        {
            double? meanCoverage = !coverage.IsEmpty && Telemetry.Coverage.Enabled ? Mean(coverage) : null;
            Telemetry.RecordEvaluation(started, Telemetry.Evaluate, _scoreIdTag, _versionTag, count, meanCoverage);
        }

        return statistics;
    }

    private static double Mean(ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (double value in values)
        {
            sum += value;
        }

        return sum / values.Length;
    }

    /// <summary>Rescores a given set of accounts (typically the ones whose signals or event counts changed since the
    /// last evaluation, see <see cref="PortfolioSnapshot.SetNumber"/> and <see cref="ActivityCounts.SetCount"/>) into the
    /// caller's portfolio arrays, and updates the portfolio statistics exactly: each account leaves the distributions of
    /// its old score and joins those of its new one (a subtract-and-add on the mergeable integer sums). Time and
    /// allocation are proportional to the number of accounts given (plus the size of the statistics), not to the
    /// portfolio. When the snapshot keeps a row copy (<see cref="PortfolioSnapshot.KeepRowCopy"/>) each account's
    /// inputs are read from its row, and its counts from the counts' row copy when they keep one
    /// (<see cref="ActivityCounts.KeepRowCopy"/>): a few cache lines per account instead of one per input column, the
    /// layout to keep when small sets of a large portfolio are rescored often.</summary>
    /// <param name="snapshot">The portfolio, after its point updates.</param>
    /// <param name="eventCounts">The event counts (required when <see cref="EventCriteria"/> is not empty).</param>
    /// <param name="asOf">The as-of date; the same as the evaluation that produced the arrays and statistics.</param>
    /// <param name="accounts">The accounts to rescore, in any order; duplicates are harmless.</param>
    /// <param name="scores">The whole portfolio's scores (length = account count) from the previous evaluation or
    /// rescoring with this version and as-of date; the given accounts' entries are replaced.</param>
    /// <param name="statuses">The whole portfolio's statuses, likewise.</param>
    /// <param name="statistics">The statistics of the previous evaluation or rescoring of these arrays.</param>
    /// <returns>The statistics of the portfolio after the rescoring: equal to those of a full evaluation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> or <paramref name="statistics"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An account index is out of range.</exception>
    /// <exception cref="ArgumentException">The snapshot's schema differs, event counts are missing or mismatched, the
    /// arrays do not cover the portfolio, a previous score is above 100, or the statistics belong to another version or
    /// shape.</exception>
    public unsafe PortfolioStatistics Rescore(PortfolioSnapshot snapshot, ActivityCounts? eventCounts, LocalDate asOf, ReadOnlySpan<int> accounts, Span<byte> scores, Span<HealthStatus> statuses, PortfolioStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(statistics);
        CheckInputs(snapshot, eventCounts);
        if (scores.Length != snapshot.AccountCount || statuses.Length != snapshot.AccountCount)
        {
            throw new ArgumentException("scores and statuses must hold the whole portfolio.", nameof(scores));
        }

        StatusThresholds thresholds = Version.Definition.Thresholds;
        if (!statistics.Matches(Version.ScoreId, Version.Number, thresholds, snapshot.OwnerCount, snapshot.SegmentCount))
        {
            throw new ArgumentException("The statistics belong to another score version, thresholds, owners or segments.", nameof(statistics));
        }

        foreach (int account in accounts)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(account, nameof(accounts));
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(account, snapshot.AccountCount, nameof(accounts));
            if (scores[account] > HealthScoreDefinition.TotalMaxPoints)
            {
                throw new ArgumentException($"Account {account} has a previous score of {scores[account]}, above 100.", nameof(scores));
            }
        }

        Span<byte> statusBytes = MemoryMarshal.AsBytes(statuses);
        SnapshotRows? rows = snapshot.Table.Rows;
        AlignedRows? countRows = EventCriteria.Length == 0 ? null : eventCounts!.Rows;
        RowSource? source = rows is null ? null : new RowSource(rows.Rows, rows.Offsets, rows.OwnerOffset, rows.SegmentOffset, countRows, 0);
        fixed (byte* scorePointer = scores, statusPointer = statusBytes)
        {
            return RescoreInto(
                snapshot, eventCounts, asOf, accounts, statistics, source, new ArraySlots(scorePointer, statusPointer),
                new RowPrefetch(rows?.Rows, countRows, scorePointer, statusPointer), scores, statusBytes);
        }
    }

    /// <summary>Scores one account (the batch kernels on that account alone; same result as the batch path).</summary>
    /// <param name="snapshot">The portfolio.</param>
    /// <param name="eventCounts">The event counts (required when <see cref="EventCriteria"/> is not empty).</param>
    /// <param name="asOf">The as-of date for date conditions.</param>
    /// <param name="account">The account index.</param>
    /// <returns>The account's score, status and coverage, named by the version.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="account"/> is out of range.</exception>
    /// <exception cref="ArgumentException">The snapshot's schema differs or event counts are missing or mismatched.</exception>
    public AccountScore ScoreAccount(PortfolioSnapshot snapshot, ActivityCounts? eventCounts, LocalDate asOf, int account)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        CheckInputs(snapshot, eventCounts);
        ArgumentOutOfRangeException.ThrowIfNegative(account);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(account, snapshot.AccountCount);
        bool observed = Telemetry.EvaluationObserved;
        long started = observed ? Stopwatch.GetTimestamp() : 0;
        using DiagnosticActivity? activity = observed ? Telemetry.StartEvaluation(HealthScoresTelemetry.ScoreAccountActivityName, _scoreIdTag, _versionTag, 1, 1) : null;
        Binding binding = Bind(snapshot.Table, asOf);
        try
        {
            using var scratch = new TileScratch(Schema.Count, EventCriteria.Length, 64, bytes: false);
            Sources gathered = Gather(snapshot.Table, eventCounts?.Columns, [account], scratch);
            Span<double> coverage = [0d];
            ScoreInts(gathered, binding, 1, scratch, scratch.Scores, scratch.Statuses, coverage);
            if (observed)
            {
                Telemetry.RecordEvaluation(started, Telemetry.ScoreAccount, _scoreIdTag, _versionTag, 1, coverage[0]);
            }

            return new AccountScore(Version.ScoreId, Version.Number, scratch.Scores[0], (HealthStatus)scratch.Statuses[0], coverage[0]);
        }
        finally
        {
            binding.Return();
        }
    }

    /// <summary>Explains one account ("test a record", rule 86).</summary>
    /// <param name="snapshot">The portfolio.</param>
    /// <param name="eventCounts">The event counts (required when <see cref="EventCriteria"/> is not empty).</param>
    /// <param name="asOf">The as-of date for date conditions.</param>
    /// <param name="account">The account index.</param>
    /// <returns>Per group and criterion the inputs, outcomes and points; the total, status and coverage.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="account"/> is out of range.</exception>
    /// <exception cref="ArgumentException">The snapshot's schema differs or event counts are missing or mismatched.</exception>
    public HealthScoreExplanation Explain(PortfolioSnapshot snapshot, ActivityCounts? eventCounts, LocalDate asOf, int account)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        CheckInputs(snapshot, eventCounts);
        ArgumentOutOfRangeException.ThrowIfNegative(account);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(account, snapshot.AccountCount);
        ColumnTable table = snapshot.Table;
        int asOfDay = SignalEncoding.ToDayNumber(asOf);
        int total = 0;
        double coverage = 0;
        var groups = ImmutableArray.CreateBuilder<GroupExplanation>(_groups.Length);
        foreach (PlanGroup group in _groups)
        {
            int raw = 0;
            int covered = 0;
            var criteria = ImmutableArray.CreateBuilder<CriterionExplanation>(group.Criteria.Length);
            foreach (PlanCriterion criterion in group.Criteria)
            {
                bool matched;
                bool present = true;
                int? eventCount = null;
                var conditions = ImmutableArray.CreateBuilder<ConditionExplanation>(criterion.Conditions.Length);
                if (criterion.IsEvent)
                {
                    int n = eventCounts!.Column(criterion.EventColumn)[account];
                    eventCount = n;
                    matched = n >= criterion.CountLow && n <= criterion.CountHigh;
                }
                else
                {
                    matched = true;
                    foreach (PlanCondition condition in criterion.Conditions)
                    {
                        bool ok = condition.Bound.Matches(table, account, asOfDay);
                        matched &= ok;
                        conditions.Add(new ConditionExplanation(condition.Bound.Source!, table.GetValue(condition.Bound.Column, account), ok));
                    }

                    foreach (PlanCondition p in criterion.Presence)
                    {
                        present &= p.Bound.Matches(table, account, asOfDay);
                    }
                }

                int awarded = matched ? criterion.Points : 0;
                raw += awarded;
                covered += present ? 1 : 0;
                criteria.Add(new CriterionExplanation(criterion.Source, matched, awarded, present, conditions.MoveToImmutable(), eventCount));
            }

            int clamped = Math.Min(Math.Max(raw, 0), group.MaxPoints);
            total += clamped;
            coverage += Kernels.CoverageTerm(group.MaxPoints, covered, group.Criteria.Length);
            groups.Add(new GroupExplanation(group.Source, raw, clamped, covered, criteria.MoveToImmutable()));
        }

        int score = Math.Min(Math.Max(total, 0), HealthScoreDefinition.TotalMaxPoints);
        HealthStatus status = (HealthStatus)(score >= _healthyFrom ? 2 : score >= _neutralFrom ? 1 : 0);
        return new HealthScoreExplanation(
            Version.ScoreId, Version.Number, account, asOf, score, status, FinishCoverage(coverage), groups.MoveToImmutable());
    }

    private double FinishCoverage(double sum) => _totalMaxPoints == 0 ? 1d : Math.Min(1d, sum / _totalMaxPoints);

    private void CheckInputs(PortfolioSnapshot snapshot, ActivityCounts? eventCounts)
    {
        if (!ReferenceEquals(snapshot.Schema, Schema) && !snapshot.Schema.Signals.AsSpan().SequenceEqual(Schema.Signals.AsSpan()))
        {
            throw new ArgumentException("The snapshot's schema differs from the schema the score was compiled against.", nameof(snapshot));
        }

        if (EventCriteria.Length == 0)
        {
            return;
        }

        if (eventCounts is null)
        {
            throw new ArgumentException("The definition has event criteria: event counts are required.", nameof(eventCounts));
        }

        if (eventCounts.CriterionCount != EventCriteria.Length || eventCounts.AccountCount != snapshot.AccountCount)
        {
            throw new ArgumentException(
                $"Expected counts for {EventCriteria.Length} event criteria and {snapshot.AccountCount} accounts, got {eventCounts.CriterionCount} and {eventCounts.AccountCount}.",
                nameof(eventCounts));
        }
    }

    /// <summary>Binds the conditions to a table's dictionaries and an as-of date, in arrays rented from the shared pool
    /// (<paramref name="pooled"/>; returned by <see cref="Binding.Return"/>) or allocated.</summary>
    private Binding Bind(ColumnTable table, LocalDate asOf, bool pooled = true)
    {
        int asOfDay = SignalEncoding.ToDayNumber(asOf);
        var binding = new Binding(
            NewBuffer<int>(Math.Max(1, _conditions.Length * 2), pooled),
            NewBuffer<int>(Math.Max(1, _codeCount), pooled),
            NewBuffer<int>(Math.Max(1, _conditions.Length), pooled),
            pooled);
        foreach (PlanCondition condition in _conditions)
        {
            BoundCondition bound = condition.Bound;
            if (bound.Test == BoundTest.IntRange)
            {
                (binding.Ranges[2 * condition.Id], binding.Ranges[(2 * condition.Id) + 1]) = bound.DayRange(asOfDay);
            }
            else if (bound.Test != BoundTest.Number)
            {
                binding.CodeLengths[condition.Id] = bound.ResolveCodes(table, binding.Codes.AsSpan(condition.CodeOffset, bound.MaxCodes));
            }
        }

        return binding;
    }

    /// <summary>An array of at least <paramref name="length"/> elements: rented from the shared pool, or allocated.</summary>
    private static T[] NewBuffer<T>(int length, bool pooled) => pooled ? ArrayPool<T>.Shared.Rent(length) : new T[length];

    /// <summary>Per-evaluation binding: day ranges and resolved text codes per condition id (rented or owned arrays).</summary>
    internal readonly struct Binding
    {
        public Binding(int[] ranges, int[] codes, int[] codeLengths, bool pooled)
        {
            Ranges = ranges;
            Codes = codes;
            CodeLengths = codeLengths;
            Pooled = pooled;
        }

        public int[] Ranges { get; }

        public int[] Codes { get; }

        public int[] CodeLengths { get; }

        /// <summary>Whether the arrays were rented (and are returned by <see cref="Return"/>).</summary>
        public bool Pooled { get; }

        public ReadOnlySpan<int> CodesOf(PlanCondition condition) => Codes.AsSpan(condition.CodeOffset, CodeLengths[condition.Id]);

        public void Return()
        {
            if (!Pooled)
            {
                return;
            }

            ArrayPool<int>.Shared.Return(Ranges);
            ArrayPool<int>.Shared.Return(Codes);
            ArrayPool<int>.Shared.Return(CodeLengths);
        }
    }
}
