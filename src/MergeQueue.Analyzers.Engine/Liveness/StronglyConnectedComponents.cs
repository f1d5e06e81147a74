namespace MergeQueue.Analyzers.Engine;

/// <summary>
/// Tarjan's strongly connected components over a subset of the states, with explicit stacks instead of recursion:
/// a path through a model can be millions of states long, and the compiler runs analyzers on small thread stacks.
/// The arrays are sized once for the whole graph and reused by every call.
/// </summary>
internal sealed class StronglyConnectedComponents
{
    private readonly LivenessGraph graph;
    private readonly SearchDeadline deadline;
    private readonly int[] index;
    private readonly int[] lowLink;
    private readonly int[] nextEdge;
    private readonly int[] visitedIn;
    private readonly bool[] onStack;
    private readonly int[] callStack;
    private readonly int[] componentStack;
    private int run;

    internal StronglyConnectedComponents(LivenessGraph graph, SearchDeadline deadline)
    {
        this.graph = graph;
        this.deadline = deadline;
        int count = graph.StateCount;
        index = new int[count];
        lowLink = new int[count];
        nextEdge = new int[count];
        visitedIn = new int[count];
        onStack = new bool[count];
        callStack = new int[count];
        componentStack = new int[count];
    }

    /// <summary>
    /// The components of the subgraph induced by <paramref name="members"/> (the states with
    /// <c>mark[s] == tag</c>), returned as the member states grouped by component: component c holds
    /// <c>states[bounds[c] .. bounds[c + 1])</c>.
    /// </summary>
    internal void Find(int[] members, int[] mark, int tag, out int[] states, out int[] bounds)
    {
        // Run numbers start at 1 so that the zeroed visitedIn array means "not visited in any run".
        run++;
        states = new int[members.Length];
        var boundList = new System.Collections.Generic.List<int> { 0 };
        int written = 0;
        int counter = 0;
        int[] edgeStart = graph.EdgeStart;
        int[] edgeTarget = graph.EdgeTarget;
        foreach (int root in members)
        {
            if (visitedIn[root] == run)
            {
                continue;
            }

            int depth = 0;
            int stacked = 0;
            Enter(root, ref counter, ref stacked);
            callStack[depth++] = root;
            while (depth > 0)
            {
                int state = callStack[depth - 1];
                if (nextEdge[state] < edgeStart[state + 1])
                {
                    int target = edgeTarget[nextEdge[state]++];
                    if (mark[target] != tag)
                    {
                        continue;
                    }

                    if (visitedIn[target] != run)
                    {
                        deadline.Tick();
                        Enter(target, ref counter, ref stacked);
                        callStack[depth++] = target;
                    }
                    else if (onStack[target] && index[target] < lowLink[state])
                    {
                        lowLink[state] = index[target];
                    }

                    continue;
                }

                // Every edge of this state is done: return to its caller, then close a component at a root.
                depth--;
                if (depth > 0 && lowLink[state] < lowLink[callStack[depth - 1]])
                {
                    lowLink[callStack[depth - 1]] = lowLink[state];
                }

                if (lowLink[state] == index[state])
                {
                    int member;
                    do
                    {
                        member = componentStack[--stacked];
                        onStack[member] = false;
                        states[written++] = member;
                    }
                    while (member != state);
                    boundList.Add(written);
                }
            }
        }

        bounds = boundList.ToArray();
    }

    // The component stack is per root: a root's search closes every component it opens, so it empties again.
    private void Enter(int state, ref int counter, ref int stacked)
    {
        visitedIn[state] = run;
        index[state] = counter;
        lowLink[state] = counter;
        counter++;
        nextEdge[state] = graph.EdgeStart[state];
        onStack[state] = true;
        componentStack[stacked++] = state;
    }
}
