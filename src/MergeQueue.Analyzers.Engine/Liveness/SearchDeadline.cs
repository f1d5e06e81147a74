using System;
using System.Diagnostics;
using System.Threading;

namespace MergeQueue.Analyzers.Engine;

/// <summary>
/// The exploration's time limit and cancellation, polled by the liveness loops. Reading the clock on every state
/// would cost more than the work it guards, so <see cref="Tick"/> looks only every few thousand calls.
/// </summary>
internal sealed class SearchDeadline
{
    private const int PollInterval = 4096;

    private readonly TimeSpan? timeout;
    private readonly Stopwatch clock;
    private readonly CancellationToken cancellation;
    private int ticks;

    internal SearchDeadline(TimeSpan? timeout, Stopwatch clock, CancellationToken cancellation)
    {
        this.timeout = timeout;
        this.clock = clock;
        this.cancellation = cancellation;
    }

    /// <summary>Counts one unit of work; every <see cref="PollInterval"/> units, checks the limits.</summary>
    /// <exception cref="SearchStoppedException">The time limit passed or the token was cancelled.</exception>
    internal void Tick()
    {
        if (++ticks >= PollInterval)
        {
            ticks = 0;
            Check();
        }
    }

    /// <summary>Checks the limits now.</summary>
    /// <exception cref="SearchStoppedException">The time limit passed or the token was cancelled.</exception>
    internal void Check()
    {
        if (cancellation.IsCancellationRequested)
        {
            throw new SearchStoppedException(ExplorationBound.Cancelled);
        }

        if (timeout is TimeSpan limit && clock.Elapsed > limit)
        {
            throw new SearchStoppedException(ExplorationBound.Timeout);
        }
    }
}
