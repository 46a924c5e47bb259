using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Linq.Expressions;
using System.Threading;
using System.Threading.Tasks;
using CustomerSuccess.Core.Specification;
using CustomerSuccess.Core.Tasks;

namespace CustomerSuccess.Core.Stores.InMemory;

/// <summary>
/// The reference <see cref="ITaskStore"/> and <see cref="ITaskQuery"/> over the same tasks: one compare-and-set entry
/// per task (the whole contract of <see cref="InMemoryAggregateStore{TKey, TState}"/>), ids counted per portal, and a
/// per-portal index the query reads, kept in step with the entries inside the store's lock.
/// </summary>
/// <remarks>
/// <para>A query reads one consistent snapshot of the portal's tasks (copied under the index lock into a pooled array),
/// then evaluates the specification outside the lock with its compiled delegates: the filters first (and the count),
/// then the order and the page. A specification ordered by the task id alone (keyset batches of a bulk action, lists
/// without a sort) keeps only the page's smallest ids in a bounded heap instead of sorting every match. Tasks of other
/// portals are never read. Text comparisons are ordinal (case-sensitive), which a SQL
/// collation may not be.</para>
/// <para>States are immutable (their associations are copied into an immutable array when set), so the store keeps and
/// hands out the instances it is given without aliasing anything a caller can change.</para>
/// <threadsafety>All members are thread-safe.</threadsafety>
/// </remarks>
public sealed class InMemoryTaskStore : InMemoryAggregateStore<TaskKey, TaskState>, ITaskStore, ITaskQuery
{
    private readonly Lock _index = new();
    private readonly Dictionary<PortalId, Dictionary<TaskId, Versioned<TaskState>>> _portals = [];
    private readonly Dictionary<PortalId, long> _lastIds = [];

    /// <inheritdoc />
    public Task<TaskId> NextIdAsync(PortalId portalId, CancellationToken cancellationToken = default)
    {
        if (portalId.IsDefault)
        {
            throw new ArgumentException("The portal id must not be default.", nameof(portalId));
        }

        cancellationToken.ThrowIfCancellationRequested();
        lock (_index)
        {
            var next = _lastIds.GetValueOrDefault(portalId) + 1;
            _lastIds[portalId] = next;
            return Task.FromResult(TaskId.From(next));
        }
    }

    /// <summary>Refuses a state that is not a created task of its key's portal and id.</summary>
    /// <inheritdoc />
    public override Task<Result<VersionToken>> SaveAsync(TaskKey key, TaskState state, VersionToken expected, IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.PortalId != key.PortalId || state.Id != key.TaskId || !state.Exists)
        {
            throw new ArgumentException($"The state of task {state.PortalId}/{state.Id} (created: {state.Exists}) cannot be stored under key {key}.", nameof(state));
        }

        return base.SaveAsync(key, state, expected, events, cancellationToken);
    }

    /// <inheritdoc />
    public Task<TaskPage> QueryAsync(TaskQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        cancellationToken.ThrowIfCancellationRequested();
        var page = query.Page;
        var (snapshot, count) = Snapshot(query.PortalId);
        try
        {
            var criteria = Criteria(query.Specification);
            if (OrdersByIdOnly(query.Specification))
            {
                // Keyset batches and unsorted lists: keep the Skip + PageSize smallest ids of the matches in a bounded
                // heap (largest id on top), without sorting or boxing every match.
                var wanted = (int)Math.Min((long)page.Skip + page.PageSize, count);
                var heap = new PriorityQueue<Versioned<TaskState>, long>(wanted + 1);
                var total = 0;
                for (var i = 0; i < count; i++)
                {
                    var task = snapshot[i];
                    if (Satisfies(criteria, task.State))
                    {
                        total++;
                        heap.Enqueue(task, -task.State.Id.Value);
                        if (heap.Count > wanted)
                        {
                            heap.Dequeue();
                        }
                    }
                }

                var smallest = new Versioned<TaskState>[heap.Count];
                for (var i = smallest.Length - 1; i >= 0; i--)
                {
                    smallest[i] = heap.Dequeue();
                }

                IReadOnlyList<Versioned<TaskState>> byId = [.. smallest.Skip(page.Skip).Take(page.PageSize)];
                return Task.FromResult(new TaskPage(byId, query.IncludeTotal ? total : null, page));
            }

            var matches = new List<Versioned<TaskState>>();
            for (var i = 0; i < count; i++)
            {
                if (Satisfies(criteria, snapshot[i].State))
                {
                    matches.Add(snapshot[i]);
                }
            }

            IEnumerable<Versioned<TaskState>> ordered = matches;
            IOrderedEnumerable<Versioned<TaskState>>? chain = null;
            foreach (var order in query.Specification.OrderExpressions)
            {
                var key = order.KeySelectorFunc;
                chain = order.OrderType switch
                {
                    OrderTypeEnum.OrderBy => ordered.OrderBy(t => key(t.State)),
                    OrderTypeEnum.OrderByDescending => ordered.OrderByDescending(t => key(t.State)),
                    OrderTypeEnum.ThenBy => chain!.ThenBy(t => key(t.State)),
                    _ => chain!.ThenByDescending(t => key(t.State)),
                };
            }

            IReadOnlyList<Versioned<TaskState>> items = [.. (chain ?? ordered).Skip(page.Skip).Take(page.PageSize)];
            return Task.FromResult(new TaskPage(items, query.IncludeTotal ? matches.Count : null, page));
        }
        finally
        {
            ArrayPool<Versioned<TaskState>>.Shared.Return(snapshot, clearArray: true);
        }
    }

    /// <inheritdoc />
    public Task<int> CountAsync(PortalId portalId, ISpecification<TaskState> specification, CancellationToken cancellationToken = default)
    {
        TaskQuery.CheckScope(portalId, specification);
        cancellationToken.ThrowIfCancellationRequested();
        var (snapshot, count) = Snapshot(portalId);
        try
        {
            var criteria = Criteria(specification);
            var total = 0;
            for (var i = 0; i < count; i++)
            {
                if (Satisfies(criteria, snapshot[i].State))
                {
                    total++;
                }
            }

            return Task.FromResult(total);
        }
        finally
        {
            ArrayPool<Versioned<TaskState>>.Shared.Return(snapshot, clearArray: true);
        }
    }

    /// <inheritdoc />
    protected override void OnWritten(TaskKey key, Versioned<TaskState>? entry)
    {
        lock (_index)
        {
            if (!_portals.TryGetValue(key.PortalId, out var tasks))
            {
                tasks = [];
                _portals[key.PortalId] = tasks;
            }

            if (entry is null)
            {
                tasks.Remove(key.TaskId);
            }
            else
            {
                tasks[key.TaskId] = entry;
            }
        }
    }

    private static Func<TaskState, bool>[] Criteria(ISpecification<TaskState> specification) =>
        [.. specification.WhereExpressions.Select(w => w.FilterFunc)];

    private static bool Satisfies(Func<TaskState, bool>[] criteria, TaskState task)
    {
        foreach (var criterion in criteria)
        {
            if (!criterion(task))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the specification orders by the task id alone (<c>OrderBy(t =&gt; t.Id)</c>).</summary>
    private static bool OrdersByIdOnly(ISpecification<TaskState> specification)
    {
        using var orders = specification.OrderExpressions.GetEnumerator();
        if (!orders.MoveNext())
        {
            return false;
        }

        var only = orders.Current;
        if (orders.MoveNext() || only.OrderType != OrderTypeEnum.OrderBy)
        {
            return false;
        }

        var body = only.KeySelector.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : only.KeySelector.Body;
        return body is MemberExpression { Member.Name: nameof(TaskState.Id) } member && member.Expression == only.KeySelector.Parameters[0];
    }

    /// <summary>One consistent copy of a portal's tasks, in a pooled array (return it with <c>clearArray</c>).</summary>
    private (Versioned<TaskState>[] Tasks, int Count) Snapshot(PortalId portalId)
    {
        lock (_index)
        {
            if (!_portals.TryGetValue(portalId, out var tasks) || tasks.Count == 0)
            {
                return (ArrayPool<Versioned<TaskState>>.Shared.Rent(0), 0);
            }

            var copy = ArrayPool<Versioned<TaskState>>.Shared.Rent(tasks.Count);
            tasks.Values.CopyTo(copy, 0);
            return (copy, tasks.Count);
        }
    }
}
