namespace MergeQueue.Analyzers.Engine;

internal sealed partial class LivenessGraph
{
    // How many states' edges are copied between two releases of the copied ones.
    private const int ReleaseInterval = 1 << 12;

    /// <summary>
    /// Moves the recorded steps of a fully expanded graph into a liveness graph, dropping the steps back to the same
    /// state: the graph forgets its edges as they are copied, so the two copies are never held at once.
    /// </summary>
    internal static LivenessGraph Build<TState>(IModel<TState> model, StateGraph<TState> graph)
    {
        int stateCount = graph.Count;
        var edgeStart = new int[stateCount + 1];
        int changing = 0;
        for (int state = 0; state < stateCount; state++)
        {
            edgeStart[state] = changing;
            graph.Successors(state, out int first, out int end);
            for (int edge = first; edge < end; edge++)
            {
                changing += graph.EdgeTarget(edge) != state ? 1 : 0;
            }
        }

        edgeStart[stateCount] = changing;
        var edges = LivenessEdges.InMemory(changing, model.ActionInstances.Count);
        for (int state = 0; state < stateCount; state++)
        {
            if (state % ReleaseInterval == 0)
            {
                graph.ReleaseEdgesBelow(state);
            }

            graph.Successors(state, out int first, out int end);
            for (int edge = first; edge < end; edge++)
            {
                int target = graph.EdgeTarget(edge);
                if (target != state)
                {
                    edges.Add(target, graph.EdgeInstance(edge));
                }
            }
        }

        graph.ReleaseEdges();
        edges.Complete();
        return new LivenessGraph(stateCount, graph.InitialCount, edgeStart, edges, GroupsOf(model, out ActionFairness[] fairness), fairness);
    }
}
