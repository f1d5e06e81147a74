using System;
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
    // its component as far as is known. Arrays that double when full.
    private int[] pathStates = new int[64];
    private int[] pathEdges = new int[64];
    private bool[] pathRoots = new bool[64];
    private int depth;

    // Visited states whose component is not closed yet, other than the roots on the path.
    private int[] open = new int[64];
    private int openCount;

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
    internal List<int[]> FindCycles(int[] members, StateSet isMember)
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
            while (depth > 0)
            {
                int top = depth - 1;
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
                depth = top;
                if (pathRoots[top])
                {
                    Close(state, ref index, closed--, components);
                }
                else
                {
                    if (openCount == open.Length)
                    {
                        Array.Resize(ref open, openCount * 2);
                    }

                    open[openCount++] = state;
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
        if (depth == pathStates.Length)
        {
            Array.Resize(ref pathStates, depth * 2);
            Array.Resize(ref pathEdges, depth * 2);
            Array.Resize(ref pathRoots, depth * 2);
        }

        number[state] = index++;
        pathStates[depth] = state;
        pathEdges[depth] = graph.EdgeStart[state];
        pathRoots[depth] = true;
        depth++;
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
        while (openCount >= size && number[open[openCount - size]] >= rootNumber)
        {
            size++;
        }

        int[]? members = size >= 2 ? new int[size] : null;
        for (int i = 1; i < size; i++)
        {
            int member = open[--openCount];
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
