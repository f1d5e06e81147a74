namespace MergeQueue.Analyzers.Engine;

/// <summary>
/// Where a safety trace ends: a state of the graph, or one step past it to a successor the graph does not hold as that
/// step's state (outside the <c>[Constraint]</c> members, or the step a <c>[StepInvariant]</c> rejects), or an initial
/// state the constraints kept out of the graph.
/// </summary>
/// <param name="State">The state's number; -1 for an initial state not in the graph.</param>
/// <param name="Step">The action instance of the last step; -1 to end at <paramref name="State"/>. With no state, the initial instance.</param>
internal readonly record struct TracePoint(int State, int Step)
{
    /// <summary>The trace ends at a state of the graph.</summary>
    internal static TracePoint At(int state) => new(state, -1);

    /// <summary>The trace ends at the initial state <paramref name="initialInstance"/> builds, which the graph does not hold.</summary>
    internal static TracePoint Initial(int initialInstance) => new(-1, initialInstance);

    /// <summary>True when the trace ends one step past <see cref="State"/>.</summary>
    internal bool PastState => State >= 0 && Step >= 0;
}
