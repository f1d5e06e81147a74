using System.Collections.Generic;

namespace MergeQueue.Analyzers.Engine;

/// <summary>
/// The states found so far, numbered in breadth-first order, each with the step that first reached it, and
/// optionally every enabled step between them (what a liveness search needs).
/// </summary>
/// <remarks>
/// States are kept whole, not as fingerprints, so a hash collision can never hide a state. A state's number is
/// its position in discovery order, so the breadth-first queue is just "every number not yet visited".
/// </remarks>
internal sealed class StateGraph<TState>
{
    private readonly List<TState> states = new();
    private readonly Dictionary<TState, int> numbers;
    private readonly List<int> parents = new();
    private readonly List<int> parentSteps = new();
    private readonly List<int> depths = new();

    // Successors of state s are edges [successorStart[s], successorStart[s + 1]): states are expanded in
    // number order, so each state's edges are contiguous.
    private readonly List<int> successorStart;
    private readonly List<int> edgeTargets;
    private readonly List<int> edgeInstances;

    internal StateGraph(IEqualityComparer<TState> comparer, bool recordEdges)
    {
        numbers = new Dictionary<TState, int>(comparer);
        RecordsEdges = recordEdges;
        successorStart = recordEdges ? new List<int>() : null!;
        edgeTargets = recordEdges ? new List<int>() : null!;
        edgeInstances = recordEdges ? new List<int>() : null!;
    }

    /// <summary>The number of states found.</summary>
    internal int Count => states.Count;

    /// <summary>True when enabled steps are recorded as edges.</summary>
    internal bool RecordsEdges { get; }

    /// <summary>The number of states whose successors were recorded.</summary>
    internal int ExpandedCount => RecordsEdges ? successorStart.Count : 0;

    internal TState State(int state) => states[state];

    /// <summary>The state this one was first reached from, or -1 for the initial state.</summary>
    internal int Parent(int state) => parents[state];

    /// <summary>The action instance that first reached this state, or -1 for the initial state.</summary>
    internal int ParentStep(int state) => parentSteps[state];

    /// <summary>The breadth-first level: the fewest steps from the initial state.</summary>
    internal int Depth(int state) => depths[state];

    internal bool TryFind(TState state, out int number) => numbers.TryGetValue(state, out number);

    internal int Add(TState state, int parent, int parentStep, int depth)
    {
        int number = states.Count;
        numbers.Add(state, number);
        states.Add(state);
        parents.Add(parent);
        parentSteps.Add(parentStep);
        depths.Add(depth);
        return number;
    }

    /// <summary>Starts the edges of <paramref name="state"/>; states must be expanded in number order.</summary>
    internal void BeginSuccessors(int state)
    {
        if (RecordsEdges && successorStart.Count == state)
        {
            successorStart.Add(edgeTargets.Count);
        }
    }

    internal void AddEdge(int target, int actionInstance)
    {
        if (RecordsEdges)
        {
            edgeTargets.Add(target);
            edgeInstances.Add(actionInstance);
        }
    }

    /// <summary>The edges of an expanded state, as indices for <see cref="EdgeTarget"/> and <see cref="EdgeInstance"/>.</summary>
    internal void Successors(int state, out int firstEdge, out int endEdge)
    {
        firstEdge = successorStart[state];
        endEdge = state + 1 < successorStart.Count ? successorStart[state + 1] : edgeTargets.Count;
    }

    internal int EdgeTarget(int edge) => edgeTargets[edge];

    internal int EdgeInstance(int edge) => edgeInstances[edge];
}
