using System.Collections;
using System.Collections.Generic;

namespace MergeQueue.Analyzers.Engine;

/// <summary>
/// The strongly connected components of a subset of the states, with one number per state (Pearce's variant of
/// Tarjan's algorithm: the number is the state's visit index, then the lowest index it reaches, then its component's
/// number) and explicit stacks instead of recursion: a path through a model can be millions of states long, and the
/// compiler runs analyzers on small thread stacks.
/// </summary>
/// <remarks>
/// A finished state's number counts down from <see cref="int.MaxValue"/>, above every index still in use (the index
/// counter goes back down as components close), so comparing numbers never mistakes it for one on the stack. The
/// stacks grow with the depth of the search, not with the graph.
/// </remarks>
internal sealed class StronglyConnectedComponents
{
    private readonly LivenessGraph graph;
    private readonly SearchDeadline deadline;
    private readonly int[] number;

    // The depth-first path: each state with the next of its edges to follow, and whether it is still the root of
    // its component as far as is known.
    private readonly List<int> pathStates = new();
    private readonly List<int> pathEdges = new();
    private readonly List<bool> pathRoots = new();

    // Visited states whose component is not closed yet, other than the roots on the path.
    private readonly List<int> open = new();

    internal StronglyConnectedComponents(LivenessGraph graph, SearchDeadline deadline)
    {
        this.graph = graph;
        this.deadline = deadline;
        number = new int[graph.StateCount];
    }

    /// <summary>
    /// The components of at least two states of the subgraph induced by <paramref name="members"/> (the states set in
    /// <paramref name="isMember"/>); a single state has no internal state-changing step, so it never makes a cycle.
    /// </summary>
    internal List<int[]> FindCycles(int[] members, BitArray isMember)
    {
        foreach (int state in members)
        {
            number[state] = 0;
        }

        var components = new List<int[]>();
        int index = 1;
        int closed = int.MaxValue;
        foreach (int root in members)
        {
            if (number[root] != 0)
            {
                continue;
            }

            Enter(root, ref index);
            while (pathStates.Count > 0)
            {
                int top = pathStates.Count - 1;
                int state = pathStates[top];
                int edge = pathEdges[top];
                if (edge < graph.EdgeStart[state + 1])
                {
                    pathEdges[top] = edge + 1;
                    int target = graph.Target(edge);
                    if (!isMember[target])
                    {
                        continue;
                    }

                    if (number[target] == 0)
                    {
                        deadline.Tick();
                        Enter(target, ref index);
                    }
                    else
                    {
                        Lower(top, state, target);
                    }

                    continue;
                }

                // Every edge of this state is done: close its component if it is a root, then return to its caller.
                pathStates.RemoveAt(top);
                pathEdges.RemoveAt(top);
                bool isRoot = pathRoots[top];
                pathRoots.RemoveAt(top);
                if (isRoot)
                {
                    Close(state, ref index, closed--, components);
                }
                else
                {
                    open.Add(state);
                }

                if (top > 0)
                {
                    Lower(top - 1, pathStates[top - 1], state);
                }
            }
        }

        return components;
    }

    private void Enter(int state, ref int index)
    {
        number[state] = index++;
        pathStates.Add(state);
        pathEdges.Add(graph.EdgeStart[state]);
        pathRoots.Add(true);
    }

    /// <summary>A state on the path reaches <paramref name="target"/>: it takes the lower number, and is no root if it was lowered.</summary>
    private void Lower(int at, int state, int target)
    {
        if (number[target] < number[state])
        {
            number[state] = number[target];
            pathRoots[at] = false;
        }
    }

    /// <summary>Closes the component of <paramref name="root"/>: it and the open states numbered at or above it.</summary>
    private void Close(int root, ref int index, int component, List<int[]> components)
    {
        int rootNumber = number[root];
        int size = 1;
        while (open.Count >= size && number[open[open.Count - size]] >= rootNumber)
        {
            size++;
        }

        int[]? members = size >= 2 ? new int[size] : null;
        for (int i = 1; i < size; i++)
        {
            int member = open[open.Count - 1];
            open.RemoveAt(open.Count - 1);
            number[member] = component;
            members![i] = member;
        }

        number[root] = component;
        index -= size;
        if (members is not null)
        {
            members[0] = root;
            components.Add(members);
        }
    }
}
