using System;
using System.Threading.Tasks;

namespace MergeQueue.Analyzers.Engine.Cluster;

/// <summary>
/// The breadth-first search on a cluster, driven from the calling process: level by level, each shard expands its
/// frontier and sends the successors to their owners, and a level ends at a barrier, so depths, counts and trace
/// lengths equal the one-machine run's.
/// </summary>
internal static class ClusterSearch
{
    /// <summary>Explores <paramref name="model"/> on <see cref="ExplorationOptions.Cluster"/>.</summary>
    internal static Task<ExplorationResult> RunAsync<TState>(IModel<TState> model, ExplorationOptions options) =>
        throw new NotImplementedException("cluster exploration: coordinator");
}
