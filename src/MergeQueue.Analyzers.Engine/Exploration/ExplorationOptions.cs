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

    /// <summary>
    /// The most the exploration may grow the process's managed heap, in megabytes; 0 (the default) for no limit.
    /// Checked every few thousand states, against the heap's size when the exploration began (so it also counts
    /// what other threads of the process allocate meanwhile). Reaching it stops the exploration like the time limit;
    /// an allocation that fails (<see cref="OutOfMemoryException"/>) stops it the same way, limit or not.
    /// </summary>
    public int MaxMemoryMegabytes { get; set; }

    /// <summary>Wall-clock time the exploration may take; null for no limit.</summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>
    /// Statements, loop iterations and calls one execution of an action or property may run before it counts
    /// as a failure (an endless loop or recursion); 100,000 by default.
    /// </summary>
    public long MaxStepsPerExecution { get; set; } = 100_000;

    /// <summary>Stops the exploration; the result then says <see cref="ExplorationBound.Cancelled"/>.</summary>
    public CancellationToken CancellationToken { get; set; }

    /// <summary>
    /// The threads that expand states in parallel; 1 by default (values below 1 count as 1). The result does not
    /// depend on it: states are numbered, traces chosen and violations reported exactly as with one worker. With more
    /// than one, the model's <c>Step</c>, <c>Evaluate</c>, comparer and hash are called from several threads at once,
    /// so they must not share mutable state. The liveness search after the exploration runs on one thread.
    /// </summary>
    public int Workers { get; set; } = 1;

    /// <summary>
    /// Receives the distinct states, depth and rate of a running exploration, at most about every half second and
    /// once when the breadth-first search ends; null (the default) for none. Called on the exploring thread.
    /// </summary>
    public IProgress<ExplorationProgress>? Progress { get; set; }

    /// <summary>
    /// Keep only a 64-bit fingerprint of each state, not the state (TLC's mode): far less memory per state, but two
    /// states with the same fingerprint count as one, so a state may be missed, with the probability
    /// <see cref="ExplorationResult.CollisionProbability"/> reports. States needed for traces and for the liveness
    /// search are rebuilt by replaying the recorded steps from the initial state. The states still to be visited are kept
    /// in a temporary file (in <see cref="System.IO.Path.GetTempPath"/>, deleted when the search ends) when the model is
    /// a generated one or its states are <see cref="long"/>s, as TLC keeps its queue on disk (in memory when no file can
    /// be written). With a liveness property, the fingerprints and the enabled steps are logged in temporary files too,
    /// and the liveness search keeps its graph's edges in one, as TLC keeps its behavior graph on disk; every file is
    /// deleted when the search ends, however it ends. False by default (exact: a collision can never hide a state).
    /// Needs a model (or state comparer) that implements <see cref="Engine.IStateHasher{TState}"/>; other models are
    /// explored in exact mode.
    /// </summary>
    public bool FingerprintsOnly { get; set; }

    /// <summary>
    /// Keep the first this many states (breadth-first order) and the steps among them in
    /// <see cref="ExplorationResult.Graph"/>, for <see cref="ExplorationResult.ToDot"/> and
    /// <see cref="ExplorationResult.ToMermaid"/>; 0 (the default) for none. The search records nothing extra: the
    /// states are stepped once more after it, so the cost is small for a few hundred states and none when off.
    /// </summary>
    public int GraphStates { get; set; }

    /// <summary>
    /// Explore every reachable state and report every violation (TLC's <c>-continue</c>). False by default: the
    /// exploration stops at the end of the breadth-first level where the first safety violation was found, reports
    /// every violation of that level, and claims nothing about liveness, never-enabled actions or reachability.
    /// </summary>
    public bool ContinueAfterViolation { get; set; }

    /// <summary>
    /// The cluster to explore on, its visited set split by state hash over the cluster's members; null (the default)
    /// explores in this process. The result is the one-machine result but for times (a trace may be another of the
    /// same length). Needs a model the generator encodes (<c>ExploreAsync</c> says so otherwise). The liveness
    /// properties are checked after a complete run on the explored graph gathered into the calling process, which must
    /// hold it as one machine would; safety needs no gathering.
    /// </summary>
    public IExplorationCluster? Cluster { get; set; }

    /// <summary>
    /// Where fingerprint mode's temporary files go; null (the default) for <see cref="System.IO.Path.GetTempPath"/>.
    /// Tests point it at a directory of their own to see that every file is deleted.
    /// </summary>
    internal string? TemporaryDirectory { get; set; }
}
