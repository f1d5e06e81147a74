using System;
using System.Threading;

namespace MergeQueue.Analyzers;

/// <summary>Bounds and cancellation for one exploration of a model.</summary>
public sealed class ExplorationOptions
{
    /// <summary>
    /// The most distinct states to keep (the initial state included); 1,000,000 by default, zero or less for
    /// no limit. Reaching it stops the search from adding states; the states already found are still checked.
    /// </summary>
    public int MaxStates { get; set; } = 1_000_000;

    /// <summary>
    /// The deepest breadth-first level to add states at (the initial state is level 0); 0 for no limit.
    /// States at this level are still checked and their actions run, so a stuck state there is found.
    /// </summary>
    public int MaxDepth { get; set; }

    /// <summary>Wall-clock time the exploration may take; null for no limit.</summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>
    /// Statements, loop iterations and calls one execution of an action or property may run before it counts
    /// as a failure (an endless loop or recursion); 100,000 by default.
    /// </summary>
    public long MaxStepsPerExecution { get; set; } = 100_000;

    /// <summary>Stops the exploration; the result then says <see cref="ExplorationBound.Cancelled"/>.</summary>
    public CancellationToken CancellationToken { get; set; }
}
