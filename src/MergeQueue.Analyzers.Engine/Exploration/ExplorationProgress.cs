using System;

namespace MergeQueue.Analyzers;

/// <summary>How far a running exploration has come, as <see cref="ExplorationOptions.Progress"/> reports it.</summary>
public sealed class ExplorationProgress
{
    /// <summary>Creates a progress report.</summary>
    /// <param name="distinctStates">The distinct states found so far.</param>
    /// <param name="depth">The deepest breadth-first level found so far.</param>
    /// <param name="statesPerSecond">Distinct states found per second of exploration so far.</param>
    /// <param name="elapsed">The time since the exploration started.</param>
    public ExplorationProgress(long distinctStates, int depth, double statesPerSecond, TimeSpan elapsed)
    {
        DistinctStates = distinctStates;
        Depth = depth;
        StatesPerSecond = statesPerSecond;
        Elapsed = elapsed;
    }

    /// <summary>The distinct states found so far, the initial state included; never decreases between reports.</summary>
    public long DistinctStates { get; }

    /// <summary>The deepest breadth-first level found so far (the initial state is level 0).</summary>
    public int Depth { get; }

    /// <summary>Distinct states found per second since the exploration started.</summary>
    public double StatesPerSecond { get; }

    /// <summary>The time since the exploration started.</summary>
    public TimeSpan Elapsed { get; }
}
