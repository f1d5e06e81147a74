namespace MergeQueue.Analyzers;

/// <summary>What stopped an exploration before it covered every reachable state.</summary>
public enum ExplorationBound
{
    /// <summary>Nothing: every reachable state was explored.</summary>
    None,

    /// <summary><see cref="ExplorationOptions.MaxStates"/> distinct states were found and more were reachable.</summary>
    MaxStates,

    /// <summary>States deeper than <see cref="ExplorationOptions.MaxDepth"/> were reachable.</summary>
    MaxDepth,

    /// <summary><see cref="ExplorationOptions.Timeout"/> passed.</summary>
    Timeout,

    /// <summary><see cref="ExplorationOptions.CancellationToken"/> was cancelled.</summary>
    Cancelled,

    /// <summary>
    /// The heap grew by more than <see cref="ExplorationOptions.MaxMemoryMegabytes"/>, or an allocation failed.
    /// </summary>
    MaxMemory,

    /// <summary>
    /// A safety violation was found and <see cref="ExplorationOptions.ContinueAfterViolation"/> is false: the
    /// exploration stopped at the end of the breadth-first level where the first one was found (TLC's default).
    /// </summary>
    SafetyViolation,

    /// <summary>
    /// Every state within the <c>[Constraint]</c> members was explored, but they kept some successor out, so the
    /// liveness properties were not checked: a behavior the constraint cuts short can hide a counterexample.
    /// </summary>
    Constraint,

    /// <summary>
    /// A member of the cluster (<see cref="ExplorationOptions.Cluster"/>) was lost or a shard failed during the run;
    /// <see cref="ExplorationResult.BoundMessage"/> says which and how far the run got. Nothing is claimed.
    /// </summary>
    ClusterFault,
}
