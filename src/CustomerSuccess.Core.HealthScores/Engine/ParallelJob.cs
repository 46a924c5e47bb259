using System;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace CustomerSuccess.Core.HealthScores.Engine;

/// <summary>
/// Work shared by the calling thread and thread-pool workers that claim units (tiles, segments) from an atomic counter,
/// so a worker that starts late, or a core busy with other work, simply claims fewer units. The caller never waits for
/// a worker that has not started: when it runs out of units it closes the job, and only the workers that registered
/// before are waited for (briefly: each finishes its current unit). Slot 0 is the caller, slots 1.. the workers in
/// registration order.
/// </summary>
internal abstract class ParallelJob : IThreadPoolWorkItem
{
    private const int Closed = int.MinValue;

    private int _nextUnit;
    private int _registered;
    private int _finished;
    private ExceptionDispatchInfo? _error;

    /// <summary>Runs the job on the caller and up to <paramref name="workers"/> − 1 pool threads.</summary>
    /// <returns>The number of pool workers that took part (their slots are 1 to that number).</returns>
    public int Run(int workers)
    {
        for (int w = 1; w < workers; w++)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }

        RunSlot(0);
        int registered = Interlocked.Exchange(ref _registered, Closed);
        var wait = default(SpinWait);
        while (Volatile.Read(ref _finished) < registered)
        {
            wait.SpinOnce(sleep1Threshold: -1);
        }

        _error?.Throw();
        return registered;
    }

    /// <summary>A pool worker: registers unless the job is already closed.</summary>
    public void Execute()
    {
        int slot;
        while (true)
        {
            int registered = Volatile.Read(ref _registered);
            if (registered == Closed)
            {
                return;
            }

            if (Interlocked.CompareExchange(ref _registered, registered + 1, registered) == registered)
            {
                slot = registered + 1;
                break;
            }
        }

        try
        {
            RunSlot(slot);
        }
        finally
        {
            Interlocked.Increment(ref _finished);
        }
    }

    /// <summary>Claims the next unit; returns −1 when none is left.</summary>
    protected int ClaimUnit(int units)
    {
        int unit = Interlocked.Increment(ref _nextUnit) - 1;
        return unit < units && unit >= 0 ? unit : -1;
    }

    /// <summary>Does one slot's share: claims units with <see cref="ClaimUnit"/> until none is left.</summary>
    protected abstract void Work(int slot);

    private void RunSlot(int slot)
    {
        try
        {
            Work(slot);
        }
        catch (Exception e)
        {
            Interlocked.CompareExchange(ref _error, ExceptionDispatchInfo.Capture(e), null);
            Volatile.Write(ref _nextUnit, int.MaxValue / 2);
        }
    }
}
