using System;
using System.IO;

namespace MergeQueue.Analyzers.Engine;

internal sealed partial class LivenessGraph
{
    // How many states' edges are copied between two releases of the copied ones.
    private const int ReleaseInterval = 1 << 12;

    /// <summary>
    /// Moves the recorded steps of a fully expanded graph into a liveness graph, dropping the steps back to the same
    /// state; the graph forgets its steps once they are moved. Steps recorded in memory are copied into memory, the
    /// graph forgetting them as they are copied, so the two copies are never held at once. Steps logged in temporary
    /// files (fingerprint mode) go in one reading to a temporary file in the graph's directory for files, mapped into
    /// memory (to memory when it has none, or no file can be written there).
    /// </summary>
    internal static LivenessGraph Build<TState>(IModel<TState> model, StateGraph<TState> graph)
    {
        int[] groupOfInstance = GroupsOf(model, out ActionFairness[] fairness);
        var builder = new Builder(graph.Count, Math.Max(1, model.ActionInstances.Count), groupOfInstance, fairness);
        LivenessEdges edges = graph.LoggedSteps is LoggedSteps logged ? builder.FromLog(graph, logged) : builder.FromMemory(graph);
        graph.ReleaseEdges();
        return new LivenessGraph(graph.Count, graph.InitialCount, builder.EdgeStart, edges, builder.FairEnabled, groupOfInstance, fairness);
    }

    /// <summary>
    /// The rows of a graph being built, and the states where a fair group has a state-changing step, noted as the
    /// edges go by so that no pass reads them all again.
    /// </summary>
    private sealed class Builder
    {
        private readonly int instanceBound;
        private readonly bool[] fairInstance;

        internal Builder(int stateCount, int instanceBound, int[] groupOfInstance, ActionFairness[] fairness)
        {
            this.instanceBound = instanceBound;
            fairInstance = new bool[groupOfInstance.Length];
            for (int instance = 0; instance < fairInstance.Length; instance++)
            {
                fairInstance[instance] = fairness[groupOfInstance[instance]] != ActionFairness.None;
            }

            EdgeStart = new int[stateCount + 1];
            FairEnabled = new StateSet(stateCount);
        }

        internal int[] EdgeStart { get; }

        internal StateSet FairEnabled { get; }

        internal LivenessEdges FromMemory<TState>(StateGraph<TState> graph)
        {
            int stateCount = graph.Count;
            int changing = 0;
            for (int state = 0; state < stateCount; state++)
            {
                EdgeStart[state] = changing;
                graph.Successors(state, out int first, out int end);
                for (int edge = first; edge < end; edge++)
                {
                    changing += graph.EdgeTarget(edge) != state ? 1 : 0;
                }
            }

            EdgeStart[stateCount] = changing;
            var edges = LivenessEdges.InMemory(changing, instanceBound);
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
                        Add(edges, state, target, graph.EdgeInstance(edge));
                    }
                }
            }

            edges.Complete();
            return edges;
        }

        internal LivenessEdges FromLog<TState>(StateGraph<TState> graph, LoggedSteps logged)
        {
            int stateCount = graph.Count;
            if (logged.ExpandedCount != stateCount)
            {
                throw new InvalidOperationException("The liveness search needs every state expanded.");
            }

            if (graph.FilesIn is string directory && LivenessEdges.InFile(directory, instanceBound) is LivenessEdges inFile)
            {
                try
                {
                    AddLogged(logged, inFile, stateCount);
                    return inFile;
                }
                catch (IOException)
                {
                    // The file could not be written (a full disk): the edges go to memory instead.
                    inFile.Dispose();
                }
            }

            // In memory the edges are counted first, so that their arrays are the size they need.
            int changing = 0;
            TemporaryLog.Reader steps = logged.ReadSteps();
            for (int state = 0; state < stateCount; state++)
            {
                for (int count = logged.ReadCount(steps); count > 0; count--)
                {
                    changing += logged.ReadStep(steps, out _) != state ? 1 : 0;
                }
            }

            LivenessEdges inMemory = LivenessEdges.InMemory(changing, instanceBound);
            AddLogged(logged, inMemory, stateCount);
            return inMemory;
        }

        private void AddLogged(LoggedSteps logged, LivenessEdges edges, int stateCount)
        {
            TemporaryLog.Reader steps = logged.ReadSteps();
            for (int state = 0; state < stateCount; state++)
            {
                EdgeStart[state] = edges.Count;
                for (int count = logged.ReadCount(steps); count > 0; count--)
                {
                    int target = logged.ReadStep(steps, out int instance);
                    if (target != state)
                    {
                        Add(edges, state, target, instance);
                    }
                }
            }

            EdgeStart[stateCount] = edges.Count;
            edges.Complete();
        }

        private void Add(LivenessEdges edges, int state, int target, int instance)
        {
            edges.Add(target, instance);
            if (fairInstance[instance])
            {
                FairEnabled[state] = true;
            }
        }
    }
}
