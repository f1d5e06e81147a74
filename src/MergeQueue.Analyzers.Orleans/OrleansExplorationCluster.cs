using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Orleans;
using Orleans.Runtime;

namespace MergeQueue.Analyzers.Orleans;

/// <summary>
/// An <see cref="IExplorationCluster"/> on Microsoft Orleans: each shard of a run is an
/// <see cref="IExplorationShardGrain"/>, and the shards are dealt over the cluster's silos
/// (<see cref="ExplorationShardPlacement"/>). Pass it as <see cref="ExplorationOptions.Cluster"/> from a client (or a
/// silo) of a cluster whose silos call <see cref="MergeQueueExplorationSiloBuilderExtensions.AddMergeQueueExploration"/>.
/// </summary>
public sealed class OrleansExplorationCluster : IExplorationCluster
{
    private readonly IGrainFactory grains;

    // The silos as the last GetShardCountAsync saw them: only to name, in an error, the silo a shard was placed on.
    private SiloAddress[] silos = Array.Empty<SiloAddress>();

    /// <summary>Creates the cluster with one shard per silo.</summary>
    /// <param name="grains">The cluster client (<c>IClusterClient</c>) or a grain's factory.</param>
    public OrleansExplorationCluster(IGrainFactory grains)
        : this(grains, 1)
    {
    }

    /// <summary>Creates the cluster.</summary>
    /// <param name="grains">The cluster client (<c>IClusterClient</c>) or a grain's factory.</param>
    /// <param name="shardsPerSilo">
    /// Shards per silo. A shard works on one thread at a time, so a silo with many cores uses about as many shards.
    /// </param>
    public OrleansExplorationCluster(IGrainFactory grains, int shardsPerSilo)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentOutOfRangeException.ThrowIfLessThan(shardsPerSilo, 1);
        this.grains = grains;
        ShardsPerSilo = shardsPerSilo;
    }

    /// <summary>Shards per silo.</summary>
    public int ShardsPerSilo { get; }

    /// <inheritdoc />
    /// <returns>The active silos times <see cref="ShardsPerSilo"/>.</returns>
    public async Task<int> GetShardCountAsync(CancellationToken cancellation)
    {
        Dictionary<SiloAddress, SiloStatus> hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(cancellation);
        SiloAddress[] sorted = ExplorationShardPlacement.Sort(hosts.Keys);
        Volatile.Write(ref silos, sorted);
        return Math.Max(1, sorted.Length) * ShardsPerSilo;
    }

    /// <inheritdoc />
    /// <exception cref="ExplorationShardException">
    /// The call failed: the shard's silo was lost (Orleans' exception, inside, names it), the call timed out, or the
    /// host threw.
    /// </exception>
    public async Task<byte[]> SendAsync(string run, int shard, byte[] request, CancellationToken cancellation)
    {
        IExplorationShardGrain grain = grains.GetGrain<IExplorationShardGrain>(new ShardKey(run, shard).ToString());
        try
        {
            return await grain.Handle(request).WaitAsync(cancellation);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            SiloAddress[] known = Volatile.Read(ref silos);
            string? silo = known.Length == 0 || shard < 0 ? null : known[shard % known.Length].ToString();
            throw new ExplorationShardException(run, shard, silo, e);
        }
    }
}
