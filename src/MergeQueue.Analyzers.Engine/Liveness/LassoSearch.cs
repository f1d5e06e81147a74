using System.Collections.Generic;

namespace MergeQueue.Analyzers.Engine;

/// <summary>
/// The shortest path from an initial state to where a counterexample can end: a state in a fair set, or a state
/// where no fair group is enabled (the behavior stays there). Breadth-first over two copies of the graph: before
/// the trigger any step is allowed (copy 0); a trigger state moves the search to copy 1 at no cost, and copy 1
/// keeps to the region. A trace found this way is a shortest one among all that break the property. A state where
/// no fair group is enabled ends the trace there (the behavior stays); a state of a fair set ends it with a cycle.
/// </summary>
internal sealed class LassoSearch
{
    private readonly LivenessGraph graph;
    private readonly SearchDeadline deadline;
    private CycleWalk? cycles;

    // Node = state * 2 + copy. Reused by every search; visitedIn tells this search's nodes from older ones.
    private readonly int[] parentNode;
    private readonly int[] parentEdge;
    private readonly int[] visitedIn;
    private readonly int[] queue;

    // Per state: the index of its fair set in the current search, or -1.
    private readonly int[] fairSetOf;
    private int run;
    private int tail;
    private LivenessRegion region = null!;

    internal LassoSearch(LivenessGraph graph, SearchDeadline deadline)
    {
        this.graph = graph;
        this.deadline = deadline;
        int nodes = 2 * graph.StateCount;
        parentNode = new int[nodes];
        parentEdge = new int[nodes];
        visitedIn = new int[nodes];
        queue = new int[nodes];
        fairSetOf = new int[graph.StateCount];
        for (int state = 0; state < fairSetOf.Length; state++)
        {
            fairSetOf[state] = -1;
        }
    }

    /// <summary>The counterexample with the shortest prefix, or null when the property holds.</summary>
    /// <param name="region">Where the counterexample may go after its trigger.</param>
    /// <param name="fairSets">The fair sets within the region.</param>
    internal Lasso? Find(LivenessRegion region, List<int[]> fairSets)
    {
        SetFairSets(fairSets, clear: false);
        try
        {
            return Search(region, fairSets);
        }
        finally
        {
            SetFairSets(fairSets, clear: true);
        }
    }

    private Lasso? Search(LivenessRegion region, List<int[]> fairSets)
    {
        this.region = region;
        run++;
        tail = 0;
        // Every initial state starts a path (TLA+ Init), in number order so the first that gives a shortest one wins.
        for (int initial = 0; initial < graph.InitialCount; initial++)
        {
            if (region.PrefixMayLeave)
            {
                Discover(2 * initial, -1, -1);
            }
            else if (region.Trigger[initial])
            {
                Discover((2 * initial) + 1, -1, -1);
            }
        }

        // Level by level, and within a level the nodes after the trigger first: among the shortest paths, one
        // that enters the region early is found, so the summary names the earliest step it can.
        for (int levelStart = 0; levelStart < tail;)
        {
            int levelEnd = tail;
            for (int copy = 1; copy >= 0; copy--)
            {
                for (int head = levelStart; head < levelEnd; head++)
                {
                    int node = queue[head];
                    if ((node & 1) == copy && Expand(node, fairSets) is Lasso lasso)
                    {
                        return lasso;
                    }
                }
            }

            levelStart = levelEnd;
        }

        return null;
    }

    private void SetFairSets(List<int[]> fairSets, bool clear)
    {
        for (int set = 0; set < fairSets.Count; set++)
        {
            foreach (int state in fairSets[set])
            {
                fairSetOf[state] = clear ? -1 : set;
            }
        }
    }

    /// <summary>Returns the counterexample if <paramref name="node"/> ends one; otherwise queues its successors.</summary>
    private Lasso? Expand(int node, List<int[]> fairSets)
    {
        deadline.Tick();
        int state = node >> 1;
        bool afterTrigger = (node & 1) == 1;
        if (afterTrigger && (!graph.FairEnabled[state] || fairSetOf[state] >= 0))
        {
            Lasso prefix = Prefix(node);
            if (!graph.FairEnabled[state])
            {
                return prefix;
            }

            // Most models never need a cycle (the merge queue's graph has none), so its arrays wait until one does.
            cycles ??= new CycleWalk(graph, deadline);
            int loopsBackTo = cycles.Append(fairSets[fairSetOf[state]], prefix.States, prefix.Instances);
            return new Lasso(prefix.States, prefix.Instances, prefix.TriggerStep, loopsBackTo);
        }

        for (int edge = graph.EdgeStart[state]; edge < graph.EdgeStart[state + 1]; edge++)
        {
            int target = graph.EdgeTarget[edge];
            if (!afterTrigger)
            {
                Discover(2 * target, node, edge);
            }
            else if (region.Contains[target])
            {
                Discover((2 * target) + 1, node, edge);
            }
        }

        return null;
    }

    private void Discover(int node, int parent, int edge)
    {
        if (visitedIn[node] == run)
        {
            return;
        }

        visitedIn[node] = run;
        parentNode[node] = parent;
        parentEdge[node] = edge;
        queue[tail++] = node;

        // Entering the region costs no step, so its copy is queued right behind at the same distance.
        if ((node & 1) == 0 && region.Trigger[node >> 1])
        {
            Discover(node | 1, node, -1);
        }
    }

    /// <summary>The path to <paramref name="goal"/>, one entry per step (moving to copy 1 is not a step).</summary>
    private Lasso Prefix(int goal)
    {
        var nodes = new List<int>();
        for (int node = goal; node >= 0; node = parentNode[node])
        {
            nodes.Add(node);
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
            instances.Add(edge < 0 ? -1 : graph.EdgeInstance[edge]);
        }

        return new Lasso(states, instances, triggerStep, null);
    }
}
