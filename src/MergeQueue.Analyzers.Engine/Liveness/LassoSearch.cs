using System.Collections.Generic;

namespace MergeQueue.Analyzers.Engine;

/// <summary>
/// The shortest path from an initial state to where a counterexample can end: a state in a fair set, or a state
/// where no fair group is enabled (the behavior stays there). Breadth-first over two copies of the graph: before
/// the trigger any step is allowed (copy 0); a trigger state moves the search to copy 1 at no cost, and copy 1
/// keeps to the region. A trace found this way is a shortest one among all that break the property. A state where
/// no fair group is enabled ends the trace there (the behavior stays); a state of a fair set ends it, and
/// <see cref="CycleWalk"/> closes the cycle.
/// </summary>
/// <remarks>
/// A node keeps only the edge it was reached by: the state it came from is that edge's source, in the same copy. Each
/// search has arrays of its own, dropped when it ends, so the liveness search never holds these and the fair-cycle
/// search's at once.
/// </remarks>
internal sealed class LassoSearch
{
    // What a node's parent edge holds when it was not reached by an edge.
    private const int Entered = -1;
    private const int Start = -2;

    private readonly LivenessGraph graph;
    private readonly SearchDeadline deadline;

    // Node = state * 2 + copy.
    private readonly int[] parentEdge;
    private readonly StateSet visited;
    private readonly Column<int> queue = new();
    private readonly StateSet inFairSet;
    private LivenessRegion region = null!;

    internal LassoSearch(LivenessGraph graph, SearchDeadline deadline)
    {
        this.graph = graph;
        this.deadline = deadline;
        parentEdge = new int[2 * graph.StateCount];
        visited = new StateSet(2 * graph.StateCount);
        inFairSet = new StateSet(graph.StateCount);
    }

    /// <summary>
    /// The shortest path to where a counterexample can end, or null when the property holds. One search per instance:
    /// its arrays are not cleared for another.
    /// </summary>
    /// <param name="region">Where the counterexample may go after its trigger.</param>
    /// <param name="fairSets">The fair sets within the region.</param>
    /// <param name="endsIn">The fair set the path ends in, where a cycle must follow; null when the behavior stays in the last state.</param>
    internal Lasso? Find(LivenessRegion region, List<int[]> fairSets, out int[]? endsIn)
    {
        foreach (int[] set in fairSets)
        {
            foreach (int state in set)
            {
                inFairSet[state] = true;
            }
        }

        this.region = region;
        endsIn = null;

        // Every initial state starts a path (TLA+ Init), in number order so the first that gives a shortest one wins.
        for (int initial = 0; initial < graph.InitialCount; initial++)
        {
            if (region.PrefixMayLeave)
            {
                Discover(2 * initial, Start);
            }
            else if (region.Trigger[initial])
            {
                Discover((2 * initial) + 1, Start);
            }
        }

        // Level by level, and within a level the nodes after the trigger first: among the shortest paths, one
        // that enters the region early is found, so the summary names the earliest step it can.
        for (int levelStart = 0; levelStart < queue.Count;)
        {
            int levelEnd = queue.Count;
            for (int copy = 1; copy >= 0; copy--)
            {
                for (int head = levelStart; head < levelEnd; head++)
                {
                    int node = queue[head];
                    if ((node & 1) == copy && Expand(node) is Lasso prefix)
                    {
                        endsIn = graph.FairEnabled(node >> 1) ? SetOf(node >> 1, fairSets) : null;
                        return prefix;
                    }
                }
            }

            levelStart = levelEnd;
        }

        return null;
    }

    /// <summary>Returns the path if <paramref name="node"/> ends one; otherwise queues its successors.</summary>
    private Lasso? Expand(int node)
    {
        deadline.Tick();
        int state = node >> 1;
        bool afterTrigger = (node & 1) == 1;
        if (afterTrigger && (!graph.FairEnabled(state) || inFairSet[state]))
        {
            return Prefix(node);
        }

        for (int edge = graph.EdgeStart[state]; edge < graph.EdgeStart[state + 1]; edge++)
        {
            int target = graph.Target(edge);
            if (!afterTrigger)
            {
                Discover(2 * target, edge);
            }
            else if (region.Contains[target])
            {
                Discover((2 * target) + 1, edge);
            }
        }

        return null;
    }

    private void Discover(int node, int edge)
    {
        if (visited[node])
        {
            return;
        }

        visited[node] = true;
        parentEdge[node] = edge;
        queue.Add(node);

        // Entering the region costs no step, so its copy is queued right behind at the same distance.
        if ((node & 1) == 0 && region.Trigger[node >> 1])
        {
            Discover(node | 1, Entered);
        }
    }

    /// <summary>The path to <paramref name="goal"/>, one entry per step (moving to copy 1 is not a step).</summary>
    private Lasso Prefix(int goal)
    {
        var nodes = new List<int>();
        for (int node = goal; ; node = ParentOf(node))
        {
            nodes.Add(node);
            if (parentEdge[node] == Start)
            {
                break;
            }
        }

        nodes.Reverse();
        var states = new List<int>(nodes.Count);
        var instances = new List<int>(nodes.Count);
        int triggerStep = 0;
        foreach (int node in nodes)
        {
            int edge = parentEdge[node];
            if (edge < 0 && states.Count > 0)
            {
                triggerStep = states.Count - 1;
                continue;
            }

            states.Add(node >> 1);
            instances.Add(edge < 0 ? -1 : graph.Instance(edge));
        }

        return new Lasso(states, instances, triggerStep, null);
    }

    /// <summary>The node <paramref name="node"/> was reached from: the same state before the trigger, or the edge's source in the same copy.</summary>
    private int ParentOf(int node)
    {
        int edge = parentEdge[node];
        return edge == Entered ? node & ~1 : (2 * graph.SourceOf(edge)) | (node & 1);
    }

    private static int[] SetOf(int state, List<int[]> fairSets)
    {
        foreach (int[] set in fairSets)
        {
            if (System.Array.IndexOf(set, state) >= 0)
            {
                return set;
            }
        }

        throw new System.InvalidOperationException("A state marked as in a fair set is in none.");
    }
}
