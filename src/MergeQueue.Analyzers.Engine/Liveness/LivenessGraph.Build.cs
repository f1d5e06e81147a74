using System;
using System.IO;

namespace MergeQueue.Analyzers.Engine;

internal sealed partial class LivenessGraph
{
    // How many states' edges are copied between two releases of the copied ones.
    private const int ReleaseInterval = 1 << 12;

    /// <summary>
    /// Moves the recorded steps of a fully expanded graph into a liveness graph, dropping the steps back to the same
    /// state; the graph forgets its steps once they are moved. Steps recorded by number are copied into memory, the
    /// graph forgetting them as they are copied, so the two copies are never held at once. Steps recorded by key
    /// (fingerprint mode) get their targets' numbers back from a <see cref="FingerprintIndex"/> and go to a temporary
    /// file in the graph's directory for files (in memory when it has none, or no file can be written there).
    /// </summary>
    internal static LivenessGraph Build<TState>(IModel<TState> model, StateGraph<TState> graph)
    {
        int[] groupOfInstance = GroupsOf(model, out ActionFairness[] fairness);
        var builder = new Builder(graph.Count, Math.Max(1, model.ActionInstances.Count), groupOfInstance, fairness);
        LivenessEdges edges = graph.KeyedSteps is KeyedSteps keyed ? builder.FromKeys(graph, keyed) : builder.FromNumbers(graph);
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

        internal LivenessEdges FromNumbers<TState>(StateGraph<TState> graph)
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

        internal LivenessEdges FromKeys<TState>(StateGraph<TState> graph, KeyedSteps keyed)
        {
            int stateCount = graph.Count;
            if (keyed.StateCount != stateCount || keyed.ExpandedCount != stateCount)
            {
                throw new InvalidOperationException("The liveness search needs every state expanded.");
            }

            // A step goes back to the same state when its key is the state's own: no number is needed to drop it.
            int changing = 0;
            TemporaryLog.Reader keys = keyed.ReadKeys();
            TemporaryLog.Reader steps = keyed.ReadSteps();
            for (int state = 0; state < stateCount; state++)
            {
                EdgeStart[state] = changing;
                ulong own = keys.Read(8);
                for (int count = keyed.ReadCount(steps); count > 0; count--)
                {
                    changing += keyed.ReadStep(steps, out _) != own ? 1 : 0;
                }
            }

            EdgeStart[stateCount] = changing;
            var index = new FingerprintIndex(keyed.ReadKeys, stateCount);
            LivenessEdges edges = graph.FilesIn is string directory
                ? LivenessEdges.InFileOrMemory(changing, instanceBound, directory)
                : LivenessEdges.InMemory(changing, instanceBound);
            try
            {
                AddKeyedSteps(keyed, index, edges, stateCount);
            }
            catch (IOException) when (edges.InFile)
            {
                // The file could not be written (a full disk): the edges go to memory instead.
                edges.Dispose();
                edges = LivenessEdges.InMemory(changing, instanceBound);
                AddKeyedSteps(keyed, index, edges, stateCount);
            }

            return edges;
        }

        private void AddKeyedSteps(KeyedSteps keyed, FingerprintIndex index, LivenessEdges edges, int stateCount)
        {
            TemporaryLog.Reader keys = keyed.ReadKeys();
            TemporaryLog.Reader steps = keyed.ReadSteps();
            for (int state = 0; state < stateCount; state++)
            {
                ulong own = keys.Read(8);
                for (int count = keyed.ReadCount(steps); count > 0; count--)
                {
                    ulong target = keyed.ReadStep(steps, out int instance);
                    if (target != own)
                    {
                        Add(edges, state, index.NumberOf(target), instance);
                    }
                }
            }

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
