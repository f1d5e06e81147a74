using System.Threading;
using System.Threading.Tasks;

namespace MergeQueue.Analyzers;

/// <summary>
/// A cluster that explores a model with its visited set split into shards, each owning the states whose 64-bit
/// hash falls to it (<see cref="ExplorationOptions.Cluster"/>). The engine drives the run from the calling process and
/// speaks to the shards in its own bytes; the cluster only hosts a <see cref="Engine.Cluster.ShardHost"/> per shard,
/// carries requests to it and carries the deliveries a shard makes to its peers. The package
/// <c>MergeQueue.Analyzers.Orleans</c> provides one on Microsoft Orleans.
/// </summary>
public interface IExplorationCluster
{
    /// <summary>How many shards a run starting now is split into; the cluster spreads them over its members.</summary>
    /// <param name="cancellation">Stops waiting.</param>
    /// <returns>At least 1.</returns>
    Task<int> GetShardCountAsync(CancellationToken cancellation);

    /// <summary>
    /// Hands <paramref name="request"/> to the <see cref="Engine.Cluster.ShardHost"/> of shard <paramref name="shard"/>
    /// of run <paramref name="run"/> (creating the host on first use), delivers each of the response's
    /// <see cref="Engine.Cluster.ShardResponse.Deliveries"/> to its shard's host, and returns the response's reply once
    /// every delivery has arrived. A host that is lost (its member failed) must not be recreated silently with the same
    /// identity and answer as if nothing happened: a new host answers the engine's requests with an error, which the
    /// engine reports as <see cref="ExplorationBound.ClusterFault"/>.
    /// </summary>
    /// <param name="run">The run's identifier, the same for all its shards.</param>
    /// <param name="shard">The shard, from 0 to the shard count less one.</param>
    /// <param name="request">The engine's request.</param>
    /// <param name="cancellation">Stops waiting.</param>
    /// <returns>The host's reply.</returns>
    Task<byte[]> SendAsync(string run, int shard, byte[] request, CancellationToken cancellation);
}
