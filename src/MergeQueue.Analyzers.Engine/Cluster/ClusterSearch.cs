using System;
using System.Threading.Tasks;
using MergeQueue.Analyzers.Engine.Runtime;

namespace MergeQueue.Analyzers.Engine.Cluster;

/// <summary>
/// The breadth-first search on a cluster, driven from the calling process: level by level, each shard expands its
/// frontier and sends the successors to their owners, and a level ends at a barrier, so depths, counts and trace
/// lengths equal the one-machine run's. The liveness properties are checked after a complete run on the explored
/// graph, gathered into the calling process (which must hold it, as one machine would).
/// </summary>
internal static class ClusterSearch
{
    /// <summary>Explores <paramref name="model"/> on <see cref="ExplorationOptions.Cluster"/>.</summary>
    /// <exception cref="NotSupportedException">The model's states are not the generator's encoding.</exception>
    internal static Task<ExplorationResult> RunAsync<TState>(IModel<TState> model, ExplorationOptions options)
    {
        // Shards exchange states as bytes: only the generator's canonical encoding has them.
        if (model is not IModel<PackedState> encoded)
        {
            throw new NotSupportedException(
                "'" + model.Name + "' cannot be explored on a cluster: its states are " + typeof(TState).Name
                + " values, not the generator's byte encoding (PackedState), so they cannot travel between shards. The generator "
                + "keeps a model on the general path when it cannot encode some type of its state; explore it without ExplorationOptions.Cluster.");
        }

        return new ClusterRun(encoded, options).RunAsync();
    }
}
