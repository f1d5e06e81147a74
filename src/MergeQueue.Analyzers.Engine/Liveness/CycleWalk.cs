using System.Collections.Generic;

namespace MergeQueue.Analyzers.Engine;

/// <summary>
/// A cycle through a fair set that shows why it is fair: it takes a step of every fair group that has one inside
/// the set, and passes through a state where each other weakly fair group is disabled. (Strongly fair groups with
/// no step inside are disabled in every state of the set, which the peeling guaranteed.) The walk goes to the
/// nearest unmet obligation each time, breadth-first inside the set, then back to where it started.
/// </summary>
/// <remarks>
/// One walk per instance. A state reached keeps only the edge it was reached by (its parent is that edge's source),
/// and the queue holds at most the fair set.
/// </remarks>
internal sealed class CycleWalk
{
    private readonly LivenessGraph graph;
    private readonly SearchDeadline deadline;

    private readonly StateSet inSet;
    private readonly StateSet visited;
    private readonly int[] parentEdge;
    private int[] queue = System.Array.Empty<int>();
    private int tail;

    // Per group: must be taken (mustTake == run) or else, if weak, seen disabled (in disabledGoals); done when
    // doneIn == run. open counts the goals not done yet.
    private readonly int[] mustTake;
    private readonly int[] doneIn;
    private readonly int[] enabledAt;
    private readonly List<int> disabledGoals = new();
    private int open;
    private int run;

    internal CycleWalk(LivenessGraph graph, SearchDeadline deadline)
    {
        this.graph = graph;
        this.deadline = deadline;
        inSet = new StateSet(graph.StateCount);
        visited = new StateSet(graph.StateCount);
        parentEdge = new int[graph.StateCount];
        mustTake = new int[graph.GroupCount];
        doneIn = new int[graph.GroupCount];
        enabledAt = new int[graph.GroupCount];
    }

    /// <summary>
    /// Extends a path that ends in <paramref name="fairSet"/> by a cycle inside it, back to the path's last state;
    /// returns the step the cycle returns to.
    /// </summary>
    internal int Append(int[] fairSet, List<int> states, List<int> instances)
    {
        run++;
        foreach (int state in fairSet)
        {
            inSet[state] = true;
        }

        queue = new int[fairSet.Length];
        SetGoals(fairSet);
        int entryStep = states.Count - 1;
        int entry = states[entryStep];
        See(entry);
        int current = entry;
        while (open > 0 && WalkToNearestGoal(current, states, instances, out int reached))
        {
            current = reached;
        }

        if (states.Count - 1 == entryStep)
        {
            // No goal needed a step (no fair group is taken here, and the entry disables every weak one): a
            // cycle still needs one state-changing step.
            current = Step(entry, FirstInternalEdge(entry), states, instances);
        }

        if (current != entry)
        {
            WalkTo(current, entry, states, instances);
        }

        return entryStep;
    }

    private void SetGoals(int[] fairSet)
    {
        open = 0;
        disabledGoals.Clear();
        foreach (int state in fairSet)
        {
            for (int edge = graph.EdgeStart[state]; edge < graph.EdgeStart[state + 1]; edge++)
            {
                int group = graph.Group(edge);
                if (inSet[graph.Target(edge)] && graph.GroupFairness[group] != ActionFairness.None && mustTake[group] != run)
                {
                    mustTake[group] = run;
                    open++;
                }
            }
        }

        foreach (int group in graph.FairGroups)
        {
            if (mustTake[group] != run && graph.GroupFairness[group] == ActionFairness.Weak)
            {
                disabledGoals.Add(group);
                open++;
            }
        }
    }

    /// <summary>Breadth-first from <paramref name="from"/> to the nearest state or step that meets an open goal.</summary>
    private bool WalkToNearestGoal(int from, List<int> states, List<int> instances, out int reached)
    {
        Start(from);
        for (int head = 0; head < tail; head++)
        {
            int state = queue[head];
            if (state != from && MeetsDisabledGoal(state))
            {
                Replay(from, state, states, instances);
                reached = state;
                return true;
            }

            for (int edge = graph.EdgeStart[state]; edge < graph.EdgeStart[state + 1]; edge++)
            {
                int group = graph.Group(edge);
                if (inSet[graph.Target(edge)] && mustTake[group] == run && doneIn[group] != run)
                {
                    Replay(from, state, states, instances);
                    reached = Step(state, edge, states, instances);
                    return true;
                }
            }

            Expand(state);
        }

        // Unreachable for a strongly connected set; stop rather than loop.
        reached = from;
        return false;
    }

    private void WalkTo(int from, int to, List<int> states, List<int> instances)
    {
        Start(from);
        for (int head = 0; head < tail && !visited[to]; head++)
        {
            Expand(queue[head]);
        }

        Replay(from, to, states, instances);
    }

    /// <summary>Starts a breadth-first search from <paramref name="from"/>, forgetting the last one's visits.</summary>
    private void Start(int from)
    {
        for (int i = 0; i < tail; i++)
        {
            visited[queue[i]] = false;
        }

        visited[from] = true;
        queue[0] = from;
        tail = 1;
    }

    private void Expand(int state)
    {
        deadline.Tick();
        for (int edge = graph.EdgeStart[state]; edge < graph.EdgeStart[state + 1]; edge++)
        {
            int target = graph.Target(edge);
            if (inSet[target] && !visited[target])
            {
                visited[target] = true;
                parentEdge[target] = edge;
                queue[tail++] = target;
            }
        }
    }

    /// <summary>Appends the breadth-first tree path from <paramref name="from"/> to <paramref name="to"/>.</summary>
    private void Replay(int from, int to, List<int> states, List<int> instances)
    {
        var path = new List<int>();
        for (int state = to; state != from; state = graph.SourceOf(parentEdge[state]))
        {
            path.Add(state);
        }

        for (int i = path.Count - 1; i >= 0; i--)
        {
            int edge = parentEdge[path[i]];
            Step(graph.SourceOf(edge), edge, states, instances);
        }
    }

    /// <summary>Takes one step: every group with a step between the same two states counts as taken.</summary>
    private int Step(int source, int edge, List<int> states, List<int> instances)
    {
        int target = graph.Target(edge);
        for (int other = graph.EdgeStart[source]; other < graph.EdgeStart[source + 1]; other++)
        {
            int group = graph.Group(other);
            if (graph.Target(other) == target && mustTake[group] == run && doneIn[group] != run)
            {
                doneIn[group] = run;
                open--;
            }
        }

        states.Add(target);
        instances.Add(graph.Instance(edge));
        See(target);
        return target;
    }

    /// <summary>Marks the weakly fair groups disabled in <paramref name="state"/> as seen disabled.</summary>
    private void See(int state)
    {
        MarkEnabled(state);
        foreach (int group in disabledGoals)
        {
            if (doneIn[group] != run && enabledAt[group] != state + 1)
            {
                doneIn[group] = run;
                open--;
            }
        }
    }

    private bool MeetsDisabledGoal(int state)
    {
        MarkEnabled(state);
        foreach (int group in disabledGoals)
        {
            if (doneIn[group] != run && enabledAt[group] != state + 1)
            {
                return true;
            }
        }

        return false;
    }

    // enabledAt[g] == state + 1 when g has a state-changing step in state; + 1 keeps the zeroed array meaning "none".
    private void MarkEnabled(int state)
    {
        for (int edge = graph.EdgeStart[state]; edge < graph.EdgeStart[state + 1]; edge++)
        {
            enabledAt[graph.Group(edge)] = state + 1;
        }
    }

    private int FirstInternalEdge(int state)
    {
        int edge = graph.EdgeStart[state];
        while (!inSet[graph.Target(edge)])
        {
            edge++;
        }

        return edge;
    }
}
