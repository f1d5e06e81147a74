using System.Collections.Generic;

namespace MergeQueue.Analyzers.Engine;

/// <summary>
/// Finds, within a set of states, the sets a fair behavior can visit infinitely often while taking a state-changing
/// step infinitely often: strongly connected sets where every weakly fair group is taken inside or disabled in one
/// of their states, and every strongly fair group is taken inside or disabled in all of them.
/// </summary>
/// <remarks>
/// Taking all of a component's states and internal steps is the best a behavior can do for weak fairness (more steps
/// take more groups, more states disable more groups), so a component that fails it contains no fair cycle. Strong
/// fairness can fail only because of states where a group is enabled and never taken inside; a fair cycle must then
/// avoid those states, so they are peeled off and the components of the rest are searched again. A group peeled
/// once is disabled everywhere in what remains, so peeling goes at most one level per strong group.
/// </remarks>
internal sealed class FairCycleSearch
{
    private readonly LivenessGraph graph;
    private readonly SearchDeadline deadline;
    private readonly StronglyConnectedComponents components;

    // The states of the subset being split, then of the component being judged; cleared after each.
    private readonly StateSet inSubset;

    // Per group, for the component being judged (stamped with its tag): an internal step, and how many of its
    // states enable the group (counted once per state through enabledSeenAt). Tags only grow, so these are never
    // cleared.
    private readonly int[] takenIn;
    private readonly int[] enabledIn;
    private readonly int[] enabledCount;
    private readonly int[] enabledSeenAt;
    private readonly int[] peeledIn;
    private readonly List<int> groupsSeen = new();
    private int lastTag;

    internal FairCycleSearch(LivenessGraph graph, SearchDeadline deadline)
    {
        this.graph = graph;
        this.deadline = deadline;
        components = new StronglyConnectedComponents(graph, deadline);
        inSubset = new StateSet(graph.StateCount);
        int groups = graph.GroupCount;
        takenIn = new int[groups];
        enabledIn = new int[groups];
        enabledCount = new int[groups];
        enabledSeenAt = new int[groups];
        peeledIn = new int[groups];
        for (int group = 0; group < groups; group++)
        {
            enabledSeenAt[group] = -1;
        }
    }

    /// <summary>
    /// The fair sets within <paramref name="region"/>, disjoint, each with at least two states. A fair behavior can
    /// stay inside any one of them forever, and no fair behavior that changes state infinitely often stays inside
    /// the region without ending in one of them.
    /// </summary>
    internal List<int[]> FindFairSets(int[] region)
    {
        var fairSets = new List<int[]>();
        var pending = new Stack<int[]>();
        pending.Push(region);
        while (pending.Count > 0)
        {
            int[] subset = pending.Pop();
            Mark(subset, true);
            List<int[]> cycles = components.FindCycles(subset, inSubset);
            Mark(subset, false);

            // A single state has no internal state-changing step: it is a cycle only by stuttering, which the caller
            // looks for separately.
            foreach (int[] component in cycles)
            {
                Judge(component, fairSets, pending);
            }
        }

        return fairSets;
    }

    private void Judge(int[] component, List<int[]> fairSets, Stack<int[]> pending)
    {
        int tag = ++lastTag;
        Mark(component, true);
        CountGroups(component, tag);
        Mark(component, false);
        bool peel = false;

        // A group enabled nowhere in the component asks nothing of it, so only the groups seen are judged: a model
        // with a process per value of a large domain has many groups and each component sees few of them.
        foreach (int group in groupsSeen)
        {
            if (graph.GroupFairness[group] == ActionFairness.None)
            {
                continue;
            }

            bool taken = takenIn[group] == tag;
            int enabled = enabledIn[group] == tag ? enabledCount[group] : 0;
            if (graph.GroupFairness[group] == ActionFairness.Strong && !taken && enabled > 0)
            {
                peeledIn[group] = tag;
                peel = true;
            }
            else if (graph.GroupFairness[group] == ActionFairness.Weak && !taken && enabled == component.Length)
            {
                // Enabled in every state and never taken: no behavior inside is weakly fair, and no subset helps,
                // peeled or not.
                return;
            }
        }

        if (!peel)
        {
            fairSets.Add(component);
            return;
        }

        var rest = new List<int>();
        foreach (int state in component)
        {
            if (!EnablesPeeledGroup(state, tag))
            {
                rest.Add(state);
            }
        }

        if (rest.Count >= 2)
        {
            pending.Push(rest.ToArray());
        }
    }

    private void CountGroups(int[] component, int tag)
    {
        groupsSeen.Clear();
        foreach (int state in component)
        {
            deadline.Tick();
            for (int edge = graph.EdgeStart[state]; edge < graph.EdgeStart[state + 1]; edge++)
            {
                int group = graph.Group(edge);
                if (inSubset[graph.Target(edge)])
                {
                    takenIn[group] = tag;
                }

                if (enabledIn[group] != tag)
                {
                    enabledIn[group] = tag;
                    enabledCount[group] = 0;
                    enabledSeenAt[group] = -1;
                    groupsSeen.Add(group);
                }

                if (enabledSeenAt[group] != state)
                {
                    enabledSeenAt[group] = state;
                    enabledCount[group]++;
                }
            }
        }
    }

    private bool EnablesPeeledGroup(int state, int tag)
    {
        for (int edge = graph.EdgeStart[state]; edge < graph.EdgeStart[state + 1]; edge++)
        {
            if (peeledIn[graph.Group(edge)] == tag)
            {
                return true;
            }
        }

        return false;
    }

    private void Mark(int[] states, bool value)
    {
        foreach (int state in states)
        {
            inSubset[state] = value;
        }
    }
}
