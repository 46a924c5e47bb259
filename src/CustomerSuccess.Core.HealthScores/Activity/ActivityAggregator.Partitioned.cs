using System;
using System.Buffers;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using CustomerSuccess.Core.HealthScores.Engine;
using CustomerSuccess.Core.HealthScores.Snapshots;
using NodaTime;
using DiagnosticActivity = System.Diagnostics.Activity;

namespace CustomerSuccess.Core.HealthScores.Activity;

/// <summary>The partitioned aggregation.</summary>
public sealed partial class ActivityAggregator
{
    /// <summary>Events filtered at a time (lane masks of one block stay in L1).</summary>
    private const int Block = 4096;

    /// <summary>Criteria counted per pass over the log: an event's bitmask and its account offset share 32 bits.</summary>
    private const int CriteriaPerPass = 16;

    /// <summary>The counters of one account partition (every criterion of the pass) fit in this many bytes (L2).</summary>
    private const int PartitionBytes = 256 * 1024;

    /// <summary>Counts every criterion's matching events per account as of an instant, on one thread.</summary>
    /// <param name="log">The event log; its property schema must have the same signals as <see cref="PropertySchema"/>.</param>
    /// <param name="accountCount">The number of accounts (length of each count column).</param>
    /// <param name="asOf">The as-of instant: the window of a criterion is [asOf − WindowDays × 24 h, asOf).</param>
    /// <returns>The counts, one column per criterion.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="log"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="accountCount"/> is negative.</exception>
    /// <exception cref="ArgumentException">The schemas differ, or an event's account index is ≥ <paramref name="accountCount"/>.</exception>
    public ActivityCounts Aggregate(ActivityLog log, int accountCount, Instant asOf) => Aggregate(log, accountCount, asOf, null);

    /// <summary>Counts every criterion's matching events per account as of an instant.</summary>
    /// <param name="log">The event log; its property schema must have the same signals as <see cref="PropertySchema"/>.</param>
    /// <param name="accountCount">The number of accounts (length of each count column).</param>
    /// <param name="asOf">The as-of instant: the window of a criterion is [asOf − WindowDays × 24 h, asOf).</param>
    /// <param name="options">Threads and segment size; null = <see cref="ActivityAggregationOptions.Default"/>.</param>
    /// <returns>The counts, one column per criterion; identical whatever the options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="log"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="accountCount"/> is negative.</exception>
    /// <exception cref="ArgumentException">The schemas differ, or an event's account index is ≥ <paramref name="accountCount"/>.</exception>
    public ActivityCounts Aggregate(ActivityLog log, int accountCount, Instant asOf, ActivityAggregationOptions? options)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentOutOfRangeException.ThrowIfNegative(accountCount);
        var columns = new int[Criteria.Length][];
        for (int c = 0; c < columns.Length; c++)
        {
            // Every count is written by the counting phase (or cleared below for an empty log).
            columns[c] = GC.AllocateUninitializedArray<int>(accountCount);
        }

        var counts = new ActivityCounts(accountCount, columns);
        AggregateInto(log, asOf, counts, options);
        return counts;
    }

    /// <summary>Counts every criterion's matching events per account as of an instant into existing counts, whose values
    /// are all overwritten: a repeated aggregation (every night, every hour) reuses the columns of the previous one
    /// instead of allocating 4 bytes per account and criterion each time.</summary>
    /// <param name="log">The event log; its property schema must have the same signals as <see cref="PropertySchema"/>.</param>
    /// <param name="asOf">The as-of instant: the window of a criterion is [asOf − WindowDays × 24 h, asOf).</param>
    /// <param name="destination">Counts with one column per criterion (<see cref="ActivityCounts.CriterionCount"/> =
    /// <see cref="Criteria"/>.Length); its <see cref="ActivityCounts.AccountCount"/> is the number of accounts.</param>
    /// <param name="options">Threads and segment size; null = <see cref="ActivityAggregationOptions.Default"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="log"/> or <paramref name="destination"/> is null.</exception>
    /// <exception cref="ArgumentException">The schemas differ, the destination has another number of columns, or an
    /// event's account index is ≥ the destination's account count.</exception>
    public void AggregateInto(ActivityLog log, Instant asOf, ActivityCounts destination, ActivityAggregationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(destination);
        if (!log.PropertySchema.Signals.AsSpan().SequenceEqual(PropertySchema.Signals.AsSpan()))
        {
            throw new ArgumentException("The event log's property schema differs from the one the aggregator was compiled against.", nameof(log));
        }

        if (destination.CriterionCount != Criteria.Length)
        {
            throw new ArgumentException($"Expected counts for {Criteria.Length} criteria, got {destination.CriterionCount}.", nameof(destination));
        }

        options ??= ActivityAggregationOptions.Default;
        bool observed = Telemetry.AggregationObserved;
        long started = observed ? Stopwatch.GetTimestamp() : 0;
        using DiagnosticActivity? activity = observed ? Telemetry.StartAggregation(log.Count, destination.AccountCount, options.MaxDegreeOfParallelism) : null;
        AggregateCore(log, asOf, destination, options);
        if (observed)
        {
            Telemetry.RecordAggregation(started, log.Count);
        }
    }

    private void AggregateCore(ActivityLog log, Instant asOf, ActivityCounts destination, ActivityAggregationOptions options)
    {
        int accountCount = destination.AccountCount;
        int[][] columns = destination.Columns;
        int criterionCount = Criteria.Length;
        if (criterionCount == 0 || log.Count == 0 || accountCount == 0)
        {
            foreach (int[] column in columns)
            {
                column.AsSpan().Clear();
            }

            // Even an empty evaluation checks that no event lies outside the accounts.
            int outside = log.AccountIndexes.IndexOfAnyExceptInRange(0, Math.Max(0, accountCount - 1));
            if (criterionCount > 0 && log.Count > 0 && (accountCount == 0 || outside >= 0))
            {
                int index = Math.Max(0, outside);
                throw new ArgumentException($"Event {index} refers to account {log.AccountIndexes[index]}, outside [0, {accountCount}).", nameof(log));
            }

            return;
        }

        BoundCriterion[] bound = BindCriteria(log, asOf);
        int segments = (int)(((long)log.Count + options.SegmentSize - 1) / options.SegmentSize);
        int workers = log.Count >= options.ParallelThreshold ? Math.Min(options.MaxDegreeOfParallelism, segments) : 1;
        for (int first = 0; first < criterionCount; first += CriteriaPerPass)
        {
            int count = Math.Min(CriteriaPerPass, criterionCount - first);
            var pass = new PassPlan(bound.AsSpan(first, count).ToArray(), accountCount);
            var slots = new FilteredSlot?[workers];
            try
            {
                var filter = new FilterJob(log, accountCount, pass, options.SegmentSize, workers, slots);
                int others = filter.Run(workers);
                var counting = new CountJob(pass, slots.AsSpan(0, others + 1).ToArray(), columns.AsSpan(first, count).ToArray());
                counting.Run(workers);
            }
            catch (AccountOutOfRangeException e)
            {
                throw new ArgumentException(e.Message, nameof(log));
            }
            finally
            {
                foreach (FilteredSlot? slot in slots)
                {
                    slot?.Dispose();
                }
            }
        }
    }

    /// <summary>A criterion bound to a log and an as-of instant: type code (0 = the log has no such type), window,
    /// conditions with their resolved codes and the as-of day for date conditions.</summary>
    private BoundCriterion[] BindCriteria(ActivityLog log, Instant asOf)
    {
        long asOfMs = asOf.ToUnixTimeMilliseconds();
        int asOfDay = SignalEncoding.ToDayNumber(asOf.InUtc().Date);
        var bound = new BoundCriterion[Criteria.Length];
        for (int c = 0; c < bound.Length; c++)
        {
            EventCriterion criterion = Criteria[c];
            var codes = new int[_conditions[c].Length][];
            for (int k = 0; k < codes.Length; k++)
            {
                var buffer = new int[_conditions[c][k].MaxCodes];
                codes[k] = buffer[.._conditions[c][k].ResolveCodes(log.Properties, buffer)];
            }

            int type = log.EventTypes.IndexOf(criterion.EventType, StringComparer.Ordinal) + 1;
            bound[c] = new BoundCriterion((ushort)type, asOfMs - (criterion.WindowDays * (long)NodaConstants.MillisecondsPerDay), asOfMs, _conditions[c], codes, asOfDay);
        }

        return bound;
    }

    /// <summary>Thrown by a worker for an event outside the accounts; the caller turns it into an ArgumentException.</summary>
    private sealed class AccountOutOfRangeException(string message) : Exception(message);

    private sealed record BoundCriterion(ushort Type, long Low, long High, BoundCondition[] Conditions, int[][] Codes, int AsOfDay);

    /// <summary>Up to 16 criteria counted in one pass: their selectors (distinct type and window), which criteria need
    /// property conditions, and the account partitioning (a partition's counters for these criteria fit in L2).</summary>
    private sealed class PassPlan
    {
        public PassPlan(BoundCriterion[] criteria, int accountCount)
        {
            Criteria = criteria;
            var selectors = new System.Collections.Generic.List<(ushort Type, long Low, long High)>();
            SelectorOf = new int[criteria.Length];
            for (int c = 0; c < criteria.Length; c++)
            {
                var key = (criteria[c].Type, criteria[c].Low, criteria[c].High);
                int index = selectors.IndexOf(key);
                if (index < 0)
                {
                    index = selectors.Count;
                    selectors.Add(key);
                }

                SelectorOf[c] = index;
            }

            Selectors = [.. selectors];
            UnconditionedBits = new int[Selectors.Length];
            for (int c = 0; c < criteria.Length; c++)
            {
                if (criteria[c].Conditions.Length == 0)
                {
                    UnconditionedBits[SelectorOf[c]] |= 1 << c;
                }
            }

            int range = (int)Math.Clamp(BitOperations.RoundUpToPowerOf2((uint)(PartitionBytes / (sizeof(int) * criteria.Length))), 1024, 1 << 16);
            Shift = BitOperations.Log2((uint)range);
            Partitions = Math.Max(1, (int)(((long)accountCount + range - 1) >> Shift));
        }

        public BoundCriterion[] Criteria { get; }

        public (ushort Type, long Low, long High)[] Selectors { get; }

        public int[] SelectorOf { get; }

        /// <summary>Per selector, the bits of the criteria without property conditions (set together in one pass).</summary>
        public int[] UnconditionedBits { get; }

        public int Shift { get; }

        public int Partitions { get; }
    }

    /// <summary>One worker's filtered events: compacted (account, bits), then sorted by partition into entries
    /// (offset in partition | bits &lt;&lt; 16) with the end of every partition.</summary>
    private sealed class FilteredSlot : IDisposable
    {
        private int[] _accounts;
        private int[] _bits;

        public FilteredSlot(int capacity, int partitions)
        {
            _accounts = ArrayPool<int>.Shared.Rent(capacity);
            _bits = ArrayPool<int>.Shared.Rent(capacity);
            Ends = ArrayPool<int>.Shared.Rent(partitions + 1);
            Entries = [];
        }

        public int Count { get; set; }

        public int[] Accounts => _accounts;

        public int[] Bits => _bits;

        public uint[] Entries { get; private set; }

        /// <summary>Ends[p + 1] = end of partition p in <see cref="Entries"/> (Ends[0] = 0).</summary>
        public int[] Ends { get; }

        /// <summary>Makes room for <paramref name="more"/> further events (+ one vector of slack for compress stores).</summary>
        public void Reserve(int more)
        {
            int needed = Count + more + 16;
            if (needed <= _accounts.Length)
            {
                return;
            }

            int size = (int)Math.Min(Math.Max((long)_accounts.Length * 2, needed), Array.MaxLength);
            Grow(ref _accounts, size, Count);
            Grow(ref _bits, size, Count);
        }

        /// <summary>Counting sort by partition; releases the compacted arrays.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Partition(int shift, int partitions)
        {
            Span<int> ends = Ends.AsSpan(0, partitions + 1);
            ends.Clear();
            ReadOnlySpan<int> accounts = _accounts.AsSpan(0, Count);
            ReadOnlySpan<int> bits = _bits.AsSpan(0, Count);
            foreach (int a in accounts)
            {
                ends[(a >> shift) + 1]++;
            }

            for (int p = 1; p < ends.Length; p++)
            {
                ends[p] += ends[p - 1];
            }

            // Scatter with a cursor per partition starting at its beginning (= the previous partition's end).
            int[] cursors = ArrayPool<int>.Shared.Rent(partitions);
            ends[..partitions].CopyTo(cursors);
            Entries = ArrayPool<uint>.Shared.Rent(Math.Max(1, Count));
            ref uint entry = ref MemoryMarshal.GetArrayDataReference(Entries);
            ref int cursor = ref MemoryMarshal.GetArrayDataReference(cursors);
            uint local = (1u << shift) - 1;
            for (int j = 0; j < accounts.Length; j++)
            {
                int a = accounts[j];
                ref int position = ref Unsafe.Add(ref cursor, a >> shift);
                Unsafe.Add(ref entry, position) = ((uint)a & local) | ((uint)bits[j] << 16);
                position++;
            }

            ArrayPool<int>.Shared.Return(cursors);
            ArrayPool<int>.Shared.Return(_accounts);
            ArrayPool<int>.Shared.Return(_bits);
            _accounts = _bits = [];
        }

        public void Dispose()
        {
            if (_accounts.Length > 0)
            {
                ArrayPool<int>.Shared.Return(_accounts);
                ArrayPool<int>.Shared.Return(_bits);
                _accounts = _bits = [];
            }

            if (Entries.Length > 0)
            {
                ArrayPool<uint>.Shared.Return(Entries);
                Entries = [];
            }

            ArrayPool<int>.Shared.Return(Ends);
        }

        private static void Grow(ref int[] array, int size, int keep)
        {
            int[] grown = ArrayPool<int>.Shared.Rent(size);
            array.AsSpan(0, keep).CopyTo(grown);
            ArrayPool<int>.Shared.Return(array);
            array = grown;
        }
    }

    /// <summary>Phase 1 (units = segments of events): every slot filters its segments into its own compacted events,
    /// then sorts them by account partition.</summary>
    private sealed class FilterJob : ParallelJob
    {
        private readonly ActivityLog _log;
        private readonly int _accountCount;
        private readonly PassPlan _pass;
        private readonly int _segmentSize;
        private readonly FilteredSlot?[] _slots;
        private readonly int _workers;

        public FilterJob(ActivityLog log, int accountCount, PassPlan pass, int segmentSize, int workers, FilteredSlot?[] slots)
        {
            _log = log;
            _accountCount = accountCount;
            _pass = pass;
            _segmentSize = segmentSize;
            _workers = workers;
            _slots = slots;
        }

        protected override void Work(int slot)
        {
            int segments = (int)(((long)_log.Count + _segmentSize - 1) / _segmentSize);
            // Room for a quarter of the slot's share of events to pass the filter; it grows by doubling beyond.
            var filtered = new FilteredSlot(Math.Max(Block, _log.Count / _workers / 4), _pass.Partitions);
            _slots[slot] = filtered;
            int[] bits = ArrayPool<int>.Shared.Rent(Block);
            int[] selector = ArrayPool<int>.Shared.Rent(Block);
            int[] mask = ArrayPool<int>.Shared.Rent(Block);
            try
            {
                for (int unit = ClaimUnit(segments); unit >= 0; unit = ClaimUnit(segments))
                {
                    int from = unit * _segmentSize;
                    int to = (int)Math.Min((long)from + _segmentSize, _log.Count);
                    for (int start = from; start < to; start += Block)
                    {
                        int length = Math.Min(Block, to - start);
                        Filter(start, bits.AsSpan(0, length), selector.AsSpan(0, length), mask.AsSpan(0, length));
                        filtered.Reserve(length);
                        filtered.Count = Compact(_log.AccountIndexes.Slice(start, length), bits.AsSpan(0, length), filtered.Accounts, filtered.Bits, filtered.Count, start);
                    }
                }
            }
            finally
            {
                ArrayPool<int>.Shared.Return(bits);
                ArrayPool<int>.Shared.Return(selector);
                ArrayPool<int>.Shared.Return(mask);
            }

            filtered.Partition(_pass.Shift, _pass.Partitions);
        }

        /// <summary>bits[i] = the bitmask of the pass's criteria that event start + i counts for.</summary>
        private void Filter(int start, Span<int> bits, Span<int> selector, Span<int> mask)
        {
            int length = bits.Length;
            ReadOnlySpan<ushort> types = _log.TypeCodes.Slice(start, length);
            ReadOnlySpan<long> times = _log.OccurredAtUnixMilliseconds.Slice(start, length);
            ColumnTable properties = _log.Properties;
            bits.Clear();
            for (int s = 0; s < _pass.Selectors.Length; s++)
            {
                (ushort type, long low, long high) = _pass.Selectors[s];
                if (type == 0)
                {
                    continue;
                }

                Kernels.Selector(types, times, selector, type, low, high);
                if (_pass.UnconditionedBits[s] != 0)
                {
                    Kernels.AddMasked(bits, selector, _pass.UnconditionedBits[s]);
                }

                for (int c = 0; c < _pass.Criteria.Length; c++)
                {
                    BoundCriterion criterion = _pass.Criteria[c];
                    if (_pass.SelectorOf[c] != s || criterion.Conditions.Length == 0)
                    {
                        continue;
                    }

                    selector.CopyTo(mask);
                    for (int k = 0; k < criterion.Conditions.Length; k++)
                    {
                        AndCondition(criterion.Conditions[k], criterion.Codes[k], properties, start, mask, criterion.AsOfDay);
                    }

                    Kernels.AddMasked(bits, mask, 1 << c);
                }
            }
        }

        /// <summary>Appends the events of a block with a non-empty bitmask as (account, bits); checks every account.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private unsafe int Compact(ReadOnlySpan<int> accounts, ReadOnlySpan<int> bits, int[] outAccounts, int[] outBits, int count, int start)
        {
            int n = accounts.Length;
            bits = bits[..n];
            uint limit = (uint)_accountCount;
            int i = 0;
            if (Avx512F.IsSupported)
            {
                // Compress in registers, store a whole vector, advance by the number kept (the slot reserves slack).
                var vlimit = Vector512.Create(limit);
                fixed (int* a = accounts)
                fixed (int* b = bits)
                fixed (int* oa = outAccounts)
                fixed (int* ob = outBits)
                {
                    for (; i <= n - 16; i += 16)
                    {
                        Vector512<int> va = Vector512.Load(a + i);
                        Vector512<int> vb = Vector512.Load(b + i);
                        if (Vector512.GreaterThanOrEqualAny(va.AsUInt32(), vlimit))
                        {
                            break;
                        }

                        Vector512<int> keep = ~Vector512.Equals(vb, Vector512<int>.Zero);
                        Avx512F.Compress(Vector512<int>.Zero, keep, va).Store(oa + count);
                        Avx512F.Compress(Vector512<int>.Zero, keep, vb).Store(ob + count);
                        count += BitOperations.PopCount(keep.ExtractMostSignificantBits());
                    }
                }
            }

            for (; i < n; i++)
            {
                int a = accounts[i];
                if ((uint)a >= limit)
                {
                    throw new AccountOutOfRangeException($"Event {start + i} refers to account {a}, outside [0, {_accountCount}).");
                }

                int b = bits[i];
                outAccounts[count] = a;
                outBits[count] = b;
                count += b != 0 ? 1 : 0;
            }

            return count;
        }
    }

    /// <summary>Phase 2 (units = account partitions): counts every slot's entries of a partition into a local
    /// account-major table (one cache line per event, ≤ 256 KiB: it stays in L2), then writes the partition's counts
    /// into the result columns sequentially (each partition is counted exactly once, so the columns are only written).</summary>
    private sealed class CountJob : ParallelJob
    {
        private readonly PassPlan _pass;
        private readonly FilteredSlot?[] _slots;
        private readonly int[][] _columns;

        public CountJob(PassPlan pass, FilteredSlot?[] slots, int[][] columns)
        {
            _pass = pass;
            _slots = slots;
            _columns = columns;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        protected override void Work(int slot)
        {
            int criteria = _columns.Length;
            int range = 1 << _pass.Shift;
            int[] table = ArrayPool<int>.Shared.Rent(range * criteria);
            try
            {
                for (int p = ClaimUnit(_pass.Partitions); p >= 0; p = ClaimUnit(_pass.Partitions))
                {
                    int baseAccount = p << _pass.Shift;
                    int accounts = Math.Min(range, _columns[0].Length - baseAccount);
                    Span<int> local = table.AsSpan(0, accounts * criteria);
                    local.Clear();
                    ref int cells = ref MemoryMarshal.GetArrayDataReference(table);
                    foreach (FilteredSlot? filtered in _slots)
                    {
                        ReadOnlySpan<uint> partition = filtered!.Entries.AsSpan(filtered.Ends[p], filtered.Ends[p + 1] - filtered.Ends[p]);
                        if (criteria == 1)
                        {
                            foreach (uint e in partition)
                            {
                                Unsafe.Add(ref cells, (int)(e & 0xFFFF))++;
                            }
                        }
                        else
                        {
                            foreach (uint e in partition)
                            {
                                ref int row = ref Unsafe.Add(ref cells, (int)(e & 0xFFFF) * criteria);
                                for (uint b = e >> 16; b != 0; b &= b - 1)
                                {
                                    Unsafe.Add(ref row, BitOperations.TrailingZeroCount(b))++;
                                }
                            }
                        }
                    }

                    for (int c = 0; c < criteria; c++)
                    {
                        Span<int> column = _columns[c].AsSpan(baseAccount, accounts);
                        for (int a = 0; a < column.Length; a++)
                        {
                            column[a] = local[(a * criteria) + c];
                        }
                    }
                }
            }
            finally
            {
                ArrayPool<int>.Shared.Return(table);
            }
        }
    }

    private static void AndCondition(BoundCondition condition, int[] codes, ColumnTable properties, int start, Span<int> mask, int asOfDay)
    {
        Array column = properties.Columns[condition.Column];
        int length = mask.Length;
        switch (condition.Test)
        {
            case BoundTest.Number:
                Kernels.Number<AndMaskSink>(condition.NumberTest, ((double[])column).AsSpan(start, length), mask, condition.A, condition.B, 0);
                break;
            case BoundTest.IntRange:
                (int low, int high) = condition.DayRange(asOfDay);
                Kernels.IntRange<AndMaskSink>(((int[])column).AsSpan(start, length), mask, low, high, 0);
                break;
            default:
                bool knownNotInSet = condition.Test == BoundTest.ByteKnownNotInSet;
                switch (column)
                {
                    case byte[] bytes:
                        Kernels.Bytes<AndMaskSink>(bytes.AsSpan(start, length), mask, codes, knownNotInSet, 0);
                        break;
                    case ushort[] shorts:
                        Kernels.Codes<ushort, AndMaskSink>(shorts.AsSpan(start, length), mask, codes, knownNotInSet, 0);
                        break;
                    default:
                        Kernels.Codes<int, AndMaskSink>(((int[])column).AsSpan(start, length), mask, codes, knownNotInSet, 0);
                        break;
                }

                break;
        }
    }
}
